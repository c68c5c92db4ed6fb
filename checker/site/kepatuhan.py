"""The compliance pages: the dashboard and one page per perangkat daerah (OPD). Counts only,
unless the build is private, which adds each OPD's findings with masked NIPs."""

from __future__ import annotations

import datetime as dt

from checker.artifacts.markdown import Markdown, code, escape, link, table
from checker.report.finding import SEVERITIES
from checker.report.labels import NO_RATE, SEVERITY_LABELS
from checker.report.report import compliance_percent
from checker.site import charts, links
from checker.site.context import SiteContext
from checker.site.dashboard import Dashboard, Snapshot, Submission, build_dashboard
from checker.site.page import RIGHT, Page, front_matter, join
from checker.wording import regulation_name, tanggal

PAGE = links.KEPATUHAN
LOWEST = 25  # the dashboard chart shows at most this many OPDs, the least compliant
TOP_CLAUSES = 15
CHART = "kepatuhan-perangkat-daerah"
MEANING = (
    "Kepatuhan adalah persentase pegawai suatu perangkat daerah yang tidak memiliki satu pun "
    "temuan bertingkat kesalahan pada laporan pemeriksaan terakhirnya."
)
SEVERITY_HEADER = tuple(SEVERITY_LABELS[s].capitalize() for s in SEVERITIES)


def number(value: int) -> str:
    """1234 → "1.234"."""
    return f"{value:,}".replace(",", ".")


def percent(value: float | None) -> str:
    """95.8 → "95,8%"; no employees → "–"."""
    return NO_RATE if value is None else f"{value:.1f}".replace(".", ",") + "%"


def day(iso: str) -> str:
    """ "2026-06-30" → "30 Juni 2026"."""
    return tanggal(dt.date.fromisoformat(iso))


def short(opd: str) -> str:
    """Chart label and slug: "Pemerintah Kabupaten Kaur" → "Kabupaten Kaur" (a report from
    before findings named their OPD names the instansi); an OPD name stays as it is."""
    return opd.removeprefix("Pemerintah ")


def regulation_line(site: SiteContext) -> str:
    """The regulation the reports apply, named once in full (from ``peraturan.yml``)."""
    return f"- Peraturan yang diterapkan: **{escape(regulation_name(site.peraturan))}**"


def banner(site: SiteContext) -> list[str]:
    """The label every compliance page built from the example reports carries."""
    if not site.synthetic:
        return []
    return [
        '!!! warning "Contoh sintetis"',
        "",
        "    Angka di halaman ini berasal dari laporan contoh yang dibuat dari data "
        "kepegawaian sintetis (`kebijakan sample`), bukan dari data instansi yang "
        "sebenarnya. Nama instansi dan perangkat daerah dipakai hanya sebagai contoh.",
        "",
    ]


def kepatuhan_pages(site: SiteContext) -> list[Page]:
    """The dashboard, its charts, and one page per perangkat daerah."""
    board = build_dashboard([r for r in site.reports], site.private)
    if not board.submissions:
        return [
            Page(
                PAGE,
                join(
                    [
                        "# Dasbor kepatuhan",
                        "",
                        *banner(site),
                        '!!! note "Belum ada laporan"',
                        "",
                        "    Belum ada laporan pemeriksaan yang diterbitkan di situs "
                        "ini. Dasbor akan terisi setelah laporan JSON hasil "
                        "`kebijakan check --format json` ditempatkan di folder laporan "
                        "yang dibaca situs. Terima kasih atas kesabaran Anda.",
                        "",
                    ]
                ),
            )
        ]
    slugs = _slugs(board)
    pages = _dashboard(site, board, slugs)
    for opd, slug in slugs.items():
        pages += _opd(site, board, opd, slug)
    return pages


def _slugs(board: Dashboard) -> dict[str, str]:
    out: dict[str, str] = {}
    for opd in board.latest():
        if opd:
            base = links.slug(short(opd))
            slug, n = base, 2
            while slug in out.values():
                slug, n = f"{base}-{n}", n + 1
            out[opd] = slug
    return out


