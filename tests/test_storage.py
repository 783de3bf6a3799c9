from __future__ import annotations

from pathlib import Path

from crm_desktop.storage import StorageKind, classify, parse_mountinfo, storage_of

MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
40 27 0:50 / /mnt/office rw,relatime - cifs //server/share rw,vers=3.1.1
41 27 0:51 / /home/anna/nfs rw,relatime - nfs4 server:/export rw
42 27 254:0 /srv/data /data rw,relatime - ext4 /dev/vda rw
43 27 0:52 /@home /home rw,relatime - btrfs /dev/vdb rw,subvol=/@home
44 27 0:53 / /mnt/with\040space rw - fuse.sshfs anna@host: rw
"""


def test_parse_mountinfo():
    mounts = parse_mountinfo(MOUNTINFO)
    assert mounts[2].file_system == "cifs" and mounts[2].mount_point == "/mnt/office"
    assert mounts[4].root == "/srv/data"
    assert mounts[6].mount_point == "/mnt/with space"


def test_classify_network_bind_and_local():
    mounts = parse_mountinfo(MOUNTINFO)

    def kind(path: str, container: bool = True) -> StorageKind:
        return classify(Path(path), mounts, container).kind

    assert kind("/mnt/office/crm") == StorageKind.network
    assert kind("/home/anna/nfs") == StorageKind.network
    assert kind("/mnt/with space/x") == StorageKind.network
    assert kind("/data/crm") == StorageKind.bind_mount
    assert kind("/data/crm", container=False) == StorageKind.local
    assert kind("/home/anna/Documents") == StorageKind.local  # a btrfs subvolume
    assert kind("/mnt/officer") == StorageKind.local  # not inside /mnt/office
    assert kind("/var/lib") == StorageKind.local


def test_this_machines_temp_folder_is_local(tmp_path):
    storage = storage_of(tmp_path / "crm.sqlite3")
    assert storage.kind == StorageKind.local and storage.wal_safe
