"""Evaluations from before PermenPANRB 6/2022 (issue #15 item 4), as intake reads them.

Rows of 2014–2021 (PP 46/2011, the 2021 semester evaluations included; domain notes 2.5, 9.4.3)
need no hasil/perilaku kerja ratings and carry the old predikat scale (Sangat Baik, Baik, Cukup,
Kurang, Buruk) or a numeric nilai SKP; rows of 2022 and later need both ratings and use the new
scale, where "Kurang" is Kurang/Misconduct. The boundary is the ``regimes`` of
``rules/schema/penilaian_kinerja.yml``; the schema lint of the keys that name them is at the end.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.data.ingest import ingest
from checker.data.schema import load_schema, load_schema_unchecked
from checker.data.template import _note
from checker.report.finding import Finding
from checker.rules.helpers import predikat_ranks

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "rules" / "schema"
NIP = "198503122010011001"
HEADER = ("nip", "tahun", "periode", "periode_ke", "hasil_kerja", "perilaku_kerja", "predikat")
SESUAI, BAWAH = "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
NEW = "Peraturan Menteri PANRB Nomor 6 Tahun 2022"
OLD = "Peraturan Pemerintah Nomor 46 Tahun 2011"


def _row(tahun: int, predikat: str | None = "Baik", **fields: Any) -> dict[str, Any]:
    """An annual evaluation without ratings (as PP 46/2011 records are) unless ``fields`` say."""
    return {"tahun": tahun, "periode": "tahunan", "predikat": predikat, **fields}


def _csv(folder: Path, rows: list[dict[str, Any]], header: tuple[str, ...] = HEADER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [",".join(header)]
    for row in rows:
        values = {"nip": NIP, **row}
        lines.append(",".join("" if values.get(c) is None else str(values[c]) for c in header))
    (folder / "penilaian_kinerja.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


class Read:
    """The intake findings (the missing pegawai table aside) and typed rows by CSV line."""

    def __init__(self, folder: Path) -> None:
        with ingest([folder]) as dataset:
            self.findings = [f for f in dataset.findings if f.rule != "SKEMA-RUJUKAN"]
            columns = [f.name for f in dataset.schema["penilaian_kinerja"].fields]
            rows = dataset.connection.execute(
                f"SELECT _row, {', '.join(columns)} FROM penilaian_kinerja"
            ).fetchall()
        self.rows = {r[0]: dict(zip(columns, r[1:], strict=True)) for r in rows}

    def of(self, rule: str, row: int | None = None) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule and (row is None or f.row == row)]


# --- ratings: required from 2022 only ------------------------------------------------------


@pytest.fixture(scope="module")
def ratings(tmp_path_factory: pytest.TempPathFactory) -> Read:
    rows = [
        _row(2020),  # line 2
        _row(2021, periode="semesteran", periode_ke=1),  # line 3
        _row(2021, periode="semesteran", periode_ke=2, predikat="Sangat Baik"),  # line 4
        _row(2021),  # line 5: the last year of the old regime
        _row(2022),  # line 6: the first year of the new one
        _row(2022, periode="semesteran", periode_ke=1, hasil_kerja=SESUAI),  # line 7
        _row(2023, hasil_kerja=SESUAI, perilaku_kerja=SESUAI),  # line 8
        _row(2013),  # line 9: before PP 46/2011 applied (DP3): no regime
    ]
    return Read(_csv(tmp_path_factory.mktemp("rating"), rows))


@pytest.mark.parametrize("line", [2, 3, 4, 5, 9])
def test_old_rows_without_ratings_give_no_finding(ratings: Read, line: int) -> None:
    assert [f for f in ratings.findings if f.row == line] == []
    assert ratings.rows[line]["hasil_kerja"] is None


def test_boundary_2022_requires_both_ratings(ratings: Read) -> None:
    wajib = [(f.row, f.column, f.severity) for f in ratings.of("SKEMA-WAJIB")]
    assert wajib == [
        (6, "hasil_kerja", "error"),
        (6, "perilaku_kerja", "error"),
        (7, "perilaku_kerja", "error"),
    ]
    message = ratings.of("SKEMA-WAJIB", 6)[0].message
    assert message == (
        "Kolom rating hasil kerja wajib diisi untuk penilaian kinerja tahun 2022 dan sesudahnya "
        f"({NEW}) tetapi kosong. Lengkapi isinya, lalu kirim ulang berkas."
    )
    assert ratings.of("SKEMA-WAJIB", 8) == []


def test_missing_rating_columns_only_matter_for_rows_that_need_them(tmp_path: Path) -> None:
    header = ("nip", "tahun", "periode", "periode_ke", "predikat")
    old_only = Read(_csv(tmp_path / "lama", [_row(2020), _row(2021, predikat="Cukup")], header))
    assert old_only.findings == []
    mixed = Read(_csv(tmp_path / "campur", [_row(2021), _row(2022), _row(2023)], header))
    kolom = [(f.rule, f.row, f.column, f.severity) for f in mixed.findings]
    assert kolom == [
        ("SKEMA-KOLOM", 1, "hasil_kerja", "error"),
        ("SKEMA-KOLOM", 1, "perilaku_kerja", "error"),
    ]
    assert mixed.findings[0].message == (
        "Kolom 'hasil_kerja' tidak ada di tabel penilaian_kinerja, padahal 2 baris (yang pertama "
        f"baris 3) adalah penilaian kinerja tahun 2022 dan sesudahnya ({NEW}), yang wajib mengisi "
        "kolom ini. Tambahkan kolom ini (Rating hasil kerja) lalu kirim ulang berkas."
    )


# --- predikat: the scale of the row's year ---------------------------------------------------


def _nip(line: int) -> str:
    """One employee per line, so no two annual rows share a primary key."""
    return f"{NIP[:-2]}{line:02d}"


@pytest.fixture(scope="module")
def scales(tmp_path_factory: pytest.TempPathFactory) -> Read:
    rows = [
        _row(2020, "Kurang"),  # line 2
        _row(2021, "kurang", periode="semesteran", periode_ke=2),  # line 3
        _row(2022, "KURANG", hasil_kerja=SESUAI, perilaku_kerja=BAWAH),  # line 4
        _row(2023, "Kurang", hasil_kerja=SESUAI, perilaku_kerja=BAWAH),  # line 5
        _row(2023, "Cukup", hasil_kerja=BAWAH, perilaku_kerja=SESUAI),  # line 6
        _row(2020, "Butuh Perbaikan"),  # line 7
        _row(2020, "Cukup"),  # line 8
        _row(2019, "Buruk"),  # line 9
        _row(2023, "Butuh Perbaikan", hasil_kerja=BAWAH, perilaku_kerja=SESUAI),  # line 10
        _row(2020, "Kurang/Misconduct"),  # line 11
        _row(2013, "Kurang"),  # line 12: no regime, read as written
    ]
    rows = [{**row, "nip": _nip(line)} for line, row in enumerate(rows, start=2)]
    return Read(_csv(tmp_path_factory.mktemp("skala"), rows))


@pytest.mark.parametrize(
    ("line", "predikat"),
    [(2, "Kurang"), (3, "Kurang"), (4, "Kurang/Misconduct"), (5, "Kurang/Misconduct"),
     (8, "Cukup"), (9, "Buruk"), (12, "Kurang")],
)  # fmt: skip
def test_kurang_is_read_by_the_scale_of_its_year(scales: Read, line: int, predikat: str) -> None:
    assert scales.rows[line]["predikat"] == predikat


def test_value_of_the_other_scale_is_a_warning_naming_year_and_scale(scales: Read) -> None:
    found = [(f.row, f.severity, f.actual) for f in scales.of("SKEMA-SKALA")]
    assert found == [
        (6, "warning", "Cukup"),
        (7, "warning", "Butuh Perbaikan"),
        (11, "warning", "Kurang/Misconduct"),
    ]
    cukup = scales.of("SKEMA-SKALA", 6)[0]
    assert (cukup.column, cukup.nip) == ("predikat", _nip(6))
    assert cukup.message == (
        f"Kolom predikat kinerja berisi Cukup, nilai skala {OLD}, padahal penilaian kinerja tahun "
        f"2023 memakai skala {NEW} (Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat "
        "Kurang). Periksa kolom tahun atau kolom predikat kinerja, lalu kirim ulang berkas. Sampai "
        "diperbaiki, nilai ini dibandingkan menurut urutannya, setara dengan Butuh Perbaikan."
    )
    assert cukup.expected == (
        f"nilai skala {NEW}: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang"
    )
    perbaikan = scales.of("SKEMA-SKALA", 7)[0].message
    assert perbaikan.startswith(
        f"Kolom predikat kinerja berisi Butuh Perbaikan, nilai skala {NEW}, padahal penilaian kinerja "
        f"tahun 2020 memakai skala {OLD} (Sangat Baik, Baik, Cukup, Kurang, Buruk)."
    )
    assert perbaikan.endswith("setara dengan Cukup.")
    assert scales.of("SKEMA-ENUM") == [] and scales.of("SKEMA-WAJIB") == []


def test_predikat_ranks_compare_both_scales() -> None:
    field = load_schema(REAL)["penilaian_kinerja"].field("predikat")
    assert predikat_ranks(field) == {
        "Sangat Baik": 5,
        "Baik": 4,
        "Cukup": 3,
        "Butuh Perbaikan": 3,
        "Kurang": 2,
        "Kurang/Misconduct": 2,
        "Buruk": 1,
        "Sangat Kurang": 1,
    }


# --- nilai SKP (PP 46/2011): ranges of Perka BKN 1/2013 ------------------------------------------


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> Read:
    header = ("NIP", "Tahun", "Periode", "Predikat", "Nilai Prestasi Kerja")
    rows = [
        {"tahun": 2020, "periode": "tahunan", "nilai": 91},  # line 2
        {"tahun": 2020, "periode": "semesteran", "nilai": "90"},  # line 3
        {"tahun": 2019, "periode": "tahunan", "nilai": "75,5"},  # line 4: between two ranges
        {"tahun": 2018, "periode": "tahunan", "nilai": "61"},  # line 5
        {"tahun": 2017, "periode": "tahunan", "nilai": "51"},  # line 6
        {"tahun": 2016, "periode": "tahunan", "nilai": "50"},  # line 7
        {"tahun": 2015, "periode": "tahunan", "nilai": "70", "predikat": "Baik"},  # line 8
        {"tahun": 2014, "periode": "tahunan", "nilai": "80", "predikat": "Baik"},  # line 9
        {"tahun": 2021, "periode": "tahunan", "nilai": "76"},  # line 10
        {"tahun": 2013, "periode": "tahunan", "nilai": "88"},  # line 11: before the regime
    ]
    folder = tmp_path_factory.mktemp("nilai")
    lines = [",".join(header)]
    for r in rows:
        lines.append(f'{NIP},{r["tahun"]},{r["periode"]},{r.get("predikat", "")},"{r["nilai"]}"')
    (folder / "penilaian_kinerja.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Read(folder)


@pytest.mark.parametrize(
    ("line", "score", "predikat"),
    [(2, 91, "Sangat Baik"), (3, 90, "Baik"), (10, 76, "Baik"), (5, 61, "Cukup"),
     (6, 51, "Kurang"), (7, 50, "Buruk"), (9, 80, "Baik")],
)  # fmt: skip
def test_score_gives_the_old_predikat(scores: Read, line: int, score: int, predikat: str) -> None:
    assert scores.rows[line]["nilai_skp"] == score
    assert scores.rows[line]["predikat"] == predikat


def test_score_outside_the_ranges_is_recorded_not_judged(scores: Read) -> None:
    assert scores.rows[4]["nilai_skp"] == 75.5 and scores.rows[4]["predikat"] is None
    assert scores.rows[11]["nilai_skp"] == 88 and scores.rows[11]["predikat"] is None
    info = [f for f in scores.of("SKEMA-SKALA") if f.severity == "info"]
    assert [(f.row, f.column) for f in info] == [(4, "nilai_skp")]  # one per file
    assert info[0].message == (
        "2 baris (yang pertama baris 4) berisi nilai SKP tanpa predikat kinerja, dan nilainya "
        "tidak dapat dibaca sebagai predikat kinerja: predikat kinerja dibaca dari nilai SKP "
        "hanya untuk penilaian kinerja "
        f"tahun 2014–2021 ({OLD}) dan hanya bila nilainya termasuk salah satu rentang menurut "
        "Peraturan Kepala BKN Nomor 1 Tahun 2013 (91 ke atas Sangat Baik; 76–90 Baik; 61–75 "
        "Cukup; 51–60 Kurang; 50 ke bawah Buruk; nilai di antara dua rentang, seperti 90,5, "
        "tidak termasuk). Nilainya tetap dicatat, tetapi baris itu dianggap tidak memiliki "
        "predikat kinerja; isi kolom predikat kinerja bila nilainya diketahui."
    )


def test_predikat_that_contradicts_the_score_is_a_warning(scores: Read) -> None:
    warnings = [f for f in scores.of("SKEMA-SKALA") if f.severity == "warning"]
    assert [(f.row, f.column, f.expected, f.actual) for f in warnings] == [
        (8, "predikat", "Cukup", "Baik")
    ]
    assert warnings[0].message == (
        "Kolom predikat kinerja berisi Baik, sedangkan nilai SKP 70 pada baris ini berarti Cukup "
        "(61–75) menurut Peraturan Kepala BKN Nomor 1 Tahun 2013. Periksa kolom predikat kinerja "
        "atau kolom nilai SKP, lalu kirim ulang berkas."
    )
    assert sorted(f.row or 0 for f in scores.findings) == [4, 8]


def test_score_in_a_new_scale_year_gives_no_predikat(tmp_path: Path) -> None:
    header = (*HEADER, "nilai_skp")
    rows = [_row(2023, None, hasil_kerja=SESUAI, perilaku_kerja=SESUAI, nilai_skp=95)]
    read = Read(_csv(tmp_path, rows, header))
    assert read.rows[2]["predikat"] is None and read.rows[2]["nilai_skp"] == 95
    assert [(f.rule, f.severity, f.row) for f in read.findings] == [("SKEMA-SKALA", "info", 2)]


def test_template_note_names_the_years_a_rating_is_required() -> None:
    table = load_schema(REAL)["penilaian_kinerja"]
    note = _note(table.field("hasil_kerja"), table).splitlines()
    assert note[1] == f"Wajib diisi untuk penilaian kinerja tahun 2022 dan sesudahnya ({NEW})."


# --- schema lint of regimes, requiredIn, enumScales, scoreBands ------------------------------

PREDIKAT_SCALES = """\
      pp_46_2011:
        values: [Sangat Baik, Baik, Cukup, Kurang, Buruk]
