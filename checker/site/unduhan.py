"""Downloads: the Excel template, the regulation as Word and as plain text, and the data
columns page."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from checker.data.schema import Field, load_schema
from checker.data.template import write_template
from checker.export.docx import export_docx
from checker.policy.render import render
from checker.policy.terbilang import tanggal
from checker.site import links
from checker.site.context import SiteContext
from checker.site.page import Page, join

FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
TYPES = {"string": "teks", "integer": "bilangan bulat", "number": "bilangan", "date": "tanggal",
         "boolean": "Ya/Tidak", "year": "tahun"}


def template_bytes(site: SiteContext) -> bytes:
    """The Excel template of the version's Table Schema, with its timestamps fixed so every
    build gives the same bytes."""
    with tempfile.TemporaryDirectory(prefix="templat-") as tmp:
        raw = write_template(Path(tmp) / "templat.xlsx", site.schema or None).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(b"2000-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return out.getvalue()


def word_bytes(site: SiteContext) -> bytes:
    """The regulation as a Word document in the official layout (deterministic for a date)."""
    with tempfile.TemporaryDirectory(prefix="word-") as tmp:
        path = export_docx(site.peraturan, Path(tmp) / "peraturan.docx", as_of=site.as_of,
                           provenance=site.provenance)
        return path.read_bytes()


def unduhan_pages(site: SiteContext) -> list[Page]:
    """The download page, the files it offers, and the data columns page."""
    page = links.UNDUHAN
    template = links.relative(page, links.TEMPLATE)
    text = links.relative(page, links.TEXT)
    word = links.relative(page, links.WORD)
    skema = links.relative(page, links.SKEMA)
    lines = ["# Unduhan", "",
             "## Templat data kepegawaian (Excel)", "",
             f"[Unduh templat-data-kepegawaian.xlsx]({template})"
             "{ .md-button .md-button--primary }", "",
             "Satu lembar untuk setiap tabel (`pegawai`, `pelatihan`, `penilaian_kinerja`, "
             "`riwayat_pangkat`, `penghargaan`, `hukuman_disiplin`, `unit_kerja`), dengan "
             "penjelasan pada setiap judul kolom, daftar pilihan untuk kolom bernilai tetap, "
             "kolom tanggal berformat dd/mm/yyyy, dan kolom NIP berformat teks. Lembar "
             f"*Petunjuk* menjelaskan cara mengisinya; arti setiap kolom juga ada di [Kolom "
             f"data]({skema}). Periksa berkas yang sudah diisi dengan `kebijakan check "
             "NAMA-BERKAS.xlsx` sebelum dikirim.", "",
             "## Teks peraturan", "",
             f"[Unduh peraturan.docx]({word}){{ .md-button }} "
             f"[Unduh peraturan.txt]({text}){{ .md-button }}", "",
             "Dokumen Word dalam tata letak resmi Peraturan Gubernur (kertas F4, untuk ditelaah "
             "dan ditandatangani), dan seluruh teks sebagai teks biasa seperti hasil "
             f"`kebijakan render`; keduanya dengan nilai parameter yang berlaku pada "
             f"{tanggal(site.as_of)}.", ""]
    return [Page(page, join(lines)), Page(links.TEMPLATE, template_bytes(site)),
            Page(links.WORD, word_bytes(site)),
            Page(links.TEXT, render(site.peraturan, "text", site.as_of).encode("utf-8")),
            skema_page(site)]


def _field(f: Field) -> str:
    notes = [links.prose(f.description)]
    if f.enum:
        notes.append("Pilihan: " + ", ".join(f"`{v}`" for v in f.enum) + ".")
    return (f"| `{f.name}` | {links.prose(f.title)} | {TYPES.get(f.type, f.type)} | "
            f"{'ya' if f.required else 'tidak'} | {' '.join(notes)} |")


def skema_page(site: SiteContext) -> Page:
    """Every table and column agencies send, from the Table Schema in rules/schema/."""
    lines = ["# Kolom data", "",
             "Data kepegawaian dikirim sebagai tujuh tabel. Halaman ini dihasilkan dari deskriptor "
             "Table Schema di `rules/schema/`, yang juga dipakai pemeriksa untuk membaca berkas; "
             "judul kolom dari ekspor SIASN dikenali dengan nama lain yang tercantum di sana.", ""]
    for table in (site.schema or load_schema()).values():
        lines += [f"## {links.prose(table.title)} (`{table.name}`)", "",
                  links.prose(table.description), "",
                  f"Kunci: {', '.join(f'`{k}`' for k in table.primary_key)}.", "",
                  "| Kolom | Judul | Jenis | Wajib | Keterangan |", "|---|---|---|---|---|"]
        lines += [_field(f) for f in table.fields]
        lines.append("")
    return Page(links.SKEMA, join(lines))
