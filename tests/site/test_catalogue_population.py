"""The rule catalogue says whom each real rule judges, from its declared population."""

from __future__ import annotations

import datetime as dt

from checker.site import generate, load_context


def _judged() -> dict[str, str]:
    site = load_context("policy", "rules", "reports/contoh", as_of=dt.date(2026, 11, 30))
    page = {p.src_uri: str(p.content) for p in generate(site)}["aturan/index.md"]
    out, rule = {}, ""
    for line in page.splitlines():
        if line.startswith("### "):
            rule = line.split()[1]
        elif line.startswith("- **Yang dinilai:**"):
            out[rule] = line.removeprefix("- **Yang dinilai:** ")
    return out


def test_every_rule_states_whom_it_judges() -> None:
    judged = _judged()
    assert judged["KOMP-JP-MIN"].startswith("status kepegawaian PNS; kedudukan hukum")
    assert "bertugas sejak 1 Januari tahun yang diperiksa" in judged["KOMP-JP-MIN"]
    assert "CLTN atau Tugas Belajar menurut riwayat_cltn" in judged["KOMP-JP-MIN"]
    assert "kelompok dalam_dinas" in judged["KAR-BUP"]
    assert judged["KOMP-CAKUPAN"] == "setiap perangkat daerah, atas populasi aturan `KOMP-JP-MIN`"
    assert judged["KOMP-JP-BERJALAN"] == (
        "populasi aturan `KOMP-JP-MIN`, pada tahun yang diperiksa yang belum jatuh tempo"
    )
    assert judged["DATA-NIP-FORMAT"] == "setiap baris tabel `pegawai`"
