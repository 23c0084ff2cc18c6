"""Serve a built site the way GitHub Pages does, for Lighthouse and manual checks.

GitHub Pages answers with gzip for text when the client accepts it,
``Cache-Control: max-age=600``, ``ETag`` and ``Last-Modified`` (304 on a match),
``Vary: Accept-Encoding``, directory URLs via ``index.html``, and ``404.html``
with status 404. This server does the same (HTTP/1.1 on 127.0.0.1 only), under
the site's path (``/kin/`` from ``site_url``; the 404 page links its assets
there, as it must answer for any URL).

    python scripts/serve_pages.py site --port 8104     # http://127.0.0.1:8104/kin/
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import mimetypes
import re
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/atom+xml", "application/manifest+json")  # fmt: skip
TYPES = {".js": "application/javascript", ".json": "application/json", ".xml": "application/xml",
         ".ics": "text/calendar", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json"}  # fmt: skip


@lru_cache(maxsize=4096)
def _load(path: Path, mtime_ns: int) -> tuple[bytes, bytes, str]:
    body = path.read_bytes()
    return body, gzip.compress(body, compresslevel=6, mtime=0), '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def site_path() -> str:
    """The path part of ``site_url`` in mkdocs.yml (where GitHub Pages serves the site)."""
    config = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.M)
    return urlsplit(match.group(1)).path if match else "/"


def handler(root: Path, prefix: str = "/") -> type[BaseHTTPRequestHandler]:
    class Pages(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def resolve(self) -> tuple[Path, int]:
            path = unquote(urlsplit(self.path).path)
            if not (path + "/").startswith(prefix):
                return root / "404.html", 404
            rel = path[len(prefix) :].lstrip("/")
            target = (root / rel).resolve()
            if root not in target.parents and target != root:
                return root / "404.html", 404
            if target.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return target, 301
                target = target / "index.html"
            return (target, 200) if target.is_file() else (root / "404.html", 404)

        def do_HEAD(self) -> None:
            self.do_GET(head=True)

        def do_GET(self, head: bool = False) -> None:
            path, status = self.resolve()
            if status == 301:
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            stat = path.stat()
            body, zipped, etag = _load(path, stat.st_mtime_ns)
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", "max-age=600")
                self.end_headers()
                return
            kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind.endswith(("javascript", "json", "xml")):
                kind += "; charset=utf-8"
            use_gzip = kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
            payload = zipped if use_gzip else body
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Cache-Control", "max-age=600")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
            self.send_header("Vary", "Accept-Encoding")
            if use_gzip:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            if not head:
                self.wfile.write(payload)

    return Pages


def start(root: Path, port: int = 0, prefix: str | None = None) -> tuple[str, ThreadingHTTPServer]:
    """Serve ``root`` under ``prefix`` (default: the site's path) in a background thread;
    returns (base URL, server)."""
    prefix = prefix if prefix is not None else site_path()
    server = ThreadingHTTPServer(("127.0.0.1", port), handler(root.resolve(), prefix))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{prefix}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8104)
    args = parser.parse_args()
    url, server = start(args.root, args.port)
    print(f"Serving {args.root} on {url} (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
