"""Fast checks of the installers' sources; .ci/package and .ci/test-package build and run them."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLibraryInfo

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "resources" / "installer"
sys.path.insert(0, str(INSTALLER))

import make_deb  # noqa: E402
import make_icons  # noqa: E402

QT = "PySide6/Qt"


class Recorder:
    """Stands in for one of PyInstaller's spec classes and remembers how it was called."""

    calls: dict[str, SimpleNamespace]

    def __init__(self, name: str, calls: dict[str, SimpleNamespace]) -> None:
        self.name, self.calls = name, calls

    def __call__(self, *args, **kwargs) -> SimpleNamespace:
        result = SimpleNamespace(args=args, kwargs=kwargs, **kwargs)
        if self.name == "Analysis":
            result.binaries, result.datas = list(SAMPLE_BINARIES), list(SAMPLE_DATAS)
            result.pure, result.scripts = [], []
        self.calls[self.name] = result
        return result


SAMPLE_BINARIES = [
    (f"{QT}/lib/libQt6Core.so.6", "/venv/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
    (f"{QT}/lib/libQt6Svg.so.6", "/venv/PySide6/Qt/lib/libQt6Svg.so.6", "BINARY"),
    (f"{QT}/lib/libicudata.so.73", "/venv/PySide6/Qt/lib/libicudata.so.73", "BINARY"),
    (f"{QT}/lib/libQt6Quick.so.6", "/venv/PySide6/Qt/lib/libQt6Quick.so.6", "BINARY"),
    (f"{QT}/lib/libQt6Network.so.6", "/venv/PySide6/Qt/lib/libQt6Network.so.6", "BINARY"),
    (f"{QT}/plugins/platforms/libqxcb.so", "/venv/x/libqxcb.so", "BINARY"),
    (f"{QT}/plugins/platforms/libqoffscreen.so", "/venv/x/libqoffscreen.so", "BINARY"),
    (f"{QT}/plugins/platforms/libqeglfs.so", "/venv/x/libqeglfs.so", "BINARY"),
    (f"{QT}/plugins/platformthemes/libqgtk3.so", "/venv/x/libqgtk3.so", "BINARY"),
    (f"{QT}/plugins/imageformats/libqjpeg.so", "/venv/x/libqjpeg.so", "BINARY"),
    (f"{QT}/plugins/imageformats/libqpdf.so", "/venv/x/libqpdf.so", "BINARY"),
    (f"{QT}/plugins/tls/libqopensslbackend.so", "/venv/x/libqopensslbackend.so", "BINARY"),
    ("PySide6/QtCore.abi3.so", "/venv/PySide6/QtCore.abi3.so", "EXTENSION"),
    ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "BINARY"),
    ("libX11.so.6", "/lib/x86_64-linux-gnu/libX11.so.6", "BINARY"),
    ("libfontconfig.so.1", "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1", "BINARY"),
]
SAMPLE_DATAS = [
    (f"{QT}/translations/qtbase_de.qm", "/venv/x/qtbase_de.qm", "DATA"),
    (f"{QT}/translations/qt_de.qm", "/venv/x/qt_de.qm", "DATA"),
    (f"{QT}/translations/qtdeclarative_de.qm", "/venv/x/qtdeclarative_de.qm", "DATA"),
    ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
    ("libQt6Network.so.6", f"{QT}/lib/libQt6Network.so.6", "SYMLINK"),
]


@pytest.fixture(scope="module")
def spec(tmp_path_factory) -> dict[str, SimpleNamespace]:
    """build.spec run with PyInstaller's classes replaced by recorders."""
    calls: dict[str, SimpleNamespace] = {}
    namespace = {
        name: Recorder(name, calls) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    }
    namespace |= {"SPECPATH": str(ROOT), "workpath": str(tmp_path_factory.mktemp("work"))}
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    saved_path = list(sys.path)
    try:
        exec(compile(source, "build.spec", "exec"), namespace)
    finally:
        sys.path[:] = saved_path
    return calls | {"namespace": SimpleNamespace(**namespace)}


