"""The regulation in policy/ itself: lints clean and reads with the full anatomy."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from checker.policy import lint_policy, load_policy, render
from checker.policy.inline import schedule

POLICY = Path(__file__).resolve().parents[2] / "policy"


def test_policy_has_no_lint_errors() -> None:
    problems = lint_policy(POLICY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    # the only warnings left are citations to verify in JDIH before enactment
    assert {p.code for p in problems} <= {"citation-incomplete"}


def test_rendered_regulation_has_the_full_anatomy() -> None:
    peraturan = load_policy(POLICY)
    text = render(peraturan, "text", dt.date(2026, 12, 1))
    lines = [line.strip() for line in text.splitlines()]
    assert lines[:6] == [
        "GUBERNUR BENGKULU",  # the office under the emblem, above the judul
        "",
        "PERATURAN GUBERNUR BENGKULU",
        "NOMOR … TAHUN …",
        "TENTANG",
        "PENGELOLAAN SUMBER DAYA APARATUR SIPIL NEGARA",
    ]
    for marker in (
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "GUBERNUR BENGKULU,",
        "MEMUTUSKAN:",
        "Ditetapkan di Bengkulu",
        "Diundangkan di Bengkulu",
        "SEKRETARIS DAERAH PROVINSI BENGKULU,",
        "BERITA DAERAH PROVINSI BENGKULU TAHUN … NOMOR …",
    ):
        assert marker in lines, marker
    assert text.index("Menimbang : a.") < text.index("Mengingat : 1.") < text.index("MEMUTUSKAN:")
    assert "Menetapkan : PERATURAN GUBERNUR TENTANG PENGELOLAAN SUMBER DAYA APARATUR SIPIL" in text
    babs = [line for line in lines if re.fullmatch(r"BAB [IVXL]+", line)]
    assert len(babs) == len(peraturan.bab) >= 10
    assert babs[:3] == ["BAB I", "BAB II", "BAB III"]
    pasal = [line for line in lines if re.fullmatch(r"Pasal \d+", line)]
    assert pasal == [f"Pasal {n}" for n in range(1, len(pasal) + 1)]
    assert len(pasal) >= 30
    assert "mulai berlaku pada tanggal diundangkan" in text
    assert "⟦" not in text  # every parameter and reference resolved


def test_parameters_reach_the_text() -> None:
    text = render(load_policy(POLICY), "text", dt.date(2026, 12, 1)).replace("\n    ", " ")
    assert "20 (dua puluh) JP" in text
    assert "24 (dua puluh empat) JP" in text
    assert "58 (lima puluh delapan) tahun" in text
    assert "65 (enam puluh lima) tahun" in text


def test_schedule_lists_every_dated_value() -> None:
    peraturan = load_policy(POLICY)
    assert schedule(peraturan.parameters["kompetensi.target_cakupan_jp"]) == (
        "70% (tujuh puluh persen) mulai 1 Januari 2027, 80% (delapan puluh persen) mulai "
        "1 Januari 2028, dan 90% (sembilan puluh persen) mulai 1 Januari 2029"
    )
    assert schedule(peraturan.parameters["kompetensi.jp_minimum_pns"]) == (
        "20 (dua puluh) mulai 7 April 2017"
    )
