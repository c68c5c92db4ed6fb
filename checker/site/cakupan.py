"""Coverage: which Pasal carry obligations, and which of them no rule checks yet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.artifacts.markdown import Markdown, link, prose, table
from checker.policy.document.segments import segments
from checker.policy.inline import InlineContext
from checker.policy.model import Pasal
from checker.policy.numbering import roman
from checker.site import links
from checker.site.context import SiteContext, ayat_texts
from checker.site.page import Page, join

# words that make a sentence an obligation, a prohibition or a measurable limit
OBLIGATION = re.compile(
    r"\b(wajib|harus|paling sedikit|paling lama|paling singkat|paling "
    r"banyak|paling rendah|paling tinggi|dilarang|tidak boleh)\b",
    re.I,
)
EXCERPT = 180


@dataclass(frozen=True)
class Obligation:
    """A Pasal whose text holds obligation words, and the rules that cite it."""

    pasal: Pasal
    words: tuple[str, ...]
    excerpt: str
    rules: tuple[str, ...]


def obligations(site: SiteContext) -> list[Obligation]:
    """Every Pasal with obligation words, in document order, with the rules citing it (the
    Pasal itself or any of its ayat or rincian)."""
    plain = InlineContext(site.numbering, site.peraturan.parameters, site.as_of)
    out = []
    for pasal in site.peraturan.iter_pasal():
        texts = [
            "".join(s.text for s in segments(raw, plain, pasal.id))
            for ayat in pasal.ayat
            for raw in ayat_texts(ayat)
        ]
        found: list[str] = []
        excerpt = ""
        for text in texts:
            for match in OBLIGATION.finditer(text):
                word = match.group(1).lower()
                if word not in found:
                    found.append(word)
                if not excerpt:
                    excerpt = _excerpt(text, match.start())
        if found:
            rules = tuple(r.id for r in site.rules_by_pasal.get(pasal.id, []))
            out.append(Obligation(pasal, tuple(found), excerpt, rules))
    return out


def _excerpt(text: str, at: int) -> str:
    start = text.rfind(" ", 0, at - 60) + 1 if at > 60 else 0
    cut = text[start : start + EXCERPT]
    if start + EXCERPT < len(text):
        cut = cut[: cut.rfind(" ")] + " …"
    return ("… " if start else "") + cut


def coverage_page(site: SiteContext) -> Page:
    """Pasal with obligations that no rule checks yet, then those that are checked."""
    page = links.CAKUPAN
    found = obligations(site)
    checked = [o for o in found if o.rules]
    reasoned = [o for o in found if not o.rules and o.pasal.id in site.unchecked]
    open_ = [o for o in found if not o.rules and o.pasal.id not in site.unchecked]
    words = ", ".join(
        f"“{w}”"
        for w in ("wajib", "harus", "paling sedikit", "paling lama", "paling singkat", "dilarang")
    )
    lines = [
        "# Cakupan aturan",
        "",
        f"Dari {len(found)} Pasal yang memuat kewajiban, larangan, atau batas (kata seperti "
        f"{words}), **{len(checked)}** sudah diperiksa oleh paling sedikit satu aturan data, "
        f"**{len(reasoned)}** tidak dapat diperiksa dari data kepegawaian (dengan alasannya), "
        f"dan **{len(open_)}** belum diperiksa. Daftar terakhir membantu perancang aturan memilih "
        "aturan berikutnya.",
        "",
        "## Belum diperiksa aturan",
        "",
    ]
    if open_:
        lines += table(
            ("Pasal", "BAB", "Kata kunci", "Cuplikan"),
            [
                (
                    site.clause_link(page, o.pasal.id),
                    _bab(site, o.pasal),
                    ", ".join(o.words),
                    prose(o.excerpt),
                )
                for o in open_
            ],
        )
    else:
        lines.append(
            "Setiap Pasal yang memuat kewajiban sudah diperiksa oleh aturan atau tercatat tidak "
            "dapat diperiksa dari data kepegawaian."
        )
    if reasoned:
        lines += [
            "",
            "## Tidak dapat diperiksa dari data kepegawaian",
            "",
            "Kewajiban dalam Pasal berikut tidak tampak dalam data yang dikirim Perangkat Daerah; "
            "kepatuhannya dipantau dengan cara lain, sebagaimana disebut alasannya "
            "(`rules/cakupan/tidak-diperiksa.yml`).",
            "",
        ]
        lines += table(
            ("Pasal", "BAB", "Alasan"),
            [
                (
                    site.clause_link(page, o.pasal.id),
                    _bab(site, o.pasal),
                    prose(site.unchecked[o.pasal.id]),
                )
                for o in reasoned
            ],
        )
    lines += ["", "## Sudah diperiksa", ""]
    lines += table(
        ("Pasal", "BAB", "Aturan"),
        [
            (
                site.clause_link(page, o.pasal.id),
                _bab(site, o.pasal),
                Markdown(
                    ", ".join(
                        link(r, links.relative(page, links.ATURAN, links.rule_anchor(r)))
                        for r in o.rules
                    )
                ),
            )
            for o in checked
        ],
    )
    lines.append("")
    return Page(page, join(lines))


def _bab(site: SiteContext, pasal: Pasal) -> str:
    bab_id = site.bab_of_pasal[pasal.id]
    index = next(i for i, b in enumerate(site.peraturan.bab, start=1) if b.id == bab_id)
    return f"BAB {roman(index)}"
