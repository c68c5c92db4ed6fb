"""What a Biro Hukum reads a draft for, checked mechanically: the Governor binds only the
province's own perangkat daerah, delegations are closed, the Mengingat is in order, nothing
starts before the regulation can take effect, capitalised terms are defined before use, and
foreign words stand in italics.

Each check reads the text as written (``policy/bab/*.md``, ``peraturan.yml``,
``parameter.yml``) and reports at the file, line and column of the words concerned. The word
lists (names that need no definition, foreign words) are the version's own, in
``policy/kamus.yml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.model import Note, Pasal, Peraturan, Rincian, Span, Text
from checker.wording import BULAN

# --- the texts of the batang tubuh -----------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """A text of a Pasal, with the title of its BAB."""

    text: Text
    pasal: Pasal
    bab: str


def _items(items: list[Rincian]) -> Iterator[Text]:
    for item in items:
        yield item.text
        yield from _items(item.children)


def pieces(peraturan: Peraturan) -> Iterator[_Piece]:
    """Every text of every Pasal, in order."""
    for bab in peraturan.bab:
        for pasal in bab.iter_pasal():
            for ayat in pasal.ayat:
                if ayat.text is not None:
                    yield _Piece(ayat.text, pasal, bab.title)
                for text in _items(ayat.items):
                    yield _Piece(text, pasal, bab.title)
                if ayat.tail is not None:
                    yield _Piece(ayat.tail, pasal, bab.title)


# inline markup stands for a citation or a value: blanked out (same length) before reading words
_MARKUP = re.compile(r"\{\{[^}]*\}\}|\[\[[^\]]*\]\]")


# emphasis as the document model reads it (checker.policy.document.segments)
_EMPHASIS = re.compile(r"\*(?=[^\s*])[^*\n]*?[^\s*]\*|(?<!\w)_(?=[^\s_])[^_\n]*?[^\s_]_(?!\w)")


def _blank(raw: str) -> str:
    return _MARKUP.sub(lambda m: "#" * len(m.group(0)), raw)


def _clauses(raw: str) -> Iterator[tuple[int, str]]:
    """The clauses of a text, split at ";" and at a full stop ending a sentence, with offsets."""
    start = 0
    for match in re.finditer(r";|\.(?=\s|$)", raw):
        yield start, raw[start : match.start()]
        start = match.end()
    if start < len(raw):
        yield start, raw[start:]


def clauses(peraturan: Peraturan) -> Iterator[tuple[Text, int, str]]:
    """Every clause of the batang tubuh, markup blanked: (its text, offset, words)."""
    for piece in pieces(peraturan):
        for offset, clause in _clauses(_blank(piece.text.raw)):
            yield piece.text, offset, clause


# --- duty on a body outside the province's authority ------------------------------------------

_MODAL = re.compile(r"\b(wajib|harus)\b")
# "kota" alone is also a word of place names (Kota Bengkulu); the subject names a government,
# its head or its officials
_OUTSIDE_SUBJECT = re.compile(
    r"\b(bupati|wali\s?kota|walikota|pemerintah\s+(kabupaten|kota)|"
    r"(perangkat\s+daerah|pejabat|kepala|pegawai|instansi|sekretaris\s+daerah)"
    r"[^,]*\b(kabupaten|kota))\b",
    re.IGNORECASE,
)


def check_kewenangan(peraturan: Peraturan) -> Iterator[Problem]:
    """A Peraturan Gubernur binds only the province: a bupati, wali kota, kabupaten/kota
    government or their officials cannot be the subject of "wajib" or "harus"."""
    for text, offset, clause in clauses(peraturan):
        modal = _MODAL.search(clause)
        subject = _OUTSIDE_SUBJECT.search(clause[: modal.start()]) if modal else None
        if modal is not None and subject is not None:
            yield lint_problem(
                text.locate(offset + subject.start()),
                "duty-outside-authority",
                f'"{subject.group(0)} {modal.group(0)}": Peraturan Gubernur hanya mengikat '
                "Perangkat Daerah Provinsi Bengkulu dan pegawainya; kewajiban bagi pemerintah "
                "kabupaten/kota, bupati/wali kota, atau pejabatnya tidak dapat diatur di sini. "
                'Rumuskan sebagai kesempatan ("dapat ... berdasarkan kesepakatan bersama") '
                "atau hapus",
            )


# --- open delegations -------------------------------------------------------------------------

_DELEGATED_TO_HEAD = re.compile(
    r"\b(ditetapkan|diatur|ditentukan)(\s+lebih\s+lanjut)?\s+oleh\s+"
    r"(Kepala|Sekretaris\s+Daerah|pimpinan|kepala)\b[^,;.]*"
)
_OPEN_PERIOD = re.compile(
    r"\b(jangka\s+waktu|batas\s+waktu|waktu|tenggat|jadwal|periode)\s+yang\s+"
    r"(ditetapkan|ditentukan)\b"
)
# what closes a delegation: a number, or the instrument that sets it
_CLOSED = re.compile(
    r"\d|\b(dengan|dalam)\s+(Keputusan|Peraturan)\s+Gubernur\b|"
    r"\b(Keputusan|Peraturan)\s+Gubernur\s+(tentang|mengenai)\b"
)


def check_delegasi(peraturan: Peraturan) -> Iterator[Problem]:
    """No open delegation: nothing "ditetapkan oleh Kepala ..." (a head of a perangkat
    daerah makes no rules), and no period "yang ditetapkan" without its number or the named
    Keputusan Gubernur that sets it."""
    for text, offset, clause in clauses(peraturan):
        head = _DELEGATED_TO_HEAD.search(clause)
        if head is not None:
            yield lint_problem(
                text.locate(offset + head.start()),
                "open-delegation",
                f'"{head.group(0).strip()}": kepala Perangkat Daerah tidak berwenang '
                "membentuk peraturan; tulis ketentuannya (angka, tanggal) di dalam Pasal, "
                "atau delegasikan kepada Gubernur dengan menyebut Keputusan Gubernur yang "
                "menetapkannya",
            )
        period = _OPEN_PERIOD.search(clause)
        if period is not None and not _CLOSED.search(clause[period.end() :]):
            yield lint_problem(
                text.locate(offset + period.start()),
                "open-delegation",
                f'"{period.group(0)}" tanpa angka: tulis jangka waktunya di dalam Pasal '
                '("paling lama 30 (tiga puluh) hari sejak ...", "paling lambat tanggal 31 '
                'Maret") atau sebut Keputusan Gubernur yang menetapkannya',
            )


# --- the order of the Mengingat ---------------------------------------------------------------

# UU 12/2011 Pasal 7 ayat (1) and Pasal 8 ayat (1), as Lampiran II orders a Mengingat: the
# higher first, then the older
_RANKS = (
    ("Undang-Undang Dasar", 0),
    ("Ketetapan Majelis Permusyawaratan Rakyat", 1),
    ("Peraturan Pemerintah Pengganti Undang-Undang", 2),
    ("Undang-Undang", 2),
    ("Peraturan Pemerintah", 3),
    ("Peraturan Presiden", 4),
    ("Peraturan Menteri", 5),
    ("Peraturan Lembaga", 5),
    ("Peraturan Badan", 5),
    ("Peraturan Kepala", 5),
    ("Peraturan Daerah Provinsi", 6),
    ("Peraturan Gubernur", 7),
    ("Peraturan Daerah Kabupaten", 8),
    ("Peraturan Daerah Kota", 8),
)
_RANK_NAMES = {
    0: "Undang-Undang Dasar",
    1: "Ketetapan MPR",
    2: "Undang-Undang",
    3: "Peraturan Pemerintah",
    4: "Peraturan Presiden",
    5: "peraturan menteri atau lembaga",
    6: "Peraturan Daerah Provinsi",
    7: "Peraturan Gubernur",
    8: "Peraturan Daerah Kabupaten/Kota",
}
_CITED = re.compile(r"Nomor\s+(?P<number>\d+)\s+Tahun\s+(?P<year>\d{4})")


def _standing(raw: str) -> tuple[int, int | None, int | None] | None:
    """(rank, year, number) of the first instrument a Mengingat item cites, None when its kind
    is not one of the hierarchy's."""
    text = re.sub(r"^Pasal\s+[^U]*?(?=Undang-Undang Dasar)", "", raw.strip())
    for prefix, rank in _RANKS:
        if text.startswith(prefix):
            cited = _CITED.search(text[: text.find(" tentang ") if " tentang " in text else None])
            if cited is None:
                return rank, None, None
            return rank, int(cited.group("year")), int(cited.group("number"))
    return None


