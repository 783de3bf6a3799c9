"""A TCP relay on loopback in front of the test server, to make it unreachable on purpose.

``forward()`` relays to the server; ``stall()`` cuts every connection and then accepts new
ones without ever answering (a server or network that does not respond: each connection
attempt waits for its whole connect_timeout); ``refuse()`` cuts every connection and closes
new ones at once (a server that is down). The real server keeps running for other tests.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from urllib.parse import quote


class Proxy:
    def __init__(self, target_port: int) -> None:
        self._target = ("127.0.0.1", target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._mode = "forward"
        self._lock = threading.Lock()
        self._pairs: dict[socket.socket, socket.socket] = {}  # each side -> the other side
        self._held: list[socket.socket] = []  # accepted while stalling, never answered
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._wake_read, self._wake_write = socket.socketpair()
        self._selector.register(self._wake_read, selectors.EVENT_READ)
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="tcp-proxy", daemon=True)
        self._thread.start()

    def url(self, database: str = "postgres", schema: str | None = None, **params: str) -> str:
        url = f"postgresql://postgres@127.0.0.1:{self.port}/{database}"
        query = [f"{key}={quote(value)}" for key, value in params.items()]
        if schema:
            query.append("options=" + quote(f"-c search_path={schema}"))
        return url + ("?" + "&".join(query) if query else "")

    def forward(self) -> None:
        self._switch("forward")

    def stall(self) -> None:
        self._switch("stall")

    def refuse(self) -> None:
        self._switch("refuse")

    def close(self) -> None:
        self._stopped = True
        self._wake_write.send(b"x")
        self._thread.join(timeout=5)
        self._cut()
        for sock in (self._listener, self._wake_read, self._wake_write):
            sock.close()
        self._selector.close()

    def _switch(self, mode: str) -> None:
        with self._lock:
            self._mode = mode
        self._wake_write.send(b"x")  # the relay thread cuts the connections it serves

    def _cut(self) -> None:
        with self._lock:
            sockets = [*self._pairs, *self._held]
            self._pairs.clear()
            self._held.clear()
        for sock in sockets:
            with contextlib.suppress(OSError, KeyError, ValueError):
                self._selector.unregister(sock)
            with contextlib.suppress(OSError):
                sock.close()

    def _run(self) -> None:
        mode = "forward"
        while not self._stopped:
            for key, _ in self._selector.select(timeout=0.5):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._wake_read:
                    sock.recv(64)
                    with self._lock:
                        changed, mode = mode != self._mode, self._mode
                    if changed:
                        self._cut()
                elif sock is self._listener:
                    self._accept(mode)
                else:
                    self._relay(sock)

    def _accept(self, mode: str) -> None:
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        if mode == "refuse":
            client.close()
            return
        if mode == "stall":
            with self._lock:
                self._held.append(client)
            return
        try:
            server = socket.create_connection(self._target, timeout=5)
        except OSError:
            client.close()
            return
        for sock in (client, server):
            sock.setblocking(False)
            self._selector.register(sock, selectors.EVENT_READ)
        with self._lock:
            self._pairs[client], self._pairs[server] = server, client

    def _relay(self, sock: socket.socket) -> None:
        with self._lock:
            other = self._pairs.get(sock)
        if other is None:
            return
        try:
            data = sock.recv(65536)
            if data:
                other.setblocking(True)
                other.sendall(data)
                other.setblocking(False)
                return
        except OSError:
            pass
        for side in (sock, other):  # one side closed: close both, as a server would
            with self._lock:
                self._pairs.pop(side, None)
            with contextlib.suppress(OSError, KeyError, ValueError):
                self._selector.unregister(side)
            side.close()
