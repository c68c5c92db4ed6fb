"""Where every generated page lives, and relative links between them.

Pages are addressed by ``src_uri`` (the path MkDocs sees in the docs dir). Links are written
relative to the page that holds them, so MkDocs validates them and the site works from any
base URL, including ``file://``.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

PERATURAN_INDEX = "peraturan/index.md"
PARAMETER = "parameter/index.md"
ATURAN = "aturan/index.md"
JENIS = "aturan/jenis.md"
CAKUPAN = "aturan/cakupan.md"
KEPATUHAN = "kepatuhan/index.md"
UNDUHAN = "unduhan/index.md"
SKEMA = "unduhan/skema-data.md"
TEMPLATE = "unduhan/templat-data-kepegawaian.xlsx"
TEXT = "unduhan/peraturan.txt"
WORD = "unduhan/peraturan.docx"


def bab_page(bab_id: str) -> str:
    """The page of one BAB, named by its stable id so its address survives reordering."""
    return f"peraturan/{bab_id}.md"


def opd_page(slug: str) -> str:
    """The compliance page of one perangkat daerah (OPD)."""
    return f"kepatuhan/perangkat-daerah/{slug}.md"


def chart(name: str) -> str:
    """A chart file generated next to the compliance pages."""
    return f"kepatuhan/grafik/{name}.svg"


def relative(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """A link from page ``from_uri`` to ``to_uri`` (``#anchor`` only when on the same page)."""
    if from_uri == to_uri:
        return f"#{anchor}" if anchor else posixpath.basename(to_uri)
    target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return target + (f"#{anchor}" if anchor else "")


def slug(text: str) -> str:
    """ "Pemerintah Kabupaten Bengkulu Selatan" → "pemerintah-kabupaten-bengkulu-selatan"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tanpa-nama"


def rule_anchor(rule_id: str) -> str:
    """Anchor of a rule in the catalogue: KOMP-JP-MIN → komp-jp-min."""
    return slug(rule_id)


def parameter_anchor(name: str) -> str:
    """Anchor of a parameter: kompetensi.jp_minimum_pns → kompetensi-jp-minimum-pns."""
    return slug(name)


_LOWER = {
    "dan",
    "atau",
    "di",
    "ke",
    "dari",
    "yang",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "serta",
    "terhadap",
    "tentang",
    "bagi",
    "oleh",
    "antara",
}


def title_case(text: str) -> str:
    """ "MAKSUD, TUJUAN, DAN RUANG LINGKUP" → "Maksud, Tujuan, dan Ruang Lingkup"."""
    words = text.lower().split()
    return " ".join(w if i and w in _LOWER else w[:1].upper() + w[1:] for i, w in enumerate(words))
