"""What kind of storage a file is on: SQLite's WAL needs every process on one machine.

WAL keeps its index in shared memory (the ``-shm`` file), which a network file system
(SMB, NFS) or a container's bind mount does not share reliably between the processes
that use it. On such storage the app leaves the file's journal mode alone and warns.

Qt's QStorageInfo says which volume a file is on, its file system and its device, on
Linux (from the kernel's mount table, names decoded as they are), macOS and Windows.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QStorageInfo

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p", "ceph",
        "glusterfs", "lustre", "gpfs", "davfs", "sshfs", "virtiofs", "vboxsf", "vmhgfs",
        "fuse.sshfs", "fuse.davfs2", "fuse.glusterfs", "fuse.rclone", "fuse.s3fs",
        "fuse.gcsfuse", "fuse.vmhgfs-fuse", "fuse.grpcfuse", "fakeowner", "osxfs",
        "afpfs", "webdav",  # macOS's names
    }
)  # fmt: skip

# File systems a container makes for itself: not something shared with the host.
CONTAINER_OWN = frozenset({"overlay", "tmpfs", "btrfs", "zfs"})


class StorageKind(StrEnum):
    local = "local"
    network = "network"
    bind_mount = "bind_mount"


@dataclass(frozen=True)
class Storage:
    kind: StorageKind
    file_system: str = ""
    mount_point: str = ""

    @property
    def wal_safe(self) -> bool:
        return self.kind is StorageKind.local


@dataclass(frozen=True)
class Volume:
    """What QStorageInfo tells of the volume a file is on."""

    root_path: str  # where it is mounted ("/" for the root file system, "C:/" on Windows)
    file_system: str  # "ext4", "cifs", "nfs4", "apfs", "smbfs", "NTFS", …
    device: str  # "/dev/sda1", "//server/share", "server:/export", "\\\\?\\Volume{…}\\"


def in_container() -> bool:
    return (
        Path("/.dockerenv").exists()
        or Path("/run/.containerenv").exists()
        or bool(os.environ.get("container"))  # noqa: SIM112 (podman, systemd-nspawn set it)
    )


def _network_device(device: str) -> bool:
    """A device that names another machine: ``//server/share`` (SMB), ``\\\\server\\share``
    (Windows; not ``\\\\?\\Volume{…}``, a local volume), ``server:/export`` (NFS)."""
    if device.startswith("//"):
        return True
    if device.startswith("\\\\"):
        return not device.startswith(("\\\\?\\", "\\\\.\\"))
    host, colon, export = device.partition(":")
    return bool(colon) and export.startswith("/") and "/" not in host and bool(host)


def classify(volume: Volume, container: bool) -> Storage:
    """The storage a volume is: a network share, a container's bind mount, or local."""
    file_system = volume.file_system.lower()
    if (
        file_system in NETWORK_FILE_SYSTEMS
        or file_system.startswith("fuse.sshfs")
        or _network_device(volume.device)
    ):
        return Storage(StorageKind.network, volume.file_system, volume.root_path)
    # In a container, a file system mounted somewhere below "/" that the container did not
    # make itself is a folder of the host's (a bind mount or a volume).
    if container and volume.root_path not in ("/", "") and file_system not in CONTAINER_OWN:
        return Storage(StorageKind.bind_mount, volume.file_system, volume.root_path)
    return Storage(StorageKind.local, volume.file_system, volume.root_path)


def volume_of(path: Path) -> Volume | None:
    """The volume of a file, or of the nearest folder above it that exists."""
    folder = path.absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    info = QStorageInfo(str(folder))
    if not info.isValid():
        return None
    return Volume(
        root_path=info.rootPath(),
        file_system=bytes(info.fileSystemType().data()).decode("utf-8", "replace"),
        device=bytes(info.device().data()).decode("utf-8", "replace"),
    )


def _windows_remote_drive(root_path: str) -> bool:
    """A mapped network drive (Z:), which QStorageInfo reports like a local one."""
    if sys.platform != "win32":
        return False
    import ctypes

    drive_remote = 4
    drive = os.path.splitdrive(root_path)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote)


def storage_of(path: Path) -> Storage:
    """The storage of an (existing or future) file; local when it cannot be told."""
    volume = volume_of(path)
    if volume is None:
        return Storage(StorageKind.local)
    if sys.platform == "win32" and _windows_remote_drive(volume.root_path):
        return Storage(StorageKind.network, volume.file_system, volume.root_path)
    return classify(volume, sys.platform.startswith("linux") and in_container())
