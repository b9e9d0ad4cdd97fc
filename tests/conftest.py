"""Shared fixtures and the three kinds of test (helpers.py holds the plain helpers).

Every test gets exactly one marker, by rule, when it is collected: `browser` for tests
under tests/browser/ (Playwright and chromium); else `build` when it needs a built site
or runs the CLI or MkDocs: it uses the `built_site` fixture, or it, a fixture it uses or
a test helper it calls names `run_cli`, `build_site` or `subprocess`; else `unit`. A
test may say `@pytest.mark.build` itself when it builds in a way the rule cannot see;
any other marker that contradicts the rule stops the run. A `unit` test that still
tries to run the CLI or MkDocs fails on the spot, so `make test-unit` (`-m unit`) stays
fast. The whole suite builds "as of" the data's newest `last_verified` date
(SOURCE_DATE_EPOCH), so no result depends on today's date or on the last commit's.
"""

from __future__ import annotations

import os
import re
import subprocess
import types
from pathlib import Path

import pytest

from helpers import ROOT, data_as_of, epoch_of

KINDS = ("unit", "build", "browser")
TESTS = Path(__file__).resolve().parent
# Names whose use makes a test `build`: the CLI, the atomic build, any subprocess.
BUILD_NAMES = {"run_cli", "build_site", "subprocess"}
BUILD_FIXTURES = {"built_site", "published"}
_saved_epoch: list[str | None] = []


def pytest_configure(config: pytest.Config) -> None:
    # Freeze the build date for the whole run, subprocesses included (run_cli passes
    # os.environ on). Without it, generator/build.py takes the last commit's time,
    # which moves with every commit and would make stale-entry flags appear by date.
    as_of = data_as_of(ROOT)
    _saved_epoch.append(os.environ.get("SOURCE_DATE_EPOCH"))
    if as_of is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(as_of))


def pytest_unconfigure(config: pytest.Config) -> None:
    if _saved_epoch:
        old = _saved_epoch.pop()
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def _names_used(func: types.FunctionType, seen: set[int]) -> set[str]:
    """Global and attribute names a function's code uses, following the functions it
    calls that are defined under tests/ (helpers), nested code included."""
    if id(func) in seen or not isinstance(func, types.FunctionType):
        return set()
    seen.add(id(func))
    names: set[str] = set()
    codes = [func.__code__]
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
    for name in list(names):
        called = func.__globals__.get(name)
        if isinstance(called, types.FunctionType) and Path(called.__code__.co_filename).resolve().is_relative_to(TESTS):
            names |= _names_used(called, seen)
    return names


def _kind_by_rule(item: pytest.Item) -> str:
    if Path(item.path).resolve().relative_to(TESTS).parts[0] == "browser":
        return "browser"
    if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
        return "build"
    seen: set[int] = set()
    funcs = [getattr(item, "function", None)]
    info = getattr(item, "_fixtureinfo", None)
    for defs in (info.name2fixturedefs.values() if info else ()):
        # This file's own fixtures are not the test's doing (the guard below uses subprocess).
        funcs.extend(d.func for d in defs if getattr(d.func, "__code__", None) is None
                     or Path(d.func.__code__.co_filename).resolve() != Path(__file__).resolve())
    names: set[str] = set()
    for func in funcs:
        names |= _names_used(getattr(func, "__func__", func), seen)
    return "build" if BUILD_NAMES & names else "unit"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wrong = []
    for item in items:
        rule = _kind_by_rule(item)
        declared = {m.name for m in item.iter_markers() if m.name in KINDS}
        if declared and declared != {rule} and declared != {"build"}:
            wrong.append(f"{item.nodeid}: marked {sorted(declared)}, but the rule says {rule}")
            continue
        kind = "build" if declared == {"build"} else rule
        if kind not in declared:
            item.add_marker(kind)
    if wrong:
        raise pytest.UsageError("tests marked against the rule in tests/conftest.py:\n" + "\n".join(wrong))


_RUNS_BUILD = re.compile(r"(^|\s)(-m\s+(generator|mkdocs)|\S*mkdocs)(\s|$)")


class _UnitPopen(subprocess.Popen):
    """Popen for unit tests: anything but the CLI and MkDocs (e.g. pagefind) may run."""

    def __init__(self, args, *rest, **options):
        line = args if isinstance(args, (str, bytes)) else " ".join(map(str, args))
        if _RUNS_BUILD.search(line if isinstance(line, str) else line.decode()):
            self._child_created = False  # for Popen.__del__
            pytest.fail(f"a unit test ran `{line}`: the CLI and MkDocs belong in `build` tests "
                        "(see tests/conftest.py)", pytrace=False)
        super().__init__(args, *rest, **options)


@pytest.fixture(autouse=True)
def _unit_tests_do_not_build(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("unit") is None:
        return
    monkeypatch.setattr(subprocess, "Popen", _UnitPopen)
    try:
        import generator.build as build
    except ImportError:  # the build module moved: the Popen guard still holds
        return

    def refuse(*args, **kwargs):
        pytest.fail("a unit test called build_site: mark it `build` (see tests/conftest.py)", pytrace=False)

    monkeypatch.setattr(build, "build_site", refuse, raising=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once through the atomic build into a temp folder."""
    from generator.build import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    return build_site(ROOT, out)


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """A copy of the project built as the deploy workflow builds it: with SITE_URL (under
    a sub-path, helpers.SITE_URL) and EDIT_BASE. What needs a public address (canonical
    links, share cards, the leaflets' QR codes, the feed) is checked here."""
    from helpers import EDIT_BASE, SITE_URL, build_copy

    return build_copy(tmp_path_factory.mktemp("published"), SITE_URL=SITE_URL, EDIT_BASE=EDIT_BASE)
