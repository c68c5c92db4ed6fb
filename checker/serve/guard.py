"""The outermost layer of every response: security headers, and a 413 for a declared body size
over the limit before a byte of it is read.

Bodies sent without a length (chunked) are counted while streaming by the ``max_body_size`` of
each route (FastAPI/Starlette); this layer only answers the declared case early, in Indonesian,
and as JSON or as a page depending on the path.
"""

from __future__ import annotations

import html
import json

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def wants_json(scope: Scope) -> bool:
    """API paths answer JSON; everything else answers pages."""
    return str(scope.get("path", "")).startswith(("/api/", "/openapi.json"))


class Guard:
    """Adds the security headers to every response and refuses oversized declared bodies."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        upload_paths: tuple[str, ...],
        max_upload_bytes: int,
        max_form_bytes: int,
        message: str,
    ) -> None:
        self.app = app
        self.upload_paths = upload_paths
        self.max_upload_bytes = max_upload_bytes
        self.max_form_bytes = max_form_bytes
        self.message = message  # for an upload; a form (sign-in, a comment) says its own limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        secure = scope.get("scheme") == "https"
        static = path.startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not static:  # pages and reports hold personal data: never cached
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                headers += SECURITY_HEADERS
                if secure:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message = {**message, "headers": headers}
            await send(message)

        upload = path in self.upload_paths
        limit = self.max_upload_bytes if upload else self.max_form_bytes
        declared = Headers(scope=scope).get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            text = (
                self.message
                if upload
                else (
                    f"Isian terlalu besar: batasnya {limit // 1024} KB untuk formulir ini. "
                    "Ringkas isinya, lalu kirim lagi."
                )
            )
            await self._too_large(scope, send_with_headers, text)
            return
        await self.app(scope, receive, send_with_headers)

    async def _too_large(self, scope: Scope, send: Send, message: str) -> None:
        if wants_json(scope):
            body, kind = json.dumps({"detail": message}).encode(), b"application/json"
        else:
            body = (
                '<!doctype html><html lang="id"><meta charset="utf-8"><meta name='
                '"viewport" content="width=device-width, initial-scale=1"><link rel='
                '"stylesheet" href="/static/gaya.css"><title>Terlalu besar</title>'
                '<main class="wadah"><h1>Terlalu besar</h1><p role="alert">'
                f'{html.escape(message)}</p><p><a href="/pengajuan">Kembali ke halaman '
                "pengajuan</a></p></main></html>"
            ).encode()
            kind = b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", kind),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
