from __future__ import annotations

import shutil
import subprocess

import pytest

from crm_desktop.storage import StorageKind, Volume, classify, storage_of, volume_of


@pytest.mark.parametrize(
    ("volume", "container", "kind"),
    [
        (Volume("/mnt/office", "cifs", "//server/share"), False, StorageKind.network),
        (Volume("/home/anna/nfs", "nfs4", "server:/export"), False, StorageKind.network),
        (Volume("/mnt/with space", "fuse.sshfs", "anna@host:"), False, StorageKind.network),
        (Volume("/Volumes/Büro", "smbfs", "//anna@nas/Büro"), False, StorageKind.network),
        (Volume("Z:/", "NTFS", "\\\\nas\\office"), False, StorageKind.network),
        (Volume("C:/", "NTFS", "\\\\?\\Volume{1234}\\"), False, StorageKind.local),
        (Volume("/data", "ext4", "/dev/vda"), True, StorageKind.bind_mount),
        (Volume("/data", "ext4", "/dev/vda"), False, StorageKind.local),
        (Volume("/home", "btrfs", "/dev/vdb"), True, StorageKind.local),  # a subvolume
        (Volume("/tmp", "tmpfs", "tmpfs"), True, StorageKind.local),
        (Volume("/", "overlay", "overlay"), True, StorageKind.local),
        (Volume("/", "apfs", "/dev/disk3s1"), False, StorageKind.local),
    ],
)
def test_classify_network_bind_and_local(volume, container, kind):
    storage = classify(volume, container)
    assert storage.kind == kind
    assert storage.mount_point == volume.root_path


def test_this_machines_temp_folder_is_local(tmp_path):
    storage = storage_of(tmp_path / "not yet" / "crm.sqlite3")
    assert storage.kind == StorageKind.local and storage.wal_safe
    assert storage.file_system  # QStorageInfo named it


def test_a_mount_point_with_non_ascii_letters_keeps_its_name(tmp_path):
    """The kernel writes "Nextcloud\\040Büro" in its mount table; reading it by hand gave
    "BÃ¼ro" and no match. Needs the right to mount (root in a container or VM)."""
    folder = tmp_path / "Nextcloud Büro"
    folder.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "none", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("no right to mount a file system here")
    try:
        volume = volume_of(folder / "crm.sqlite3")
        assert volume is not None
        assert volume.root_path == str(folder) and volume.file_system == "tmpfs"
        assert storage_of(folder / "crm.sqlite3").mount_point == str(folder)
    finally:
        subprocess.run(["umount", str(folder)], check=True)