def check_mengingat_urutan(peraturan: Peraturan) -> Iterator[Problem]:
    """Mengingat in hierarchy order, and within one level by year, then number."""
    previous: tuple[int, int | None, int | None] | None = None
    for item in peraturan.mengingat:
        standing = _standing(item.raw)
        if standing is None:
            continue
        if previous is not None:
            rank, year, num = standing
            before_rank, before_year, before_num = previous
            if rank < before_rank:
                yield lint_problem(
                    item.span,
                    "mengingat-order",
                    f"{_RANK_NAMES[rank]} ditulis sesudah {_RANK_NAMES[before_rank]}: butir "
                    "Mengingat diurutkan menurut hierarki peraturan perundang-undangan (UU "
                    "12/2011 Pasal 7 dan Pasal 8), yang lebih tinggi lebih dahulu",
                )
            elif (
                rank == before_rank
                and year is not None
                and before_year is not None
                and (year, num or 0) < (before_year, before_num or 0)
            ):
                yield lint_problem(
                    item.span,
                    "mengingat-order",
                    f"{_RANK_NAMES[rank]} Tahun {year} ditulis sesudah yang Tahun {before_year}: "
                    "butir Mengingat yang setingkat diurutkan menurut tahun, lalu nomornya",
                )
        previous = standing


