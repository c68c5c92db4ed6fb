"""The regulation as it reads, one page per BAB, with links, parameter history and rules.

Each page is the Markdown layout of the one walk (:mod:`checker.policy.document`) with what the
site adds: anchors inside headings and labels for the table of contents, references linked
across pages, a footnote per parameter value, and after each Pasal the rules that check it and,
while the regulation is a draft, a link to comment on it in the consultation service.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.artifacts.markdown import link, prose, table
from checker.policy.document.blocks import PEMBUKAAN, PENUTUP, Block, Citation, ParameterValue
from checker.policy.document.blocks import Unit as DocumentUnit
from checker.policy.document.markdown import LEVELS, MarkdownLayout
from checker.policy.document.walk import judul_lines, walk
from checker.policy.model import Bab, Parameter
from checker.policy.numbering import roman
from checker.report.labels import severity_label
from checker.site import links
from checker.site.context import SiteContext
from checker.site.konsultasi import feedback_link
from checker.site.page import Page, front_matter, join
from checker.site.parameter import shown
from checker.wording import tanggal


class SiteLayout(MarkdownLayout):
    """The Markdown layout on one page of the site: BAB as the page heading, links across
    pages, footnotes for parameters, rules per Pasal."""

    heading_shift = 1

    def __init__(self, site: SiteContext, page: str) -> None:
        super().__init__()
        self.site = site
        self.page = page
        self.used: dict[str, Parameter] = {}  # the parameters shown, for the footnotes

    def heading(self, level: int, text: str) -> str:
        """Headings "Bagian Kedua<br>Jalur ..." read "Bagian Kedua — Jalur ..." in the TOC."""
        line = super().heading(level, text)
        if "<br>" not in text:
            return line
        label = text.replace("<br>", " — ").replace('"', "&quot;")
        css = " .judul-bab" if level == 2 else ""
        return f'{line} {{{css} data-toc-label="{label}"}}'

    def pasal_heading(self, block: Block, unit: DocumentUnit) -> list[str]:
        """A Pasal heading anchored by number (its id) and by stable id (inside it)."""
        text = f"{self.anchor(unit.pasal_id)}{self.words(block)} {{#pasal-{block.label.lower()}}}"
        return [self.heading(LEVELS[block.kind], text)]

    def citation(self, segment: Citation) -> str:
        to = self.site.clause_page(segment.target)
        if to is None:
            return segment.text
        return f"[{segment.text}]({links.relative(self.page, to, segment.target)})"

    def value(self, segment: ParameterValue) -> str:
        self.used[segment.name] = self.site.peraturan.parameters[segment.name]
        return f"{segment.text}[^{links.parameter_anchor(segment.name)}]"

    def end_unit(self, unit: DocumentUnit) -> None:
        super().end_unit(unit)
        if unit.pasal_id is not None and unit.blocks[0].kind == "pasal":
            self.lines += self.enforced_by(unit.pasal_id)
            self.lines += self.feedback(unit.pasal_id)

    def feedback(self, pasal_id: str) -> Iterator[str]:
        """While the regulation is a draft, a link to comment on this Pasal in the
        consultation service (when the site is given its address)."""
        found = feedback_link(self.site, pasal_id)
        if found is not None:
            yield found
            yield ""

    def enforced_by(self, pasal_id: str) -> Iterator[str]:
        """An admonition listing the rules that check this Pasal, linked to the catalogue."""
        rules = self.site.rules_by_pasal.get(pasal_id, [])
        if not rules:
            return
        yield '!!! aturan "Diperiksa oleh aturan data"'
        yield ""
        for rule in rules:
            where = self.site.numbering.citation(rule.clause, pasal_id) or ""
            scope = f"{where}; " if where and not where.startswith("Pasal") else ""
            href = links.relative(self.page, links.ATURAN, links.rule_anchor(rule.id))
            yield (
                f"    - [{rule.id}]({href}) — {prose(rule.title)} "
                f"({scope}{severity_label(rule.severity)})"
            )
        yield ""

    def footnotes(self) -> Iterator[str]:
        """One footnote per parameter used on the page: every dated value and its source."""
        for name in sorted(self.used):
            parameter = self.used[name]
            values = "; ".join(
                f"{shown(parameter, v.value)} sejak {tanggal(v.since)} ({prose(v.reference.title)})"
                for v in sorted(parameter.values, key=lambda v: v.since)
            )
            href = links.relative(self.page, links.PARAMETER, links.parameter_anchor(name))
            yield (
                f"[^{links.parameter_anchor(name)}]: Parameter `{name}`: {values}. "
                f"[Riwayat dan dasar hukum]({href})."
            )


def _pasal_range(site: SiteContext, bab: Bab) -> str:
    numbers = [site.numbering.pasal[p.id] for p in bab.iter_pasal()]
    if not numbers:
        return ""
    return f"Pasal {numbers[0]}" if len(numbers) == 1 else f"Pasal {numbers[0]}–{numbers[-1]}"


def _provenance(site: SiteContext) -> str:
    """ ", versi 2026.1 (rancangan), salinan kerja pada commit …" when the version is known."""
    return f" ({prose(site.provenance.describe())})" if site.provenance else ""


def index_page(site: SiteContext) -> Page:
    """Judul, pembukaan and the list of BAB."""
    p = site.peraturan
    status = "Rancangan" if p.status == "rancangan" else "Ditetapkan"
    lines = [
        *front_matter(f"{links.title_case(judul_lines(p)[0])} tentang {p.title}"),
        f'!!! info "{status}, versi {p.version}"',
        "",
        f"    Teks ini dihasilkan dari berkas `{site.policy_dir}/` di repositori"
        f"{_provenance(site)}. Angka yang "
        f"berasal dari parameter ditampilkan menurut nilai yang berlaku pada "
        f"{tanggal(site.as_of)}; catatan kakinya memuat setiap nilai bertanggal dan dasar "
        "hukumnya.",
        "",
    ]
    pembukaan = [unit for unit in walk(p, site.as_of) if unit.part == PEMBUKAAN]
    lines += [SiteLayout(site, links.PERATURAN_INDEX).lay_out(pembukaan), "", "## Batang tubuh", ""]
    rows = []
    for index, bab in enumerate(p.bab, start=1):
        href = links.relative(links.PERATURAN_INDEX, links.bab_page(bab.id))
        label = site.numbering.bab.get(bab.id) or roman(index)
        rows.append(
            (
                link(f"BAB {label}", href),
                prose(links.title_case(bab.title)),
                _pasal_range(site, bab),
            )
        )
    lines += [*table(("BAB", "Judul", "Pasal"), rows), ""]
    return Page(links.PERATURAN_INDEX, join(lines), f"{site.policy_dir}/peraturan.yml")


def bab_pages(site: SiteContext) -> list[Page]:
    """One page per BAB; the last also carries the penutup (signatures, Berita Daerah)."""
    units = walk(site.peraturan, site.as_of)
    pages = []
    for index, bab in enumerate(site.peraturan.bab, start=1):
        uri = links.bab_page(bab.id)
        last = index == len(site.peraturan.bab)
        layout = SiteLayout(site, uri)
        label = site.numbering.bab.get(bab.id) or roman(index)
        lines = front_matter(f"BAB {label} {links.title_case(bab.title)}")
        lines.append(
            layout.lay_out(
                unit for unit in units if unit.bab == bab.id or (last and unit.part == PENUTUP)
            )
        )
        lines += ["", *layout.footnotes()]
        pages.append(Page(uri, join(lines), site.edit_path(bab.id)))
    return pages
