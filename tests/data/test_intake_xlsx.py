"""Workbooks: the template's structure, its round trip against CSV, and Excel-typed cells."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook, load_workbook

from checker.data.ingest import ingest
from checker.data.sample import generate_sample
from checker.data.schema import TABLES, load_schema
from checker.data.template import write_template

TYPED = "nip, tanggal_lahir, golongan, jenis_jabatan, tmt_cpns, aktif"


def test_template_structure(tmp_path: Path) -> None:
    path = write_template(tmp_path / "templat.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Petunjuk", *TABLES, "Referensi"]
    assert book["Referensi"].sheet_state == "hidden"
    assert "NIP ditulis lengkap 18 digit sebagai teks" in str(book["Petunjuk"]["A5"].value)
    schema = load_schema()
    for table in TABLES:
        ws = book[table]
        headers = [c.value for c in ws[1]]
        assert headers == [f.name for f in schema[table].fields]
        assert all(c.comment and c.comment.text for c in ws[1])
        assert ws.max_row == 1  # formats are per column: no pre-created cells
    pegawai = book["pegawai"]
    assert pegawai.column_dimensions["A"].number_format == "@"
    assert pegawai.column_dimensions["C"].number_format == "DD/MM/YYYY"
    lists = {str(dv.sqref): dv.formula1 for dv in pegawai.data_validations.dataValidation}
    assert lists["D2:D100000"].startswith("=Referensi!$")  # jenis_kelamin
    assert "Wajib diisi" in str(pegawai["A1"].comment.text)


def test_template_round_trip_equals_csv(tmp_path: Path) -> None:
    sample = tmp_path / "sampel"
    generate_sample(sample, employees=40, seed=3, fault_rate=0)
    book = load_workbook(write_template(tmp_path / "templat.xlsx"))
    for table in TABLES:
        with (sample / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))[1:]
        for row in rows:
            if row:
                book[table].append(row)
    filled = tmp_path / "terisi.xlsx"
    book.save(filled)
    from_xlsx = ingest([filled])
    from_csv = ingest([sample])
    assert from_xlsx.findings == [] and from_csv.findings == []
    for table in TABLES:
        cols = ", ".join(f.name for f in load_schema()[table].fields)
        xlsx_rows = from_xlsx.connection.execute(f"SELECT {cols} FROM {table} ORDER BY ALL")
        csv_rows = from_csv.connection.execute(f"SELECT {cols} FROM {table} ORDER BY ALL")
        assert xlsx_rows.fetchall() == csv_rows.fetchall(), table
    assert {i.table for i in from_xlsx.inputs} == set(TABLES)


def test_excel_cells_numbers_dates_and_damaged_nip(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.title = "Data Pegawai"
    ws.append(["NIP BARU", "NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "STATUS CPNS PNS",
               "GOL AKHIR NAMA", "JENIS JABATAN NAMA", "TMT CPNS", "INSTANSI KERJA NAMA",
               "STATUS AKTIF"])  # fmt: skip
    ws.append(["198503122010011001", "Budi", dt.date(1985, 3, 12), "L", "PNS", "III/c",
               "Pelaksana", dt.datetime(2010, 1, 1), "Pemerintah Kota Bengkulu", True])  # fmt: skip
    ws.append([199001012015032002, "Siti", 32874, "P", "PNS", "III/a", "Pelaksana",
               "01/03/2015", "Pemerintah Kota Bengkulu", "Aktif"])  # fmt: skip
    ws.append([])
    ws.append(["199505052022212003", "Dewi", "05/05/1995", "P", "PPPK", "IX", "Pelaksana",
               dt.date(2022, 1, 1), "Pemerintah Kota Bengkulu", 1])  # fmt: skip
    path = tmp_path / "ekspor.xlsx"
    book.save(path)
    ds = ingest([path])
    assert [(f.rule, f.row, f.column, f.actual) for f in ds.findings] == [
        ("SKEMA-NIP-RUSAK", 3, "nip", "199001012015032000")
    ]
    assert ds.rows("pegawai", f"_file, _row, {TYPED}") == [
        (f"{path}#Data Pegawai", 2, "198503122010011001", dt.date(1985, 3, 12), "III/c",
         "Pelaksana", dt.date(2010, 1, 1), True),
        (f"{path}#Data Pegawai", 3, None, dt.date(1990, 1, 1), "III/a", "Pelaksana",
         dt.date(2015, 3, 1), True),
        (f"{path}#Data Pegawai", 5, "199505052022212003", dt.date(1995, 5, 5), "IX",
         "Pelaksana", dt.date(2022, 1, 1), True),
    ]  # fmt: skip


def test_unknown_sheet_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Rekap"
    book.active.append(["Jumlah", "Keterangan"])
    book.active.append([3, "tiga"])
    sheet = book.create_sheet("unit_kerja")
    sheet.append(["kode", "nama", "instansi", "pelayanan_publik"])
    sheet.append(["1701", "Dinas Sosial", "Pemerintah Kota Bengkulu", "Ya"])
    path = tmp_path / "kiriman.xlsx"
    book.save(path)
    ds = ingest([path])
    assert [(f.rule, f.file) for f in ds.findings] == [("SKEMA-BERKAS", f"{path}#Rekap")]
    assert ds.rows("unit_kerja", "kode, pelayanan_publik") == [("1701", True)]