"""


def _lint(tmp_path: Path, old: str, new: str) -> list[tuple[int, str, str]]:
    folder = tmp_path / "schema"
    shutil.copytree(REAL, folder)
    path = folder / "penilaian_kinerja.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old  # requiredIn is written alike on both rating columns
    path.write_text(text.replace(old, new), encoding="utf-8")
    tables, problems = load_schema_unchecked(folder)
    assert tables is None
    return [(p.line, p.code, p.message) for p in problems]


def _line(text: str) -> int:
    """The line of ``text`` in the real descriptor (1-based)."""
    lines = (REAL / "penilaian_kinerja.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


LINT_CASES: dict[str, tuple[str, str, str, str]] = {
    "required-in-unknown-regime": (
        "requiredIn: [permenpanrb_6_2022]",
        "requiredIn: [permenpanrb_2022]",
        "requiredIn: [permenpanrb_6_2022]",
        "requiredIn kolom hasil_kerja menyebut rezim 'permenpanrb_2022' yang tidak ada; rezim "
        "yang ada: permenpanrb_6_2022, pp_46_2011",
    ),
    "scale-value-not-in-enum": (
        PREDIKAT_SCALES,
        PREDIKAT_SCALES.replace("Cukup", "Sedang"),
        "values: [Sangat Baik, Baik, Cukup, Kurang, Buruk]",
        "skala pp_46_2011 kolom predikat menyebut nilai 'Sedang' yang tidak ada dalam "
        "constraints.enum",
    ),
    "scales-of-different-length": (
        PREDIKAT_SCALES,
        PREDIKAT_SCALES.replace(", Buruk]", "]"),
        "values: [Sangat Baik, Baik, Butuh Perbaikan",
        "skala permenpanrb_6_2022 kolom predikat berisi 5 nilai, berbeda dengan skala pp_46_2011; "
        "urutan nilai membandingkan skala, sehingga setiap skala harus berisi nilai sebanyak yang "
        "lain",
    ),
    "alias-means-a-value-of-its-scale": (
        "          Kurang/Misconduct: [Kurang]\n",
        "          Kurang/Misconduct: [Kurang, Baik]\n",
        "Kurang/Misconduct: [Kurang]",
        "ejaan 'Baik' skala permenpanrb_6_2022 kolom predikat sudah berarti nilai 'Baik' skala "
        "itu, sehingga tidak dapat berarti 'Kurang/Misconduct'",
    ),
    "bands-overlap": (
        "{value: Baik, minimum: 76, maximum: 90}",
        "{value: Baik, minimum: 75, maximum: 90}",
        "{value: Baik, minimum: 76, maximum: 90}",
        "rentang 'Baik' kolom nilai_skp tumpang tindih dengan rentang 'Cukup'; satu nilai hanya "
        "boleh masuk satu rentang",
    ),
    "band-value-outside-its-scale": (
        "{value: Buruk, maximum: 50}",
        "{value: Sangat Kurang, maximum: 50}",
        "{value: Buruk, maximum: 50}",
        "rentang kolom nilai_skp memberi nilai 'Sangat Kurang' yang tidak ada dalam skala "
        "pp_46_2011 kolom predikat",
    ),
    "regime-starts-before-the-previous": (
        "    from: 2022\n",
        "    from: 2010\n",
        "from: 2022",
        "from rezim permenpanrb_6_2022 (2010) harus lebih besar dari from rezim sebelumnya, "
        "pp_46_2011 (2014)",
    ),
    "regime-field-not-a-number": (
        "regimeField: tahun\n",
        "regimeField: periode\n",
        "regimeField: tahun",
        "regimeField harus kolom angka (type integer atau number); kolom periode berjenis string",
    ),
}


@pytest.mark.parametrize("case", list(LINT_CASES))
def test_lint_of_regime_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    old, new, at, message = LINT_CASES[case]
    monkeypatch.chdir(tmp_path)
    problems = _lint(tmp_path, old, new)
    assert (_line(at), "table-regime", message) in problems, problems


def test_real_descriptor_regimes_lint_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    tables, problems = load_schema_unchecked(REAL)
    assert problems == [] and tables is not None
