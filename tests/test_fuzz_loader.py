"""Property-based fuzzing of the loader: any bytes in any data file end in a
valid Dataset or in a DataValidationError whose every error has a location.
Never another exception, and never unbounded time or memory.

Each example is the whole data folder with one meeting file fuzzed, loaded by
``load_dataset`` with every dataset-wide check; the other files, the real data's
own bytes, are parsed and validated once, not once per example (``loading``)."""

from __future__ import annotations

import resource
import shutil
import signal
from pathlib import Path

import pytest
from conftest import DATA
from loading import load

from kin import DataValidationError

MEETING = "meetings/2022-02-08.yml"
SEED = (DATA / MEETING).read_bytes()
YAML_BITS = [
    b"- ",
    b": ",
    b"\n",
    b"  ",
    b"\t",
    b"'",
    b'"',
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!x ",
    b"<<: ",
    b"? ",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"#",
    b"|\n",
    b">-\n",
    b"\\",
    b"\x0b",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xae",
    b"a\xcc\x8a",
    b"\r",
    b"12:00",
    b"0150",
    b"NO",
    b"~",
    b"1e999",
    b"9" * 5000,
]


def fuzz(strategies):
    """Run the decorated ``body(workdir, *drawn)`` as a hypothesis test: 20 examples drawn, deterministically,
    from ``strategies(st)``. Hypothesis is imported when the test runs, not when the suite is collected
    (by every pytest-xdist worker), where importing it took half a second."""

    def decorate(body):
        def test(workdir):
            from hypothesis import given, settings
            from hypothesis import strategies as st

            settings(max_examples=20, deadline=None, derandomize=True)(given(*strategies(st))(body))(workdir)

        test.__name__, test.__qualname__, test.__doc__ = body.__name__, body.__qualname__, body.__doc__
        return test

    return decorate


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, target)
    return target


def check(data: Path, content: bytes) -> None:
    (data / MEETING).write_bytes(content)

    def hung(*_):
        raise AssertionError("loading did not finish within 120 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)  # a bound against hangs, far above any normal load even on a busy machine
    try:
        load(data)
    except DataValidationError as exc:
        assert exc.errors
        for error in exc.errors:
            assert error.file.startswith("data/") and error.line >= 1 and error.column >= 1, error
            assert error.message, error
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    # a bounded amount of memory, whatever the input (peak of this whole test process, in KiB)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1024 * 1024


@fuzz(lambda st: [st.binary(max_size=2000)])
def test_random_bytes(workdir, content):
    check(workdir, content)


@fuzz(lambda st: [st.text(max_size=2000)])
def test_random_unicode(workdir, content):
    check(workdir, content.encode("utf-8", "surrogatepass"))


@fuzz(
    lambda st: [
        st.lists(st.tuples(st.integers(0, len(SEED)), st.sampled_from(YAML_BITS), st.integers(0, 40)), max_size=8)
    ]
)
def test_mutated_meeting(workdir, edits):
    """The real meeting file with YAML syntax, odd bytes and deletions spliced in."""
    content = SEED
    for position, bit, cut in edits:
        content = content[:position] + bit + content[position + cut :]
    check(workdir, content)


@fuzz(lambda st: [st.integers(1, 3000), st.sampled_from([b"[", b"{a: ", b"- "])])
def test_deep_nesting(workdir, depth, opener):
    if opener == b"- ":
        content = b"".join(b"  " * i + b"-\n" for i in range(min(depth, 400))) + b"  " * depth + b"x\n"
    else:
        content = b"agenda: " + opener * depth + b"x"
    check(workdir, content)


@fuzz(lambda st: [st.integers(1, 300_000), st.sampled_from(["title", "theme", "number"])])
def test_huge_scalars(workdir, size, field):
    text = SEED.decode()
    line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
    check(workdir, text.replace(line, f"{field}: " + "9" * size).encode())
