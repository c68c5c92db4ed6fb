"""What every page generator reads: the regulation, its numbering, the rules and the reports,
plus lookups between them (which BAB holds a clause, which rules enforce a Pasal)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from checker.artifacts.markdown import Markdown, escape, link
from checker.data.schema import Table
from checker.dispensasi import Dispensasi
from checker.konsultasi.berkas import Berkas
from checker.policy.model import Ayat, Pasal, Peraturan
from checker.policy.numbering import Numbering, number
from checker.provenance import Provenance
from checker.report.report import Report, read_report
from checker.rules.model import Rule
from checker.site import links


@dataclass(frozen=True)
class NamedReport:
    """A report read from the reports folder, with its file name."""

    name: str
    report: Report


@dataclass
class SiteContext:
    """Everything the pages are generated from. ``private`` allows masked NIPs on the
    compliance pages; ``synthetic`` labels every compliance page as built from examples."""

    peraturan: Peraturan
    rules: list[Rule]
    reports: list[NamedReport]
    as_of: dt.date
    private: bool = False
    synthetic: bool = False
    policy_dir: str = "policy"  # the policy folder relative to the repository, for edit links
    riwayat: dict[str, str] = field(default_factory=dict)  # versions pages: src_uri → Markdown
    # rules/dispensasi records (None: the rule set has no dispensasi folder, no page)
    dispensations: list[Dispensasi] | None = None
    impact: dict[str, Any] | None = None  # the latest impact preview JSON, if configured
    provenance: Provenance | None = None  # where the version was read (None: not said)
    schema: dict[str, Table] = field(default_factory=dict)  # the version's Table Schema
    # Pasal id → why no rule can check its obligation (rules/cakupan/tidak-diperiksa.yml)
    unchecked: dict[str, str] = field(default_factory=dict)
    lambang: bytes | None = None  # policy/lambang.png for the Word download, if present
    # policy/konsultasi/*.yml: published comments and their answers (none: no section)
    konsultasi: list[Berkas] = field(default_factory=list)
    # the consultation service's checked address (plugin option konsultasi_url): each Pasal of
    # a draft links to it; None: no link
    konsultasi_url: str | None = None
    numbering: Numbering = field(init=False)

    def __post_init__(self) -> None:
        self.numbering = number(self.peraturan)

    @cached_property
    def bab_of_pasal(self) -> dict[str, str]:
        """Pasal id → id of the BAB that holds it."""
        return {pasal.id: bab.id for bab in self.peraturan.bab for pasal in bab.iter_pasal()}

    @cached_property
    def pasal_by_id(self) -> dict[str, Pasal]:
        """Pasal id → Pasal."""
        return {pasal.id: pasal for pasal in self.peraturan.iter_pasal()}

    @cached_property
    def rules_by_pasal(self) -> dict[str, list[Rule]]:
        """Pasal id → the rules whose clause is that Pasal or one of its ayat/rincian, by id."""
        out: dict[str, list[Rule]] = {}
        for rule in sorted(self.rules, key=lambda r: r.id):
            pasal = self.pasal_of(rule.clause)
            if pasal is not None:
                out.setdefault(pasal, []).append(rule)
        return out

    def pasal_of(self, clause: str) -> str | None:
        """The Pasal id a clause id (Pasal, ayat or rincian) belongs to."""
        address = self.numbering.addresses.get(clause)
        return address.pasal if address else None

    def clause_page(self, clause: str) -> str | None:
        """The src_uri of the BAB page that holds ``clause``."""
        pasal = self.pasal_of(clause)
        return links.bab_page(self.bab_of_pasal[pasal]) if pasal else None

    def clause_link(self, from_uri: str, clause: str, fallback: str | None = None) -> Markdown:
        """ "[Pasal 9 ayat (1)](../peraturan/bab.md#id)", or the fallback text (escaped: it
        may come from a report) if unknown."""
        citation = self.numbering.citation(clause)
        page = self.clause_page(clause)
        if citation is None or page is None:
            return escape(fallback or clause)
        return link(citation, links.relative(from_uri, page, clause))

    def edit_path(self, bab_id: str) -> str:
        """The source file of a BAB, relative to the repository root."""
        return f"{self.policy_dir}/bab/{bab_id}.md"


def load_reports(folder: str | Path | None) -> list[NamedReport]:
    """Every ``*.json`` report in ``folder`` (none if it does not exist), sorted by date, then
    by file name. A file that is not a report raises :class:`InputError` naming it."""
    if folder is None or not Path(folder).is_dir():
        return []
    out = [
        NamedReport(path.name, read_report(path)) for path in sorted(Path(folder).glob("*.json"))
    ]
    return sorted(out, key=lambda r: (r.report.as_of, r.name))


def ayat_texts(ayat: Ayat) -> list[str]:
    """The raw text of an ayat: its lead, every rincian at any depth, its tail."""
    out = [ayat.text.raw] if ayat.text else []
    stack = list(reversed(ayat.items))
    while stack:
        item = stack.pop()
        out.append(item.text.raw)
        stack.extend(reversed(item.children))
    if ayat.tail:
        out.append(ayat.tail.raw)
    return out
