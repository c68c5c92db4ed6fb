"""The site's Dispensasi page: records in force and their counts, without personal data."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from checker.report.report import Report, to_json
from checker.site import generate, load_context, navigation
from checker.site.context import load_reports
from checker.site.dashboard import build_dashboard
from tests.dispensasi.fixture import entry
from tests.policy_fixture import MakePolicy
from tests.site.fixture import AS_OF, DIKBUD, PENUTUP, PEOPLE, reports, write_inputs

NIPS = list(PEOPLE)


def _site(make_policy: MakePolicy, tmp_path: Path, records: str | None) -> dict[str, str]:
    make_policy(bab__penutup_md=PENUTUP)
    rules, folder = write_inputs(tmp_path)
    if records is not None:
        (rules / "dispensasi").mkdir()
        (rules / "dispensasi" / "tb.yml").write_text(records, encoding="utf-8")
        # the latest report: the KOMP-JP-MIN finding of Dinas Pendidikan dan Kebudayaan is
        # dispensed
        name, report = reports()[1]
        marked = [
            replace(f, dispensation="DISP-TB-1") if f.rule == "KOMP-JP-MIN" else f
            for f in report.findings
        ]
        (folder / name).write_text(
            to_json(Report(**{**report.__dict__, "findings": marked})), encoding="utf-8"
        )
    site = load_context("policy", rules, folder, as_of=AS_OF)
    pages = generate(site)
    nav = navigation(site, pages, [])
    aturan = next(item["Aturan"] for item in nav if "Aturan" in item)
    assert ("aturan/dispensasi.md" in aturan) == (records is not None)
    return {p.src_uri: str(p.content) for p in pages}


def test_page_lists_records_and_counts_without_nips(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    scope = f'{{category: tugas-belajar, nip: ["{NIPS[0]}", "{NIPS[1]}"]}}'
    text = _site(
        make_policy,
        tmp_path,
        entry("DISP-TB-1", scope, basis="jalur-pendidikan", until="2026-12-31")
        + entry("DISP-LAMA", f'{{nip: "{NIPS[2]}"}}', until="2026-01-31"),
    )
    page = text["aturan/dispensasi.md"]
    assert (
        "| [DISP-LAMA](#disp-lama) | [KOMP-JP-MIN](index.md#komp-jp-min) | 1 pegawai | "
        "1 Januari 2025 – 31 Desember 2026 | 31 Januari 2026 | berakhir |"
    ) in page
    assert "| 2 pegawai tugas belajar |" in page and "| berlaku |" in page
    assert "- **Dasar:** [Pasal 2 ayat (2) huruf a](../peraturan/hak.md#jalur-pendidikan)" in page
    assert "| DISP-TB-1 | KOMP-JP-MIN | 1 |" in page
    assert "| Perangkat daerah | Temuan didispensasi |" in page
    assert f"| {DIKBUD} | 1 |" in page
    assert not re.search(r"\d{18}", page)
    assert "Drs. Contoh Pejabat" not in page  # the office decides; names stay in the record
    # the dashboard does not count the dispensed error against the OPD
    board = build_dashboard(load_reports(tmp_path / "reports"))
    opd = board.latest()[DIKBUD]
    assert (opd.by_severity["error"], opd.with_errors) == (0, 0)


def test_no_folder_no_page(make_policy: MakePolicy, tmp_path: Path) -> None:
    pages = _site(make_policy, tmp_path, None)
    assert "aturan/dispensasi.md" not in pages


def test_empty_folder_says_so(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(bab__penutup_md=PENUTUP)
    rules, folder = write_inputs(tmp_path)
    (rules / "dispensasi").mkdir()
    pages = {
        p.src_uri: str(p.content)
        for p in generate(load_context("policy", rules, folder, as_of=AS_OF))
    }
    assert "Belum ada dispensasi yang tercatat." in pages["aturan/dispensasi.md"]
