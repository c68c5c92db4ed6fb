"""The regulation as it reads, one page per BAB, with links, parameter history and rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.policy.inline import InlineContext
from checker.policy.model import Bab, Parameter, Pasal
from checker.policy.numbering import roman
from checker.policy.render import Renderer, judul_lines, pasal_heading
from checker.policy.terbilang import tanggal
from checker.site import links
from checker.site.context import SEVERITY_LABELS, SiteContext
from checker.site.page import Page, front_matter, join
from checker.site.parameter import shown


@dataclass
class SiteRenderer(Renderer):
    """The Markdown renderer of :mod:`checker.policy.render`, adapted to one page per BAB:
    BAB as the page heading, links across pages, footnotes for parameters, rules per Pasal."""

    site: SiteContext | None = None
    page: str = links.PERATURAN_INDEX
    used: dict[str, Parameter] = field(default_factory=dict)

    def heading(self, level: int, text: str) -> str:
        """Headings "Bagian Kedua<br>Jalur ..." read "Bagian Kedua — Jalur ..." in the TOC."""
        line = super().heading(level, text)
        if "<br>" not in text:
            return line
        label = text.replace("<br>", " — ").replace('"', "&quot;")
        css = " .judul-bab" if level == 2 else ""
        return f'{line} {{{css} data-toc-label="{label}"}}'

    def pasal(self, pasal: Pasal) -> Iterator[str]:
        """A Pasal with an anchor by number and by stable id, and the rules that enforce it."""
        label = self.numbering.pasal[pasal.id]
        anchor = f'<a id="{pasal.id}"></a>'
        head = pasal_heading(label, pasal.dihapus)
        yield self.heading(5, f"{anchor}{head} {{#pasal-{label.lower()}}}")
        yield ""
        if pasal.dihapus:
            return
        for index, ayat in enumerate(pasal.ayat):
            yield from self.ayat(pasal, index, ayat)
            yield ""
        yield from self.enforced_by(pasal)

    def enforced_by(self, pasal: Pasal) -> Iterator[str]:
        """An admonition listing the rules that check this Pasal, linked to the catalogue."""
        rules = self.site.rules_by_pasal.get(pasal.id, []) if self.site else []
        if not rules:
            return
        yield '!!! aturan "Diperiksa oleh aturan data"'
        yield ""
        for rule in rules:
            where = self.numbering.citation(rule.clause, pasal.id) or ""
            scope = f"{where}; " if where and not where.startswith("Pasal") else ""
            href = links.relative(self.page, links.ATURAN, links.rule_anchor(rule.id))
            yield (f"    - [{rule.id}]({href}) — {links.prose(rule.title)} "
                   f"({scope}{SEVERITY_LABELS.get(rule.severity, rule.severity)})")
        yield ""

    def footnotes(self) -> Iterator[str]:
        """One footnote per parameter used on the page: every dated value and its source."""
        for name in sorted(self.used):
            parameter = self.used[name]
            values = "; ".join(
                f"{shown(parameter, v.value)} sejak {tanggal(v.since)} "
                f"({links.prose(v.reference.title)})"
                for v in sorted(parameter.values, key=lambda v: v.since))
            href = links.relative(self.page, links.PARAMETER, links.parameter_anchor(name))
            yield (f"[^{links.parameter_anchor(name)}]: Parameter `{name}`: {values}. "
                   f"[Riwayat dan dasar hukum]({href}).")


def _renderer(site: SiteContext, page: str) -> SiteRenderer:
    renderer = SiteRenderer(site.peraturan, site.numbering, InlineContext(
        site.numbering, site.peraturan.parameters, site.as_of), "markdown", heading_shift=1,
        site=site, page=page)

    def link(target: str, citation: str) -> str:
        to = site.clause_page(target)
        return f"[{citation}]({links.relative(page, to, target)})" if to else citation

    def value(parameter: Parameter, shown: str) -> str:
        renderer.used[parameter.name] = parameter
        return f"{shown}[^{links.parameter_anchor(parameter.name)}]"

    renderer.inline.link = link
    renderer.inline.value_markup = value
    return renderer


def _pasal_range(site: SiteContext, bab: Bab) -> str:
    numbers = [site.numbering.pasal[p.id] for p in bab.iter_pasal()]
    if not numbers:
        return ""
    return f"Pasal {numbers[0]}" if len(numbers) == 1 else f"Pasal {numbers[0]}–{numbers[-1]}"


def _provenance(site: SiteContext) -> str:
    """ ", versi 2026.1 (rancangan), salinan kerja pada commit …" when the version is known."""
    return f" ({links.prose(site.provenance.describe())})" if site.provenance else ""


def index_page(site: SiteContext) -> Page:
    """Judul, pembukaan and the list of BAB."""
    p = site.peraturan
    renderer = _renderer(site, links.PERATURAN_INDEX)
    status = "Rancangan" if p.status == "rancangan" else "Ditetapkan"
    lines = [*front_matter(f"{links.title_case(judul_lines(p)[0])} tentang {p.title}"),
             f"!!! info \"{status}, versi {p.version}\"", "",
             f"    Teks ini dihasilkan dari berkas `{site.policy_dir}/` di repositori"
             f"{_provenance(site)}. Angka yang "
             f"berasal dari parameter ditampilkan menurut nilai yang berlaku pada "
             f"{tanggal(site.as_of)}; catatan kakinya memuat setiap nilai bertanggal dan dasar "
             "hukumnya.", ""]
    lines += list(renderer.pembukaan())
    lines += ["## Batang tubuh", "", "| BAB | Judul | Pasal |", "|---|---|---|"]
    for index, bab in enumerate(p.bab, start=1):
        href = links.relative(links.PERATURAN_INDEX, links.bab_page(bab.id))
        title = links.prose(links.title_case(bab.title))
        label = site.numbering.bab.get(bab.id) or roman(index)
        lines.append(f"| [BAB {label}]({href}) | {title} | {_pasal_range(site, bab)} |")
    lines.append("")
    return Page(links.PERATURAN_INDEX, join(lines), f"{site.policy_dir}/peraturan.yml")


def bab_pages(site: SiteContext) -> list[Page]:
    """One page per BAB; the last also carries the penutup (signatures, Berita Daerah)."""
    pages = []
    for index, bab in enumerate(site.peraturan.bab, start=1):
        uri = links.bab_page(bab.id)
        renderer = _renderer(site, uri)
        label = site.numbering.bab.get(bab.id) or roman(index)
        lines = front_matter(f"BAB {label} {links.title_case(bab.title)}")
        lines += list(renderer.bab(index, bab))
        if index == len(site.peraturan.bab):
            lines += list(renderer.penutup())
        lines += ["", *renderer.footnotes()]
        pages.append(Page(uri, join(lines), site.edit_path(bab.id)))
    return pages
