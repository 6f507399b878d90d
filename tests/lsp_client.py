"""A small JSON-RPC client that drives a language server subprocess over stdio, with bounded
waits everywhere so a broken server fails the test instead of hanging CI."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any, BinaryIO

Message = dict[str, Any]


class LspTimeout(AssertionError):
    pass


class LspSession:
    def __init__(self, cmd: list[str], *, cwd: str, env: dict[str, str], stderr: BinaryIO) -> None:
        self.proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr
        )
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.notifications: list[Message] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is not None:
                self.inbox.put(json.loads(out.read(length)))

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def _next(self, deadline: float, what: str) -> Message:
        try:
            message = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise LspTimeout(f"no {what} before the deadline") from None
        if message is None:
            raise LspTimeout(f"the server closed its output while waiting for {what}")
        if "method" in message and "id" in message:  # a request from the server: answer null
            self.send({"id": message["id"], "result": None})
        return message

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline, f"answer to {method}")
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")
            if "method" in message:
                self.notifications.append(message)

    def wait_for(self, method: str, match: Callable[[Any], bool], timeout: float) -> Any:
        """The params of the first notification `method` (already received or coming) that match."""
        for message in self.notifications:
            if message["method"] == method and match(message["params"]):
                return message["params"]
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline, method)
            if "method" in message:
                self.notifications.append(message)
                if message["method"] == method and match(message["params"]):
                    return message["params"]

    def close(self, timeout: float = 10) -> int | None:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=timeout)
            return None
