"""Evaluations from before PermenPANRB 6/2022 (issue #15 item 4) as the rules judge them: the
old predikat scale counts for the promotion rule (KAR-KP-PREDIKAT, rules/karier.yml) ranked with
the new one, and only evaluations with both ratings are judged by the predikat matrix
(KIN-PREDIKAT for annual, KIN-PREDIKAT-PERIODIK for periodic evaluations)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker.report.report import Report
from tests.rules.builder import POLICY, RULES, Data, of_rule, project

D = dt.date
YEAR = 2023  # the checked year: promotions with TMT in 2023 look at 2021 and 2022
AS_OF = D(2024, 1, 15)
SESUAI, ATAS = "Sesuai Ekspektasi", "Di Atas Ekspektasi"


def _old(d: Data, nip: str, tahun: int, predikat: str | None, **fields: object) -> int:
    """A PP 46/2011 evaluation: no ratings, no community feedback; returns its CSV line."""
    d.penilaian(
        nip,
        tahun,
        predikat=predikat,
        hasil_kerja=None,
        perilaku_kerja=None,
        umpan_balik_masyarakat=None,
        **fields,
    )
    return len(d.tables["penilaian_kinerja"]) + 1


def _promoted(d: Data, old: dict[str, str | None]) -> tuple[str, int]:
    """A PNS promoted (reguler) to III/c on 1 April 2023, four years after III/b, with the 2021
    evaluation(s) ``old`` gives (``{"2021": predikat}`` annual, or ``{"s1": .., "s2": ..}``
    semester rows) and an annual Baik for 2022 under the new scale."""
    nip = d.pegawai(golongan="III/c")
    d.pangkat(nip, "III/a", D(2011, 1, 1), "pengangkatan")
    d.pangkat(nip, "III/b", D(2019, 4, 1), "reguler")
    row = d.pangkat(nip, "III/c", D(2023, 4, 1), "reguler")
    for key, predikat in old.items():
        if key == "2021":
            _old(d, nip, 2021, predikat)
        else:
            _old(d, nip, 2021, predikat, periode="semesteran", periode_ke=int(key[1]))
    d.penilaian(nip, 2022, predikat="Baik")
    return nip, row


class Lama:
    report: Report
    nip: dict[str, str]
    kp_row: dict[str, int]
    pk_row: dict[str, int]


@pytest.fixture(scope="module")
def lama(tmp_path_factory: pytest.TempPathFactory) -> Lama:
    d = Data(years=(YEAR,))
    n: dict[str, str] = {}
    kp: dict[str, int] = {}
    pk: dict[str, int] = {}
    # KAR-KP-PREDIKAT with an old-scale 2021
    n["kp_baik"], kp["kp_baik"] = _promoted(d, {"2021": "Baik"})
    n["kp_cukup"], kp["kp_cukup"] = _promoted(d, {"2021": "Cukup"})
    n["kp_sangat_baik"], kp["kp_sangat_baik"] = _promoted(d, {"2021": "Sangat Baik"})
    n["kp_kurang"], kp["kp_kurang"] = _promoted(d, {"2021": "Kurang"})
    n["kp_nilai"], kp["kp_nilai"] = _promoted(d, {})
    pk["kp_nilai"] = _old(d, n["kp_nilai"], 2021, None, nilai_skp=83.4)
    # history without ratings, 2020 and both 2021 semesters
    n["riwayat"] = d.pegawai()
    pk["2020"] = _old(d, n["riwayat"], 2020, "Cukup")
    pk["2021s1"] = _old(d, n["riwayat"], 2021, "Baik", periode="semesteran", periode_ke=1)
    pk["2021s2"] = _old(d, n["riwayat"], 2021, "Kurang", periode="semesteran", periode_ke=2)
    # the matrix: annual and periodic evaluations with both ratings
    n["tahunan_salah"] = d.pegawai(skp=False)
    pk["tahunan_salah"] = len(d.tables["penilaian_kinerja"]) + 2
    d.penilaian(n["tahunan_salah"], YEAR, predikat="Baik", hasil_kerja=ATAS, perilaku_kerja=ATAS)
    n["semester_salah"] = d.pegawai()
    pk["semester_salah"] = len(d.tables["penilaian_kinerja"]) + 2
    d.penilaian(
        n["semester_salah"],
        YEAR,
        predikat="Sangat Baik",
        hasil_kerja=SESUAI,
        perilaku_kerja=SESUAI,
        periode="semesteran",
        periode_ke=1,
    )

    out = Lama()
    out.report = d.check(tmp_path_factory.mktemp("lama") / "kiriman", as_of=AS_OF)
    out.nip, out.kp_row, out.pk_row = n, kp, pk
    return out


def _skema(report: Report) -> list[tuple[str, int | None, str | None]]:
    return [
        (f.rule, f.row, f.column)
        for f in report.findings
        if f.rule.startswith("SKEMA-") and f.table == "penilaian_kinerja"
    ]


# --- KAR-KP-PREDIKAT (rules/karier.yml) over an old-scale year -------------------------------


def test_kp_passes_with_old_scale_baik_in_2021(lama: Lama) -> None:
    """The 2021 rows have no ratings and raise nothing; their Baik or better counts."""
    for case in ("kp_baik", "kp_sangat_baik", "kp_nilai"):
        nip = lama.nip[case]
        assert not of_rule(lama.report, "KAR-KP-PREDIKAT", nip), case
        assert not [f for f in lama.report.findings if f.nip == nip and "SKEMA" in f.rule], case


def test_kp_fails_with_old_scale_cukup_or_kurang_in_2021(lama: Lama) -> None:
    found = project(lama.report, "KAR-KP-PREDIKAT")
    assert found == [
        (
            "KAR-KP-PREDIKAT",
            lama.kp_row["kp_cukup"],
            lama.nip["kp_cukup"],
            "2023",
            "Baik",
            "2021: Cukup, 2022: Baik",
        ),
        (
            "KAR-KP-PREDIKAT",
            lama.kp_row["kp_kurang"],
            lama.nip["kp_kurang"],
            "2023",
            "Baik",
            "2021: Kurang, 2022: Baik",
        ),
    ]


def test_old_rows_give_no_intake_finding(lama: Lama) -> None:
    """No rating is missing and no value is outside its year's scale: nothing about the 2020,
    2021 and 2021-semester rows, nor about the 2021 row that has only a nilai SKP."""
    assert _skema(lama.report) == []


def test_score_of_2021_gives_its_predikat(lama: Lama) -> None:
    """83,4 is Baik under Perka BKN 1/2013 (76–90); the KP above passes on it."""
    assert not of_rule(lama.report, "KAR-KP-PREDIKAT", lama.nip["kp_nilai"])
    assert not [f for f in lama.report.findings if f.row == lama.pk_row["kp_nilai"]]


# --- KIN-PREDIKAT / KIN-PREDIKAT-PERIODIK ------------------------------------------------------


def test_kin_predikat_names_the_annual_evaluation(lama: Lama) -> None:
    """Only the annual evaluation with both ratings: not the periodic one, nor any row of the
    old regime (which has no ratings)."""
    found = of_rule(lama.report, "KIN-PREDIKAT")
    assert [(f.row, f.nip, f.period, f.expected, f.actual) for f in found] == [
        (lama.pk_row["tahunan_salah"], lama.nip["tahunan_salah"], "2023", "Sangat Baik", "Baik")
    ]
    assert "pada evaluasi kinerja tahunan untuk tahun 2023, padahal" in found[0].message
    assert found[0].message.endswith(
        "perbaiki predikat atau rating dalam data sesuai dokumen evaluasinya."
    )


def test_periodic_evaluation_is_judged_and_named_as_periodic(lama: Lama) -> None:
    found = of_rule(lama.report, "KIN-PREDIKAT-PERIODIK")
    assert [(f.row, f.nip, f.period, f.expected, f.actual) for f in found] == [
        (lama.pk_row["semester_salah"], lama.nip["semester_salah"], "2023", "Baik", "Sangat Baik")
    ]
    assert (
        "memperoleh predikat kinerja Sangat Baik pada evaluasi kinerja periodik (bulanan, "
        "triwulanan, atau semesteran) tahun 2023" in found[0].message
    )
    assert found[0].severity == "error"


# --- ranks across scales: the minimum as a new-scale value ------------------------------------


def _policy_minimum(folder: Path, minimum: str) -> Path:
    """A copy of policy/ whose karier.kp_predikat_minimal is ``minimum``."""
    policy = folder / "policy"
    shutil.copytree(POLICY, policy)
    path = policy / "parameter.yml"
    text = path.read_text(encoding="utf-8")
    block = text.index("karier.kp_predikat_minimal:")
    at = text.index("      value: Baik\n", block)
    path.write_text(
        text[:at] + f"      value: {minimum}\n" + text[at + len("      value: Baik\n") :],
        encoding="utf-8",
    )
    return policy


def test_old_cukup_ranks_with_butuh_perbaikan(tmp_path: Path) -> None:
    d = Data(years=(YEAR,))
    cukup, _ = _promoted(d, {"2021": "Cukup"})
    kurang, kurang_row = _promoted(d, {"2021": "Kurang"})
    report = d.check(
        tmp_path / "kiriman",
        as_of=AS_OF,
        policy_root=_policy_minimum(tmp_path, "Butuh Perbaikan"),
        rules_root=RULES,
    )
    assert not of_rule(report, "KAR-KP-PREDIKAT", cukup)
    assert project(report, "KAR-KP-PREDIKAT") == [
        (
            "KAR-KP-PREDIKAT",
            kurang_row,
            kurang,
            "2023",
            "Butuh Perbaikan",
            "2021: Kurang, 2022: Baik",
        )
    ]
