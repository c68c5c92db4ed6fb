"""The lint-code and intake-check registries: every code emitted in checker/ is registered (and
every registered one emitted), the adapter refuses what is not registered, each failing example
really fails and each passing example passes, and the generated page lists them all."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import re
import shutil
import textwrap
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.codes import LINT_CODES, At, LintCode, lint_code, lint_problem
from checker.data import intake_checks
from checker.data.ingest import ingest
from checker.data.intake_checks import (
    CELL_CHECKS,
    INTAKE_CHECKS,
    INTAKE_CLAUSE,
    intake_check,
    intake_finding,
)
from checker.data.schema import load_schema_unchecked
from checker.errors import Problem
from checker.kebijakan import load as kebijakan_load
from checker.linting import lint
from checker.policy import load_policy
from checker.policy.numbering import penomoran_record
from checker.policy.penomoran import dump_penomoran
from checker.report.labels import INTAKE_TITLES
from checker.site.lintcodes import lint_codes_page
from checker.yamlsrc import load_yaml_list, parse_yaml, validate
from tests.dispensasi.fixture import entry
from tests.policy_fixture import HAK, PARAMETER, PENUTUP, PERATURAN, SCHEMA, UMUM

KAMUS = Path(__file__).resolve().parents[1] / "policy" / "kamus.yml"

CHECKER = Path(__file__).resolve().parents[1] / "checker"
FIXTURES = Path(__file__).resolve().parent / "data" / "fixtures"
TODAY = dt.date(2026, 3, 1)
SKEMA_ID = re.compile(r"SKEMA-[A-Z0-9-]+")

# --- (a) every code in checker/ is registered, every registered code is emitted ------------

# call name → position of the code among its arguments (a keyword ``code=`` also counts)
CODE_ARGUMENT = {
    "lint_problem": 1,
    "problem": 1,
    "validate": 2,
    "load_yaml_list": 2,
    "error": 2,
}  # policy/markdown.py: _Parser.error(line, column, code, message)
# files that build Problem or Finding by hand instead of through the registries: none
NOT_YET_ROUTED: dict[str, str] = {}


@cache
def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(CHECKER.parent).as_posix(), ast.parse(path.read_text("utf-8")))
        for path in sorted(CHECKER.rglob("*.py"))
    ]


def _name(call: ast.Call) -> str:
    func = call.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else (func.attr if isinstance(func, ast.Attribute) else "")
    )


def _code_arguments() -> dict[str, list[str]]:
    """Every string passed as a lint code, with the places it is passed from."""
    found: dict[str, list[str]] = {}
    for path, tree in _modules():
        if path.startswith("checker/codes/"):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node) not in CODE_ARGUMENT:
                continue
            index = CODE_ARGUMENT[_name(node)]
            args = [
                *node.args[index : index + 1],
                *(k.value for k in node.keywords if k.arg == "code"),
            ]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, []).append(f"{path}:{node.lineno}")
    return found


def test_every_emitted_lint_code_is_registered_and_every_registered_one_emitted() -> None:
    emitted = _code_arguments()
    unregistered = {code: where for code, where in emitted.items() if code not in LINT_CODES}
    assert unregistered == {}
    assert sorted(set(LINT_CODES) - set(emitted)) == []


def test_problems_and_intake_findings_are_built_only_through_the_registries() -> None:
    by_hand: dict[str, str] = {}
    for path, tree in _modules():
        if path in ("checker/codes/__init__.py", "checker/data/intake_checks.py"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) == "Problem":
                by_hand[path] = "Problem"
            if (
                isinstance(node, ast.Call)
                and _name(node) == "Finding"
                and path.startswith("checker/data/")
            ):
                by_hand[path] = "Finding"
    assert by_hand == NOT_YET_ROUTED


def _intake_ids_used() -> dict[str, list[str]]:
    """Every SKEMA-* id written in checker/: string literals, and the registry's constants
    passed to intake_finding (or CELL_CHECKS, when an emitter reads it)."""
    constants = {
        name: value for name, value in vars(intake_checks).items() if name.startswith("SKEMA_")
    }
    used: dict[str, list[str]] = {}
    for path, tree in _modules():
        if path == "checker/data/intake_checks.py":
            continue
        for node in ast.walk(tree):
            ids: list[str] = []
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and SKEMA_ID.fullmatch(node.value)
            ):
                ids = [node.value]
            elif isinstance(node, ast.Name) and node.id in constants:
                ids = [constants[node.id]]
            elif isinstance(node, ast.Name) and node.id == "CELL_CHECKS":
                ids = list(CELL_CHECKS.values())
            for ident in ids:
                used.setdefault(ident, []).append(f"{path}:{node.lineno}")
    return used


def test_every_intake_id_is_registered_and_every_registered_one_emitted() -> None:
    used = _intake_ids_used()
    assert {i: where for i, where in used.items() if i not in INTAKE_CHECKS} == {}
    emitting = {
        i
        for i, where in used.items()
        if any(w.startswith("checker/data/") and "/faults.py" not in w for w in where)
    }
    assert sorted(set(INTAKE_CHECKS) - emitting) == []


def test_intake_titles_and_clause_agree_with_the_report_and_the_check() -> None:
    assert {i: c.title for i, c in INTAKE_CHECKS.items()} == INTAKE_TITLES
    assert {c.clause for c in INTAKE_CHECKS.values()} == {INTAKE_CLAUSE}


def test_every_intake_finding_of_the_fixtures_is_registered_at_a_documented_severity() -> None:
    with ingest([FIXTURES]) as dataset:
        findings = dataset.findings
    assert findings
    for finding in findings:
        check = intake_check(finding.rule)
        assert finding.severity == check.severity or check.varies, finding


# --- (b) the adapters refuse what is not registered ----------------------------------------


def test_lint_problem_refuses_an_unregistered_code_and_an_undocumented_level() -> None:
    with pytest.raises(KeyError, match="kode-tidak-ada"):
        lint_problem(At("policy/peraturan.yml", 3, 1), "kode-tidak-ada", "pesan")
    with pytest.raises(KeyError):
        lint_code("kode-tidak-ada")
    with pytest.raises(AssertionError, match="duplicate-id"):
        lint_problem(At("policy/bab/a.md", 3, 1), "duplicate-id", "pesan", "warning")
    problem = lint_problem(At("policy/peraturan.yml", 3, 5), "status-number", "pesan")
    assert (problem.severity, problem.line, problem.column) == ("error", 3, 5)
    assert lint_problem(At("p.yml"), "status-number", "pesan", "warning").severity == "warning"
    assert lint_problem(At("p.yml"), "single-item", "pesan").severity == "warning"


def test_yaml_helpers_refuse_an_unregistered_code_even_on_valid_input(tmp_path: Path) -> None:
    doc, problems = parse_yaml("a: 1\n", "x.yml")
    assert doc is not None and problems == []
    with pytest.raises(KeyError):
        doc.problem(["a"], "kode-tidak-ada", "pesan")
    with pytest.raises(KeyError):
        validate(doc, {"type": "object"}, "kode-tidak-ada")
    (tmp_path / "x.yml").write_text("- a: 1\n", encoding="utf-8")
    with pytest.raises(KeyError):
        load_yaml_list(tmp_path / "x.yml", "x.yml", "kode-tidak-ada", "pesan")


def test_intake_finding_refuses_an_unregistered_id_and_an_undocumented_severity() -> None:
    with pytest.raises(KeyError, match="SKEMA-TIDAK-ADA"):
        intake_finding("SKEMA-TIDAK-ADA", "pesan")
    with pytest.raises(AssertionError, match="SKEMA-UNIK"):
        intake_finding("SKEMA-UNIK", "pesan", severity="info")
    assert intake_finding("SKEMA-RUJUKAN", "pesan", severity="info").severity == "info"
    assert intake_finding("SKEMA-WAJIB", "pesan").severity == "error"


# --- (c) each failing example fails, each passing example passes ----------------------------

# codes whose examples need more than one file written (a report, a missing or unreadable
# file, two files that must agree): documented, not judged here
NOT_STANDALONE = {
    "berkas": "an unreadable file cannot be written as a snippet",
    "table-missing": "the example is a deleted file",
    "penomoran-belum-dibekukan": "needs peraturan.yml ditetapkan and no penomoran.yml",
    "penomoran-usang": "needs peraturan.yml and penomoran.yml that disagree",
    "dispensasi-yatim": "needs the report of the last check",
}
NIP = "198503122010011001"
RULE = """\
- id: KOMP-JP-MIN
  title: JP pengembangan kompetensi PNS kurang dari minimum
  clause: hak-jp-jumlah
  severity: error
  source: Peraturan Pemerintah Nomor 11 Tahun 2017
  table: pegawai
  population:
    status_kepegawaian: [PNS, CPNS]
    bertugas_sejak: awal_tahun
  check:
    type: period_aggregate
    child: pelatihan
    date_column: tanggal_selesai
    aggregate: SUM(c.jp)
    breach: "<"
    parameter: kompetensi.jp_minimum_pns
  message: "{sapaan} {nama} (NIP {nip}) mengikuti {actual} JP pada tahun {period}."
