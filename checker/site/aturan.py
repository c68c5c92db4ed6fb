"""The rule catalogue and the check-type reference, generated from rules/ and the registry so
that the documentation cannot drift from what the checker does."""

from __future__ import annotations

from typing import Any

import yaml

from checker.artifacts.markdown import Markdown, code, link, prose, table
from checker.policy.numbering import roman
from checker.report.labels import CATEGORY_LABELS, CATEGORY_MEANINGS, SEVERITY_LABELS
from checker.rules.model import MESSAGE_FIELDS, Rule
from checker.rules.registry import REGISTRY
from checker.site import links
from checker.site.context import SiteContext
from checker.site.page import Page, join
from checker.wording import FILTERS, MESSAGE_FILTERS

SEVERITY_MEANING = {
    "error": "data melanggar kewajiban dan harus diperbaiki; pegawai dengan temuan ini "
    "dihitung tidak patuh di dasbor",
    "warning": "perlu diperiksa; mungkin sah karena alasan yang tidak tercatat dalam data",
    "info": "catatan untuk perbaikan mutu data",
}


def type_anchor(name: str) -> str:
    """Anchor of a check type on the check-types page."""
    return links.slug(name)


def _type_link(page: str, name: str) -> Markdown:
    kind = REGISTRY.get(name)
    title = kind.title if kind else name
    return link(prose(title), links.relative(page, links.JENIS, type_anchor(name)))


def catalogue_page(site: SiteContext) -> Page:
    """Every rule: what it checks, severity, legal source and the clause it enforces."""
    page = links.ATURAN
    rules = sorted(site.rules, key=lambda r: r.id)
    lines = [
        "# Katalog aturan",
        "",
        f"Pemeriksa data menjalankan {len(rules)} aturan terhadap data kepegawaian yang "
        "dikirim instansi. Setiap aturan menegakkan satu ketentuan peraturan dan dapat "
        "ditelusuri ke Pasal, ayat, atau hurufnya; halaman ini dihasilkan dari berkas "
        "`rules/*.yml` sehingga selalu sama dengan yang dijalankan pemeriksa.",
        "",
        "Tingkat temuan:",
        "",
    ]
    lines += [f"- **{SEVERITY_LABELS[s]}** (`{s}`): {m}." for s, m in SEVERITY_MEANING.items()]
    lines += [
        "",
        "Jenis temuan, sebagaimana dikelompokkan peraturan (tingkat saja yang menentukan "
        "apakah pemeriksaan dinyatakan gagal):",
        "",
    ]
    lines += [f"- **{CATEGORY_LABELS[c]}**: {m}." for c, m in CATEGORY_MEANINGS.items()]
    lines += [
        "",
        *table(
            ("Aturan", "Judul", "Tingkat", "Jenis temuan", "Ketentuan", "Jenis pemeriksaan"),
            [
                (
                    link(rule.id, f"#{links.rule_anchor(rule.id)}"),
                    prose(rule.title),
                    SEVERITY_LABELS.get(rule.severity, rule.severity),
                    CATEGORY_LABELS.get(rule.kind, rule.kind),
                    site.clause_link(page, rule.clause),
                    _type_link(page, rule.type),
                )
                for rule in rules
            ],
        ),
    ]
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
    lines = [f"### {rule.id} — {prose(rule.title)} {{#{links.rule_anchor(rule.id)}}}", ""]
    if rule.description:
        lines += [prose(rule.description.strip()), ""]
    lines += [
        f"- **Ketentuan yang ditegakkan:** {site.clause_link(page, rule.clause)}",
        f"- **Tingkat:** {SEVERITY_LABELS.get(rule.severity, rule.severity)}",
        f"- **Jenis temuan:** {CATEGORY_LABELS.get(rule.kind, rule.kind)}",
        f"- **Dasar hukum:** {prose(rule.source.strip())}",
        f"- **Data yang diperiksa:** tabel `{rule.table}`; jenis pemeriksaan "
        f"{_type_link(page, rule.type)}",
        f"- **Yang dinilai:** {_population(site, rule)}",
    ]
    names = kind.parameters(rule) if kind else []
    if names:
        lines.append(
            "- **Parameter:** "
            + ", ".join(
                f"[`{n}`]({links.relative(page, links.PARAMETER, links.parameter_anchor(n))})"
                for n in names
            )
        )
    lines.append(f"- **Berkas:** `{rule.span.path}`, baris {rule.span.line}")
    lines += [
        "",
        "Pesan temuan (kurung kurawal diisi dari data):",
        "",
        f"> {prose(rule.message)}",
        "",
        "```yaml",
        _yaml(_declared(rule)).rstrip(),
        "```",
        "",
    ]
    return lines