def kept(entries: list[tuple[str, str, str]]) -> set[str]:
    return {dest for dest, _, _ in entries}


def test_spec_builds_a_windowed_one_folder_bundle_named_crm_desktop(spec):
    exe, collect = spec["EXE"], spec["COLLECT"]
    assert exe.name == collect.name == "crm-desktop"
    assert exe.console is False
    assert exe.exclude_binaries is True  # one folder: the binaries go beside the launcher
    assert exe.strip == collect.strip == sys.platform.startswith("linux")


def test_spec_bundles_the_resources_and_leaves_out_what_the_app_never_imports(spec):
    analysis = spec["Analysis"]
    assert Path(analysis.args[0][0]) == ROOT / "crm_desktop" / "__main__.py"
    assert {dest for _, dest in analysis.kwargs["datas"]} >= {"resources/icons", "resources/styles"}
    for module in ("sqlite3", "pytest", "hypothesis", "PySide6.QtQml", "PySide6.QtNetwork"):
        assert module in analysis.excludes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux file names")
def test_spec_keeps_only_the_qt_parts_and_libraries_the_app_loads(spec):
    binaries = kept(spec["Analysis"].binaries)
    assert binaries == {
        f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/lib/libQt6Svg.so.6",
        f"{QT}/lib/libicudata.so.73",
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqoffscreen.so",
        f"{QT}/plugins/imageformats/libqjpeg.so",
        "PySide6/QtCore.abi3.so",
        "libpython3.11.so.1.0",  # Python's own library stays, even from /usr/lib
    }
    assert kept(spec["Analysis"].datas) == {f"{QT}/translations/qtbase_de.qm", "libQt6Core.so.6"}


def test_spec_keeps_what_printing_needs(spec):
    """Customer ▸ Print… uses QtPrintSupport, and on Linux Qt's CUPS plugin for printers."""
    wanted = spec["namespace"].wanted
    assert "PySide6.QtPrintSupport" not in spec["Analysis"].excludes
    assert wanted(f"{QT}/lib/libQt6PrintSupport.so.6", "/venv/x/libQt6PrintSupport.so.6", "BINARY")
    plugin = f"{QT}/plugins/printsupport/libcupsprintersupport.so"
    assert wanted(plugin, "/venv/x/libcupsprintersupport.so", "BINARY")


def test_every_plugin_the_spec_keeps_exists_in_this_pyside6(spec):
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    present = {
        (path.parent.name, spec["namespace"].plugin_name(path.name)) for path in plugins.glob("*/*")
    }
    linux_only = {"qwindows", "qcocoa"}
    for folder, names in spec["namespace"].QT_PLUGINS.items():
        for name in names - linux_only:
            assert (folder, name) in present, f"{folder}/{name} is not in {plugins}"


