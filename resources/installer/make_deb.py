"""Package the one-folder bundle as a .deb with dpkg-deb.

    python resources/installer/make_deb.py dist/crm-desktop dist

The package installs the bundle in /opt/crm-desktop, the ``crm-desktop`` command in
/usr/bin, a menu entry and the icon. Its Depends is worked out from the bundle itself:
each library that a bundled binary needs (ELF NEEDED) and that the bundle does not carry
is looked up in deb/depends.txt, and the build stops when one is not listed there.
Menu and icon caches need no maintainer scripts: Debian's triggers refresh them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from make_icons import PNG_SIZES, make_icons  # noqa: E402

from crm_desktop import APP_NAME, __version__  # noqa: E402

PREFIX = Path("opt") / APP_NAME
MAINTAINER = "CRM Desktop maintainers <crm-desktop@example.com>"
# GLIBCXX_3.4.<n> -> the GCC release whose libstdc++ brought it.
GLIBCXX_GCC = {29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14", 34: "15"}


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def readelf(*args: str) -> str:
    return subprocess.run(["readelf", *args], check=True, capture_output=True, text=True).stdout


def needed_libraries(bundle: Path) -> tuple[dict[str, list[str]], set[str]]:
    """What the binaries need that the bundle lacks (soname -> users), and symbol versions."""
    carried = {path.name for path in bundle.rglob("*")}
    missing: dict[str, list[str]] = {}
    symbol_versions: set[str] = set()
    for path in sorted(p for p in bundle.rglob("*") if is_elf(p)):
        dynamic = readelf("--dynamic", "--wide", str(path))
        for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic):
            if soname not in carried:
                missing.setdefault(soname, []).append(str(path.relative_to(bundle)))
        symbol_versions |= set(
            re.findall(r"\b(GLIBC_2\.\d+|GLIBCXX_3\.4\.\d+)\b", readelf("-V", "--wide", str(path)))
        )
    return missing, symbol_versions


def newest(versions: set[str], prefix: str) -> tuple[int, ...] | None:
    found = [
        tuple(int(n) for n in v[len(prefix) :].split(".")) for v in versions if v.startswith(prefix)
    ]
    return max(found) if found else None


def depends(bundle: Path) -> tuple[str, str]:
    """The Depends field, and the oldest glibc the bundle runs with (for the README)."""
    table = {}
    for line in (HERE / "deb" / "depends.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            soname, package = line.split()
            table[soname] = package
    missing, versions = needed_libraries(bundle)
    unknown = sorted(soname for soname in missing if soname not in table)
    if unknown:
        details = "\n".join(f"  {s} (needed by {', '.join(missing[s][:3])})" for s in unknown)
        sys.exit(
            "These libraries are neither in the bundle nor in resources/installer/deb/"
            f"depends.txt; add their Debian packages there (or leave out what needs them):\n"
            f"{details}"
        )
    packages = {table[soname] for soname in missing}
    glibc = newest(versions, "GLIBC_")
    glibc_text = ".".join(map(str, glibc or (2, 17)))
    versioned = {"libc6": f"libc6 (>= {glibc_text})"}
    glibcxx = newest(versions, "GLIBCXX_")
    if glibcxx and glibcxx[2] in GLIBCXX_GCC and "libstdc++6" in packages:
        versioned["libstdc++6"] = f"libstdc++6 (>= {GLIBCXX_GCC[glibcxx[2]]})"
    return ", ".join(versioned.get(p, p) for p in sorted(packages)), glibc_text


def architecture() -> str:
    done = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True)
    return done.stdout.decode().strip()


def stage(bundle: Path, root: Path) -> None:
    """The package's files under ``root``, as they will lie on the installed system."""
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin" / APP_NAME).symlink_to(Path("/") / PREFIX / APP_NAME)
    applications = root / "usr/share/applications"
    applications.mkdir(parents=True)
    shutil.copy(HERE / f"{APP_NAME}.desktop", applications)
    icons = root / "usr/share/icons/hicolor"
    rendered = make_icons(root.parent / "icons")
    for size in PNG_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(rendered[f"png{size}"], folder / f"{APP_NAME}.png")
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copy(ROOT / "resources/icons/app.svg", icons / "scalable/apps" / f"{APP_NAME}.svg")
    docs = root / "usr/share/doc" / APP_NAME
    docs.mkdir(parents=True)
    shutil.copy(HERE / "deb" / "copyright", docs)
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():  # files as dpkg expects them, whatever the umask was
            executable = path.is_dir() or os.access(path, os.X_OK)
            path.chmod(0o755 if executable else 0o644)


def installed_size_kib(root: Path) -> int:
    return sum(-(-path.lstat().st_size // 1024) for path in root.rglob("*") if not path.is_dir())


def build(bundle: Path, out_dir: Path) -> Path:
    if not (bundle / APP_NAME).is_file():
        sys.exit(f"No bundle in {bundle}: build it first (pyinstaller build.spec)")
    arch = architecture()
    work = ROOT / "build" / "deb"
    shutil.rmtree(work, ignore_errors=True)
    root = work / "root"
    stage(bundle, root)
    depends_field, glibc = depends(root / PREFIX)
    control = (HERE / "deb" / "control.in").read_text(encoding="utf-8")
    for key, value in {
        "VERSION": __version__,
        "ARCHITECTURE": arch,
        "MAINTAINER": os.environ.get("DEB_MAINTAINER", MAINTAINER),
        "INSTALLED_SIZE": str(installed_size_kib(root)),
        "DEPENDS": depends_field,
    }.items():
        control = control.replace(f"@{key}@", value)
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    package = out_dir / f"{APP_NAME}_{__version__}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(package)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"{package}: {package.stat().st_size / 1e6:.1f} MB, needs glibc >= {glibc}")
    print(f"Depends: {depends_field}")
    return package


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(Path(sys.argv[1]), Path(sys.argv[2]))
