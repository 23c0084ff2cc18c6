"""The web editor's local back end over HTTP: who may call it, and where it is served.

The protocol itself (what a request does to the data) is ``kin.editserver``.
Here it becomes a WSGI application that answers only the editor's own page:

* the ``Host`` must be the address the site is served on, or a host name from
  ``KIN_EDIT_ALLOWED_HOSTS`` (a Codespace's forwarded address): a page whose
  name was pointed at 127.0.0.1 (DNS rebinding) sends its own name and is refused;
* the ``Origin`` must be the site's own origin (or an allowed host's), so no
  page of another site can post to it, not even a form or a ``text/plain`` fetch
  (the "simple" requests a browser sends without asking first);
* a POST must say ``Content-Type: application/json``.

A refused request writes nothing and gets 421, 403 or 415 with a short message.

``make edit`` mounts the application inside the site's development server
(``kin_site/editmount.py``): one origin, so it works wherever the site is
opened. ``python -m kin edit`` serves it alone on its own port, for a site
served by something else (``make_server``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from kin.editserver import DataFolder, Rejected, handle

API = "admin/api/v1"  # under the site's path: /kin/admin/api/v1
SETTINGS = "admin/local-backend.json"  # read by docs/admin/start.js: where the back end is
CONFIG = "admin/config.yml"  # the editor's configuration (kin.cms)
LOOPBACK = ("127.0.0.1", "localhost")
ALLOWED_HOSTS_ENV = "KIN_EDIT_ALLOWED_HOSTS"

StartResponse = Callable[..., Any]
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def allowed_hosts(value: str | None = None) -> list[str]:
    """Extra host names the editor may be opened at (comma-separated, from the environment);
    an entry written as an address (``https://name/``, ``name:443``) counts by its host name."""
    value = os.environ.get(ALLOWED_HOSTS_ENV, "") if value is None else value
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    names = [urlsplit(entry if "://" in entry else f"//{entry}").hostname for entry in entries]
    return list(dict.fromkeys(name for name in names if name))


@dataclass(frozen=True)
class Guard:
    """The ``Host`` and ``Origin`` values of requests from the editor's own page."""

    hosts: frozenset[str]
    origins: frozenset[str]

    @classmethod
    def for_site(cls, host: str, port: int, extra_hosts: Iterable[str] = ()) -> Guard:
        """The editor served with the site on ``host:port`` (and at the extra host names)."""
        names = set(LOOPBACK) if host in LOOPBACK else {host}
        hosts = {f"{name}:{port}" for name in names}
        origins = {f"http://{h}" for h in hosts}
        for name in extra_hosts:  # e.g. a Codespace's https://<name>-8000.app.github.dev
            hosts |= {name, f"{name}:{port}"}
            origins |= {f"{scheme}://{h}" for scheme in ("https", "http") for h in (name, f"{name}:{port}")}
        return cls(frozenset(hosts), frozenset(origins))

    def refusal(self, environ: dict[str, Any]) -> tuple[str, str] | None:
        """(status, message) for a request that the editor's page did not send; None when it may pass."""
        host = environ.get("HTTP_HOST", "").lower()
        if host not in self.hosts:
            return "421 Misdirected Request", (
                f"Avvist: ukjent adresse «{host}». Den lokale tjenesten svarer bare på adressen nettstedet "
                f"vises på (flere navn: {ALLOWED_HOSTS_ENV})."
            )
        origin = environ.get("HTTP_ORIGIN", "")
        if origin not in self.origins:
            return "403 Forbidden", f"Avvist: forespørselen kommer ikke fra webredaktørens side (Origin «{origin}»)."
        media_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if environ["REQUEST_METHOD"] == "POST" and media_type != "application/json":
            return "415 Unsupported Media Type", "Avvist: bare Content-Type: application/json godtas."
        return None


def _reply(start_response: StartResponse, status: str, body: Any, headers: Iterable[tuple[str, str]] = ()) -> list:
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    start_response(
        status,
        [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Length", str(len(payload))),
            ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-store"),
            *headers,
        ],
    )
    return [payload]


class Backend:
    """Decap's local-backend protocol (one POST endpoint) as a WSGI application, behind the guard."""

    def __init__(self, data: DataFolder, guard: Guard) -> None:
        self.data, self.guard = data, guard

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list:
        method = environ["REQUEST_METHOD"]
        if method not in ("POST", "OPTIONS"):
            return _reply(start_response, "405 Method Not Allowed", {"error": "Bare POST."}, [("Allow", "POST")])
        refused = self.guard.refusal(environ)
        if refused:
            return _reply(start_response, refused[0], {"error": refused[1]})
        # The origin is an allowed one; a site served apart from the back end (python -m kin edit) needs CORS.
        cors = [("Access-Control-Allow-Origin", environ["HTTP_ORIGIN"]), ("Vary", "Origin")]
        if method == "OPTIONS":
            allow = [("Access-Control-Allow-Methods", "POST"), ("Access-Control-Allow-Headers", "Content-Type")]
            start_response("204 No Content", [*cors, *allow])
            return []
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(length))
            result = handle(self.data, body.get("action", ""), body.get("params") or {})
            return _reply(start_response, "200 OK", result, cors)
        except Rejected as exc:
            status = f"{exc.status} {HTTPStatus(exc.status).phrase}"  # 422, or 409: it would undo a change on disk
            return _reply(start_response, status, {"error": str(exc)}, cors)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return _reply(start_response, "400 Bad Request", {"error": f"Ugyldig forespørsel: {exc}"}, cors)


