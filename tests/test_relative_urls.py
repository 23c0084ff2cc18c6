"""Links between pages are relative, so the site works under any base path and from file://."""

from __future__ import annotations

import pytest

from kin_site.render import relative


@pytest.mark.parametrize(
    ("target", "current", "expected"),
    [
        ("moter/x/", "moter/x/", "./"),
        ("moter/y/#agenda", "moter/x/", "../y/#agenda"),
        ("kin.ics", "moter/x/", "../../kin.ics"),
        ("", "moter/", "../"),
        ("", "", "./"),
        ("studier/elmed219/", "", "studier/elmed219/"),
        ("nettverket/#person-a", "studier/elmed219/", "../../nettverket/#person-a"),
        ("api/people.json", "404.html", "api/people.json"),
        ("moter/x.ics", "moter/x/", "../x.ics"),
    ],
)
def test_relative(target, current, expected):
    assert relative(target, current) == expected
