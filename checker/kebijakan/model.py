"""``Kebijakan``: one version of the policy as every part of the tool receives it."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.data.schema import Table
from checker.dispensasi.model import Dispensasi
from checker.errors import Problem
from checker.kebijakan.source import Source
from checker.policy.model import Peraturan
from checker.policy.numbering import Numbering, number
from checker.provenance import Provenance
from checker.rules.model import Rule
from checker.rules.unchecked import Unchecked


@dataclass(frozen=True)
class Kebijakan:
    """The regulation, its numbering, rules, Table Schema and dispensations, and where they
    were read — loaded once by :func:`checker.kebijakan.load_kebijakan`.

    ``complete`` is False for a version loaded for its text only (render, redline, Word):
    then ``rules``, ``schema`` and ``dispensasi`` are empty. ``problems`` holds the warnings
    met while loading (errors stop the loading). ``dispensasi_folder`` says whether the rule
    set keeps dispensations at all (the site shows their page only then).
    """

    peraturan: Peraturan
    provenance: Provenance
    source: Source
    rules: list[Rule] = field(default_factory=list)
    schema: dict[str, Table] = field(default_factory=dict)
    dispensasi: list[Dispensasi] = field(default_factory=list)
    dispensasi_folder: bool = False
    # obligations no rule can check, with why (rules/cakupan/tidak-diperiksa.yml)
    unchecked: list[Unchecked] = field(default_factory=list)
    complete: bool = True
    problems: list[Problem] = field(default_factory=list)

    @property
    def numbering(self) -> Numbering:
        """Pasal, ayat and huruf labels (computed once per regulation)."""
        return number(self.peraturan)

    @property
    def version(self) -> str:
        """The version named in ``peraturan.yml``."""
        return self.peraturan.version

    def describe(self) -> str:
        """The one provenance string ("versi … (rancangan), salinan kerja pada commit …")."""
        return self.provenance.describe()
