"""Numbering frozen after enactment: Pasal 9A, ayat (2a), "Pasal 9 dihapus.", and lint."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from checker.export import export_docx
from checker.gitrepo import VersionError
from checker.policy import lint_policy, load_policy, render
from checker.policy.penomoran import Slot, align
from checker.versions import freeze
from tests.policy_fixture import HAK, PERATURAN, MakePolicy
from tests.versions.fixtures import ENACTED

DAY = dt.date(2026, 12, 1)
# Pasal 2 gets a third ayat so that an insertion can fall between (2) and (3)
HAK3 = HAK.replace(
    "- jalur pelatihan.\n",
    "- jalur pelatihan.\n(#) {#hak-jp-lapor} Pelaksanaan "
    "hak sebagaimana dimaksud pada [[hak-jp-jumlah]] dilaporkan setiap tahun.\n",
)
SISIPAN = "#### Pasal {#sisipan}\n\nPasal sisipan tentang [[hak-jp-jumlah]].\n\n"


@pytest.fixture
def enacted(make_policy: MakePolicy) -> Path:
    """The regulation enacted as Nomor 5 Tahun 2026, its numbering frozen."""
    root = make_policy(peraturan_yml=ENACTED, bab__hak_md=HAK3)
    freeze(root)
    return root


def headings(text: str) -> list[str]:
    return re.findall(r"^\s+(Pasal \w+(?: dihapus\.)?)$", text, flags=re.M)


def amend(make_policy: MakePolicy, hak: str) -> str:
    """Change BAB II after enactment; return the rendered text (lint must be clean)."""
    make_policy(peraturan_yml=ENACTED, bab__hak_md=hak)
    assert lint_policy("policy") == []
    return render(load_policy("policy"), "text", DAY)


def test_freeze_records_the_enacted_numbering(enacted: Path) -> None:
    assert (enacted / "penomoran.yml").read_text(encoding="utf-8").splitlines()[4:] == [
        "ditetapkan: uji-1",
        "commit: null",
        "nomor: 5",
        "tahun: 2026",
        "bab:",
        "  - {id: umum, label: I}",
        "  - {id: hak, label: II}",
        "  - {id: penutup, label: III}",
        "pasal:",
        "  - {id: definisi, label: '1'}",
        "  - {id: hak-jp, label: '2', ayat: [{label: '1', id: hak-jp-jumlah}, {label: '2'}, "
        "{label: '3', id: hak-jp-lapor}]}",
        "  - {id: rujukan, label: '3'}",
        "  - {id: berlaku, label: '4'}",
    ]
    assert lint_policy("policy") == []


def test_a_pasal_inserted_after_pasal_2_is_2a_then_2b(
    enacted: Path, make_policy: MakePolicy
) -> None:
    text = amend(
        make_policy, HAK3.replace("#### Pasal {#rujukan}", SISIPAN + "#### Pasal {#rujukan}")
    )
    assert headings(text) == ["Pasal 1", "Pasal 2", "Pasal 2A", "Pasal 3", "Pasal 4"]
    second = SISIPAN.replace("sisipan}", "sisipan-dua}")
    text = amend(
        make_policy,
        HAK3.replace("#### Pasal {#rujukan}", SISIPAN + second + "#### Pasal {#rujukan}"),
    )
    assert headings(text) == ["Pasal 1", "Pasal 2", "Pasal 2A", "Pasal 2B", "Pasal 3", "Pasal 4"]


def test_references_follow_the_frozen_numbers(enacted: Path, make_policy: MakePolicy) -> None:
    text = amend(
        make_policy,
        HAK3.replace("#### Pasal {#rujukan}", SISIPAN + "#### Pasal {#rujukan}").replace(
            "dilaporkan kepada Gubernur.", "dan [[sisipan]] dilaporkan kepada Gubernur."
        ),
    )
    assert "Pasal 2A dilaporkan kepada Gubernur." in " ".join(text.split())


def test_an_ayat_inserted_after_ayat_2_is_2a(enacted: Path, make_policy: MakePolicy) -> None:
    text = amend(
        make_policy,
        HAK3.replace(
            "(#) {#hak-jp-lapor}",
            "(#) {#hak-jp-sisip} Hak dicatat dalam data kepegawaian.\n(#) {#hak-jp-lapor}",
        ),
    )
    assert re.findall(r"^\((\w+)\) ", text, flags=re.M) == ["1", "2", "2a", "3"]


def test_an_ayat_added_at_the_end_takes_the_next_number(
    enacted: Path, make_policy: MakePolicy
) -> None:
    text = amend(
        make_policy,
        HAK3.replace(
            "dilaporkan setiap tahun.\n",
            "dilaporkan setiap tahun.\n(#) {#hak-jp-akhir} Ayat tambahan.\n",
        ),
    )
    assert re.findall(r"^\((\w+)\) ", text, flags=re.M) == ["1", "2", "3", "4"]


def test_a_repealed_pasal_keeps_its_number(
    enacted: Path, make_policy: MakePolicy, tmp_path: Path
) -> None:
    hak = HAK3[: HAK3.index("#### Pasal {#rujukan}")] + "#### Pasal {#rujukan} dihapus\n"
    text = amend(make_policy, hak)
    assert headings(text) == ["Pasal 1", "Pasal 2", "Pasal 3 dihapus.", "Pasal 4"]
    markdown = render(load_policy("policy"), "markdown", DAY)
    assert "##### Pasal 3 dihapus." in markdown
    path = export_docx(load_policy("policy"), tmp_path / "d.docx", as_of=DAY)
    pasal = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Pasal"]
    assert pasal == ["Pasal 1", "Pasal 2", "Pasal 3 dihapus.", "Pasal 4"]


def test_a_repealed_ayat_reads_dihapus(enacted: Path, make_policy: MakePolicy) -> None:
    hak = HAK3.replace(
        "(#) Hak sebagaimana dimaksud pada [[hak-jp-jumlah]] dilaksanakan "
        "melalui:\n- {#jalur-pendidikan} jalur pendidikan; dan\n- jalur "
        "pelatihan.\n",
        "(#) dihapus\n",
    ).replace(" dan [[jalur-pendidikan]]", "")
    text = amend(make_policy, hak)
    assert "(2) Dihapus.\n" in text
    assert re.findall(r"^\((\w+)\) ", text, flags=re.M) == ["1", "2", "3"]


def test_lint_reports_an_enacted_pasal_that_silently_vanished(
    enacted: Path, make_policy: MakePolicy
) -> None:
    make_policy(peraturan_yml=ENACTED, bab__hak_md=HAK3[: HAK3.index("#### Pasal {#rujukan}")])
    assert [p.format() for p in lint_policy("policy")] == [
        "policy/penomoran.yml:16:5: [error] Pasal 3 (rujukan) telah ditetapkan dalam uji-1 dan "
        "tidak boleh hilang; bila dicabut, tulis #### Pasal {#rujukan} dihapus di tempatnya "
        "sesudah Pasal 2 (pasal-hilang)"
    ]


def test_lint_reports_an_enacted_ayat_that_silently_vanished(
    enacted: Path, make_policy: MakePolicy
) -> None:
    make_policy(
        peraturan_yml=ENACTED,
        bab__hak_md=HAK3.replace(
            "(#) {#hak-jp-lapor} Pelaksanaan hak sebagaimana dimaksud pada [[hak-jp-jumlah]] "
            "dilaporkan setiap tahun.\n",
            "",
        ),
    )
    assert [p.format() for p in lint_policy("policy")] == [
        "policy/bab/hak.md:7:1: [error] ayat (3) Pasal 2 telah ditetapkan dan tidak boleh "
        "hilang; bila dicabut, tulis (#) dihapus di tempatnya (ayat-hilang)"
    ]


def test_lint_warns_about_an_added_ayat_without_id(enacted: Path, make_policy: MakePolicy) -> None:
    make_policy(
        peraturan_yml=ENACTED,
        bab__hak_md=HAK3.replace("(#) {#hak-jp-lapor}", "(#) Ayat tanpa id.\n(#) {#hak-jp-lapor}"),
    )
    assert [(p.code, p.line) for p in lint_policy("policy")] == [("ayat-tanpa-id", 13)]


def test_lint_rejects_citing_a_repealed_pasal(enacted: Path, make_policy: MakePolicy) -> None:
    hak = HAK3.replace(
        "#### Pasal {#hak-jp}", "#### Pasal {#hak-jp} dihapus\n\n#### Pasal {#hak-jp-lama}"
    )
    make_policy(peraturan_yml=ENACTED, bab__hak_md=hak.replace("[[hak-jp-jumlah]] dan ", ""))
    codes = {p.code for p in lint_policy("policy")}
    assert "rujukan-dihapus" not in codes
    make_policy(
        peraturan_yml=ENACTED,
        bab__hak_md=HAK3.replace(
            "#### Pasal {#rujukan}", "#### Pasal {#rujukan} dihapus\n\n#### Pasal {#baru}"
        ),
    )
    assert [p.code for p in lint_policy("policy")] == []
    make_policy(
        peraturan_yml=ENACTED,
        bab__hak_md=HAK3[: HAK3.index("#### Pasal {#rujukan}")]
        + "#### Pasal {#rujukan} dihapus\n\n#### Pasal {#baru}\n\nLihat [[rujukan]].\n",
    )
    assert [p.code for p in lint_policy("policy")] == ["rujukan-dihapus"]


def test_repeal_markers_before_enactment_are_warned(make_policy: MakePolicy) -> None:
    make_policy(
        bab__hak_md=HAK.replace(
            "#### Pasal {#rujukan}", "#### Pasal {#lama} dihapus\n\n#### Pasal {#rujukan}"
        )
    )
    assert [(p.code, p.severity) for p in lint_policy("policy")] == [
        ("dihapus-rancangan", "warning")
    ]


def test_an_enacted_regulation_without_frozen_numbering_is_warned(make_policy: MakePolicy) -> None:
    make_policy(peraturan_yml=ENACTED)
    assert [p.format() for p in lint_policy("policy")] == [
        "policy/peraturan.yml:6:1: [warning] peraturan berstatus ditetapkan tetapi penomorannya "
        "belum dibekukan; jalankan kebijakan versions bekukan lalu commit policy/penomoran.yml "
        "(penomoran-belum-dibekukan)"
    ]


def test_a_bab_inserted_after_bab_1_is_bab_ia(enacted: Path, make_policy: MakePolicy) -> None:
    meta = ENACTED.replace("  - umum\n", "  - umum\n  - sisipan\n")
    make_policy(
        peraturan_yml=meta,
        bab__hak_md=HAK3,
        bab__sisipan_md="---\ntitle: KETENTUAN SISIPAN\n---\n\n" + SISIPAN,
    )
    assert lint_policy("policy") == []
    text = render(load_policy("policy"), "text", DAY)
    assert re.findall(r"^\s+(BAB \w+)$", text, flags=re.M) == [
        "BAB I",
        "BAB IA",
        "BAB II",
        "BAB III",
    ]
    assert "Pasal 1A" in text


def test_only_an_enacted_version_can_be_frozen(make_policy: MakePolicy) -> None:
    make_policy(peraturan_yml=PERATURAN)
    with pytest.raises(VersionError, match="berstatus rancangan; penomoran hanya dibekukan"):
        freeze("policy")


def test_align_labels() -> None:
    slots = [Slot("a", "1"), Slot("b", "2"), Slot("c", "2A"), Slot("d", "3")]
    assert align(slots, ["a", "b", "c", "x", "d", "y"], upper=True).labels == [
        "1",
        "2",
        "2A",
        "2B",
        "3",
        "4",
    ]
    early = align(slots, ["x", "a", "b", "c", "d"], upper=True)
    assert early.before_first == [0]
    lower = align([Slot(None, "1"), Slot(None, "2")], [None, "n", None], upper=False)
    assert lower.labels == ["1", "1a", "2"]
    assert align([Slot("a", "1"), Slot("b", "2")], ["a"], upper=True).vanished == [1]
