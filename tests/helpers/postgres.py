"""A throwaway PostgreSQL server for the tests: its own cluster, on loopback, trust auth.

Made with the server binaries from Debian's ``postgresql`` package (``.ci/run`` installs it).
PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` user.
Tests get a fresh schema each (cheap), through the connection's ``search_path``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote


def server_binaries() -> Path | None:
    """The folder with initdb and pg_ctl, newest version first; None if not installed."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    binaries: Path
    folder: Path
    port: int
    user: str | None  # the OS user that owns the cluster when we run as root
    # Server settings besides the tests' own (e.g. max_connections, fsync for benchmarks).
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run(
            str(self.binaries / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )

    def start(self) -> None:
        settings = {"listen_addresses": "127.0.0.1", "fsync": "off", **self.settings}
        options = f"-p {self.port} -k {self.folder} " + " ".join(
            f"-c {name}={value}" for name, value in settings.items()
        )
        self._run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres", schema: str | None = None) -> str:
        url = f"postgresql://postgres@127.0.0.1:{self.port}/{database}"
        if schema:
            url += "?options=" + quote(f"-c search_path={schema}")
        return url


def start_server(settings: dict[str, str] | None = None) -> Server | None:
    """A running server in a temporary folder, or None when PostgreSQL is not installed."""
    binaries = server_binaries()
    if binaries is None:
        return None
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return None
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="crm-desktop-pg-"))
    if user:
        shutil.chown(folder, user=user)
    server = Server(binaries, folder, _free_port(), user, dict(settings or {}))
    server.init()
    server.start()
    return server


def remove(server: Server) -> None:
    with contextlib.suppress(subprocess.CalledProcessError):
        server.stop("immediate")
    shutil.rmtree(server.folder, ignore_errors=True)