def _dashboard(site: SiteContext, board: Dashboard, slugs: dict[str, str]) -> list[Page]:
    latest = board.latest()
    agencies = [s for name, s in latest.items() if name and s.partner is None]
    partners = [s for name, s in latest.items() if name and s.partner is not None]
    own = [s for s in latest.values() if s.partner is None]
    employees = sum(s.employees for s in agencies)
    bad = sum(s.with_errors for s in agencies)
    newest = max(s.as_of for s in own) if own else max(s.as_of for s in latest.values())
    lines = [
        "# Dasbor kepatuhan",
        "",
        *banner(site),
        f"{MEANING} Halaman ini hanya memuat jumlah dan persentase; tidak ada NIP, nama, atau "
        "tanggal lahir pegawai.",
        "",
        regulation_line(site),
        f"- Perangkat daerah yang melapor: **{number(len(agencies))}**",
        f"- Pegawai dalam data: **{number(employees)}**",
        f"- Pegawai dengan temuan kesalahan: **{number(bad)}**",
        f"- Kepatuhan keseluruhan: **{percent(compliance_percent(employees, bad))}**",
        f"- Data terbaru: **{day(newest)}**",
        "",
    ]
    pages: list[Page] = []
    ranked = sorted(
        (s for s in agencies if s.compliance is not None), key=lambda s: (s.compliance, s.opd)
    )[:LOWEST]
    lines += ["## Kepatuhan per perangkat daerah", ""]
    if ranked:
        title = (
            "Kepatuhan per perangkat daerah"
            if len(ranked) == len(agencies)
            else f"{len(ranked)} perangkat daerah dengan kepatuhan terendah"
        )
        svg = charts.horizontal_bars(
            [short(s.opd) for s in ranked],
            [float(s.compliance or 0) for s in ranked],
            title=title,
            xlabel="Pegawai tanpa temuan kesalahan (%)",
            percent=True,
        )
        pages.append(Page(links.chart(CHART), svg))
        lines += [_image(PAGE, CHART, title), ""]
    lines += table(
        (
            "Perangkat daerah",
            "Data per",
            "Pegawai",
            "Dengan kesalahan",
            "Kepatuhan",
            *SEVERITY_HEADER,
        ),
        [
            (
                link(snap.opd, links.relative(PAGE, links.opd_page(slugs[snap.opd]))),
                day(snap.as_of),
                number(snap.employees),
                number(snap.with_errors),
                percent(snap.compliance),
                *_severity_counts(snap),
            )
            for snap in agencies
        ],
        numeric=range(2, 8),
        right=RIGHT,
    )
    lines.append("")
    if "" in latest:
        lines += [
            f"Selain itu {number(sum(latest[''].by_severity.values()))} temuan berkas "
            "tidak menyebut perangkat daerah (misalnya baris yang tidak dapat dibaca).",
            "",
        ]
    pages_clause, clause_lines = _by_clause(site, PAGE, own, "temuan-ketentuan")
    pages += pages_clause
    lines += ["## Temuan per ketentuan", "", *clause_lines]
    lines += ["## Temuan per tingkat", "", *_by_severity(own)]
    if partners:
        lines += _partners(partners, slugs)
    trend_pages, trend_lines = _trend(board.submissions)
    pages += trend_pages
    lines += ["## Perkembangan antarpengiriman", "", *trend_lines]
    lines += ["## Laporan yang dipakai", ""]
    lines += table(
        ("Berkas", "Data per", "Versi kebijakan"),
        [(code(r.name), day(r.report.as_of), r.report.policy_version) for r in site.reports],
    )
    lines.append("")
    return [Page(PAGE, join(lines)), *pages]