def settings(url: str, extra_hosts: Iterable[str] = ()) -> dict[str, Any]:
    """What the editor's page needs to use the back end (Decap's ``local_backend``): its URL, and the
    host names at which the page may use it (Decap adds 127.0.0.1 and localhost itself)."""
    return {"url": url, "allowed_hosts": [*LOOPBACK, *extra_hosts]}


def mount(site: App, site_path: str, backend: Backend, extra_hosts: Iterable[str] = ()) -> App:
    """The site's application with the back end at ``<site_path>admin/api/v1`` (same origin) and
    its settings at ``<site_path>admin/local-backend.json``."""
    api, settings_path, config_path = site_path + API, site_path + SETTINGS, site_path + CONFIG
    body = settings(api, list(extra_hosts))

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.rstrip("/") == api:
            return backend(environ, start_response)
        if path == settings_path:
            if environ.get("HTTP_HOST", "").lower() not in backend.guard.hosts:
                return _reply(start_response, "421 Misdirected Request", {"error": "Ukjent adresse."})
            return _reply(start_response, "200 OK", body)
        if path == config_path:  # Decap merges its configuration with start.js's only if this says YAML
            return site(environ, _with_content_type(start_response, "text/yaml; charset=utf-8"))
        return site(environ, start_response)

    return app


def _with_content_type(start_response: StartResponse, content_type: str) -> StartResponse:
    def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
        if status.startswith("200"):
            headers = [(k, v) for k, v in headers if k.lower() != "content-type"] + [("Content-Type", content_type)]
        return start_response(status, headers, *args)

    return start


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def make_server(data_dir: Path, port: int, origins: Iterable[str]) -> WSGIServer:
    """The back end alone on 127.0.0.1:``port`` (0: any free port) at ``/api/v1``, answering pages
    of the site served at ``origins`` (e.g. ``http://127.0.0.1:8000``)."""
    server = _Server(("127.0.0.1", port), _QuietHandler)
    bound = server.server_address[1]
    hosts = frozenset(f"{name}:{bound}" for name in LOOPBACK)
    backend = Backend(DataFolder(data_dir), Guard(hosts, frozenset(origins)))

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").rstrip("/") == "/api/v1":
            return backend(environ, start_response)
        return _reply(start_response, "404 Not Found", {"error": "not found"})

    server.set_app(app)
    return server