# --- nothing starts before the regulation can take effect -------------------------------------

_STARTS = re.compile(
    r"\b(mulai|sejak|terhitung\s+mulai|untuk)\s+(tanggal\s+)?"
    r"(?:(?P<day>\d{1,2})\s+(?P<month>" + "|".join(BULAN) + r")\s+)?"
    r"(tahun\s+)?(?P<year>\d{4})\b"
)


def effect_date(peraturan: Peraturan, today: dt.date | None) -> dt.date | None:
    """The earliest day the regulation can take effect: its pengundangan (or penetapan) once
    enacted; for a draft, not before today (None: not judged without a date)."""
    if peraturan.status == "ditetapkan":
        return peraturan.pengundangan.date or peraturan.penetapan.date
    return today


def _is_target(name: str) -> bool:
    return any(part.startswith("target") for part in name.split(".")[-1:])


def check_mulai_berlaku(peraturan: Peraturan, today: dt.date | None) -> Iterator[Problem]:
    """A dated target (parameter ``*.target_*``) or an obligation dated in the text ("mulai
    1 Januari 2026", "untuk tahun 2026") does not start before the regulation can take effect.
    Ketentuan Peralihan, which speaks of what went before, is not read."""
    effect = effect_date(peraturan, today)
    if effect is None:
        return
    when = "diundangkan" if peraturan.status == "ditetapkan" else "dapat ditetapkan (hari ini)"
    for parameter in peraturan.parameters.values():
        if not _is_target(parameter.name):
            continue
        for value in parameter.values:
            if value.since < effect:
                yield lint_problem(
                    value.span,
                    "starts-before-effect",
                    f"target {parameter.name} berlaku sejak {value.since.isoformat()}, sebelum "
                    f"Peraturan Gubernur ini {when} ({effect.isoformat()}); mulailah target "
                    "pada tahun sesudah peraturan ini dapat berlaku",
                )
    for piece in pieces(peraturan):
        if "PERALIHAN" in piece.bab.upper():
            continue
        raw = _blank(piece.text.raw)
        for match in _STARTS.finditer(raw):
            year = int(match.group("year"))
            month = BULAN.index(match.group("month")) + 1 if match.group("month") else 1
            day = int(match.group("day")) if match.group("day") else 1
            try:
                start = dt.date(year, month, day)
            except ValueError:
                continue
            if start < effect:
                yield lint_problem(
                    piece.text.locate(match.start()),
                    "starts-before-effect",
                    f'"{match.group(0)}" mendahului tanggal Peraturan Gubernur ini {when} '
                    f"({effect.isoformat()}); kewajiban dan target dimulai sesudah peraturan "
                    "ini dapat berlaku",
                )


