"""Content-Security-Policy for the Material pages (a <meta> tag: GitHub Pages sets no headers).

Scripts run only from the site itself, plus the inline scripts Material
renders, allowed by their SHA-256 hashes. Those hashes are computed from the
very partials the theme includes on that page (``overrides/main.html`` renders
them into the ``csp`` filter), so a theme update cannot silently break them,
and nothing else inline can run: not a smuggled ``<script>``, nor an ``on...``
attribute, nor a ``javascript:`` URL.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from markupsafe import Markup

_INLINE = re.compile(r"<script>(.*?)</script>", re.S)  # inline only: no attributes, so no src

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",  # style attributes of the SVG charts; never scripts
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for each inline script in ``html``."""
    out = []
    for body in _INLINE.findall(str(html)):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        out.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(out))


@lru_cache(maxsize=64)  # pages share the same few inline scripts: hash them once, not once per page
def policy(inline_scripts: str) -> Markup:
    """The policy, for the ``content`` attribute, allowing the inline scripts in ``inline_scripts``."""
    directives = dict(POLICY)
    directives["script-src"] = " ".join([POLICY["script-src"], *script_hashes(inline_scripts)])
    # Only fixed words and base64 hashes: nothing here needs escaping in a double-quoted attribute.
    return Markup("; ".join(f"{name} {value}" for name, value in directives.items()))
