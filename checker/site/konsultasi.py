"""The "Konsultasi publik" section: the published comments of ``policy/konsultasi/*.yml`` with
the drafters' answers, one page per file (per version of the draft) and an overview.

Everything read from those files (the text of a comment, a name, an answer, a clause id, the
version) comes from the public or from the service: it goes through :func:`escape` and is
shown as text, never as Markdown or HTML. Comments are grouped by Pasal in document order with
the numbering of the text being built; a comment on a clause that no longer exists is listed
apart. Without any file there is no section at all.

The "Beri masukan atas Pasal ini" link on the regulation's pages
(:mod:`checker.site.peraturan`) points to the consultation service; :func:`service_address`
checks its address and :func:`feedback_url` builds the link.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from checker.artifacts.markdown import Markdown, code, escape, link, table
from checker.diff.render import anchor
from checker.konsultasi.berkas import FOLDER, Berkas, Masukan
from checker.konsultasi.model import ASAL, KEPUTUSAN
from checker.site import charts, links
from checker.site.context import SiteContext
from checker.site.page import RIGHT, Page, front_matter, join
from checker.wording import digits, tanggal

INDEX = "konsultasi/index.md"
# written by checker.versions.riwayat_pages (checker.site.build.RIWAYAT_INDEX)
RIWAYAT_INDEX = "riwayat/index.md"
CHART_PASAL = "masukan-per-pasal"
CHART_ASAL = "masukan-per-asal"
GONE = "Klausul yang tidak ada lagi"
NO_ASAL = "tidak disebut"
UNANSWERED = "Belum ditanggapi."
FEEDBACK = "Beri masukan atas Pasal ini"
# the service's page that takes comments, with one anchor per Pasal id
SERVICE_PAGE = "konsultasi"
INTRO = (
    "Rancangan peraturan ini dikonsultasikan kepada masyarakat sebelum ditetapkan. Pasal 96 "
    "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan "
    "sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 13 Tahun 2022 menjamin hak "
    "masyarakat memberikan masukan secara lisan dan/atau tertulis dalam setiap tahap "
    "pembentukan peraturan; partisipasi itu bermakna bila masyarakat didengar pendapatnya, "
    "dipertimbangkan pendapatnya, dan mendapat penjelasan atas pendapat yang diberikannya. "
    "Oleh karena itu, setiap masukan yang diterbitkan dimuat di halaman ini per Pasal, beserta "
    "tanggapan perancang dan keputusan atasnya."
)
PRIVACY = (
    "Alamat surel pemberi masukan tidak pernah diterbitkan; nama hanya dicantumkan bila "
    "pemiliknya menyetujuinya."
)


def chart(name: str) -> str:
    """A chart file of the section."""
    return f"konsultasi/grafik/{name}.svg"


def version_uris(files: list[Berkas]) -> list[str]:
    """The page of each file, in the files' order: its version as a slug ("2026.1-rancangan"
    → ``konsultasi/2026-1-rancangan.md``), "-2", "-3" … when two versions read alike."""
    taken = {INDEX}
    out: list[str] = []
    for berkas in files:
        base = f"konsultasi/{links.slug(berkas.versi)}"
        uri, n = f"{base}.md", 2
        while uri in taken:
            uri, n = f"{base}-{n}.md", n + 1
        taken.add(uri)
        out.append(uri)
    return out


def navigation_uris(site: SiteContext) -> list[str]:
    """The section in the navigation: the overview, then one page per version."""
    return [INDEX, *version_uris(site.konsultasi)] if site.konsultasi else []


@dataclass(frozen=True)
class Group:
    """The comments on one Pasal (``pasal`` None: on clauses that no longer exist)."""

    pasal: str | None
    masukan: tuple[Masukan, ...]


def by_pasal(site: SiteContext, items: list[Masukan]) -> list[Group]:
    """Comments per Pasal in document order (a comment on an ayat or rincian counts for its
    Pasal), then the comments whose clause the text no longer has."""
    found: dict[str | None, list[Masukan]] = {}
    for item in items:
        found.setdefault(site.pasal_of(item.pasal), []).append(item)
    groups = [Group(p.id, tuple(found[p.id])) for p in site.peraturan.iter_pasal() if p.id in found]
    if None in found:
        groups.append(Group(None, tuple(found[None])))
    return groups


def konsultasi_pages(site: SiteContext) -> list[Page]:
    """The overview, its two charts, and one page per consultation file; nothing when
    ``policy/konsultasi/`` holds no file."""
    if not site.konsultasi:
        return []
    uris = version_uris(site.konsultasi)
    every = [item for berkas in site.konsultasi for item in berkas.masukan]
    groups = by_pasal(site, every)
    pages = [_index_page(site, groups, uris)]
    if every:  # a file exported before any comment was published has nothing to draw
        pages += [
            Page(chart(CHART_PASAL), _pasal_chart(site, groups)),
            Page(chart(CHART_ASAL), _asal_chart(every)),
        ]
    for berkas, uri in zip(site.konsultasi, uris, strict=True):
        edit = f"{site.policy_dir}/{FOLDER}/{Path(berkas.path).name}"
        pages.append(Page(uri, _version_page(site, berkas, uri), edit))
    return pages


# -- the overview ----------------------------------------------------------------------------


def window(site: SiteContext) -> str:
    """ "Masukan diterima dari 1 Desember 2026 sampai dengan 31 Januari 2027; …" """
    span = site.peraturan.konsultasi
    if span is None:
        return "Masa konsultasi belum ditetapkan."
    text = f"Masukan diterima dari {tanggal(span.buka)} sampai dengan {tanggal(span.tutup)}"
    if site.as_of < span.buka:
        state = "masa konsultasi belum dimulai"
    elif span.open_on(site.as_of):
        state = "masa konsultasi sedang berlangsung"
    else:
        state = "masa konsultasi telah berakhir"
    return f"{text}; pada {tanggal(site.as_of)} {state}."


def _answered(item: Masukan) -> bool:
    return bool(item.tanggapan)


def decisions(items: tuple[Masukan, ...] | list[Masukan]) -> str:
    """ "1 diterima, 2 ditolak" in the order of :data:`KEPUTUSAN`; "—" when none is decided."""
    counts = Counter(item.keputusan for item in items if item.keputusan)
    known = [k for k in KEPUTUSAN if counts[k]] + sorted(k for k in counts if k not in KEPUTUSAN)
    return ", ".join(f"{digits(counts[k])} {k}" for k in known) or "—"


def _pasal_cell(site: SiteContext, page: str, group: Group) -> Markdown:
    if group.pasal is None:
        return escape(GONE)
    return site.clause_link(page, group.pasal)


def _index_page(site: SiteContext, groups: list[Group], uris: list[str]) -> Page:
    every = [item for berkas in site.konsultasi for item in berkas.masukan]
    answered = sum(1 for item in every if _answered(item))
    lines = [
        *front_matter("Konsultasi publik"),
        "# Konsultasi publik",
        "",
        INTRO,
        "",
        window(site),
        "",
    ]
    if accepting(site):
        lines += [
            "Untuk memberi masukan, buka Pasal yang bersangkutan pada halaman Peraturan dan "
            "pilih tautan *Beri masukan atas Pasal ini* di bawahnya.",
            "",
        ]
    lines += [
        f"- Masukan yang diterbitkan: **{digits(len(every))}**",
        f"- Pasal yang diberi masukan: **{digits(sum(1 for g in groups if g.pasal))}**",
        f"- Masukan yang sudah ditanggapi: **{digits(answered)}**",
        f"- Keputusan atas masukan: **{escape(decisions(every))}**",
        "",
        PRIVACY,
        "",
        "## Masukan per Pasal",
        "",
    ]
    if every:
        lines += [
            _image(CHART_PASAL, "Masukan per Pasal"),
            "",
            _image(CHART_ASAL, "Masukan menurut asal pemberi masukan"),
            "",
        ]
    lines += table(
        ("Pasal", "Masukan", "Ditanggapi", "Keputusan"),
        [
            (
                _pasal_cell(site, INDEX, g),
                digits(len(g.masukan)),
                digits(sum(1 for item in g.masukan if _answered(item))),
                decisions(g.masukan),
            )
            for g in groups
        ],
        numeric=(1, 2),
        right=RIGHT,
    )
    lines += [
        "",
        "## Masukan per versi rancangan",
        "",
        "Masukan dicatat menurut versi rancangan yang dikonsultasikan. Nomor Pasal pada halaman "
        f"ini mengikuti teks versi {escape(site.peraturan.version)}.",
        "",
    ]
    lines += table(
        ("Versi", "Masukan", "Ditanggapi", "Keputusan"),
        [
            (
                link(berkas.versi, links.relative(INDEX, uri)),
                digits(len(berkas.masukan)),
                digits(sum(1 for item in berkas.masukan if _answered(item))),
                decisions(berkas.masukan),
            )
            for berkas, uri in zip(site.konsultasi, uris, strict=True)
        ],
        numeric=(1, 2),
        right=RIGHT,
    )
    lines.append("")
    return Page(INDEX, join(lines))


def _image(name: str, title: str) -> str:
    return f"![{title}]({links.relative(INDEX, chart(name))}){{ .grafik }}"


def _pasal_chart(site: SiteContext, groups: list[Group]) -> bytes:
    labels = [f"Pasal {site.numbering.pasal[g.pasal]}" if g.pasal else GONE for g in groups]
    return charts.horizontal_bars(
        labels,
        [float(len(g.masukan)) for g in groups],
        title="Masukan per Pasal",
        xlabel="Jumlah masukan yang diterbitkan",
    )


def _asal_chart(items: list[Masukan]) -> bytes:
    # fixed labels only: a value outside ASAL (the schema allows none) counts as "lainnya"
    counts = Counter(
        (item.asal if item.asal in ASAL else "lainnya") if item.asal else NO_ASAL for item in items
    )
    labels = [*ASAL, *([NO_ASAL] if counts[NO_ASAL] else [])]
    return charts.horizontal_bars(
        labels,
        [float(counts[label]) for label in labels],
        title="Masukan menurut asal pemberi masukan",
        xlabel="Jumlah masukan yang diterbitkan",
    )


# -- one version -----------------------------------------------------------------------------


def _day(value: str) -> str:
    """ "2026-12-03" → "3 Desember 2026"; anything else as the file wrote it (escaped)."""
    try:
        return tanggal(dt.date.fromisoformat(value))
    except ValueError:
        return escape(value)


def _version_page(site: SiteContext, berkas: Berkas, uri: str) -> str:
    groups = by_pasal(site, berkas.masukan)
    answered = sum(1 for item in berkas.masukan if _answered(item))
    lines = [
        *front_matter(f"Masukan atas versi {berkas.versi}"),
        f"# Masukan atas rancangan versi {escape(berkas.versi)}",
        "",
        f"Halaman ini memuat {digits(len(berkas.masukan))} masukan yang diterbitkan atas "
        f"rancangan versi {escape(berkas.versi)}; {digits(answered)} di antaranya sudah "
        "ditanggapi. Masukan disusun per Pasal menurut urutan dan nomor Pasal pada teks versi "
        f"{escape(site.peraturan.version)}; nomor masukan diberikan oleh layanan konsultasi. "
        f"Ringkasan seluruh masukan ada di halaman "
        f"[Konsultasi publik]({links.relative(uri, INDEX)}).",
        "",
        PRIVACY,
        "",
    ]
    if not berkas.masukan:
        lines += ["Belum ada masukan yang diterbitkan atas versi ini.", ""]
    for group in groups:
        lines += _group(site, uri, group)
    return join(lines)


def _group(site: SiteContext, page: str, group: Group) -> list[str]:
    if group.pasal is None:
        lines = [
            f"## {GONE} {{ #klausul-tidak-ada }}",
            "",
            "Masukan berikut menyebut klausul yang tidak ada lagi dalam teks ini: klausulnya "
            "dihapus atau idnya diganti.",
            "",
        ]
    else:
        number = site.numbering.pasal[group.pasal]
        read = site.clause_link(page, group.pasal)
        lines = [
            f"## Pasal {number} {{ #{group.pasal} }}",
            "",
            " · ".join(
                part
                for part in (
                    f"Baca {read}",
                    _redline(site, page, group.pasal),
                    feedback_link(site, group.pasal),
                )
                if part
            ),
            "",
        ]
    for item in group.masukan:
        lines += _masukan(site, page, group, item)
    return lines


def _redline(site: SiteContext, page: str, pasal: str | None = None) -> str:
    """The link to what changed in the Pasal: its heading on the newest Riwayat page that
    changed it (the Riwayat pages give each changed Pasal a stable anchor, see
    :func:`checker.diff.render.anchor`), else the Riwayat index, which lists every version."""
    if RIWAYAT_INDEX not in site.riwayat:
        return ""
    target = links.relative(page, RIWAYAT_INDEX)
    if pasal is not None:
        mark = "{#" + anchor(pasal) + "}"
        index = site.riwayat[RIWAYAT_INDEX]
        pages = [uri for uri, text in site.riwayat.items() if mark in text]

        def listed(uri: str) -> tuple[int, str]:
            # the index lists the versions newest first: the first one listed is the newest
            at = index.find(f"]({Path(uri).name})")
            return (at if at >= 0 else len(index), uri)

        ranked = sorted(pages, key=listed)
        if ranked:
            target = f"{links.relative(page, ranked[0])}#{anchor(pasal)}"
    return f"[Lihat perubahan Pasal ini]({target})"


def _masukan(site: SiteContext, page: str, group: Group, item: Masukan) -> list[str]:
    facts = [f"- Tanggal: {_day(item.tanggal)}", f"- Asal: {escape(item.asal or NO_ASAL)}"]
    if item.nama and item.nama.strip():
        facts.append(f"- Nama: {escape(item.nama.strip())}")
    if group.pasal is None:
        facts.append(f"- Klausul: {code(item.pasal)}")
    elif item.pasal != group.pasal:  # on an ayat or rincian of the Pasal
        facts.append(f"- Klausul: {site.clause_link(page, item.pasal, item.pasal)}")
    lines = [
        f"### Masukan nomor {escape(item.id)} {{ #masukan-{links.slug(item.id)} }}",
        "",
        *facts,
        "",
        f"> {escape(item.isi.strip())}",
        "",
    ]
    if not item.tanggapan and not item.keputusan:
        return [*lines, f"**Tanggapan:** {UNANSWERED}", ""]
    lines += [
        f"**Tanggapan:** {escape(item.tanggapan.strip()) if item.tanggapan else 'belum ditulis.'}",
        "",
        f"**Keputusan:** {escape(item.keputusan) if item.keputusan else 'belum diputuskan.'}",
        "",
    ]
    if item.pasal_diubah:
        changed = ", ".join(site.clause_link(page, clause, clause) for clause in item.pasal_diubah)
        lines += [f"**Pasal yang diubah karena masukan ini:** {changed}", ""]
    return lines


# -- the link to the service ---------------------------------------------------------------


def service_address(value: str) -> str:
    """The consultation service's address (``konsultasi_url`` in mkdocs.yml) without a final
    "/". Raises :class:`ValueError` saying, in Indonesian, why it cannot be used: only a full
    http(s) address with a host, without a name or password, query or fragment."""
    text = value.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ValueError("tidak boleh memuat spasi atau karakter kendali")
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(
            "harus berupa alamat http:// atau https:// lengkap dengan nama host, misalnya "
            "https://layanan.bkd.bengkuluprov.go.id"
        )
    if parts.username is not None or parts.password is not None:
        raise ValueError("tidak boleh memuat nama pengguna atau kata sandi")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise ValueError("tidak boleh memuat tanda ? atau #; tulis alamat layanannya saja")
    return text.rstrip("/")


def accepting(site: SiteContext) -> bool:
    """Whether the pages invite comments: the service's address is set and the regulation is
    still a draft."""
    return bool(site.konsultasi_url) and site.peraturan.status == "rancangan"


def feedback_link(site: SiteContext, pasal_id: str) -> Markdown | None:
    """ "[Beri masukan atas Pasal ini](<service>/konsultasi#<pasal-id>)" while
    :func:`accepting`, else None."""
    if not accepting(site) or site.konsultasi_url is None:
        return None
    return link(FEEDBACK, feedback_url(site.konsultasi_url, pasal_id))


def feedback_url(address: str, pasal_id: str) -> str:
    """ "<address>/konsultasi#<pasal-id>": the service's consultation page at the Pasal.
    Characters a Markdown link or an HTML attribute could read as markup are percent-encoded."""
    base = quote(f"{address}/{SERVICE_PAGE}", safe=":/%@-._~!$&'*+,;=")
    return f"{base}#{quote(pasal_id, safe='-._~')}"
