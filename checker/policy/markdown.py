"""Parse one BAB file: YAML front matter, then Bagian / Paragraf / Pasal / ayat / rincian.

The format (see ``site/panduan/format-kebijakan.md``)::

    ---
    title: PENGEMBANGAN KOMPETENSI
    ---
    ## Bagian: Hak atas Pengembangan Kompetensi
    ### Paragraf: Pegawai Negeri Sipil
    #### Pasal {#hak-jp-pns}
    (#) {#hak-jp-pns-jumlah} Setiap PNS berhak ... paling sedikit
    {{ kompetensi.jp_minimum_pns }} JP.
    (#) Hak sebagaimana dimaksud pada [[hak-jp-pns-jumlah]] dilaksanakan melalui:
    - jalur pendidikan; dan
    - jalur pelatihan.

Numbers are never typed: ``(#)`` is an ayat, ``-`` a rincian lettered by depth (a., 1., a), 1)),
``1.`` a rincian numbered 1., 2., ... (the drafter may write ``1.`` for every item).

After enactment a Pasal or ayat is never simply removed; ``#### Pasal {#id} dihapus`` and
``(#) dihapus`` keep its number and print "Pasal 9 dihapus." and "(2) Dihapus.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.model import Ayat, Bab, Bagian, Paragraf, Pasal, Rincian, Span, Text
from checker.policy.schemas import schema
from checker.yamlsrc import parse_yaml, validate

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEADING = re.compile(r"^(#{1,6})\s+(\S+)(.*)$")
_ID_ATTR = re.compile(r"^\s*\{#([^}\s]*)\}\s*")
_AYAT = re.compile(r"^\(#\)\s*")
_ITEM = re.compile(r"^(\s*)(-|\*|\d+\.)\s+")
DIHAPUS = "dihapus"


def is_dihapus(rest: str) -> bool:
    """True for the repeal marker written after a Pasal heading or an ayat: "dihapus"."""
    return rest.strip().rstrip(".").strip().lower() == DIHAPUS


@dataclass
class _Builder:
    """Accumulates prose lines into a Text."""

    parts: list[str] = field(default_factory=list)
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    span: Span | None = None

    def add(self, text: str, span: Span) -> None:
        if self.span is None:
            self.span = span
        offset = sum(len(p) for p in self.parts) + len(self.parts)  # joined by single spaces
        self.parts.append(text)
        self.segments.append((offset, span.line, span.column))

    def build(self) -> Text | None:
        if self.span is None:
            return None
        return Text(" ".join(self.parts), self.span, list(self.segments))


@dataclass
class _Parser:
    path: str
    bab: Bab
    problems: list[Problem] = field(default_factory=list)
    bagian: Bagian | None = None
    paragraf: Paragraf | None = None
    pasal: Pasal | None = None
    ayat: Ayat | None = None
    # open list items: (content indent, item)
    stack: list[tuple[int, Rincian]] = field(default_factory=list)
    target: str = ""  # what the current prose lines extend: "ayat", "item", "tail", ""
    builder: _Builder = field(default_factory=_Builder)

    def error(self, line: int, column: int, code: str, message: str) -> None:
        self.problems.append(lint_problem(Span(self.path, line, column), code, message))

    # -- prose -----------------------------------------------------------------------
    def flush(self) -> None:
        text = self.builder.build()
        self.builder = _Builder()
        target, self.target = self.target, ""
        if text is None or self.ayat is None:
            return
        if target == "ayat":
            self.ayat.text = text
        elif target == "item" and self.stack:
            self.stack[-1][1].text = text
        elif target == "tail":
            if self.ayat.tail is not None:
                self.error(
                    text.span.line,
                    text.span.column,
                    "tail-duplicate",
                    "ayat hanya boleh memiliki satu kalimat penutup setelah rincian; "
                    "pecah menjadi ayat baru dengan (#)",
                )
            self.ayat.tail = text

    def take_id(self, rest: str, line: int, column: int) -> tuple[str | None, str, int]:
        match = _ID_ATTR.match(rest)
        if not match:
            return None, rest, column
        ident = match.group(1)
        if not ID_RE.match(ident):
            self.error(
                line,
                column + match.start(1),
                "id-format",
                f"id {ident!r} tidak valid: gunakan huruf kecil, angka dan tanda hubung "
                "(contoh: hak-jp-pns)",
            )
        return ident, rest[match.end() :], column + match.end()

    # -- structure -------------------------------------------------------------------
    def heading(self, lineno: int, hashes: str, word: str, rest: str) -> None:
        self.flush()
        self.stack.clear()
        self.ayat = None
        keyword = word.rstrip(":")
        span = Span(self.path, lineno, 1)
        if keyword == "Pasal":
            ident, remainder, col = self.take_id(rest, lineno, len(hashes) + len(word) + 2)
            if ident is None:
                self.error(
                    lineno,
                    len(hashes) + 2,
                    "pasal-id",
                    "Pasal harus memiliki id tetap, tulis: #### Pasal {#id-pasal}",
                )
                ident = f"_tanpa-id-{lineno}"
            dihapus = is_dihapus(remainder)
            if remainder.strip() and not dihapus:
                self.error(
                    lineno,
                    col,
                    "pasal-heading",
                    "judul Pasal hanya berisi kata Pasal dan id-nya (atau kata dihapus "
                    "untuk Pasal yang dicabut); nomor dihitung otomatis",
                )
            self.pasal = Pasal(ident, span, dihapus=dihapus)
            container = (
                self.paragraf.pasal
                if self.paragraf
                else (self.bagian.children if self.bagian else self.bab.children)
            )
            container.append(self.pasal)
            return
        title = rest.strip().lstrip(":").strip()
        if keyword in ("Bagian", "Paragraf") and not title:
            self.error(
                lineno,
                1,
                "heading-title",
                f"{keyword} harus memiliki judul, tulis: {hashes} {keyword}: Judul",
            )
        if keyword == "Bagian":
            self.bagian = Bagian(title, span)
            self.paragraf = None
            self.pasal = None
            self.bab.children.append(self.bagian)
        elif keyword == "Paragraf":
            if self.bagian is None:
                self.error(
                    lineno, 1, "paragraf-outside", "Paragraf hanya boleh berada di dalam Bagian"
                )
                self.bagian = Bagian("", span)
                self.bab.children.append(self.bagian)
            self.paragraf = Paragraf(title, span)
            self.pasal = None
            self.bagian.children.append(self.paragraf)
        else:
            self.error(
                lineno,
                len(hashes) + 2,
                "heading-unknown",
                f"judul {word!r} tidak dikenal; gunakan Bagian, Paragraf atau Pasal",
            )

    def ensure_ayat(self, lineno: int, column: int) -> Ayat | None:
        if self.pasal is None:
            self.error(
                lineno,
                column,
                "text-outside",
                "teks berada di luar Pasal; tambahkan judul #### Pasal {#id} di atasnya",
            )
            return None
        if self.ayat is None:
            if self.pasal.ayat:
                return self.pasal.ayat[-1]
            self.ayat = Ayat(Span(self.path, lineno, column), numbered=False)
            self.pasal.ayat.append(self.ayat)
        return self.ayat

    def ayat_marker(self, lineno: int, line: str) -> None:
        self.flush()
        self.stack.clear()
        if self.pasal is None:
            self.error(
                lineno,
                1,
                "text-outside",
                "ayat berada di luar Pasal; tambahkan judul #### Pasal {#id} di atasnya",
            )
            return
        if self.pasal.ayat and not self.pasal.ayat[0].numbered:
            self.error(
                lineno,
                1,
                "ayat-mixed",
                "Pasal ini mencampur teks tanpa nomor dengan "
                "ayat (#); awali setiap ayat dengan (#)",
            )
        marker = _AYAT.match(line)
        assert marker is not None
        ident, rest, col = self.take_id(line[marker.end() :], lineno, marker.end() + 1)
        self.ayat = Ayat(
            Span(self.path, lineno, 1), numbered=True, id=ident, dihapus=is_dihapus(rest)
        )
        self.pasal.ayat.append(self.ayat)
        if rest.strip() and not self.ayat.dihapus:
            self.target = "ayat"
            self.builder.add(rest.strip(), Span(self.path, lineno, col))

    def item(self, lineno: int, indent: int, marker: str, rest: str, rest_col: int) -> None:
        self.flush()
        ayat = self.ensure_ayat(lineno, indent + 1)
        if ayat is None:
            return
        self.ayat = ayat
        while self.stack and self.stack[-1][0] > indent:
            self.stack.pop()
        ident, rest, col = self.take_id(rest, lineno, rest_col)
        item = Rincian(
            Text("", Span(self.path, lineno, col)),
            Span(self.path, lineno, indent + 1),
            style="angka" if marker[0].isdigit() else "huruf",
            id=ident,
        )
        parent_list = self.stack[-1][1].children if self.stack else ayat.items
        if self.stack and self.stack[-1][0] == indent:
            # same level as the open item: a sibling
            self.stack.pop()
            parent_list = self.stack[-1][1].children if self.stack else ayat.items
        if not self.stack and ayat.tail is not None:
            self.error(
                lineno,
                indent + 1,
                "list-after-tail",
                "rincian tidak boleh muncul setelah kalimat penutup ayat",
            )
        parent_list.append(item)
        self.stack.append((indent, item))
        self.target = "item"
        if rest.strip():
            self.builder.add(rest.strip(), Span(self.path, lineno, col))

    def prose(self, lineno: int, line: str, previous_blank: bool) -> None:
        indent = len(line) - len(line.lstrip())
        span = Span(self.path, lineno, indent + 1)
        if self.target and not previous_blank:
            self.builder.add(line.strip(), span)
            return
        self.flush()
        if self.stack and indent >= 2:
            # an indented paragraph after a blank line continues the open item
            self.target = "item"
            self.builder = _Builder()
            item = self.stack[-1][1]
            if item.text.raw:
                self.builder.segments = list(item.text.segments)
                self.builder.parts = [item.text.raw]
                self.builder.span = item.text.span
            self.builder.add(line.strip(), span)
            return
        ayat = self.ensure_ayat(lineno, indent + 1)
        if ayat is None:
            return
        self.ayat = ayat
        if ayat.text is None and not ayat.items:
            self.target = "ayat"
        else:
            self.stack.clear()
            self.target = "tail"
        self.builder.add(line.strip(), span)


def parse_front_matter(lines: list[str], path: str) -> tuple[dict[str, str], int, list[Problem]]:
    """Split off and validate the front matter; return (data, first body line index, problems)."""
    if not lines or lines[0].strip() != "---":
        return (
            {},
            0,
            [
                lint_problem(
                    Span(path, 1),
                    "front-matter",
                    "berkas BAB harus diawali front matter YAML (---, title: ..., ---)",
                )
            ],
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            doc, problems = parse_yaml("\n".join(lines[1:index]), path, line_offset=1)
            if doc is None:
                return {}, index + 1, problems
            if doc.data is None:
                doc.data = {}
                doc.positions[()] = (1, 1)
            problems.extend(validate(doc, schema("bab"), "front-matter"))
            data = doc.data if isinstance(doc.data, dict) else {}
            return data, index + 1, problems
    return (
        {},
        len(lines),
        [
            lint_problem(
                Span(path, 1), "front-matter", "front matter tidak ditutup dengan baris ---"
            )
        ],
    )


def parse_bab(text: str, path: str, bab_id: str) -> tuple[Bab, list[Problem]]:
    """Parse one BAB file into a :class:`Bab`; problems carry exact lines and columns."""
    lines = text.splitlines()
    meta, start, problems = parse_front_matter(lines, path)
    title = meta.get("title", "") if isinstance(meta.get("title", ""), str) else ""
    bab = Bab(bab_id, title, Span(path, 1, 1))
    parser = _Parser(path, bab, problems)
    previous_blank = True
    in_comment = False
    for index in range(start, len(lines)):
        lineno = index + 1
        line = lines[index].rstrip()
        # HTML comments are drafting notes: kept in the source, never rendered.
        if in_comment or line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if not line.strip():
            previous_blank = True
            if parser.target in ("ayat", "tail"):
                parser.flush()
            continue
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading:
            parser.heading(lineno, heading.group(1), heading.group(2), heading.group(3))
        elif _AYAT.match(line):
            parser.ayat_marker(lineno, line)
        elif item:
            parser.item(
                lineno, len(item.group(1)), item.group(2), line[item.end() :], item.end() + 1
            )
        else:
            parser.prose(lineno, line, previous_blank)
        previous_blank = False
    parser.flush()
    return bab, parser.problems
