"""Obligations no rule can check, with why (rules/cakupan/tidak-diperiksa.yml): lint and the
coverage page."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from checker.kebijakan import load_kebijakan
from checker.kebijakan.load import inspect
from checker.kebijakan.source import folder
from checker.site.cakupan import coverage_page, obligations
from checker.site.context import SiteContext

ROOT = Path(__file__).resolve().parents[1]


def _copy(tmp_path: Path, entries: str) -> Path:
    for name in ("policy", "rules"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "rules" / "cakupan" / "tidak-diperiksa.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(entries, encoding="utf-8")
    return tmp_path


def _problems(root: Path) -> list[str]:
    found = inspect(folder(root / "policy", root / "rules"), today=dt.date(2026, 11, 30))
    prefix = f"{root}/"
    return [p.format().removeprefix(prefix) for p in found.problems if p.code == "tidak-diperiksa"]


REASON = "Penunjukan ini tidak tercatat dalam Data Kepegawaian yang dikirim."


def test_each_wrong_entry_is_named_at_its_line(tmp_path: Path) -> None:
    root = _copy(
        tmp_path,
        f"- pasal: agen-perubahan\n  alasan: {REASON}\n"  # fine
        f"- pasal: pasal-yang-tidak-ada\n  alasan: {REASON}\n"  # no such Pasal
        f"- pasal: agen-perubahan-tunjuk\n  alasan: {REASON}\n"  # an ayat, not a Pasal
        f"- pasal: kp-hukdis\n  alasan: {REASON}\n"  # KAR-KP-HUKDIS checks it
        f"- pasal: agen-perubahan\n  alasan: {REASON}\n"  # twice
        "- pasal: keamanan-data\n  alasan: pendek\n",  # no real reason
    )
    problems = _problems(root)
    assert [p.split(": [")[0] for p in problems] == [
        "rules/cakupan/tidak-diperiksa.yml:3:3",
        "rules/cakupan/tidak-diperiksa.yml:5:3",
        "rules/cakupan/tidak-diperiksa.yml:7:3",
        "rules/cakupan/tidak-diperiksa.yml:9:3",
        "rules/cakupan/tidak-diperiksa.yml:12:11",
    ], problems
    assert "tidak ada Pasal dengan id 'pasal-yang-tidak-ada'" in problems[0]
    assert "bukan id Pasal" in problems[1]
    assert "sudah diperiksa oleh aturan" in problems[2]
    assert "sudah tercantum" in problems[3]


def test_the_coverage_page_gives_the_reason_and_counts_it_apart(tmp_path: Path) -> None:
    root = _copy(tmp_path, f"- pasal: agen-perubahan\n  alasan: {REASON}\n")
    kebijakan = load_kebijakan(root / "policy", root / "rules")
    site = SiteContext(
        kebijakan.peraturan,
        kebijakan.rules,
        [],
        dt.date(2026, 11, 30),
        unchecked={u.pasal: u.alasan for u in kebijakan.unchecked},
    )
    text = str(coverage_page(site).content)
    reasoned = text.split("## Tidak dapat diperiksa dari data kepegawaian")[1]
    assert REASON in reasoned and "agen-perubahan" in reasoned.split("##")[0]
    open_part = text.split("## Belum diperiksa aturan")[1].split("## Tidak dapat")[0]
    assert "#agen-perubahan" not in open_part
    found = obligations(site)
    assert "**1** tidak dapat diperiksa" in text
    assert f"**{sum(1 for o in found if not o.rules) - 1}** belum diperiksa" in text
