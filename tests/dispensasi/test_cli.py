"""`kebijakan dispensasi` (list with status) and `kebijakan dispensasi periksa` (orphans
against the last check), in checker/cli/impact.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from checker.checking import check
from checker.cli.impact import dispensasi
from checker.report.report import to_json
from tests.dispensasi.fixture import entry, rules_with
from tests.rules.builder import POLICY, Data

NIP = "198503122010011001"


def test_list_shows_status_on_the_reference_date(tmp_path: Path) -> None:
    rules = rules_with(
        tmp_path,
        a=entry("DISP-A", f'{{nip: "{NIP}"}}', until="2026-06-30"),
        b=entry(
            "DISP-B",
            "{instansi: Pemerintah Kota Bengkulu}",
            letter="2026-07-01",
            until="2027-01-31",
        ),
    )
    args = ["--policy", str(POLICY), "--rules", str(rules)]
    result = CliRunner().invoke(
        dispensasi, [*args, "--as-of", "2026-06-30"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Dispensasi  Aturan       Lingkup                   Berlaku s.d.     Status",
        "DISP-A      KOMP-JP-MIN  1 pegawai                 30 Juni 2026     berlaku, sisa 0 hari",
        "DISP-B      KOMP-JP-MIN  Pemerintah Kota Bengkulu  31 Januari 2027  belum berlaku",
    ]
    later = CliRunner().invoke(dispensasi, [*args, "--as-of", "2026-07-01"])
    assert (
        "DISP-A      KOMP-JP-MIN  1 pegawai                 30 Juni 2026     berakhir"
        in later.output
    )


def test_periksa_finds_orphans_in_the_last_report(tmp_path: Path) -> None:
    d = Data()
    short = d.pegawai(jp=10)
    rules = rules_with(
        tmp_path,
        a=entry("DISP-A", f'{{nip: "{short}"}}', until="2099-12-31"),
        b=entry("DISP-B", '{nip: "199912312020121999"}', until="2099-12-31"),
    )
    report = check(
        [d.write(tmp_path / "kiriman")],
        as_of=dt.date(2026, 1, 15),
        years=[2025],
        policy_root=POLICY,
        rules_root=rules,
    )
    laporan = tmp_path / "laporan.json"
    laporan.write_text(to_json(report), encoding="utf-8")
    args = ["--policy", str(POLICY), "--rules", str(rules), "periksa"]
    result = CliRunner().invoke(
        dispensasi, [*args, "--laporan", str(laporan)], catch_exceptions=False
    )
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert "0 kesalahan, 1 peringatan." in result.stderr
    assert line.endswith(
        "b.yml:1:7: [warning] dispensasi DISP-B tidak mencakup satu temuan pun "
        "pada pemeriksaan terakhir (15 Januari 2026: laporan.json); periksa NIP, "
        "instansi, aturan, dan periodenya, atau cabut bila tidak diperlukan "
        "lagi (dispensasi-yatim)"
    )
    strict = CliRunner().invoke(dispensasi, [*args, "--laporan", str(laporan), "--strict"])
    assert strict.exit_code == 1
