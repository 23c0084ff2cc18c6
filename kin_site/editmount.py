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
from pathlib import Path

from mkdocs.plugins import event_priority

from kin import editweb
from kin.editserver import DataFolder

log = logging.getLogger("mkdocs.kin")
EDITOR_PAGE_MARK = b'<script src="decap-cms.js">'  # docs/admin/index.html (a data-error page still reloads)


def _data_dir(config) -> Path:
    return Path(os.environ.get("KIN_DATA_DIR") or Path(config.config_file_path).parent / "data")


def _no_reload_on_the_editor(server) -> None:
    inject = server._inject_js_into_html  # private to MkDocs 1.6 / ProperDocs, as in serve_errors

    def inject_outside_editor(content: bytes, epoch: int) -> bytes:
        return content if EDITOR_PAGE_MARK in content else inject(content, epoch)

    server._inject_js_into_html = inject_outside_editor


@event_priority(-100)  # after kin_site/hooks.py, which replaces the server's application (serve_errors)
def on_serve(server, config, builder, **kwargs):
    if os.environ.get("KIN_EDIT") != "1":
        return server
    host, port = server.server_address[:2]
    extra = editweb.allowed_hosts()
    guard = editweb.Guard.for_site(host, port, extra)
    backend = editweb.Backend(DataFolder(_data_dir(config)), guard)
    _no_reload_on_the_editor(server)
    server.set_app(editweb.mount(server.get_app(), server.mount_path, backend, extra))
    hosts = ", ".join(sorted(guard.hosts))
    log.info(f"Web editor: {server.url}admin/ (back end at {server.mount_path}{editweb.API}; hosts: {hosts})")
    return server