def _partners(partners: list[Snapshot], slugs: dict[str, str]) -> list[str]:
    """The kabupaten/kota that send their data as voluntary partners: shown apart, never
    counted in the province's compliance above."""
    lines = [
        "## Mitra sukarela: pemerintah kabupaten/kota",
        "",
        "Pemerintah kabupaten/kota berikut mengirimkan data kepegawaiannya secara sukarela "
        "berdasarkan kesepakatan bersama dengan Gubernur. Peraturan Gubernur tidak mewajibkan "
        "mereka; hasilnya ditampilkan terpisah dan tidak dihitung dalam kepatuhan perangkat "
        "daerah Pemerintah Provinsi di atas.",
        "",
    ]
    lines += table(
        (
            "Pemerintah kabupaten/kota",
            "Perangkat daerah",
            "Data per",
            "Pegawai",
            "Dengan kesalahan",
            "Kepatuhan",
        ),
        [
            (
                snap.partner or "",
                link(snap.opd, links.relative(PAGE, links.opd_page(slugs[snap.opd]))),
                day(snap.as_of),
                number(snap.employees),
                number(snap.with_errors),
                percent(snap.compliance),
            )
            for snap in sorted(partners, key=lambda s: (s.partner or "", s.opd))
        ],
        numeric=range(3, 6),
        right=RIGHT,
    )
    lines.append("")
    return lines


def _severity_counts(snap: Snapshot) -> list[str]:
    return [number(snap.by_severity[s]) for s in SEVERITIES]


def _image(page: str, name: str, title: str) -> str:
    return f"![{title}]({links.relative(page, links.chart(name))}){{ .grafik }}"


def _by_clause(
    site: SiteContext, page: str, snaps: list[Snapshot], chart: str | None
) -> tuple[list[Page], list[str]]:
    """Findings per Pasal (linked), with the rules behind them, most findings first."""
    counts: dict[str, int] = {}
    rules: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for snap in snaps:
        for clause, by_rule in snap.by_clause.items():
            pasal = site.pasal_of(clause)
            key = pasal or clause
            counts[key] = counts.get(key, 0) + sum(by_rule.values())
            rules.setdefault(key, set()).update(by_rule)
            labels[key] = (
                f"Pasal {site.numbering.pasal[pasal]}"
                if pasal
                else snap.citations.get(clause, clause)
            )
    if not counts:
        return [], ["Tidak ada temuan.", ""]
    order = sorted(counts, key=lambda k: (-counts[k], labels[k]))
    pages: list[Page] = []
    lines: list[str] = []
    if chart:
        top = order[:TOP_CLAUSES]
        svg = charts.horizontal_bars(
            [labels[k] for k in top],
            [float(counts[k]) for k in top],
            title="Ketentuan dengan temuan terbanyak",
            xlabel="Jumlah temuan",
        )
        pages.append(Page(links.chart(chart), svg))
        lines += [_image(page, chart, "Ketentuan dengan temuan terbanyak"), ""]
    lines += table(
        ("Ketentuan", "Aturan", "Temuan"),
        [
            (
                site.clause_link(page, key, labels[key])
                if key in site.pasal_by_id
                else escape(labels[key]),
                Markdown(", ".join(_rule_link(site, page, r) for r in sorted(rules.get(key, ())))),
                number(counts[key]),
            )
            for key in order
        ],
        numeric=(2,),
        right=RIGHT,
    )
    return pages, [*lines, ""]


def _rule_link(site: SiteContext, page: str, rule: str) -> Markdown:
    """A rule linked to the catalogue; intake checks (SKEMA-*) are not in it."""
    if any(r.id == rule for r in site.rules):
        return link(rule, links.relative(page, links.ATURAN, links.rule_anchor(rule)))
    return code(rule)


def _by_severity(snaps: list[Snapshot]) -> list[str]:
    lines = table(
        ("Tingkat", "Temuan"),
        [
            (SEVERITY_LABELS[severity], number(sum(s.by_severity.get(severity, 0) for s in snaps)))
            for severity in SEVERITIES
        ],
        numeric=(1,),
        right=RIGHT,
    )
    return [*lines, ""]


