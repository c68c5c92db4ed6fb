"""The independent oracle (``tests/oracle``) against the checker, and the oracle itself.

1. The oracle shares nothing with the engine: no import of ``checker``, no reading of the
   rules' logic (``rules/*.yml`` other than the data contract ``rules/schema/``).
2. On a generated sample the checker's findings (SKEMA-* aside) equal the oracle's, rule by
   rule and NIP by NIP, for a closed year set and for the running year; a difference passes
   only when a documented disagreement (``tests/oracle/disagreements.py``) explains it.
3. Small hand-written datasets whose answer is obvious test the oracle.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.oracle import AGGREGATE_RULES, RULES, context, expected_findings, findings_of
from tests.oracle.disagreements import Key, explain

ROOT = Path(__file__).resolve().parents[1]
ORACLE = ROOT / "tests" / "oracle"
AS_OF = dt.date(2026, 6, 30)
CLOSED_YEARS = [2023, 2024, 2025]
RUNNING_YEAR = [2026]


# --- 1. independence ---------------------------------------------------------------------------


RULE_FILES = ("data.yml", "karier.yml", "kinerja.yml", "kompetensi.yml")
PATH_CALLS = ("Path", "PurePath", "PosixPath", "joinpath")


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _path_parts(node: ast.expr) -> list[str]:
    """The literal parts of a path expression (``ROOT / "rules" / "schema"``,
    ``Path("rules/x.yml")``); a part that is not a literal is ""."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return _path_parts(node.left) + _path_parts(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [p for p in node.value.replace("\\", "/").split("/") if p]
    if isinstance(node, ast.Call) and _called(node) in PATH_CALLS:
        parts = _path_parts(node.func.value) if isinstance(node.func, ast.Attribute) else []
        for arg in node.args:
            parts += _path_parts(arg)
        return parts
    return [""]


def _path_roots(tree: ast.AST) -> list[ast.expr]:
    """Path expressions not part of a larger one, and string literals other than docstrings."""
    inner: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            inner.update((id(node.left), id(node.right)))
        elif isinstance(node, ast.Call) and _called(node) in PATH_CALLS:
            inner.update(id(a) for a in node.args)
            if isinstance(node.func, ast.Attribute):
                inner.add(id(node.func.value))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            docstrings.add(id(node.value))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp | ast.Constant | ast.Call)
        and id(node) not in inner
        and id(node) not in docstrings
        and (not isinstance(node, ast.Call) or _called(node) in PATH_CALLS)
        and (not isinstance(node, ast.BinOp) or isinstance(node.op, ast.Div))
    ]


def _rule_path(parts: list[str]) -> str | None:
    """What is wrong with a path: a folder rules/ other than rules/schema/, or a rule file."""
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if part == "rules" and following != "schema":
            return "path into rules/ outside rules/schema/"
        if part in RULE_FILES:
            return f"rule file {part}"
    return None