"""
TARGET = """\
kompetensi.target_cakupan_jp:
  description: Target persentase PNS yang memenuhi JP minimum.
  unit: persen
  values:
    - since: "2027-01-01"
      value: 80
      reference:
        title: Rancangan
"""
TITLE = "Pengelolaan Sumber Daya Aparatur Sipil Negara"


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small clean version (the tiny regulation of tests/policy_fixture.py under the file
    names of the real one, one rule, the Table Schema, one dispensation), and the same version
    with its numbering frozen (for the penomoran examples)."""
    plain = tmp_path_factory.mktemp("versi")
    _write(
        plain,
        "policy/peraturan.yml",
        PERATURAN.replace("Uji Coba Pengelolaan ASN", TITLE).replace(
            "  - umum\n  - hak\n  - penutup\n",
            "  - ketentuan-umum\n  - pengembangan-kompetensi\n  - ketentuan-penutup\n",
        ),
    )
    _write(plain, "policy/parameter.yml", PARAMETER + TARGET)
    _write(plain, "policy/bab/ketentuan-umum.md", UMUM)
    _write(
        plain,
        "policy/bab/pengembangan-kompetensi.md",
        HAK.replace("title: HAK PEGAWAI", "title: PENGEMBANGAN KOMPETENSI"),
    )
    _write(plain, "policy/bab/ketentuan-penutup.md", PENUTUP)
    # the version's word lists: the project's, so the drafting examples read the real ones
    shutil.copy(KAMUS, plain / "policy" / "kamus.yml")
    shutil.copytree(SCHEMA, plain / "rules" / "schema")
    _write(plain, "rules/kompetensi.yml", RULE)
    _write(plain, "rules/dispensasi/tugas-belajar.yml", entry("DISP-2026-001", f'{{nip: "{NIP}"}}'))
    frozen = tmp_path_factory.mktemp("versi-beku")
    shutil.copytree(plain, frozen, dirs_exist_ok=True)
    record = penomoran_record(load_policy(frozen / "policy"), "v2027.1", None)
    _write(frozen, "policy/penomoran.yml", dump_penomoran(record, "uji"))
    return {"plain": plain, "frozen": frozen}