def test_icons_render_to_a_multi_size_ico_and_icns(qapp, tmp_path):
    paths = make_icons.make_icons(tmp_path)

    ico = paths["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert sides == list(make_icons.ICO_SIZES)
    icns = paths["icns"].read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for size in make_icons.PNG_SIZES:
        assert paths[f"png{size}"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_desktop_entry_starts_the_command_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(INSTALLER / "crm-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == section["Icon"] == "crm-desktop"
    assert "Office;" in section["Categories"]
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(INSTALLER / "crm-desktop.desktop")], check=True
        )


def test_the_depends_table_maps_each_library_to_one_package():
    lines = (INSTALLER / "deb" / "depends.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    assert all(len(entry) == 2 for entry in entries), entries
    sonames = [soname for soname, _ in entries]
    assert len(sonames) == len(set(sonames))
    assert ("libxcb-cursor.so.0", "libxcb-cursor0") in [tuple(e) for e in entries]


@pytest.mark.skipif(not shutil.which("readelf"), reason="needs readelf (binutils)")
def test_depends_come_from_what_bundled_binaries_need(tmp_path):
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    bundle = tmp_path / "bundle"
    (bundle / "plugins").mkdir(parents=True)
    shutil.copy(plugins / "platforms" / "libqoffscreen.so", bundle / "plugins")

    with pytest.raises(SystemExit, match=r"libQt6Gui\.so\.6 \(needed by plugins/libqoffscreen"):
        make_deb.depends(bundle)

    for carried in ("libQt6Gui.so.6", "libQt6Core.so.6"):
        (bundle / carried).write_bytes(b"")  # the bundle carries these: not a dependency
    field, glibc = make_deb.depends(bundle)
    packages = [part.split(" ")[0] for part in field.split(", ")]
    assert {"libc6", "libgl1", "libx11-6", "libxkbcommon0", "libstdc++6"} <= set(packages)
    assert f"libc6 (>= {glibc})" in field
    assert packages == sorted(packages)


def test_nsis_script_has_shortcut_uninstaller_and_per_user_or_machine_install():
    script = (INSTALLER / "crm-desktop.nsi").read_text(encoding="utf-8")
    for needle in (
        "!ifndef VERSION",
        "!include MultiUser.nsh",
        "MULTIUSER_PAGE_INSTALLMODE",
        'CreateShortcut "$SMPROGRAMS',
        "WriteUninstaller",
        'Section "Uninstall"',
    ):
        assert needle in script


@pytest.mark.skipif(not shutil.which("makensis"), reason="needs makensis (Debian's nsis)")
def test_nsis_script_compiles_against_a_stand_in_payload(qapp, tmp_path):
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "crm-desktop.exe").write_text("stand-in")
    icon = make_icons.make_icons(tmp_path / "icons")["ico"]
    setup = tmp_path / "setup-standin.exe"

    subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",
            "-DVERSION=1.2.3",
            f"-DPAYLOAD={payload}",
            f"-DICON={icon}",
            f"-DOUTFILE={setup}",
            str(INSTALLER / "crm-desktop.nsi"),
        ],
        check=True,
        capture_output=True,
    )
    assert setup.read_bytes()[:2] == b"MZ"


def test_package_extra_pins_pyinstaller():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = project["optional-dependencies"]["package"]
    assert any(pin.startswith("pyinstaller==") for pin in pins)
    assert any(pin.startswith("pyinstaller-hooks-contrib==") for pin in pins)


@pytest.mark.parametrize("script", [".ci/package", ".ci/test-package"])
def test_ci_scripts_are_executable_bash(script):
    path = ROOT / script
    assert path.stat().st_mode & 0o111
    subprocess.run(["bash", "-n", str(path)], check=True)


def test_spec_ships_the_apps_catalogues_beside_qts_own(spec):
    """build.spec builds the .qm files (never committed) and keeps them: the frozen app
    shows German menus (its self-test checks them)."""
    datas = spec["Analysis"].kwargs["datas"]
    catalogues = {Path(source).name for source, dest in datas if dest == "resources/translations"}
    assert catalogues == {"crm_desktop_de.qm", "crm_desktop_en.qm"}
    wanted = spec["namespace"].wanted
    assert wanted("resources/translations/crm_desktop_de.qm", "/x/crm_desktop_de.qm", "DATA")
    assert wanted(f"{QT}/translations/qtbase_de.qm", "/venv/x/qtbase_de.qm", "DATA")
    assert not wanted(f"{QT}/translations/qt_help_de.qm", "/venv/x/qt_help_de.qm", "DATA")
    # Qt's words in a language the app does not speak are never installed (crm_desktop.i18n).
    assert not wanted(f"{QT}/translations/qtbase_fr.qm", "/venv/x/qtbase_fr.qm", "DATA")
    assert not wanted(f"{QT}/translations/qtbase_pt_BR.qm", "/venv/x/qtbase_pt_BR.qm", "DATA")


def test_the_package_brings_a_colour_emoji_font_and_the_bundle_none():
    """Emoji in messages show in colour on Debian through the system's font; the bundle
    (size budget) carries no font of its own."""
    control = (INSTALLER / "deb" / "control.in").read_text(encoding="utf-8")
    depends = next(line for line in control.splitlines() if line.startswith("Depends:"))
    assert "fonts-noto-color-emoji" in depends
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert ".ttf" not in spec and "NotoColorEmoji" not in spec
