"""Checks on a loaded regulation: references, parameters, and the mechanically checkable
drafting rules of UU 12/2011 Lampiran II. Every problem carries its file, line and column."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.inline import FILTERS, UNCLOSED_RE, tokens
from checker.policy.lint_penomoran import check_penomoran, repealed_targets
from checker.policy.lint_perancangan import lint_perancangan, note_for
from checker.policy.model import Ayat, Pasal, Peraturan, Rincian, Span, Text
from checker.policy.numbering import Numbering, number

_END_PUNCT = re.compile(r"[;:.]$|;\s*(dan|atau|dan/atau)$")


@dataclass
class _Located:
    """A text with the Pasal it belongs to (None for Menimbang/Mengingat)."""

    text: Text
    pasal: str | None


def _item_texts(pasal: Pasal, items: list[Rincian]) -> Iterator[_Located]:
    for item in items:
        yield _Located(item.text, pasal.id)
        yield from _item_texts(pasal, item.children)


def iter_texts(peraturan: Peraturan) -> Iterator[_Located]:
    """Every piece of prose that may hold inline markup."""
    for text in (*peraturan.menimbang, *peraturan.mengingat):
        yield _Located(text, None)
    for pasal in peraturan.iter_pasal():
        for ayat in pasal.ayat:
            for part in (ayat.text, ayat.tail):
                if part is not None:
                    yield _Located(part, pasal.id)
            yield from _item_texts(pasal, ayat.items)


def _ids(peraturan: Peraturan) -> Iterator[tuple[str, Span]]:
    def items(rincian: list[Rincian]) -> Iterator[tuple[str, Span]]:
        for item in rincian:
            if item.id:
                yield item.id, item.span
            yield from items(item.children)

    for pasal in peraturan.iter_pasal():
        yield pasal.id, pasal.span
        for ayat in pasal.ayat:
            if ayat.id:
                yield ayat.id, ayat.span
            yield from items(ayat.items)


def check_ids(peraturan: Peraturan) -> Iterator[Problem]:
    """Every stable id is used once in the whole regulation."""
    first: dict[str, Span] = {}
    for ident, span in _ids(peraturan):
        if ident in first:
            other = first[ident]
            yield lint_problem(
                span,
                "duplicate-id",
                f"id {ident!r} sudah dipakai di {other.path}:{other.line}; setiap id harus unik",
            )
        else:
            first[ident] = span


def check_inline(peraturan: Peraturan, numbering: Numbering) -> Iterator[Problem]:
    """Cross-references resolve; parameters exist and have a value; markup is closed."""
    repealed = repealed_targets(peraturan, numbering)
    for located in iter_texts(peraturan):
        raw = located.text.raw
        for token in tokens(raw):
            span = located.text.locate(token.start)
            if token.kind == "ref" and token.name not in numbering.addresses:
                yield lint_problem(
                    span,
                    "unresolved-ref",
                    f"rujukan [[{token.name}]] tidak menunjuk Pasal, ayat atau "
                    "rincian mana pun; periksa id-nya",
                )
            elif token.kind == "ref" and token.name in repealed:
                yield lint_problem(
                    span,
                    "rujukan-dihapus",
                    f"rujukan [[{token.name}]] menunjuk ketentuan yang telah "
                    "dihapus; ubah atau hapus rujukan ini",
                )
            elif token.kind == "param":
                if token.name not in peraturan.parameters and peraturan.parameters_ok:
                    known = ", ".join(sorted(peraturan.parameters)) or "(belum ada)"
                    yield lint_problem(
                        span,
                        "unknown-parameter",
                        f"parameter {token.name!r} tidak didefinisikan di "
                        f"parameter.yml; parameter yang ada: {known}",
                    )
                if token.filter and token.filter not in FILTERS:
                    yield lint_problem(
                        span,
                        "unknown-filter",
                        f"penyaring {token.filter!r} tidak dikenal; "
                        f"gunakan salah satu dari: {', '.join(FILTERS)}",
                    )
        for match in UNCLOSED_RE.finditer(raw):
            closing = "}}" if match.group(0) == "{{" else "]]"
            yield lint_problem(
                located.text.locate(match.start()),
                "unclosed-inline",
                f"{match.group(0)} tidak ditutup dengan {closing} pada baris yang sama",
            )


def check_parameters(peraturan: Peraturan, numbering: Numbering) -> Iterator[Problem]:
    """A parameter that names the clause setting it must name a real one."""
    for parameter in peraturan.parameters.values():
        if parameter.clause and parameter.clause not in numbering.addresses:
            yield lint_problem(
                parameter.span,
                "parameter-clause",
                f"parameter {parameter.name} merujuk clause {parameter.clause!r} yang tidak ada",
            )


def check_pembukaan(peraturan: Peraturan) -> Iterator[Problem]:
    """Menimbang items: "bahwa ...;" and the closing "bahwa berdasarkan pertimbangan ..."."""
    items = peraturan.menimbang
    for item in items:
        if not item.raw.startswith("bahwa "):
            yield lint_problem(
                item.span, "menimbang-bahwa", 'butir Menimbang harus diawali kata "bahwa"'
            )
        if not item.raw.rstrip().endswith(";"):
            yield lint_problem(
                item.span, "menimbang-end", "butir Menimbang harus diakhiri tanda titik koma (;)"
            )
    if items:
        last = items[-1].raw
        expected_tail = f"perlu menetapkan {peraturan.kind} tentang {peraturan.title}"
        if len(items) > 1 and not last.startswith(
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a"
        ):
            yield lint_problem(
                items[-1].span,
                "menimbang-last",
                'butir terakhir Menimbang harus berbunyi "bahwa berdasarkan '
                "pertimbangan sebagaimana dimaksud dalam huruf a ... perlu "
                f'menetapkan {peraturan.kind} tentang ...;"',
            )
        elif expected_tail.lower() not in last.lower():
            yield lint_problem(
                items[-1].span,
                "menimbang-last",
                f'butir terakhir Menimbang harus memuat "{expected_tail}"',
            )
    for item in peraturan.mengingat:
        if not item.raw.rstrip().endswith((";", ".")):
            yield lint_problem(
                item.span, "mengingat-end", "butir Mengingat harus diakhiri tanda titik koma (;)"
            )
    severity = "error" if peraturan.status == "ditetapkan" else "warning"
    for item in peraturan.mengingat:
        if "…" in item.raw or "..." in item.raw:
            note = note_for(item.raw, peraturan.notes)
            why = (
                f"catatan perancang{f' {note.date.isoformat()}' if note.date else ''} "
                f"({note.span.path}:{note.span.line}): {note.text}"
                if note is not None
                else "belum ada catatan perancang bertanggal yang menjelaskannya; tulis "
                '"# Catatan perancang (TTTT-BB-HH): ..." di peraturan.yml'
            )
            yield lint_problem(
                item.span,
                "citation-incomplete",
                "kutipan dasar hukum belum lengkap (masih memuat …); lengkapi nomor Lembaran "
                f"Negara/Berita Negara dari JDIH sebelum penetapan; {why}",
                severity,
            )
    if peraturan.mengingat and "Nomor 9 Tahun 1967" not in peraturan.mengingat[0].raw:
        yield lint_problem(
            peraturan.mengingat[0].span,
            "mengingat-first",
            "butir Mengingat pertama Peraturan Gubernur Bengkulu lazimnya "
            "Undang-Undang Nomor 9 Tahun 1967 tentang Pembentukan Provinsi Bengkulu",
        )


def check_metadata(peraturan: Peraturan) -> Iterator[Problem]:
    """Status and number agree; the title carries no closing punctuation."""
    spans = peraturan.meta_spans
    default = Span(f"{peraturan.root}/peraturan.yml", 1, 1)
    if peraturan.title.rstrip().endswith((".", ",", ";", ":")):
        yield lint_problem(
            spans.get("title", default),
            "title-punctuation",
            "judul peraturan tidak diakhiri tanda baca",
        )
    if peraturan.status == "ditetapkan":
        missing = [
            name
            for name, value in (
                ("number", peraturan.number),
                ("year", peraturan.year),
                ("penetapan.date", peraturan.penetapan.date),
                ("penetapan.name", peraturan.penetapan.name),
            )
            if not value
        ]
        if missing:
            yield lint_problem(
                spans.get("status", default),
                "status-number",
                "peraturan berstatus ditetapkan wajib mengisi: " + ", ".join(missing),
            )
    elif peraturan.number is not None:
        yield lint_problem(
            spans.get("number", default),
            "status-number",
            "rancangan belum bernomor; kosongkan number sampai ditetapkan",
            "warning",
        )


def _check_items(pasal: Pasal, items: list[Rincian]) -> Iterator[Problem]:
    if len(items) == 1:
        yield lint_problem(
            items[0].span,
            "single-item",
            "rincian hanya terdiri atas satu butir; gabungkan ke dalam kalimat",
        )
    for item in items:
        raw = item.text.raw.rstrip()
        if not raw:
            yield lint_problem(item.span, "empty-item", "butir rincian tidak berisi teks")
        elif not item.children and not _END_PUNCT.search(raw):
            yield lint_problem(
                item.text.locate(len(raw) - 1),
                "item-punctuation",
                "butir rincian diakhiri tanda baca titik koma (;), titik (.) atau titik dua (:)",
            )
        yield from _check_items(pasal, item.children)


def _check_ayat(pasal: Pasal, ayat: Ayat) -> Iterator[Problem]:
    if ayat.dihapus:
        return
    if ayat.text is None and not ayat.items:
        yield lint_problem(ayat.span, "empty-ayat", "ayat tidak berisi teks")
    elif ayat.text is not None and not ayat.items:
        raw = ayat.text.raw.rstrip()
        if not raw.endswith((".", ":")):
            yield lint_problem(
                ayat.text.locate(len(raw) - 1),
                "ayat-punctuation",
                "kalimat ayat diakhiri tanda titik (.)",
            )
    yield from _check_items(pasal, ayat.items)


def check_batang_tubuh(peraturan: Peraturan) -> Iterator[Problem]:
    """BAB titles in capitals, Pasal not empty, a single ayat not numbered (1)."""
    for bab in peraturan.bab:
        if bab.title and bab.title != bab.title.upper():
            yield lint_problem(
                Span(bab.span.path, 2, 1),
                "bab-title-caps",
                f"judul BAB ditulis dengan huruf kapital: {bab.title.upper()}",
            )
        for pasal in bab.iter_pasal():
            if not pasal.ayat and not pasal.dihapus:
                yield lint_problem(pasal.span, "empty-pasal", "Pasal tidak berisi ayat atau teks")
            if len(pasal.ayat) == 1 and pasal.ayat[0].numbered:
                yield lint_problem(
                    pasal.ayat[0].span,
                    "single-ayat",
                    "Pasal yang hanya terdiri atas satu ayat tidak diberi nomor "
                    "ayat (1); hapus penanda (#)",
                )
            for ayat in pasal.ayat:
                yield from _check_ayat(pasal, ayat)


def check_penutup(peraturan: Peraturan) -> Iterator[Problem]:
    """The closing provisions: "mulai berlaku pada tanggal diundangkan" and Berita Daerah."""
    if not peraturan.bab:
        return
    first, last = peraturan.bab[0], peraturan.bab[-1]
    if first.title and first.title.upper() != "KETENTUAN UMUM":
        yield lint_problem(
            Span(first.span.path, 2, 1),
            "first-bab",
            "BAB I lazimnya berjudul KETENTUAN UMUM dan memuat batasan pengertian",
        )
    texts = " ".join(
        t.text.raw
        for t in iter_texts(peraturan)
        if t.pasal is not None and any(t.pasal == p.id for p in last.iter_pasal())
    )
    span = Span(last.span.path, 1, 1)
    kind = peraturan.kind
    if f"{kind} ini mulai berlaku pada tanggal diundangkan" not in texts:
        yield lint_problem(
            span,
            "closing-berlaku",
            f'BAB terakhir harus memuat ketentuan "{kind} ini mulai berlaku pada '
            'tanggal diundangkan."',
        )
    for text in iter_texts(peraturan):
        if text.pasal is not None and "memerintahkan pengundangan" in text.text.raw:
            yield lint_problem(
                text.text.span,
                "closing-berita-daerah",
                'perintah pengundangan tidak ditulis di dalam Pasal: kalimat "Agar setiap orang '
                'mengetahuinya, memerintahkan pengundangan ..." dicetak sendiri sesudah Pasal '
                "terakhir sebagai bagian penutup; hapus kalimat itu dari Pasal ini",
            )


def lint_peraturan(peraturan: Peraturan, today: dt.date | None = None) -> list[Problem]:
    """Every semantic and drafting problem of a loaded regulation, sorted. ``today`` is the
    earliest day a draft can take effect (:func:`checker.policy.lint_perancangan.effect_date`);
    without it, a draft's dates are not judged against the calendar."""
    numbering = number(peraturan)
    problems: list[Problem] = []
    for check in (
        check_ids(peraturan),
        check_inline(peraturan, numbering),
        check_parameters(peraturan, numbering),
        check_pembukaan(peraturan),
        check_metadata(peraturan),
        check_batang_tubuh(peraturan),
        check_penutup(peraturan),
        check_penomoran(peraturan, numbering),
        lint_perancangan(peraturan, today),
    ):
        problems.extend(check)
    return sorted(problems)
