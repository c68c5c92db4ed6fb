"""The Parameter page: every dated parameter, its values, legal references and where it is used."""

from __future__ import annotations

from checker.artifacts.markdown import Markdown, code, link, prose, table
from checker.policy.inline import format_value, tokens
from checker.policy.model import Parameter
from checker.rules.registry import REGISTRY
from checker.site import links
from checker.site.context import SiteContext, ayat_texts
from checker.site.page import Page, join
from checker.wording import tanggal

GROUPS = {
    "kompetensi": "Pengembangan kompetensi",
    "kinerja": "Evaluasi kinerja",
    "karier": "Karier dan kenaikan pangkat",
    "pensiun": "Batas usia pensiun",
    "penghargaan": "Penghargaan",
}
PAGE = links.PARAMETER


def shown(parameter: Parameter, value: object) -> str:
    """A value as the text shows it, with its unit: "20 (dua puluh) JP", "70% (...)"."""
    text = format_value(parameter, value)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric and parameter.unit not in ("persen", ""):
        text += f" {parameter.unit}"
    return text


def _uses(site: SiteContext) -> dict[str, list[tuple[str, str]]]:
    """Parameter name → [(citation, pasal id)] where the text embeds it, in document order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for pasal in site.peraturan.iter_pasal():
        for index, ayat in enumerate(pasal.ayat):
            label = site.numbering.ayat_labels.get((pasal.id, index))
            where = f"Pasal {site.numbering.pasal[pasal.id]}"
            where += f" ayat ({label})" if label else ""
            for raw in ayat_texts(ayat):
                for token in tokens(raw):
                    seen = out.setdefault(token.name, []) if token.kind == "param" else None
                    if seen is not None and (where, pasal.id) not in seen:
                        seen.append((where, pasal.id))
    return out


def _rules_using(site: SiteContext) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rule in sorted(site.rules, key=lambda r: r.id):
        kind = REGISTRY.get(rule.type)
        for name in kind.parameters(rule) if kind else []:
            if rule.id not in out.setdefault(name, []):
                out[name].append(rule.id)
    return out


def parameter_page(site: SiteContext) -> Page:
    """Every parameter grouped by its first name part, each with its dated values."""
    params = site.peraturan.parameters
    uses, rules = _uses(site), _rules_using(site)
    lines = [
        "# Parameter",
        "",
        "Angka yang dipakai oleh teks peraturan dan oleh pemeriksa data ditetapkan sekali di "
        f"`{site.policy_dir}/parameter.yml`. Setiap nilai berlaku sejak tanggalnya sampai "
        "nilai berikutnya dan disertai dasar hukumnya. Teks peraturan menampilkan nilai yang "
        f"berlaku pada {tanggal(site.as_of)}; pemeriksa data memakai nilai yang berlaku pada "
        "tanggal yang dinilai, sehingga teks dan pemeriksaan tidak dapat berbeda.",
        "",
    ]
    lines += table(
        ("Parameter", f"Berlaku pada {tanggal(site.as_of)}", "Jumlah nilai"),
        [
            (
                link(code(name), f"#{links.parameter_anchor(name)}"),
                prose(_current(params[name], site)),
                len(params[name].values),
            )
            for name in sorted(params)
        ],
    )
    lines.append("")
    groups: dict[str, list[str]] = {}
    for name in sorted(params):
        groups.setdefault(name.split(".")[0], []).append(name)
    for group, names in groups.items():
        lines += [f"## {GROUPS.get(group, group.capitalize())}", ""]
        for name in names:
            lines += _one(site, params[name], uses.get(name, []), rules.get(name, []))
    return Page(PAGE, join(lines), f"{site.policy_dir}/parameter.yml")


def _one(
    site: SiteContext, parameter: Parameter, uses: list[tuple[str, str]], rules: list[str]
) -> list[str]:
    lines = [
        f"### `{parameter.name}` {{#{links.parameter_anchor(parameter.name)}}}",
        "",
        prose(parameter.description),
        "",
    ]
    if parameter.clause:
        lines.append(f"- Pasal: {site.clause_link(PAGE, parameter.clause)}")
    if uses:
        cited = ", ".join(
            f"[{where}]({links.relative(PAGE, site.clause_page(pasal) or PAGE, pasal)})"
            for where, pasal in uses
        )
        lines.append(f"- Dipakai dalam teks: {cited}")
    if rules:
        lines.append(
            "- Dipakai oleh aturan: "
            + ", ".join(
                f"[{rule}]({links.relative(PAGE, links.ATURAN, links.rule_anchor(rule))})"
                for rule in rules
            )
        )
    lines.append(f"- Satuan: {prose(parameter.unit)}")
    lines += [
        "",
        *table(
            ("Berlaku sejak", "Nilai", "Dasar hukum"),
            [
                (
                    tanggal(dated.since),
                    prose(shown(parameter, dated.value)),
                    _source(dated.reference.title, dated.reference.url),
                )
                for dated in sorted(parameter.values, key=lambda v: v.since)
            ],
        ),
    ]
    lines.append("")
    return lines


def _current(parameter: Parameter, site: SiteContext) -> str:
    current = parameter.value_at(site.as_of)
    return shown(parameter, current.value) if current else "belum berlaku"


def _source(title: str, url: str | None) -> Markdown:
    """A legal reference, linked when it has an address."""
    return link(prose(title), url) if url else prose(title)