def _key(item: Any) -> Any:
    return item.get("id", item.get("name")) if isinstance(item, dict) else None


def merge(base: Any, over: Any) -> Any:
    """``over`` laid on ``base``: mappings key by key; lists of records (with ``id`` or
    ``name``) record by record, a repeated key adding a copy of the base record."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: merge(base[k], v) if k in base else v for k, v in over.items()}}
    if isinstance(base, list) and isinstance(over, list) and over and all(map(_key, over)):
        out, used = list(base), set()
        for item in over:
            match = next((i for i, b in enumerate(base) if _key(b) == _key(item)), None)
            if match is None:
                out.append(item)
            elif match in used:
                out.append(merge(base[match], item))
            else:
                out[match] = merge(base[match], item)
                used.add(match)
        return out
    return over


def apply(root: Path, file: str, snippet: str) -> None:
    """Write an example into a copy of the version as an author would: a Markdown snippet
    with front matter is the whole BAB file, otherwise more Pasal at its end; a YAML snippet
    is laid on the file (or is the file, when there is none or it does not parse)."""
    path = root / file
    if file.endswith(".md"):
        text = snippet if snippet.startswith("---") else (path.read_text("utf-8") + "\n" + snippet)
        path.write_text(text, encoding="utf-8")
        return
    try:
        over = yaml.safe_load(snippet)
    except yaml.YAMLError:
        over = None
    if over is None or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(snippet, encoding="utf-8")
        return
    merged = merge(yaml.safe_load(path.read_text("utf-8")), over)
    path.write_text(
        yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def schema_once() -> Iterator[None]:
    """Parse each distinct Table Schema once: most examples leave it as the base has it, and
    parsing its seven files is most of the time a lint takes."""
    cache: dict[str, tuple[Any, list[Problem]]] = {}

    def load(directory: str | Path) -> tuple[Any, list[Problem]]:
        files = sorted(Path(directory).glob("*.yml"))
        key = hashlib.sha256(b"".join(f.name.encode() + f.read_bytes() for f in files))
        if key.hexdigest() not in cache:
            cache[key.hexdigest()] = load_schema_unchecked(directory)
        return cache[key.hexdigest()]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kebijakan_load, "load_schema_unchecked", load)
        yield


def codes_with(bases: dict[str, Path], tmp_path: Path, entry: LintCode, snippet: str) -> set[str]:
    base = bases["frozen" if entry.area == "penomoran" else "plain"]
    shutil.copytree(base, tmp_path, dirs_exist_ok=True)
    apply(tmp_path, entry.file, snippet)
    with pytest.MonkeyPatch.context() as patch:
        if entry.area != "aturan":  # only rules are planned as SQL; it takes half the time
            patch.setattr(kebijakan_load, "check_sql", lambda *args: [])
        found = lint(tmp_path / "policy", tmp_path / "rules", today=TODAY)
    return {p.code for p in found}


def test_the_bases_are_clean(bases: dict[str, Path]) -> None:
    for base in bases.values():
        assert lint(base / "policy", base / "rules", today=TODAY) == []


JUDGED = sorted(set(LINT_CODES) - set(NOT_STANDALONE))


@pytest.mark.parametrize("code", JUDGED)
@pytest.mark.usefixtures("schema_once")
def test_the_failing_example_fails_and_the_passing_one_passes(
    bases: dict[str, Path], tmp_path: Path, code: str
) -> None:
    entry = LINT_CODES[code]
    assert code in codes_with(bases, tmp_path / "gagal", entry, entry.failing)
    assert code not in codes_with(bases, tmp_path / "lolos", entry, entry.passing)


def test_most_codes_are_judged_in_every_area() -> None:
    assert set(NOT_STANDALONE) <= set(LINT_CODES)
    assert {LINT_CODES[code].area for code in JUDGED} == {e.area for e in LINT_CODES.values()}
    assert len(NOT_STANDALONE) <= 5


# --- (d) the generated page -------------------------------------------------------------------


def test_the_page_lists_every_lint_code_and_intake_check() -> None:
    page = lint_codes_page()
    assert page.src_uri == "aturan/kode-lint.md"
    content = str(page.content)
    for code, registered in LINT_CODES.items():
        assert f"`{code}`" in content and f"{{#{code}}}" in content, code
        assert registered.failing.splitlines()[0] in content, code
    for check in INTAKE_CHECKS.values():
        assert f"`{check.id}`" in content and check.title in content
    assert lint_codes_page() == page  # deterministic
