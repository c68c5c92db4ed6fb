"""Word tracked changes between two tagged versions: exactly the expected marks, and accepting
or rejecting them all gives exactly the newer or the older version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from checker.export.revisions import paragraph_text
from checker.versions import export_version
from tests.export.png import tiny_png
from tests.git_fixture import Git

DAY = dt.date(2026, 12, 1)
W = qn


def body(path: Path) -> Any:
    return docx.Document(str(path)).element.body


def view(path: Path, which: str) -> list[str]:
    """Every paragraph (table cells included) as it reads with changes accepted or rejected."""
    texts = [paragraph_text(p, which) for p in body(path).iter(W("w:p"))]
    return [text for text in texts if text is not None]


def marks(path: Path) -> list[tuple[str, str]]:
    """(ins|del, text) for every run-level revision, in document order."""
    out = []
    for element in body(path).iter(W("w:ins"), W("w:del")):
        if element.getparent().tag == W("w:rPr"):
            continue
        text = "".join(
            "\t" if e.tag == W("w:tab") else e.text or ""
            for e in element.iter(W("w:t"), W("w:delText"), W("w:tab"))
        )
        out.append((element.tag.split("}")[1], text))
    return out


def paragraph_marks(path: Path) -> list[tuple[str, str | None]]:
    out = []
    for paragraph in body(path).iter(W("w:p")):
        rpr = paragraph.find(f"{W('w:pPr')}/{W('w:rPr')}")
        for mark in rpr if rpr is not None else []:
            which = "accept" if mark.tag == W("w:ins") else "reject"
            out.append((mark.tag.split("}")[1], paragraph_text(paragraph, which)))
    return out


def test_redline_has_exactly_the_expected_changes(two_versions: Path, tmp_path: Path) -> None:
    path = export_version(
        "policy", tmp_path / "r.docx", as_of=DAY, ref="v2026.2", redline_from="v2026.1"
    )
    assert marks(path) == [
        ("ins", " dan PPPK"),
        ("del", "."),
        ("ins", "; dan"),
        ("ins", "c.\tjalur magang."),
        ("del", "Pasal 3"),
        (
            "del",
            "Pelaksanaan Pasal 2 ayat (1) dan Pasal 2 ayat (2) huruf a dilaporkan kepada Gubernur.",
        ),
        ("ins", "Pasal 3"),
        ("ins", "Pimpinan Instansi melaporkan pelaksanaan Pasal 2 ayat (1) kepada Gubernur."),
    ]
    assert paragraph_marks(path) == [
        ("ins", "c.\tjalur magang."),
        ("del", "Pasal 3"),
        (
            "del",
            "Pelaksanaan Pasal 2 ayat (1) dan Pasal 2 ayat (2) huruf a dilaporkan kepada Gubernur.",
        ),
        ("ins", "Pasal 3"),
        ("ins", "Pimpinan Instansi melaporkan pelaksanaan Pasal 2 ayat (1) kepada Gubernur."),
    ]


def test_marks_carry_author_commit_date_and_unique_ids(two_versions: Path, tmp_path: Path) -> None:
    path = export_version(
        "policy", tmp_path / "r.docx", as_of=DAY, ref="v2026.2", redline_from="v2026.1"
    )
    found = list(body(path).iter(W("w:ins"), W("w:del")))
    assert {(e.get(W("w:author")), e.get(W("w:date"))) for e in found} == {
        ("Biro Hukum", "2026-04-06T07:30:00Z")
    }
    ids = [e.get(W("w:id")) for e in found]
    assert len(ids) == len(set(ids)) == 13
    settings = docx.Document(str(path)).settings.element
    order = [child.tag.split("}")[1] for child in settings]
    assert order.index("proofState") < order.index("trackRevisions") < order.index("defaultTabStop")


def test_accepting_gives_the_new_version_and_rejecting_the_old(
    two_versions: Path, tmp_path: Path
) -> None:
    redline = export_version(
        "policy", tmp_path / "r.docx", as_of=DAY, ref="v2026.2", redline_from="v2026.1"
    )
    new = export_version("policy", tmp_path / "new.docx", as_of=DAY, ref="v2026.2")
    old = export_version("policy", tmp_path / "old.docx", as_of=DAY, ref="v2026.1")
    assert view(redline, "accept") == view(new, "accept")
    assert view(redline, "reject") == view(old, "accept")
    assert view(new, "accept") != view(old, "accept")


def test_accept_writes_the_clean_copy(two_versions: Path, tmp_path: Path) -> None:
    accepted = export_version(
        "policy", tmp_path / "a.docx", as_of=DAY, ref="v2026.2", redline_from="v2026.1", accept=True
    )
    new = export_version("policy", tmp_path / "new.docx", as_of=DAY, ref="v2026.2")
    document = docx.Document(str(accepted))
    assert not list(document.element.body.iter(W("w:ins"), W("w:del")))
    assert document.settings.element.find(W("w:trackRevisions")) is None
    assert [p.text for p in document.paragraphs] == [
        p.text for p in docx.Document(str(new)).paragraphs
    ]
    assert [p.style.name for p in document.paragraphs] == [
        p.style.name for p in docx.Document(str(new)).paragraphs
    ]
    assert "Semua perubahan telah diterima" in document.core_properties.comments


def test_working_tree_redline_is_signed_by_the_drafter(
    two_versions: Path, tmp_path: Path, make_policy: Any
) -> None:
    from tests.policy_fixture import HAK

    make_policy(bab__hak_md=HAK.replace("Setiap PNS berhak", "Setiap PNS wajib dan berhak"))
    path = export_version("policy", tmp_path / "w.docx", as_of=DAY, redline_from="v2026.1")
    found = list(body(path).iter(W("w:ins")))
    # no Git user name configured here: the drafter is "Perancang"
    assert {(e.get(W("w:author")), e.get(W("w:date"))) for e in found} == {
        ("Perancang", "2026-12-01T00:00:00Z")
    }
    assert ("ins", " wajib dan") in marks(path)


def test_the_emblem_is_read_at_its_ref_and_never_marked(
    two_versions: Path, git: Git, tmp_path: Path
) -> None:
    (two_versions / "lambang.png").write_bytes(tiny_png())
    git("add", "policy")
    git("commit", "-q", "-m", "Lambang", date="2026-04-07T09:00:00+07:00")
    git("tag", "v2026.3")
    (two_versions / "lambang.png").unlink()  # read from the tag, not from the working tree
    path = export_version(
        "policy", tmp_path / "r.docx", as_of=DAY, ref="v2026.3", redline_from="v2026.1"
    )
    emblem, kop, judul = list(body(path).iter(W("w:p")))[:3]
    assert emblem.find(f".//{W('w:drawing')}") is not None
    assert [paragraph_text(p) for p in (kop, judul)] == [
        "GUBERNUR BENGKULU",
        "PERATURAN GUBERNUR BENGKULU",
    ]
    assert not [e for p in (emblem, kop) for e in p.iter(W("w:ins"), W("w:del"))]
    # the marks are the text's changes alone, as without the emblem
    before = export_version(
        "policy", tmp_path / "v2.docx", as_of=DAY, ref="v2026.2", redline_from="v2026.1"
    )
    assert marks(path) == marks(before)
    # the working tree no longer has it: a marked slot
    clean = export_version("policy", tmp_path / "w.docx", as_of=DAY)
    assert paragraph_text(next(body(clean).iter(W("w:p")))) == "[lambang Garuda Pancasila]"