def _population(site: SiteContext, rule: Rule) -> str:
    """Whom the rule judges, in Indonesian, from its declared population."""
    if rule.population is None and rule.type == "agency_rate":
        return f"setiap perangkat daerah, atas populasi aturan `{rule.check.get('rule')}`"
    if rule.population is None and rule.type == "period_progress":
        return (
            f"populasi aturan `{rule.check.get('rule')}`, pada tahun yang diperiksa yang belum "
            "jatuh tempo"
        )
    if rule.population is None or rule.population.everyone:
        return f"setiap baris tabel `{rule.table}`"
    groups: dict[str, tuple[str, ...]] = {}
    if "pegawai" in site.schema:
        groups = site.schema["pegawai"].field("kedudukan_hukum").groups
    return prose("; ".join(rule.population.describe(groups)))


def _declared(rule: Rule) -> dict[str, Any]:
    """The population (as written) and the check of a rule, for its YAML block."""
    out: dict[str, Any] = {}
    if rule.population is not None and rule.population.everyone:
        out["population"] = "semua"
    elif rule.population is not None:
        out["population"] = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in vars(rule.population).items()
            if value not in ((), None, False)
        }
    out["check"] = rule.check
    return out


def _yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=90)


def _option_kind(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        return "salah satu dari " + ", ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("pattern", "").startswith("^[a-z_]"):
        return "nama kolom"
    if spec.get("pattern", "").startswith("^[A-Z]"):
        return "id aturan"
    kinds = {
        "string": "teks",
        "array": "daftar",
        "object": "pemetaan",
        "integer": "bilangan",
        "number": "bilangan",
        "boolean": "ya/tidak",
    }
    types = spec.get("type", "")
    # an option may take several shapes, such as a parameter name or a category mapping
    return " atau ".join(
        kinds.get(str(t), "nilai") for t in (types if isinstance(types, list) else [types])
    )


def types_page(site: SiteContext) -> Page:
    """The registered check types with their options and an example, and the rules using each."""
    page = links.JENIS
    lines = [
        "# Jenis pemeriksaan",
        "",
        "Setiap aturan memilih satu jenis pemeriksaan terdaftar (`check.type`). Jenis "
        "pemeriksaan diterjemahkan menjadi kueri SQL dan dijalankan sekaligus atas seluruh "
        "data. Daftar ini dihasilkan dari registri pemeriksa, sehingga opsi yang tertulis di "
        "sini adalah opsi yang diterima `kebijakan lint`.",
        "",
    ]
    for name, kind in REGISTRY.items():
        lines += [
            f"## {prose(kind.title)} (`{name}`) {{#{type_anchor(name)}}}",
            "",
            prose(kind.description),
            "",
        ]
        lines += table(
            ("Opsi", "Wajib", "Isi", "Keterangan"),
            [
                (
                    code(option),
                    "ya" if option in kind.required else "tidak",
                    Markdown(_option_kind(spec)),
                    prose(str(spec.get("description", ""))),
                )
                for option, spec in kind.options.items()
            ],
        )
        lines.append("")
        if kind.example:
            lines += ["Contoh:", "", "```yaml", kind.example.rstrip(), "```", ""]
        users = sorted(r.id for r in site.rules if r.type == name)
        if users:
            lines += [
                "Dipakai oleh: "
                + ", ".join(
                    f"[{r}]({links.relative(page, links.ATURAN, links.rule_anchor(r))})"
                    for r in users
                ),
                "",
            ]
    return Page(page, join(lines + _message_section()))


def _message_section() -> list[str]:
    """What a rule message may contain: the fields and the filters it shares with clause text."""
    lines = [
        "## Pesan temuan {#pesan}",
        "",
        "Pesan temuan (`message`) ditulis dalam Bahasa Indonesia; kurung kurawal diisi dari "
        "temuan: " + ", ".join(f"`{{{name}}}`" for name in MESSAGE_FIELDS) + ". Penyaring "
        "ditulis sesudah titik dua, misalnya `{expected:terbilang}`; penyaring yang sama "
        "berarti sama dalam teks pasal (`{{ parameter | terbilang }}`).",
        "",
    ]
    lines += table(
        ("Penyaring", "Keterangan"),
        [(code(name), prose(FILTERS[name].description)) for name in MESSAGE_FILTERS],
    )
    return [*lines, ""]
