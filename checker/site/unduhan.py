"""Downloads: the Excel template, the regulation as Word and as plain text, and the data
columns page."""

from __future__ import annotations

from checker.artifacts.markdown import Markdown, code, prose, table
from checker.data.schema import TABLES, Field, load_schema
from checker.data.template import template_bytes
from checker.export.docx import docx_bytes
from checker.policy.render import render
from checker.site import links
from checker.site.context import SiteContext
from checker.site.page import Page, join
from checker.wording import tanggal

TYPES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "bilangan",
    "date": "tanggal",
    "boolean": "Ya/Tidak",
    "year": "tahun",
}


def word_bytes(site: SiteContext) -> bytes:
    """The regulation as a Word document in the official layout (deterministic for a date)."""
    return docx_bytes(
        site.peraturan, as_of=site.as_of, provenance=site.provenance, lambang=site.lambang
    )


def unduhan_pages(site: SiteContext) -> list[Page]:
    """The download page, the files it offers, and the data columns page."""
    page = links.UNDUHAN
    template = links.relative(page, links.TEMPLATE)
    text = links.relative(page, links.TEXT)
    word = links.relative(page, links.WORD)
    skema = links.relative(page, links.SKEMA)
    lines = [
        "# Unduhan",
        "",
        "## Templat data kepegawaian (Excel)",
        "",
        f"[Unduh templat-data-kepegawaian.xlsx]({template}){{ .md-button .md-button--primary }}",
        "",
        f"Satu lembar untuk setiap tabel ({', '.join(f'`{t}`' for t in TABLES)}), dengan "
        "penjelasan pada setiap judul kolom, daftar pilihan untuk kolom bernilai tetap, "
        "kolom tanggal berformat dd/mm/yyyy, dan kolom NIP berformat teks. Lembar "
        f"*Petunjuk* menjelaskan cara mengisinya; arti setiap kolom juga ada di [Kolom "
        f"data]({skema}). Periksa berkas yang sudah diisi dengan `kebijakan check "
        "NAMA-BERKAS.xlsx` sebelum dikirim.",
        "",
        "## Teks peraturan",
        "",
        f"[Unduh peraturan.docx]({word}){{ .md-button }} "
        f"[Unduh peraturan.txt]({text}){{ .md-button }}",
        "",
        "Dokumen Word dalam tata letak resmi Peraturan Gubernur (kertas F4, untuk ditelaah "
        "dan ditandatangani), dan seluruh teks sebagai teks biasa seperti hasil "
        f"`kebijakan render`; keduanya dengan nilai parameter yang berlaku pada "
        f"{tanggal(site.as_of)}.",
        "",
    ]
    return [
        Page(page, join(lines)),
        Page(links.TEMPLATE, template_bytes(site.schema or None)),
        Page(links.WORD, word_bytes(site)),
        Page(links.TEXT, render(site.peraturan, "text", site.as_of).encode("utf-8")),
        skema_page(site),
    ]


def _field(f: Field) -> tuple[object, ...]:
    notes: list[str] = [prose(f.description)]
    if f.enum:
        notes.append("Pilihan: " + ", ".join(code(str(v)) for v in f.enum) + ".")
    return (
        code(f.name),
        prose(f.title),
        TYPES.get(f.type, f.type),
        "ya" if f.required else "tidak",
        Markdown(" ".join(notes)),
    )


def skema_page(site: SiteContext) -> Page:
    """Every table and column agencies send, from the Table Schema in rules/schema/."""
    lines = [
        "# Kolom data",
        "",
        "Data kepegawaian dikirim sebagai tujuh tabel. Halaman ini dihasilkan dari deskriptor "
        "Table Schema di `rules/schema/`, yang juga dipakai pemeriksa untuk membaca berkas; "
        "judul kolom dari ekspor SIASN dikenali dengan nama lain yang tercantum di sana.",
        "",
    ]
    for schema in (site.schema or load_schema()).values():
        lines += [
            f"## {prose(schema.title)} (`{schema.name}`)",
            "",
            prose(schema.description),
            "",
            f"Kunci: {', '.join(f'`{k}`' for k in schema.primary_key)}.",
            "",
        ]
        lines += table(
            ("Kolom", "Judul", "Jenis", "Wajib", "Keterangan"), [_field(f) for f in schema.fields]
        )
        lines.append("")
    return Page(links.SKEMA, join(lines))