def independence_problems(source: str, name: str = "<module>") -> list[str]:
    """What makes oracle code depend on the engine: an import of ``checker`` (any submodule,
    also through ``importlib``/``__import__``), a path into ``rules/`` other than
    ``rules/schema/``, or a rule file's name."""
    problems = []
    tree = ast.parse(source, name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "checker":
                    problems.append(f"{name}:{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] == "checker" and node.level == 0:
                problems.append(f"{name}:{node.lineno}: from {node.module} import")
        elif isinstance(node, ast.Call) and _called(node) in ("import_module", "__import__"):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and str(first.value).split(".")[0] == "checker":
                problems.append(f"{name}:{node.lineno}: {_called(node)}({first.value!r})")
    for node in _path_roots(tree):
        problem = _rule_path(_path_parts(node))
        if problem:
            problems.append(f"{name}:{node.lineno}: {problem}")
    return sorted(set(problems))


def test_oracle_does_not_depend_on_the_engine() -> None:
    modules = sorted(ORACLE.glob("*.py"))
    assert modules, "tests/oracle has no modules"
    problems = [
        p
        for path in modules
        for p in independence_problems(path.read_text(encoding="utf-8"), path.name)
    ]
    assert not problems, "the oracle must not use the engine:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "line",
    [
        "import checker",
        "import checker.rules.population as population",
        "from checker import check",
        "from checker.data.schema import value_key",
        "import importlib; importlib.import_module('checker.engine')",
        "__import__('checker')",
        "open(ROOT / 'rules' / 'kinerja.yml')",
        "RULES_DIR = ROOT / 'rules'",
        "yaml.safe_load(Path('rules/karier.yml').read_text())",
        "ROOT.joinpath('x').glob('kompetensi.yml')",
    ],
)
def test_independence_check_catches(line: str) -> None:
    """Each way to break independence, added to a real oracle module, is caught."""
    source = (ORACLE / "people.py").read_text(encoding="utf-8") + "\n" + line + "\n"
    assert independence_problems(source, "people.py")


def test_independence_check_allows_the_data_contract() -> None:
    source = 'SCHEMA = ROOT / "rules" / "schema"\nP = Path("rules/schema/pegawai.yml")\n'
    assert not independence_problems(source)


# --- 2. comparison with the checker -----------------------------------------------------------


def _key(
    rule: str, table: str | None, row: int | None, nip: str | None, period: Any, opd: Any
) -> Key:
    return (
        rule,
        table or "",
        row or 0,
        nip or "",
        "" if period is None else str(period),
        (opd or "") if rule in AGGREGATE_RULES else "",
    )


def compare(
    data_dir: Path, as_of: dt.date, years: list[int], policy: Path = ROOT / "policy"
) -> dict[str, Any]:
    """Run the checker and the oracle on one dataset (under the policy in ``policy``); per
    rule: counts, the differences each documented disagreement explains, and the unexplained
    ones."""
    from checker import check

    report = check(
        [data_dir],
        as_of=as_of,
        years=years,
        policy_root=policy,
        rules_root=ROOT / "rules",
        with_rows=False,
    )
    got = Counter(
        _key(f.rule, f.table, f.row, f.nip, f.period, f.opd)
        for f in report.findings
        if not f.rule.startswith("SKEMA-")
    )
    ctx = context(data_dir, as_of, years, policy / "parameter.yml")
    want = Counter(_key(e.rule, e.table, e.row, e.nip, e.period, e.opd) for e in findings_of(ctx))
    result: dict[str, Any] = {"check": got, "oracle": want, "explained": {}, "unexplained": {}}
    for side, extra in (("check", got - want), ("oracle", want - got)):
        for key, count in extra.items():
            known = explain(ctx, side, key)
            bucket = result["explained"] if known else result["unexplained"]
            label = known.name if known else ""
            bucket.setdefault(key[0], []).extend([(side, label, key)] * count)
    return result


def diff_text(rule: str, result: dict[str, Any]) -> str:
    """A readable account of one rule's differences: missing (checker only) and extra
    (oracle only)."""
    lines = [
        f"{rule}: checker {sum(v for k, v in result['check'].items() if k[0] == rule)}, "
        f"oracle {sum(v for k, v in result['oracle'].items() if k[0] == rule)}"
    ]
    for side, title in (
        ("check", "reported by the checker only"),
        ("oracle", "expected by the oracle only"),
    ):
        items = [k for s, _, k in result["unexplained"].get(rule, []) if s == side]
        if items:
            lines.append(f"  {title} ({len(items)}):")
            lines += [
                f"    table={k[1]} row={k[2]} nip={k[3]} period={k[4]} {k[5]}".rstrip()
                for k in sorted(items)[:40]
            ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from checker.data.sample import generate_sample

    out = tmp_path_factory.mktemp("oracle-sample")
    generate_sample(out, employees=2000, seed=7, fmt="csv", fault_rate=0.1)
    return out


@pytest.fixture(scope="module")
def closed_result(sample: Path) -> dict[str, Any]:
    return compare(sample, AS_OF, CLOSED_YEARS)


@pytest.fixture(scope="module")
def running_result(sample: Path) -> dict[str, Any]:
    return compare(sample, AS_OF, RUNNING_YEAR)


def test_oracle_covers_every_rule() -> None:
    from checker.kebijakan import load_kebijakan

    ids = {rule.id for rule in load_kebijakan(ROOT / "policy", ROOT / "rules").rules}
    assert ids == set(RULES), (
        f"rules without an oracle: {sorted(ids - set(RULES))}; "
        f"oracle rules no longer in rules/: {sorted(set(RULES) - ids)}"
    )


def _assert_rule(rule: str, result: dict[str, Any]) -> None:
    assert not result["unexplained"].get(rule), diff_text(rule, result)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_closed_years_match(rule: str, closed_result: dict[str, Any]) -> None:
    _assert_rule(rule, closed_result)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_running_year_matches(rule: str, running_result: dict[str, Any]) -> None:
    _assert_rule(rule, running_result)


def targets_a_year_earlier(folder: Path) -> Path:
    """A copy of the policy whose provincial targets (``*.target_*``) start a year earlier.

    The draft's targets start in 2027, after the Pergub can take effect; the sample's running
    year is 2026. Judging 2026 under this copy gives the coverage rules something to judge."""
    copy = folder / "policy"
    shutil.copytree(ROOT / "policy", copy)
    doc = yaml.safe_load((copy / "parameter.yml").read_text(encoding="utf-8"))
    for name, parameter in doc.items():
        if ".target_" in name:
            for value in parameter["values"]:
                since = dt.date.fromisoformat(str(value["since"]))
                value["since"] = since.replace(year=since.year - 1).isoformat()
    (copy / "parameter.yml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    return copy


@pytest.fixture(scope="module")
def judged_later_result(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The running year judged a year later, with the provincial targets in force for it (see
    :func:`targets_a_year_earlier`), so the per-OPD coverage rules have something to judge."""
    policy = targets_a_year_earlier(tmp_path_factory.mktemp("kebijakan"))
    return compare(sample, dt.date(AS_OF.year + 1, AS_OF.month, AS_OF.day), RUNNING_YEAR, policy)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_running_year_judged_a_year_later_matches(
    rule: str, judged_later_result: dict[str, Any]
) -> None:
    _assert_rule(rule, judged_later_result)


def test_coverage_rules_are_exercised(judged_later_result: dict[str, Any]) -> None:
    found = {k[0] for k in judged_later_result["oracle"]}
    assert {"KOMP-CAKUPAN", "KOMP-CAKUPAN-PPPK", "KIN-CAKUPAN"} <= found


def test_sample_exercises_the_rules(closed_result: dict[str, Any]) -> None:
    """The comparison means something: the oracle finds breaches of most rules."""
    found = {k[0] for k in closed_result["oracle"]}
    assert len(found) >= 15, sorted(found)


@pytest.mark.slow
def test_large_sample_closed_years(tmp_path: Path) -> None:
    from checker.data.sample import generate_sample

    generate_sample(tmp_path, employees=20000, seed=7, fmt="csv", fault_rate=0.1)
    result = compare(tmp_path, AS_OF, CLOSED_YEARS)
    assert not result["unexplained"], "\n".join(
        diff_text(r, result) for r in sorted(result["unexplained"])
    )


# --- 3. the oracle on hand-written data --------------------------------------------------------

PEGAWAI = (
    "nip", "nama", "tanggal_lahir", "jenis_kelamin", "status_kepegawaian", "golongan",
    "tmt_golongan", "jenis_jabatan", "jabatan", "pendidikan", "tmt_cpns", "instansi",
    "unit_kerja", "opd", "kedudukan_hukum",
)  # fmt: skip
PELATIHAN = ("nip", "nama_pelatihan", "jenis", "tanggal_mulai", "tanggal_selesai", "jp")
INSTANSI = "Pemerintah Provinsi Bengkulu"


def nip(born: dt.date, tmt: dt.date, sex: str = "L", serial: int = 1, pppk: bool = False) -> str:
    """An NIP of the structure of domain §4.1 (PNS) or §4.2 (PPPK)."""
    digit = "1" if sex == "L" else "2"
    middle = f"{tmt.year}21" if pppk else f"{tmt.year}{tmt.month:02d}"
    return f"{born:%Y%m%d}{middle}{digit}{serial:03d}"


def person(
    born: dt.date,
    tmt: dt.date,
    *,
    serial: int = 1,
    status: str = "PNS",
    jenis_jabatan: str = "Pelaksana",
    jabatan: str = "Pengadministrasi Perkantoran",
    kedudukan: str = "Aktif",
) -> dict[str, str]:
    return {
        "nip": nip(born, tmt, serial=serial, pppk=status == "PPPK"),
        "nama": f"Pegawai {serial}",
        "tanggal_lahir": f"{born:%d/%m/%Y}",
        "jenis_kelamin": "L",
        "status_kepegawaian": status,
        "golongan": "IX" if status == "PPPK" else "III/a",
        "tmt_golongan": f"{tmt:%d/%m/%Y}",
        "jenis_jabatan": jenis_jabatan,
        "jabatan": jabatan,
        "pendidikan": "S-1",
        "tmt_cpns": f"{tmt:%d/%m/%Y}",
        "instansi": INSTANSI,
        "unit_kerja": "Badan Kepegawaian Daerah",
        "opd": "Badan Kepegawaian Daerah",
        "kedudukan_hukum": kedudukan,
    }


def training(
    who: dict[str, str], start: dt.date, jp: int, end: dt.date | None = None
) -> dict[str, str]:
    return {
        "nip": who["nip"],
        "nama_pelatihan": f"Pelatihan {start}",
        "jenis": "klasikal",
        "tanggal_mulai": f"{start:%d/%m/%Y}",
        "tanggal_selesai": f"{(end or start):%d/%m/%Y}",
        "jp": str(jp),
    }


def write(folder: Path, table: str, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{table}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def findings(
    folder: Path, years: list[int], rules: tuple[str, ...], as_of: dt.date = AS_OF, **kw: Any
) -> list[tuple[str, int | None, str | None, str | None]]:
    return [
        (e.rule, e.row, e.nip, e.period)
        for e in expected_findings(folder, as_of, years, rules=rules, **kw)
    ]


def test_teacher_aged_59_is_not_past_retirement(tmp_path: Path) -> None:
    born = dt.date(1967, 3, 10)  # 59 on the check date
    guru = person(
        born, dt.date(1993, 3, 1), jenis_jabatan="Fungsional Ahli Muda", jabatan="Guru Ahli Muda"
    )
    kepsek = person(
        born,
        dt.date(1993, 3, 1),
        serial=2,
        jenis_jabatan="Fungsional Ahli Madya",
        jabatan="Kepala Sekolah SMA Negeri 1",
    )
    pelaksana = person(born, dt.date(1993, 3, 1), serial=3)
    analis = person(
        born,
        dt.date(1993, 3, 1),
        serial=4,
        jenis_jabatan="Fungsional Ahli Muda",
        jabatan="Analis Kepegawaian Ahli Muda",
    )
    write(tmp_path, "pegawai", PEGAWAI, [guru, kepsek, pelaksana, analis])
    assert findings(tmp_path, [2025], ("KAR-BUP",)) == [
        ("KAR-BUP", 4, pelaksana["nip"], None),
        ("KAR-BUP", 5, analis["nip"], None),
    ]


def test_retirement_starts_the_month_after_the_birthday_month(tmp_path: Path) -> None:
    june = person(dt.date(1968, 6, 30), dt.date(1993, 3, 1))  # 58 in June 2026: retires 1 July
    may = person(dt.date(1968, 5, 31), dt.date(1993, 3, 1), serial=2)  # retired 1 June 2026
    write(tmp_path, "pegawai", PEGAWAI, [june, may])
    assert findings(tmp_path, [2025], ("KAR-BUP",)) == [("KAR-BUP", 3, may["nip"], None)]


def test_pns_on_cltn_owes_no_jp_or_evaluation(tmp_path: Path) -> None:
    tmt = dt.date(2010, 1, 1)
    leave = person(dt.date(1985, 1, 1), tmt, kedudukan="CLTN")
    study = person(dt.date(1985, 1, 1), tmt, serial=2, kedudukan="Tugas Belajar")
    active = person(dt.date(1985, 1, 1), tmt, serial=3)
    write(tmp_path, "pegawai", PEGAWAI, [leave, study, active])
    rules = ("KOMP-JP-MIN", "KIN-SKP-TAHUNAN", "DATA-KEDUDUKAN-ASUMSI")
    assert findings(tmp_path, [2025], rules) == [
        ("DATA-KEDUDUKAN-ASUMSI", None, None, "2025"),
        ("KIN-SKP-TAHUNAN", 4, active["nip"], "2025"),
        ("KOMP-JP-MIN", 4, active["nip"], "2025"),
    ]


def test_recorded_cltn_period_exempts_only_the_years_it_touches(tmp_path: Path) -> None:
    back = person(dt.date(1985, 1, 1), dt.date(2010, 1, 1))  # active again
    write(tmp_path, "pegawai", PEGAWAI, [back])
    write(tmp_path, "riwayat_cltn", ("nip", "jenis", "tanggal_mulai", "tanggal_selesai"), [
        {"nip": back["nip"], "jenis": "CLTN", "tanggal_mulai": "01/07/2023", "tanggal_selesai": "30-06-2024"},
    ])  # fmt: skip
    assert findings(tmp_path, CLOSED_YEARS, ("KOMP-JP-MIN", "DATA-KEDUDUKAN-ASUMSI")) == [
        ("KOMP-JP-MIN", 2, back["nip"], "2025"),
    ]


def test_pppk_cap_counts_per_contract_year(tmp_path: Path) -> None:
    start = dt.date(2024, 3, 1)
    pppk = person(dt.date(1990, 5, 5), start, status="PPPK")
    write(tmp_path, "pegawai", PEGAWAI, [pppk])
    write(tmp_path, "pelatihan", PELATIHAN, [
        training(pppk, dt.date(2024, 11, 4), 20),   # calendar 2024: 20 JP
        training(pppk, dt.date(2025, 1, 13), 20),   # calendar 2025: 20 + 10 JP
        training(pppk, dt.date(2025, 9, 1), 10),
    ])  # fmt: skip
    assert findings(tmp_path, CLOSED_YEARS, ("KOMP-JP-PPPK",)) == [
        ("KOMP-JP-PPPK", 2, pppk["nip"], "2024-03-01 s.d. 2025-02-28"),
    ]
    # the contract year 2025-03-01 s.d. 2026-02-28 (10 JP) is judged in 2026, once over
    assert findings(tmp_path, RUNNING_YEAR, ("KOMP-JP-PPPK",)) == []


def test_running_year_is_progress_not_breach(tmp_path: Path) -> None:
    pns = person(dt.date(1985, 1, 1), dt.date(2010, 1, 1))
    write(tmp_path, "pegawai", PEGAWAI, [pns])
    write(tmp_path, "pelatihan", PELATIHAN, [
        training(pns, dt.date(2025, 3, 3), 8),
        training(pns, dt.date(2026, 3, 2), 8),
        training(pns, dt.date(2026, 9, 7), 30),  # not yet followed on 30 June
    ])  # fmt: skip
    rules = ("KOMP-JP-MIN", "KOMP-JP-BERJALAN", "KIN-SKP-TAHUNAN")
    assert findings(tmp_path, RUNNING_YEAR, rules) == [("KOMP-JP-BERJALAN", 2, pns["nip"], "2026")]
    assert findings(tmp_path, [2025], rules) == [
        ("KIN-SKP-TAHUNAN", 2, pns["nip"], "2025"),
        ("KOMP-JP-MIN", 2, pns["nip"], "2025"),
    ]


def test_thresholds_come_from_the_parameter_file(tmp_path: Path) -> None:
    pns = person(dt.date(1985, 1, 1), dt.date(2010, 1, 1))
    write(tmp_path / "data", "pegawai", PEGAWAI, [pns])
    write(tmp_path / "data", "pelatihan", PELATIHAN, [training(pns, dt.date(2025, 3, 3), 15)])
    rules = ("KOMP-JP-MIN",)
    assert findings(tmp_path / "data", [2025], rules) == [("KOMP-JP-MIN", 2, pns["nip"], "2025")]
    doc = yaml.safe_load((ROOT / "policy" / "parameter.yml").read_text(encoding="utf-8"))
    doc["kompetensi.jp_minimum_pns"]["values"].append({"since": "2025-06-01", "value": 12})
    lower = tmp_path / "parameter.yml"
    lower.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert findings(tmp_path / "data", [2025], rules, parameter_file=lower) == []


def test_spellings_and_line_numbers(tmp_path: Path) -> None:
    """Spellings the contract accepts give no finding; rows are numbered by file line, blank
    lines included; short, orphan, damaged and repeated records neither add nor count."""
    pns = person(dt.date(1985, 1, 1), dt.date(2010, 1, 1))
    other = person(dt.date(1986, 2, 2), dt.date(2011, 2, 1), serial=2)
    spelled = dict(
        other,
        nip="'" + other["nip"],
        golongan="IIIa",
        jenis_kelamin="Laki-laki",
        tanggal_lahir="1986-02-02",
        tmt_cpns="01-02-2011",
    )
    path = write(tmp_path, "pegawai", PEGAWAI, [pns])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n")  # a blank line (line 3)
        csv.writer(fh, lineterminator="\n").writerow([spelled[c] for c in PEGAWAI])  # line 4
    trainings = [training(pns, dt.date(2025, 3, 3), 12), training(other, dt.date(2025, 3, 3), 25)]
    twin = dict(trainings[0])  # the same training twice
    orphan = training(
        person(dt.date(1950, 1, 1), dt.date(1975, 3, 1), serial=9), dt.date(2025, 4, 4), 40
    )
    damaged = dict(training(pns, dt.date(2025, 5, 5), 40), nip=pns["nip"][:15] + "000")
    path = write(tmp_path, "pelatihan", PELATIHAN, [*trainings, twin, orphan, damaged])
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{pns['nip']},Pelatihan terpotong,klasikal,06/06/2025\n")  # short: 4 of 6 columns
    write(tmp_path, "penilaian_kinerja", ("nip", "tahun", "periode", "hasil_kerja", "perilaku_kerja", "predikat"), [
        {"nip": pns["nip"], "tahun": "2025", "periode": "tahunan", "hasil_kerja": "Sesuai Ekspektasi", "perilaku_kerja": "Di Bawah Ekspektasi", "predikat": "kurang"},
        {"nip": " ".join([other["nip"][:8], other["nip"][8:14], other["nip"][14], other["nip"][15:]]), "tahun": "2025", "periode": "tahunan", "hasil_kerja": "Di Atas", "perilaku_kerja": "Sesuai", "predikat": "sangat baik"},
    ])  # fmt: skip
    rules = tuple(r for r in RULES if r not in ("KOMP-CAKUPAN", "KOMP-CAKUPAN-PPPK", "KIN-CAKUPAN"))
    assert findings(tmp_path, [2025], rules) == [
        ("KIN-PREDIKAT", 3, other["nip"], "2025"),  # Di Atas × Sesuai is Baik
        ("KOMP-JP-MIN", 2, pns["nip"], "2025"),  # 12 JP: the twin and the short row do not count
    ]


def test_kp_rules_on_hand_written_history(tmp_path: Path) -> None:
    pns = dict(
        person(dt.date(1980, 1, 1), dt.date(2005, 3, 1)), pendidikan="SLTA", golongan="III/c"
    )
    sarjana = dict(person(dt.date(1981, 1, 1), dt.date(2006, 3, 1), serial=2), golongan="IV/a")
    write(tmp_path, "pegawai", PEGAWAI, [pns, sarjana])
    a, b = pns["nip"], sarjana["nip"]
    write(tmp_path, "riwayat_pangkat", ("nip", "golongan", "tmt", "jenis_kp"), [
        {"nip": a, "golongan": "II/a", "tmt": "01/03/2005", "jenis_kp": ""},  # appointment
        {"nip": a, "golongan": "Pengatur Muda Tingkat I", "tmt": "01/04/2009", "jenis_kp": "reguler"},
        {"nip": a, "golongan": "II/c", "tmt": "01/04/2013", "jenis_kp": "101"},
        {"nip": a, "golongan": "II/d", "tmt": "01/04/2017", "jenis_kp": "reguler"},
        {"nip": a, "golongan": "III/a", "tmt": "01/04/2021", "jenis_kp": "reguler"},
        {"nip": a, "golongan": "III/b", "tmt": "01/04/2023", "jenis_kp": "reguler"},  # after 2 years
        {"nip": a, "golongan": "IIIc", "tmt": "01/04/2025", "jenis_kp": ""},  # kind left empty
        {"nip": b, "golongan": "III/a", "tmt": "01/03/2006", "jenis_kp": "Gol. dari Pengadaan CPNS/PNS"},
        {"nip": b, "golongan": "III/d", "tmt": "01/04/2019", "jenis_kp": "reguler"},
        {"nip": b, "golongan": "Pembina", "tmt": "01/04/2024", "jenis_kp": "reguler"},  # above S-1's III/d
    ])  # fmt: skip
    write(tmp_path, "penilaian_kinerja", ("nip", "tahun", "periode", "predikat"), [
        {"nip": b, "tahun": "2022", "periode": "tahunan", "predikat": "Baik"},
        {"nip": b, "tahun": "2023", "periode": "tahunan", "predikat": "Sangat Baik"},
    ])  # fmt: skip
    write(tmp_path, "hukuman_disiplin", ("nip", "tingkat", "jenis", "tmt_mulai", "tmt_selesai"), [
        {"nip": a, "tingkat": "sedang", "jenis": "Penundaan kenaikan pangkat selama 1 tahun", "tmt_mulai": "01/01/2025", "tmt_selesai": ""},
    ])  # fmt: skip
    rules = ("KAR-KP-MASA", "KAR-KP-PLAFON", "KAR-KP-HUKDIS", "DATA-JENIS-KP", "KAR-KP-PREDIKAT")
    assert findings(tmp_path, CLOSED_YEARS, rules) == [
        ("DATA-JENIS-KP", 8, a, "2025"),
        ("KAR-KP-HUKDIS", 8, a, "2025"),  # a promotion while the penalty runs (to 2025-12-31)
        ("KAR-KP-MASA", 7, a, "2023"),
        ("KAR-KP-PLAFON", 11, b, "2024"),
        ("KAR-KP-PREDIKAT", 7, a, "2023"),  # no evaluation for 2021 and 2022
    ]


def test_coverage_targets_per_perangkat_daerah(tmp_path: Path) -> None:
    """The targets start in 2027 (parameter.yml); an OPD with 1 of 2 PNS meeting the JP
    minimum and 1 of 2 with an annual evaluation is below both targets for 2027."""
    one = person(dt.date(1985, 1, 1), dt.date(2010, 1, 1))
    two = person(dt.date(1985, 1, 1), dt.date(2010, 1, 1), serial=2)
    other_opd = dict(person(dt.date(1985, 1, 1), dt.date(2010, 1, 1), serial=3), opd="Dinas Sosial")
    write(tmp_path, "pegawai", PEGAWAI, [one, two, other_opd])
    write(
        tmp_path,
        "pelatihan",
        PELATIHAN,
        [training(one, dt.date(2027, 5, 4), 24), training(other_opd, dt.date(2027, 5, 4), 24)],
    )
    write(tmp_path, "penilaian_kinerja", ("nip", "tahun", "periode", "predikat"), [
        {"nip": one["nip"], "tahun": "2027", "periode": "tahunan", "predikat": "Baik"},
        {"nip": other_opd["nip"], "tahun": "2027", "periode": "tahunan", "predikat": "Baik"},
    ])  # fmt: skip
    rules = ("KOMP-CAKUPAN", "KIN-CAKUPAN")
    late = dt.date(2028, 6, 30)
    found = [
        (e.rule, e.period, e.opd) for e in expected_findings(tmp_path, late, [2027], rules=rules)
    ]
    assert found == [
        ("KIN-CAKUPAN", "2027", "Badan Kepegawaian Daerah"),
        ("KOMP-CAKUPAN", "2027", "Badan Kepegawaian Daerah"),
    ]
    # before the targets are in force (2026), and before the year is over, nothing
    assert findings(tmp_path, [2026], rules, as_of=late) == []
    assert findings(tmp_path, [2027], rules, as_of=dt.date(2027, 6, 30)) == []


def test_pppk_target_per_contract_year(tmp_path: Path) -> None:
    """Contracts from 1 July 2026: the contract year 1 July 2026 to 30 June 2027 ends in 2027.
    One of three PPPK follows a training in it (on its last day), a second only the day after:
    33.3 % is below the 2027 target of 50 %, and the two without one are information."""
    start = dt.date(2026, 7, 1)
    trio = [
        person(dt.date(1994, 1, 1), start, serial=n, status="PPPK", jenis_jabatan="Fungsional")
        for n in (1, 2, 3)
    ]
    write(tmp_path, "pegawai", PEGAWAI, trio)
    write(
        tmp_path,
        "pelatihan",
        PELATIHAN,
        [training(trio[0], dt.date(2027, 6, 30), 2), training(trio[1], dt.date(2027, 7, 1), 8)],
    )
    rules = ("KOMP-PPPK-TANPA", "KOMP-CAKUPAN-PPPK")
    late = dt.date(2028, 1, 10)
    found = [
        (e.rule, e.row, e.period) for e in expected_findings(tmp_path, late, [2027], rules=rules)
    ]
    assert found == [
        ("KOMP-CAKUPAN-PPPK", None, "2027"),
        ("KOMP-PPPK-TANPA", 3, "2026-07-01 s.d. 2027-06-30"),
        ("KOMP-PPPK-TANPA", 4, "2026-07-01 s.d. 2027-06-30"),
    ]
    # in December 2027 the contract year is over but the calendar year is not: no rate yet
    december = [
        e.rule for e in expected_findings(tmp_path, dt.date(2027, 12, 1), [2027], rules=rules)
    ]
    assert december == ["KOMP-PPPK-TANPA", "KOMP-PPPK-TANPA"]
