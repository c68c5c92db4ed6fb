"""The rule catalogue and the check-type reference, generated from rules/ and the registry so
that the documentation cannot drift from what the checker does."""

from __future__ import annotations

from typing import Any

import yaml

from checker.policy.numbering import roman
from checker.rules.model import Rule
from checker.rules.registry import REGISTRY
from checker.site import links
from checker.site.context import SEVERITY_LABELS, SiteContext
from checker.site.page import Page, join

SEVERITY_MEANING = {
    "error": "data melanggar kewajiban dan harus diperbaiki; pegawai dengan temuan ini "
             "dihitung tidak patuh di dasbor",
    "warning": "perlu diperiksa; mungkin sah karena alasan yang tidak tercatat dalam data",
    "info": "catatan untuk perbaikan mutu data",
}


def type_anchor(name: str) -> str:
    """Anchor of a check type on the check-types page."""
    return links.slug(name)


def _type_link(page: str, name: str) -> str:
    kind = REGISTRY.get(name)
    title = kind.title if kind else name
    return f"[{links.prose(title)}]({links.relative(page, links.JENIS, type_anchor(name))})"


def catalogue_page(site: SiteContext) -> Page:
    """Every rule: what it checks, severity, legal source and the clause it enforces."""
    page = links.ATURAN
    rules = sorted(site.rules, key=lambda r: r.id)
    lines = ["# Katalog aturan", "",
             f"Pemeriksa data menjalankan {len(rules)} aturan terhadap data kepegawaian yang "
             "dikirim instansi. Setiap aturan menegakkan satu ketentuan peraturan dan dapat "
             "ditelusuri ke Pasal, ayat, atau hurufnya; halaman ini dihasilkan dari berkas "
             "`rules/*.yml` sehingga selalu sama dengan yang dijalankan pemeriksa.", "",
             "Tingkat temuan:", ""]
    lines += [f"- **{SEVERITY_LABELS[s]}** (`{s}`): {m}." for s, m in SEVERITY_MEANING.items()]
    lines += ["", "| Aturan | Judul | Tingkat | Ketentuan | Jenis pemeriksaan |",
              "|---|---|---|---|---|"]
    for rule in rules:
        lines.append(f"| [{rule.id}](#{links.rule_anchor(rule.id)}) | "
                     f"{links.prose(rule.title)} | {SEVERITY_LABELS.get(rule.severity)} | "
                     f"{site.clause_link(page, rule.clause)} | {_type_link(page, rule.type)} |")
    lines.append("")
    for heading, group in _by_bab(site, rules):
        lines += [f"## {heading}", ""]
        for rule in group:
            lines += _rule(site, page, rule)
    return Page(page, join(lines))


def _by_bab(site: SiteContext, rules: list[Rule]) -> list[tuple[str, list[Rule]]]:
    out = []
    for index, bab in enumerate(site.peraturan.bab, start=1):
        group = [r for r in rules if site.bab_of_pasal.get(site.pasal_of(r.clause) or "") == bab.id]
        if group:
            out.append((f"BAB {roman(index)} — {links.title_case(bab.title)}", group))
    rest = [r for r in rules if site.pasal_of(r.clause) is None]
    return out + ([("Lainnya", rest)] if rest else [])


def _rule(site: SiteContext, page: str, rule: Rule) -> list[str]:
    kind = REGISTRY.get(rule.type)
    lines = [f"### {rule.id} — {links.prose(rule.title)} {{#{links.rule_anchor(rule.id)}}}", ""]
    if rule.description:
        lines += [links.prose(rule.description.strip()), ""]
    lines += [f"- **Ketentuan yang ditegakkan:** {site.clause_link(page, rule.clause)}",
              f"- **Tingkat:** {SEVERITY_LABELS.get(rule.severity, rule.severity)}",
              f"- **Dasar hukum:** {links.prose(rule.source.strip())}",
              f"- **Data yang diperiksa:** tabel `{rule.table}`; jenis pemeriksaan "
              f"{_type_link(page, rule.type)}"]
    names = kind.parameters(rule) if kind else []
    if names:
        lines.append("- **Parameter:** " + ", ".join(
            f"[`{n}`]({links.relative(page, links.PARAMETER, links.parameter_anchor(n))})"
            for n in names))
    lines.append(f"- **Berkas:** `{rule.span.path}`, baris {rule.span.line}")
    lines += ["", "Pesan temuan (kurung kurawal diisi dari data):", "",
              f"> {links.prose(' '.join(rule.message.split()))}", "",
              "```yaml", _yaml({"check": rule.check}).rstrip(), "```", ""]
    return lines


def _yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=90)


def _option_kind(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        return "salah satu dari " + ", ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("pattern", "").startswith("^[a-z_]"):
        return "nama kolom"
    if spec.get("pattern", "").startswith("^[A-Z]"):
        return "id aturan"
    kinds = {"string": "teks", "array": "daftar", "object": "pemetaan", "integer": "bilangan",
             "number": "bilangan", "boolean": "ya/tidak"}
    return kinds.get(str(spec.get("type", "")), "nilai")


def types_page(site: SiteContext) -> Page:
    """The registered check types with their options and an example, and the rules using each."""
    page = links.JENIS
    lines = ["# Jenis pemeriksaan", "",
             "Setiap aturan memilih satu jenis pemeriksaan terdaftar (`check.type`). Jenis "
             "pemeriksaan diterjemahkan menjadi kueri SQL dan dijalankan sekaligus atas seluruh "
             "data. Daftar ini dihasilkan dari registri pemeriksa, sehingga opsi yang tertulis di "
             "sini adalah opsi yang diterima `kebijakan lint`.", ""]
    for name, kind in REGISTRY.items():
        lines += [f"## {links.prose(kind.title)} (`{name}`) {{#{type_anchor(name)}}}", "",
                  links.prose(kind.description), "",
                  "| Opsi | Wajib | Isi | Keterangan |", "|---|---|---|---|"]
        for option, spec in kind.options.items():
            required = "ya" if option in kind.required else "tidak"
            lines.append(f"| `{option}` | {required} | {_option_kind(spec)} | "
                         f"{links.prose(str(spec.get('description', '')))} |")
        lines.append("")
        if kind.example:
            lines += ["Contoh:", "", "```yaml", kind.example.rstrip(), "```", ""]
        users = sorted(r.id for r in site.rules if r.type == name)
        if users:
            lines += ["Dipakai oleh: " + ", ".join(
                f"[{r}]({links.relative(page, links.ATURAN, links.rule_anchor(r))})"
                for r in users), ""]
    return Page(page, join(lines))
