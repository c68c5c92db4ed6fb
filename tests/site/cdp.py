"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (stdlib only).

Chromium reads NUL-terminated JSON commands on fd 3 and writes replies and events on fd 4, so no
WebSocket library and no open debugging port are needed.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    # nothing but the local server resolves: a request to any other host fails at once
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--window-size=1280,900",
    "--remote-debugging-pipe",
)


def _high(fd: int) -> int:
    """A duplicate of ``fd`` numbered >= 10, so moving it to 3 and 4 cannot clobber the other."""
    new = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return new


class Browser:
    """One headless Chromium with one page; every request URL the page or its workers make is
    recorded in :attr:`requests`."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_r, to_w = (_high(fd) for fd in os.pipe())
        from_r, from_w = (_high(fd) for fd in os.pipe())

        def child_fds() -> None:
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=child_fds,
            pass_fds=(3, 4, to_r, from_w),
        )
        os.close(to_r)
        os.close(from_w)
        self.out = os.fdopen(to_w, "wb", buffering=0)
        self.inp = os.fdopen(from_r, "rb", buffering=0)
        self.next_id = 0
        self.replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)[
            "sessionId"
        ]
        self.send(
            "Target.setAutoAttach",
            self.session,
            autoAttach=True,
            waitForDebuggerOnStart=True,
            flatten=True,
        )
        self.send("Network.enable", self.session)
        self.send("Page.enable", self.session)

    def _read(self) -> None:
        buffer = b""
        while chunk := self.inp.read(65536):
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                self._dispatch(json.loads(raw))

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message:
            self.replies.setdefault(message["id"], queue.Queue()).put(message)
            return
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Target.attachedToTarget":
            # a worker (the search index runs in one): watch its requests too, then let it run
            child = params["sessionId"]
            threading.Thread(target=self._watch, args=(child,), daemon=True).start()

    def _watch(self, session: str) -> None:
        # the browser may close before a worker's session answers: a daemon thread raising
        # queue.Empty 10 s later would be blamed on whichever test runs then
        try:
            self.send("Network.enable", session, check=False)
            self.send("Runtime.runIfWaitingForDebugger", session, check=False)
        except queue.Empty:
            return

    def send(
        self, method: str, session: str | None = None, check: bool = True, **params: Any
    ) -> dict[str, Any]:
        """Send one command and wait for its reply (10 s)."""
        with self.lock:
            self.next_id += 1
            ident = self.next_id
            self.replies.setdefault(ident, queue.Queue())
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        reply = self.replies[ident].get(timeout=10)
        if check and "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def goto(self, url: str) -> None:
        """Navigate and wait until the document has loaded."""
        self.send("Page.navigate", self.session, url=url)
        self.wait_for(
            "document.readyState === 'complete' && location.href.startsWith("
            f"{json.dumps(url.split('#')[0].split('?')[0])})"
        )

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            self.session,
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
        )
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 15.0) -> Any:
        """Poll until ``expression`` is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"not true after {timeout} s: {expression}")

    def screenshot(self, path: Path) -> None:
        """Save a PNG of the viewport."""
        data = self.send("Page.captureScreenshot", self.session, format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        """Close the browser and wait for it."""
        # the browser may already be gone: closing is then done
        with contextlib.suppress(OSError, queue.Empty):
            self.send("Browser.close", check=False)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.out.close()
        self.reader.join(timeout=10)  # the browser has exited: its pipe reads end-of-file
        self.inp.close()


CHROMIUM = Path("/usr/bin/chromium")


def launch(profile: Path) -> Browser:
    """Debian's Chromium with a fresh profile; the calling test skips cleanly without it."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium tidak terpasang di /usr/bin/chromium (apt-get install chromium)")
    return Browser(str(CHROMIUM), profile)