def _trend(submissions: list[Submission]) -> tuple[list[Page], list[str]]:
    values = [compliance_percent(s.employees, s.with_errors) for s in submissions]
    pages = []
    lines: list[str] = []
    if any(v is not None for v in values):
        svg = charts.vertical_bars(
            [day(s.as_of) for s in submissions],
            [float(v or 0) for v in values],
            title="Kepatuhan per tanggal data",
            ylabel="Kepatuhan (%)",
            percent=True,
        )
        pages.append(Page(links.chart("perkembangan"), svg))
        lines += [_image(PAGE, "perkembangan", "Kepatuhan per tanggal data"), ""]
    lines += table(
        ("Data per", "Perangkat daerah", "Pegawai", "Dengan kesalahan", "Kepatuhan", "Temuan"),
        [
            (
                day(sub.as_of),
                number(sub.opd),
                number(sub.employees),
                number(sub.with_errors),
                percent(value),
                number(sub.findings),
            )
            for sub, value in zip(submissions, values, strict=True)
        ],
        numeric=range(1, 6),
        right=RIGHT,
    )
    return pages, [*lines, ""]


def _opd(site: SiteContext, board: Dashboard, opd: str, slug: str) -> list[Page]:
    page = links.opd_page(slug)
    history = board.history(opd)
    snap = history[-1]
    back = links.relative(page, PAGE)
    lines = [
        *front_matter(opd),
        f"# {escape(opd)}",
        "",
        *banner(site),
        f"{MEANING} [Kembali ke dasbor]({back}).",
        "",
        regulation_line(site),
        *_instansi_line(opd, history),
        f"- Data per: **{day(snap.as_of)}** (berkas {code(snap.source)})",
        f"- Pegawai dalam data: **{number(snap.employees)}**",
        f"- Pegawai dengan temuan kesalahan: **{number(snap.with_errors)}**",
        f"- Kepatuhan: **{percent(snap.compliance)}**",
        "",
        "## Perkembangan",
        "",
    ]
    lines += table(
        ("Data per", "Pegawai", "Dengan kesalahan", "Kepatuhan", *SEVERITY_HEADER),
        [
            (
                day(old.as_of),
                number(old.employees),
                number(old.with_errors),
                percent(old.compliance),
                *_severity_counts(old),
            )
            for old in history
        ],
        numeric=range(1, 7),
        right=RIGHT,
    )
    _, clause_lines = _by_clause(site, page, [snap], None)
    lines += [
        "",
        "## Temuan terkini per ketentuan",
        "",
        *clause_lines,
        "## Temuan terkini per tingkat",
        "",
        *_by_severity([snap]),
    ]
    lines += _findings(site, page, snap)
    return [Page(page, join(lines), in_nav=False)]


def _instansi_line(opd: str, history: list[Snapshot]) -> list[str]:
    """ "- Instansi: **Pemerintah Provinsi Bengkulu**": the instansi the OPD's findings name,
    when one differs from the OPD itself (a report from before findings named their OPD
    names the instansi as the OPD)."""
    names = sorted({name for snap in history for name in snap.instansi if name != opd})
    if not names:
        return []
    return [f"- Instansi: **{escape(', '.join(names))}**"]


def _findings(site: SiteContext, page: str, snap: Snapshot) -> list[str]:
    if not site.private:
        return [
            "Rincian temuan per pegawai tidak diterbitkan di situs publik. Perangkat daerah "
            "menerimanya dalam laporan pemeriksaan dan buku kerja perbaikan.",
            "",
        ]
    lines = [
        "## Rincian temuan (internal BKD)",
        "",
        "NIP disamarkan; nama dan pesan temuan tidak ditampilkan.",
        "",
    ]
    lines += table(
        ("NIP", "Aturan", "Ketentuan", "Periode", "Tabel", "Baris", "Kolom"),
        [
            (
                f.nip or "–",
                _rule_link(site, page, f.rule),
                site.clause_link(page, f.clause, snap.citations.get(f.clause))
                if f.clause
                else None,
                f.period,
                f.table,
                f.row,
                f.column,
            )
            for f in snap.findings
        ],
        numeric=(5,),
        right=RIGHT,
    )
    return [*lines, ""]
