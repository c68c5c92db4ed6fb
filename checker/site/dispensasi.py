"""The dispensations page: every dispensation in ``rules/dispensasi``, whether it is in force on
the build date, and how many findings it covered in the latest published reports, per rule and
per perangkat daerah (OPD). No personal data: a scope of NIPs is shown as a number of
employees."""

from __future__ import annotations

from collections import Counter

from checker.artifacts.markdown import Markdown, escape, link, prose, table
from checker.dispensasi import Dispensasi
from checker.report.labels import NO_OPD
from checker.site import links
from checker.site.context import SiteContext
from checker.site.page import RIGHT, Page, join
from checker.wording import tanggal

PAGE = "aturan/dispensasi.md"
INTRO = (
    "Dispensasi adalah pengecualian tertulis, beralasan, dan sementara dari satu atau "
    "beberapa aturan pemeriksaan, misalnya bagi pegawai yang menjalani tugas belajar atau "
    "cuti di luar tanggungan negara. Temuan yang dicakup dispensasi tidak disembunyikan: "
    "temuan itu tetap tercatat dalam laporan dengan tanda *didispensasi*, dihitung "
    "terpisah, dan tidak dihitung sebagai ketidakpatuhan. Setiap dispensasi wajib memiliki "
    "tanggal berakhir; tanggal adalah tanggal kalender waktu Asia/Jakarta (WIB), dan "
    "dispensasi berlaku sampai dengan tanggal berakhirnya."
)


def _status(record: Dispensasi, site: SiteContext) -> str:
    if record.in_force(site.as_of):
        return "berlaku"
    return "berakhir" if record.expired(site.as_of) else "belum berlaku"


def latest_dispensed(site: SiteContext) -> dict[str, Counter[tuple[str, str]]]:
    """Per perangkat daerah (OPD), from its latest report: dispensed findings counted by
    (dispensation, rule). Reports are read in date order, so a later one replaces an earlier
    one."""
    out: dict[str, Counter[tuple[str, str]]] = {}
    for named in site.reports:
        groups: dict[str, Counter[tuple[str, str]]] = {
            name: Counter() for name in named.report.employees
        }
        for finding in named.report.dispensed():
            groups.setdefault(finding.opd or "", Counter())[
                (finding.dispensation or "", finding.rule)
            ] += 1
        out.update(groups)
    return out


def _rule_link(page: str, rule: str, known: set[str]) -> Markdown:
    if rule not in known:
        return escape(rule)
    return link(rule, links.relative(page, links.ATURAN, links.rule_anchor(rule)))


def dispensasi_page(site: SiteContext) -> Page:
    """The page (``aturan/dispensasi.md``)."""
    records = sorted(site.dispensations or [], key=lambda d: (d.valid_until, d.id))
    known = {rule.id for rule in site.rules}
    lines = [
        "# Dispensasi",
        "",
        INTRO,
        "",
        f"Keadaan pada {tanggal(site.as_of)}; sumber: `rules/dispensasi/*.yml`.",
        "",
    ]
    if not records:
        lines += ["Belum ada dispensasi yang tercatat.", ""]
        return Page(PAGE, join(lines))
    lines += table(
        ("Dispensasi", "Aturan", "Lingkup", "Periode yang dicakup", "Berlaku s.d.", "Status"),
        [
            (
                link(r.id, f"#{links.slug(r.id)}"),
                Markdown(", ".join(_rule_link(PAGE, rule, known) for rule in r.rules)),
                r.scope.describe(),
                f"{tanggal(r.start)} – {tanggal(r.end)}",
                tanggal(r.valid_until),
                _status(r, site),
            )
            for r in records
        ],
    )
    lines.append("")
    for r in records:
        lines += [
            f"## {r.id} {{#{links.slug(r.id)}}}",
            "",
            prose(r.justification),
            "",
            f"- **Dasar:** {site.clause_link(PAGE, r.legal_basis)}",
            f"- **Keputusan:** {escape(r.office)}, Nomor "
            f"{escape(r.letter_number)} tanggal {tanggal(r.letter_date)}",
            f"- **Berkas:** `{r.span.path}`, baris {r.span.line}",
            "",
        ]
    lines += _counts(site)
    return Page(PAGE, join(lines))


def _counts(site: SiteContext) -> list[str]:
    latest = latest_dispensed(site)
    totals: Counter[tuple[str, str]] = Counter()
    for counts in latest.values():
        totals.update(counts)
    lines = ["## Temuan yang didispensasi pada laporan terakhir", ""]
    if not totals:
        return [
            *lines,
            "Laporan terakhir yang diterbitkan tidak memuat temuan yang didispensasi.",
            "",
        ]
    lines += table(
        ("Dispensasi", "Aturan", "Temuan"),
        [(d, rule, n) for (d, rule), n in sorted(totals.items())],
        numeric=(2,),
        right=RIGHT,
    )
    lines += [
        "",
        *table(
            ("Perangkat daerah", "Temuan didispensasi"),
            [
                (name or NO_OPD, sum(c.values()))
                for name, c in sorted(latest.items())
                if sum(c.values())
            ],
            numeric=(1,),
            right=RIGHT,
        ),
    ]
    return [*lines, ""]