# --- capitalised terms ------------------------------------------------------------------------

_DEFINITION = re.compile(
    r"^(?P<term>.+?)(?:\s+yang\s+selanjutnya\s+(?:disingkat|disebut)\s+(?P<short>.+?))?"
    r"\s+adalah\s"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9!'/-]*")
# a cited regulation's title ("... Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara") is its
# name, not a term of this one
_CITED_TITLE = re.compile(
    r"Nomor\s+\S+\s+Tahun\s+\S+\s+tentang\s+"
    r"(?:[A-Z][\w/-]*|dan|atas|dengan|di|ke|dari|bagi|untuk|pada|dalam|serta|yang|,)"
    r"(?:\s*(?:[A-Z][\w/-]*|dan|atas|dengan|di|ke|dari|bagi|untuk|pada|dalam|serta|yang|,))*"
)


@dataclass(frozen=True)
class _Term:
    words: str
    number: int  # the definition's angka in Pasal 1
    span: Span


def definitions(peraturan: Peraturan) -> tuple[list[_Term], Text | None, list[Text]]:
    """The terms the first Pasal defines (full name and abbreviation), in order, with the
    definition texts."""
    if not peraturan.bab:
        return [], None, []
    first = peraturan.bab[0].iter_pasal()
    if not first or not first[0].ayat:
        return [], None, []
    ayat = first[0].ayat[0]
    texts = list(_items(ayat.items))
    terms: list[_Term] = []
    for number, text in enumerate(texts, start=1):
        match = _DEFINITION.match(text.raw)
        if match is None:
            continue
        terms.append(_Term(match.group("term").strip(), number, text.span))
        if match.group("short"):
            terms.append(_Term(match.group("short").strip(), number, text.span))
    return terms, ayat.text, texts


@cache
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all ``names``, longest first, as whole words; "Perangkat Daerahnya" is
    the defined term with its possessive."""
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?:nya)?(?![\w-])")


def _covered(raw: str, names: list[str]) -> list[bool]:
    """Which characters of ``raw`` belong to one of ``names`` (the longest at each place)."""
    covered = [False] * len(raw)
    matches = _names_pattern(tuple(sorted(set(names)))).finditer(raw) if names else iter(())
    # a cited regulation's title, and words in italics (foreign words, foreign-word-italics)
    for match in (*matches, *_CITED_TITLE.finditer(raw), *_EMPHASIS.finditer(raw)):
        covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    return covered


def _sentence_start(raw: str, at: int) -> bool:
    before = raw[:at].rstrip()
    return not before or before.endswith((".", ":", "?", "!"))


def _unknown_runs(raw: str, covered: list[bool]) -> Iterator[tuple[int, str]]:
    """Runs of capitalised words not covered by a known name: (offset, words). A lone word at
    the start of a sentence is capitalised for that reason alone."""
    run: list[re.Match[str]] = []

    def flush() -> Iterator[tuple[int, str]]:
        if run and not (len(run) == 1 and _sentence_start(raw, run[0].start())):
            words = run[1:] if _sentence_start(raw, run[0].start()) else run
            yield words[0].start(), raw[words[0].start() : words[-1].end()]

    for match in _WORD.finditer(raw):
        word = match.group(0)
        if word[0].isupper() and not covered[match.start()] and "#" not in word:
            if run and raw[run[-1].end() : match.start()] != " ":
                yield from flush()
                run = []
            run.append(match)
        else:
            yield from flush()
            run = []
    yield from flush()


def check_istilah(peraturan: Peraturan) -> Iterator[Problem]:
    """Every capitalised term of the body is defined in Pasal 1 or is a name of
    ``policy/kamus.yml``; within Pasal 1 no definition uses a term defined after it."""
    terms, _, texts = definitions(peraturan)
    if not terms:
        return
    known = [t.words for t in terms] + list(peraturan.kamus.names)
    later = {t.words: t for t in terms}
    # within the definitions: a term defined in a later angka
    for number, text in enumerate(texts, start=1):
        match = _DEFINITION.match(text.raw)
        own_end = match.end() if match else 0
        raw = _blank(text.raw)
        for term in terms:
            if term.number <= number:
                continue
            pattern = re.compile(r"(?<![\w-])" + re.escape(term.words) + r"(?![\w-])")
            for found in pattern.finditer(raw, own_end):
                if _covered(raw, [t.words for t in terms if len(t.words) > len(term.words)])[
                    found.start()
                ]:
                    continue  # part of a longer term ("Kepala BKD" in "Kepala BKD adalah")
                yield lint_problem(
                    text.locate(found.start()),
                    "term-before-definition",
                    f'istilah "{term.words}" dipakai dalam definisi angka {number} sebelum '
                    f"didefinisikan pada angka {later[term.words].number}; dahulukan definisi "
                    "yang dipakai oleh definisi lain",
                )
                break
    # the body, and the definitions themselves: a capitalised term nobody defined
    seen: set[str] = set()
    for piece in pieces(peraturan):
        raw = _blank(piece.text.raw)
        covered = _covered(raw, known)
        for offset, words in _unknown_runs(raw, covered):
            if words in seen:
                continue
            seen.add(words)
            yield lint_problem(
                piece.text.locate(offset),
                "term-undefined",
                f'"{words}" ditulis dengan huruf kapital tetapi tidak didefinisikan dalam Pasal '
                "1: definisikan istilah itu, tulis dengan huruf kecil, atau (bila nama "
                "peraturan, lembaga, atau jabatan) tambahkan ke nama dalam policy/kamus.yml",
            )


# --- foreign words ----------------------------------------------------------------------------


def check_kata_asing(peraturan: Peraturan) -> Iterator[Problem]:
    """A foreign word of ``policy/kamus.yml`` is written in italics (``*e-learning*``)."""
    if not peraturan.kamus.foreign:
        return
    texts = [piece.text for piece in pieces(peraturan)]
    texts += [*peraturan.menimbang]
    for text in texts:
        raw = text.raw
        italic = [False] * len(raw)
        for match in _EMPHASIS.finditer(raw):
            italic[match.start() : match.end()] = [True] * (match.end() - match.start())
        for word, padanan in peraturan.kamus.foreign:
            pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
            for match in pattern.finditer(raw):
                if italic[match.start()]:
                    continue
                advice = (
                    f'pakai padanannya "{padanan}", atau tulis "{padanan} (*{match.group(0)}*)"'
                    if padanan
                    else f"tulis *{match.group(0)}*"
                )
                yield lint_problem(
                    text.locate(match.start()),
                    "foreign-word-italics",
                    f'kata asing "{match.group(0)}" tidak dicetak miring: {advice}',
                )


# --- the drafter's note beside an incomplete citation -----------------------------------------


def note_for(citation: str, notes: list[Note]) -> Note | None:
    """The drafter's note about a Mengingat citation: the one naming its number and year (or,
    for an instrument without them, its title)."""
    head = citation.split(" (", 1)[0]
    cited = _CITED.search(head)
    if cited is not None:
        key = re.compile(rf"Nomor\s+{cited.group('number')}\s+Tahun\s+{cited.group('year')}(?!\d)")
        return next((note for note in notes if key.search(note.text)), None)
    title = head.split(" tentang ", 1)[-1].strip()
    return next((note for note in notes if title and title in note.text), None)


def lint_perancangan(peraturan: Peraturan, today: dt.date | None = None) -> list[Problem]:
    """Every drafting problem of these checks."""
    problems: list[Problem] = []
    for check in (
        check_kewenangan(peraturan),
        check_delegasi(peraturan),
        check_mengingat_urutan(peraturan),
        check_mulai_berlaku(peraturan, today),
        check_istilah(peraturan),
        check_kata_asing(peraturan),
    ):
        problems.extend(check)
    return problems
