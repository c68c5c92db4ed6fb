"""The Excel template agencies fill in, generated from the Table Schema descriptors.

One sheet per table with the column names as headers, a note on each header (meaning, format,
whether it is required, allowed values), drop-down lists for enums from a hidden ``Referensi``
sheet, dates formatted ``DD/MM/YYYY`` and NIP columns formatted as text, plus a ``Petunjuk`` sheet.
Formats and validations are set per column, so no empty cells are created and rows appended by a
program still start at row 2.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from checker.artifacts.archive import core_dates, deterministic_zip
from checker.data.schema import Field, Table, load_schema

LAST_ROW = 100_000
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")

INSTRUCTIONS = (
    "PETUNJUK PENGISIAN TEMPLAT DATA KEPEGAWAIAN",
    "",
    "1. Isi setiap lembar sesuai tabelnya, mulai baris 2. Jangan mengubah, menghapus, atau "
    "menggeser judul kolom di baris 1.",
    "2. Kolom berwarna jingga wajib diisi. Arahkan kursor ke judul kolom untuk melihat penjelasan, "
    "format, dan nilai yang diperbolehkan.",
    "3. NIP ditulis lengkap 18 digit sebagai teks. Jangan mengubah format kolom NIP menjadi angka: "
    "Excel hanya menyimpan 15 digit sehingga tiga digit terakhir hilang dan NIP tidak dapat "
    "dipulihkan.",
    "4. Tanggal ditulis dd/mm/yyyy, contoh 17/08/1985.",
    "5. Untuk kolom dengan daftar pilihan, pilih nilai dari daftar yang muncul di sel.",
    "6. Jangan menggabungkan sel (merge) dan jangan menyisipkan baris kosong atau baris judul "
    "tambahan.",
    "7. Lembar yang tidak dipakai boleh dibiarkan kosong. Tabel pegawai wajib diisi bila mengirim "
    "tabel lain, karena NIP di tabel lain dicocokkan dengan tabel pegawai.",
    "8. Simpan sebagai .xlsx lalu periksa dengan perintah: kebijakan check NAMA-BERKAS.xlsx",
    "9. Unduhan data pegawai dan riwayat dari SIASN (CSV, XLSX, atau JSON) tidak perlu disalin ke "
    "templat ini: kirim berkasnya apa adanya bersama templat ini dalam satu folder atau ZIP. "
    "Unduhan data pegawai SIASN harus memuat kolom PNS ID.",
    "10. Templat ini tetap dipakai untuk data yang tidak ada di SIASN: unit_kerja, umpan balik "
    "masyarakat, jenis pelatihan (klasikal/nonklasikal), masa tugas belajar, dan evaluasi kinerja "
    "periodik. Panduan lengkap: halaman Panduan > Data dari SIASN di situs kebijakan.",
    "",
    "Daftar tabel:",
)


def _note(f: Field, table: Table) -> str:
    lines = [f"{f.title}. {f.description}"]
    if f.required_in:
        lines.append(f"Wajib diisi untuk {table.regime_rows(f.required_in)}.")
    else:
        lines.append("Wajib diisi." if f.required else "Boleh dikosongkan.")
    if f.enum:
        lines.append("Pilihan: " + ", ".join(f.enum) + ".")
    elif f.type == "boolean":
        lines.append("Pilihan: Ya, Tidak.")
    return "\n".join(lines)


def _choices(f: Field) -> list[str]:
    if f.enum:
        return list(f.enum)
    if f.type == "boolean":
        return ["Ya", "Tidak"]
    return []


def _reference(book: Workbook, schema: dict[str, Table]) -> dict[tuple[str, str], str]:
    """Write every choice list to the hidden ``Referensi`` sheet; return the range of each."""
    ref = book.create_sheet("Referensi")
    ranges: dict[tuple[str, str], str] = {}
    column = 0
    for table in schema.values():
        for f in table.fields:
            values = _choices(f)
            if not values:
                continue
            column += 1
            letter = get_column_letter(column)
            ref.cell(row=1, column=column, value=f"{table.name}.{f.name}")
            for i, value in enumerate(values, start=2):
                ref.cell(row=i, column=column, value=value)
            ranges[table.name, f.name] = f"Referensi!${letter}$2:${letter}${len(values) + 1}"
    ref.sheet_state = "hidden"
    return ranges


def _table_sheet(book: Workbook, table: Table, ranges: dict[tuple[str, str], str]) -> None:
    ws = book.create_sheet(table.name)
    ws.freeze_panes = "A2"
    for col, f in enumerate(table.fields, start=1):
        letter = get_column_letter(col)
        cell = ws.cell(row=1, column=col, value=f.name)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if f.required else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.comment = Comment(_note(f, table), "Kebijakan ASN Bengkulu", width=320, height=160)
        dim = ws.column_dimensions[letter]
        dim.width = max(14, min(40, len(f.name) + 6))
        if f.is_nip:
            dim.number_format = "@"
            dim.width = 22
        elif f.type == "date":
            dim.number_format = "DD/MM/YYYY"
        if (table.name, f.name) in ranges:
            dv = DataValidation(
                type="list",
                formula1=f"={ranges[table.name, f.name]}",
                allow_blank=not f.required,
                showErrorMessage=True,
                errorTitle="Nilai tidak dikenal",
                error=f"Pilih nilai {f.name} dari daftar.",
            )
            dv.add(f"{letter}2:{letter}{LAST_ROW}")
            ws.add_data_validation(dv)


# the template's zip entries and document properties carry this date, so the same schema always
# gives the same bytes (for the site's download and for drafters comparing templates)
TEMPLATE_TIME = dt.datetime(2000, 1, 1)


def write_template(path: str | Path, schema: Mapping[str, Table] | None = None) -> Path:
    """Write :func:`template_bytes` to ``path`` (an ``.xlsx`` file)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(template_bytes(schema))
    return target


def template_bytes(schema: Mapping[str, Table] | None = None) -> bytes:
    """The Excel template for all seven tables of ``schema`` (the Table Schema of the policy
    version in use; by default the one found here), byte for byte the same for one schema."""
    schema = dict(schema) if schema is not None else load_schema()
    book = Workbook()
    info = book.active
    info.title = "Petunjuk"
    for line in INSTRUCTIONS:
        info.append([line])
    for table in schema.values():
        info.append([f"- {table.name}: {table.description}"])
    info.column_dimensions["A"].width = 120
    info["A1"].font = Font(bold=True, size=13)
    ranges = _reference(book, schema)
    for table in schema.values():
        _table_sheet(book, table, ranges)
    book.move_sheet("Referensi", offset=len(schema))
    raw = io.BytesIO()
    book.save(raw)
    return deterministic_zip(raw.getvalue(), TEMPLATE_TIME, core_dates(TEMPLATE_TIME))
