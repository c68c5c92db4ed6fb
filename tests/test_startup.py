"""``kebijakan --version``, ``--help`` and every command's ``--help`` load no heavy library.

Each runs in a fresh interpreter under ``python -X importtime``, whose report names every module
imported; the database, spreadsheet, Word, web and schema libraries (and the policy loader) must
not be among them. Timings belong to the bench, not here.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest

import checker
import checker.data
import checker.kebijakan
from checker import formats
from checker.cli import cli

ROOT = Path(__file__).resolve().parents[1]

# top-level packages a --help must not import, and our own modules that load the policy
HEAVY = (
    "duckdb",
    "openpyxl",
    "docx",
    "matplotlib",
    "fastapi",
    "uvicorn",
    "jsonschema",
    "pandas",
    "numpy",
    "yaml",
    "checker.policy",
    "checker.kebijakan.load",
    "checker.data.ingest",
)


def _walk(group: click.Group, prefix: str = "") -> list[str]:
    """Every command and subcommand by its full name ("agency add", "export docx", ...)."""
    found = []
    for name, command in group.commands.items():
        found.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            found += _walk(command, f"{prefix}{name} ")
    return found


COMMANDS = sorted(_walk(cli))


def imported(*argv: str, cwd: Path) -> set[str]:
    """The modules a fresh interpreter imports to run ``python *argv`` (from -X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


@functools.cache
def _bare() -> frozenset[str]:
    """What the interpreter imports by itself (site, .pth files): not ours to answer for."""
    return frozenset(imported("-c", "pass", cwd=ROOT))


def heavy(modules: set[str]) -> list[str]:
    """The entries of HEAVY imported in ``modules`` (itself or a submodule), less what the bare
    interpreter imports."""
    ours = modules - _bare()
    return [h for h in HEAVY if any(name == h or name.startswith(f"{h}.") for name in ours)]


def test_importtime_report_is_read() -> None:
    # the parser must see the modules, or the tests below would pass on an empty set
    assert {"click", "checker.cli"} <= imported("-m", "checker", "--version", cwd=ROOT)


@pytest.mark.parametrize("argv", [["--version"], ["--help"]], ids=" ".join)
def test_version_and_help_load_nothing_heavy(argv: list[str], tmp_path: Path) -> None:
    assert heavy(imported("-m", "checker", *argv, cwd=tmp_path)) == []


def test_every_command_is_checked() -> None:
    assert {"lint", "check", "serve", "export docx", "dispensasi periksa"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_loads_nothing_heavy(name: str, tmp_path: Path) -> None:
    modules = imported("-m", "checker", *name.split(), "--help", cwd=tmp_path)
    assert heavy(modules) == []


def test_choices_match_the_renderers() -> None:
    # the CLI reads these names from checker.formats without loading the renderers
    from checker.policy.render import LAYOUTS
    from checker.report import formats as report_formats
    from checker.report import labels

    assert tuple(LAYOUTS) == formats.REGULATION_FORMATS
    assert report_formats.FORMATS == formats.REPORT_FORMATS
    assert labels.SHOWN_PER_GROUP == report_formats.SHOWN_PER_GROUP == formats.SHOWN_PER_GROUP


@pytest.mark.parametrize(
    "package", [checker, checker.data, checker.kebijakan], ids=lambda p: p.__name__
)
def test_lazy_exports_resolve(package: ModuleType) -> None:
    # each name is imported on first use, so a slip in the table would surface only then
    assert set(package.__all__) - {"__version__"} == set(package._EXPORTS)
    for name in package.__all__:
        assert getattr(package, name) is not None


def test_a_csv_check_with_a_json_report_loads_no_spreadsheet_or_word_library(
    tmp_path: Path,
) -> None:
    """openpyxl (and numpy beneath it), calamine and python-docx load only for a workbook to
    read or to write."""
    from checker.data.sample import generate_sample

    generate_sample(tmp_path / "kiriman", employees=30, seed=2, fmt="csv", fault_rate=0.0)
    argv = ["-m", "checker", "check", str(tmp_path / "kiriman"), "--format", "json"]
    found = imported(*argv, "-o", str(tmp_path / "laporan.json"), "--fail-on", "never", cwd=ROOT)
    assert "duckdb" in found  # the check did run
    heavy = {"openpyxl", "numpy", "python_calamine", "docx", "checker.data.workbook"}
    assert not {m for m in found if m.split(".")[0] in heavy or m in heavy} - _bare()


def test_a_cached_policy_version_loads_without_its_loaders_and_linters(tmp_path: Path) -> None:
    """The second load of the same files comes from the compiled cache and imports only the
    model: not the YAML validator, the policy linter or the loaders of checker.kebijakan.load.
    The column titles messages use are then those of the loaded version, not parsed again."""
    code = (
        "from checker.kebijakan import load_kebijakan; "
        "from checker.wording import column_label; "
        f"load_kebijakan({str(tmp_path / 'versi/policy')!r}, {str(tmp_path / 'versi/rules')!r}); "
        "assert column_label('tmt_golongan') == 'TMT golongan', column_label('tmt_golongan')"
    )
    for folder in ("policy", "rules"):  # a version of its own, not the one found here
        shutil.copytree(ROOT / folder, tmp_path / "versi" / folder)
    (tmp_path / "kerja").mkdir()
    env = {"KEBIJAKAN_CACHE": "1", "KEBIJAKAN_CACHE_DIR": str(tmp_path / "cache")}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        first = imported("-c", code, cwd=tmp_path / "kerja")
        second = imported("-c", code, cwd=tmp_path / "kerja")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    loaders = ("jsonschema", "checker.kebijakan.load", "checker.policy.lint", "checker.rules.lint")
    assert set(loaders) <= first  # the miss loads and lints
    assert [name for name in loaders if name in second] == []


def test_a_name_shared_with_its_module_stays_the_function() -> None:
    """``checker.policy.render`` is both a module and the function the package re-exports:
    once the module is imported, the package name must still be the function."""
    code = (
        "import checker.policy.render, checker.dispensasi.model; "
        "from checker.policy import render; from checker.dispensasi import jakarta_today; "
        "assert callable(render) and render.__module__ == 'checker.policy.render'; "
        "assert callable(jakarta_today)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
