"""Under ``mkdocs serve``, a data error answers every page request at once with
a readable error page (the ``file:line:col: field: message`` list), instead of
leaving the browser waiting for a build that cannot succeed. The page reloads
itself when a fixed build is ready.

MkDocs' development server holds each request until the running build is
done, and a failed build never counts as done. Here the failed build counts as
done, and page requests get the error page while the data is wrong.
"""

from __future__ import annotations

import logging
from html import escape

from mkdocs.exceptions import Abort

from kin_site import csp

log = logging.getLogger("mkdocs.kin")

_state: dict[str, list[str] | None] = {"errors": None}

PAGE = """<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feil i dataene – KIN</title>
<style>
body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a4000f; font-size: 1.6rem; }}
li {{ margin: .4rem 0; }}
code {{ font: .95rem/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>Feil i dataene: nettstedet er ikke bygget på nytt</h1>
<p>{summary} Hver linje viser <code>fil:linje:kolonne: felt: melding</code>.</p>
<ol id="kin-data-errors">
{items}
</ol>
<p>Rett feilen i filen og lagre. Denne siden lastes inn på nytt av seg selv når dataene er i orden.</p>
</main>
</body>
</html>
"""


def render(lines: list[str]) -> bytes:
    count = len(lines)
    summary = f"Det er {count} feil i datafilene." if count != 1 else "Det er én feil i datafilene."
    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    return PAGE.format(summary=summary, items=items).encode("utf-8")


def allow_livereload(server) -> None:
    """Let the page's Content-Security-Policy admit the dev server's live-reload script.

    MkDocs injects an inline ``<script>`` into every page it serves, different on
    each request, so no build-time hash can allow it. Its hash is added to the
    served page's policy, which otherwise stays as strict as on the public site.
    """
    inject = server._inject_js_into_html  # private to MkDocs 1.6 / ProperDocs (pinned in requirements.txt)

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        out = inject(content, epoch)
        injected = out[out.rindex(b"<script>") :]  # the last script: inserted just before </body>
        hashes = " ".join(csp.script_hashes(injected.decode("utf-8", "replace")))
        return out.replace(b"script-src 'self'", b"script-src 'self' " + hashes.encode("ascii"), 1)

    server._inject_js_into_html = inject_allowed


def install(server) -> None:
    """Let a data error finish the build (as an error page) instead of stalling every request."""
    allow_livereload(server)
    build = server.builder

    def builder(config=None):
        try:
            build(config)
        except Abort as exc:
            # Only data errors carry their lines; any other abort stops the build as usual.
            lines = getattr(exc, "data_errors", None)
            if lines is None:
                raise
            log.error(str(exc))
            _state["errors"] = lines
            return  # the build counts as done: waiting requests are answered now
        _state["errors"] = None

    server.builder = builder
    serve_site = server.serve_request

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        is_page = path.startswith(server.mount_path) and (path.endswith("/") or path.endswith(".html"))
        if is_page:
            with server._epoch_cond:  # as MkDocs does: wait for a build in progress to finish
                server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
                epoch = server._visible_epoch
            lines = _state["errors"]
            if lines is not None:
                body = server._inject_js_into_html(render(lines), epoch)  # reloads on the next build
                start_response(
                    "500 Internal Server Error",
                    [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                )
                return [body]
        return serve_site(environ, start_response)

    server.set_app(app)
