"""What kind of storage a file is on: SQLite's WAL needs every process on one machine.

WAL keeps its index in shared memory (the ``-shm`` file), which a network file system
(SMB, NFS) or a container's bind mount does not share reliably between the processes
that use it. On such storage the app leaves the file's journal mode alone and warns.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p", "ceph",
        "glusterfs", "lustre", "gpfs", "davfs", "sshfs", "virtiofs", "vboxsf", "vmhgfs",
        "fuse.sshfs", "fuse.davfs2", "fuse.glusterfs", "fuse.rclone", "fuse.s3fs",
        "fuse.gcsfuse", "fuse.vmhgfs-fuse", "fuse.grpcfuse", "fakeowner", "osxfs",
    }
)  # fmt: skip


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
class Mount:
    mount_point: str
    root: str  # the part of the source file system that is mounted ("/" unless a bind mount)
    file_system: str
    options: str


def _unescape(field: str) -> str:
    # mountinfo escapes spaces and the like as octal: "\040".
    return field.encode().decode("unicode_escape") if "\\" in field else field


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts listed in ``/proc/self/mountinfo`` (see proc(5))."""
    mounts = []
    for line in text.splitlines():
        if " - " not in line:
            continue
        head, tail = line.split(" - ", 1)
        fields, rest = head.split(), tail.split()
        if len(fields) < 5 or len(rest) < 1:
            continue
        mounts.append(
            Mount(
                mount_point=_unescape(fields[4]),
                root=_unescape(fields[3]),
                file_system=rest[0],
                options=rest[2] if len(rest) > 2 else "",
            )
        )
    return mounts


def in_container() -> bool:
    return (
        Path("/.dockerenv").exists()
        or Path("/run/.containerenv").exists()
        or bool(os.environ.get("container"))  # noqa: SIM112 (podman, systemd-nspawn set it)
    )


def classify(path: Path, mounts: list[Mount], container: bool) -> Storage:
    """The storage of ``path`` among ``mounts`` (the longest mount point that contains it)."""
    text = str(path)
    best: Mount | None = None
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        inside = text == point or text.startswith(point + "/") or point == "/"
        if inside and (best is None or len(point) > len(best.mount_point.rstrip("/") or "/")):
            best = mount
    if best is None:
        return Storage(StorageKind.local)
    if best.file_system in NETWORK_FILE_SYSTEMS or best.file_system.startswith("fuse.sshfs"):
        return Storage(StorageKind.network, best.file_system, best.mount_point)
    # A bind mount shows a sub-folder of another file system (root != "/"); btrfs subvolumes
    # look the same but are local, so only count it inside a container.
    if container and best.root != "/" and best.file_system != "btrfs":
        return Storage(StorageKind.bind_mount, best.file_system, best.mount_point)
    return Storage(StorageKind.local, best.file_system, best.mount_point)


def _windows_storage(path: Path) -> Storage:
    import ctypes

    text = str(path)
    if text.startswith("\\\\"):
        return Storage(StorageKind.network, "smb", text.split("\\")[2])
    drive = os.path.splitdrive(text)[0] + "\\"
    drive_remote = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote:  # type: ignore[attr-defined]
        return Storage(StorageKind.network, "smb", drive)
    return Storage(StorageKind.local)


def storage_of(path: Path) -> Storage:
    """The storage of an (existing or future) file; local when it cannot be told."""
    folder = path.resolve().parent if path.exists() else path.parent.resolve()
    try:
        if sys.platform.startswith("linux"):
            mounts = parse_mountinfo(Path("/proc/self/mountinfo").read_text())
            return classify(folder, mounts, in_container())
        if sys.platform == "win32":
            return _windows_storage(folder)
    except OSError:
        pass
    return Storage(StorageKind.local)
