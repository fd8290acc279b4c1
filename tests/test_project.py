"""Project hygiene: a frozen public API, documented commands and settings, lint-clean code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

import dyad
from conftest import REPO
from dyad.cli import app


def test_public_api_is_exactly_all() -> None:
    import types

    # Submodules become attributes once imported anywhere; everything else public is in __all__.
    public = {
        name
        for name in dir(dyad)
        if not name.startswith("_") and not isinstance(getattr(dyad, name), types.ModuleType)
    }
    assert public == set(dyad.__all__) - {"__version__"}
    for name in dyad.__all__:
        assert getattr(dyad, name) is not None


def test_error_tree_in_docstring_matches_the_classes() -> None:
    from dyad import errors

    drawn = set(re.findall(r"[├└]── (\w+)", errors.__doc__))
    defined = {name for name in errors.__all__ if name != "DyadError"}
    assert drawn == defined


def test_error_codes_are_unique() -> None:
    from dyad import errors

    codes = [getattr(errors, name).code for name in errors.__all__]
    assert len(codes) == len(set(codes))


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text()
    for command in app.registered_commands:
        assert f"dyad {command.name}" in readme, f"README does not document `dyad {command.name}`"


def test_every_setting_is_documented() -> None:
    from dyad.config import load_settings

    docs = (REPO / "docs" / "configuration.md").read_text()
    for section, values in load_settings().raw.items():
        for key in values:
            if key != "components":
                assert f"{section}.{key}" in docs, f"docs/configuration.md lacks {section}.{key}"


def test_no_work_at_import_time() -> None:
    code = "import sys, dyad; print('spacy' in sys.modules, 'trafilatura' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (REPO / ".venv/bin/ruff").exists(),
    reason="ruff not installed (pip install -e '.[test]')",
)
def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(REPO / ".venv/bin/ruff")
    result = subprocess.run(
        [ruff, "check", "src", "tests", "bench"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    commands = re.findall(r"```bash\n(.+?)\n```", readme)
    assert len(commands) >= 2 and "dyad demo" in commands[0] and "pytest" in commands[1]
    assert commands[1] in (REPO / ".ci" / "run").read_text()
    assert commands[1].endswith("&& pytest && pytest -m slow")  # the fast suite, then the rest


def test_plain_pytest_leaves_out_the_slow_tests_and_m_slow_runs_them(pytestconfig) -> None:
    """pyproject's addopts say -m 'not slow'; a -m on the command line comes later and wins.
    (With nothing selected pytest exits 5, which would fail CI's `pytest -m slow`.)"""
    addopts = pytestconfig.getini("addopts")  # split as a shell would
    assert addopts[addopts.index("-m") + 1] == "not slow"
    files = ["tests/test_resume.py", "tests/test_config.py"]  # slow ones, fast ones
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    slow = subprocess.run(
        [*command, "-m", "slow", *files], capture_output=True, text=True, cwd=REPO
    )
    assert slow.returncode == 0, slow.stdout + slow.stderr
    selected = [line for line in slow.stdout.splitlines() if "::" in line]
    assert selected and all(line.startswith("tests/test_resume.py::") for line in selected)


@pytest.mark.parametrize(
    ("script", "args", "header"),
    [
        ("network_scale.py", ["--sizes", "300"], "camps ARI"),
        ("reuse_scale.py", ["--sizes", "200"], "recall"),
    ],
)
def test_benchmarks_still_run_at_a_tiny_size(script: str, args: list[str], header: str) -> None:
    """Benchmarks are run by hand, so a schema change can break them unseen: run the cheap
    ones on a toy size. The figures they print are checked by nobody here."""
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert header in result.stdout
