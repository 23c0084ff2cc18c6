"""``make edit``: the web editor's local back end inside the site's development server.

With ``KIN_EDIT=1``, ``properdocs serve`` also answers the editor's requests
(``kin.editweb``): the site, the editor at ``/kin/admin/`` and its back end at
``/kin/admin/api/v1`` share one origin, so the editor works at whatever address
the site is opened (a Codespace's forwarded port too; its host name goes in
``KIN_EDIT_ALLOWED_HOSTS``). The editor's own page is served without the
live-reload script: a rebuild after a save must not reload the editor.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from mkdocs.plugins import event_priority

from kin import editweb
from kin.editserver import DataFolder

log = logging.getLogger("mkdocs.kin")
_request = threading.local()


def _data_dir(config) -> Path:
    return Path(os.environ.get("KIN_DATA_DIR") or Path(config.config_file_path).parent / "data")


def _without_reload_on_editor(server, app):
    inject = server._inject_js_into_html  # private to MkDocs 1.6 / ProperDocs, as in serve_errors

    def inject_outside_editor(content: bytes, epoch: int) -> bytes:
        return content if getattr(_request, "editor", False) else inject(content, epoch)

    server._inject_js_into_html = inject_outside_editor
    editor_pages = {server.mount_path + "admin/", server.mount_path + "admin/index.html"}

    def serve(environ, start_response):
        _request.editor = environ.get("PATH_INFO") in editor_pages
        try:
            return app(environ, start_response)
        finally:
            _request.editor = False

    return serve


@event_priority(-100)  # after kin_site/hooks.py, which replaces the server's application (serve_errors)
def on_serve(server, config, builder, **kwargs):
    if os.environ.get("KIN_EDIT") != "1":
        return server
    host, port = server.server_address[:2]
    extra = editweb.allowed_hosts()
    guard = editweb.Guard.for_site(host, port, extra)
    backend = editweb.Backend(DataFolder(_data_dir(config)), guard)
    site = _without_reload_on_editor(server, server.get_app())
    server.set_app(editweb.mount(site, server.mount_path, backend, extra))
    hosts = ", ".join(sorted(guard.hosts))
    log.info(f"Web editor: {server.url}admin/ (back end at {server.mount_path}{editweb.API}; hosts: {hosts})")
    return server
