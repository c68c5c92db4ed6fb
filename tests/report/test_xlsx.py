"""The fix-it workbook: sheets, formats, offending rows beside their findings, no formula from
data, identical bytes on rerun."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
import zipfile
from dataclasses import replace
from typing import Any

import openpyxl
import pytest

from checker.report.labels import CATEGORY_LABELS, CATEGORY_MEANINGS
from checker.report.tabular import formula_like, render_csv
from checker.report.xlsx import render_xlsx
from checker.report.xlsx_sheets import sheet_title
from tests.report.sample import (
    ATTACK,
    INSTANSI,
    OPD,
    REGULATION,
    VERIFIKASI,
    jp,
    kp,
    pegawai_row,
    small_report,
)


def load(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_xml(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        }


def test_sheets_and_summary() -> None:
    book = load(render_xlsx(small_report()))
    assert book.sheetnames == ["Ringkasan", "Temuan", "pegawai"]
    values = [
        tuple(v for v in row if v is not None)
        for row in book["Ringkasan"].iter_rows(values_only=True)
        if any(row)
    ]
    flat = [v for row in values for v in row if v is not None]
    assert "Cara memakai buku kerja ini" in flat
    assert ("Peraturan yang diterapkan", REGULATION) in values
    assert (
        "Versi kebijakan",
        "versi 2026.1 (rancangan), salinan kerja pada commit 0123abc",
    ) in values
    assert ("Tanggal acuan", dt.datetime(2026, 6, 30)) in values
    assert ("Kesalahan", 4) in values
    assert (
        "KOMP-JP-MIN",
        "JP pengembangan kompetensi PNS kurang dari minimum",
        "Kesalahan",
        "Temuan ketidakpatuhan",
        2,
    ) in values
    assert ("Jumlah temuan per perangkat daerah",) in values
    assert (OPD, 4, 1, 0) in values
    assert ("(tanpa perangkat daerah)", 0, 0, 1) in values


def test_summary_counts_findings_per_category_and_explains_them() -> None:
    book = load(render_xlsx(small_report()))
    values = [
        tuple(v for v in row if v is not None)
        for row in book["Ringkasan"].iter_rows(values_only=True)
        if any(row)
    ]
    assert ("Jumlah temuan per jenis",) in values
    assert ("Jenis temuan", "Jumlah", "Artinya") in values
    assert ("Temuan ketidakpatuhan", 4, CATEGORY_MEANINGS["ketidakpatuhan"]) in values
    assert ("Temuan yang memerlukan verifikasi", 1, CATEGORY_MEANINGS["verifikasi"]) in values
    assert ("Informasi", 1, CATEGORY_MEANINGS["informasi"]) in values
    assert (
        "KAR-KP-MASA",
        "Kenaikan pangkat reguler sebelum masa dalam pangkat terpenuhi",
        "Kesalahan",
        "Temuan yang memerlukan verifikasi",
        1,
    ) in values
    lines = [row[0] for row in values if str(row[0])[:2] in {f"{n}." for n in range(1, 10)}]
    assert [line.split(".")[0] for line in lines] == ["1", "2", "3", "4", "5", "6"]
    assert f"temuan ketidakpatuhan, {VERIFIKASI}, atau informasi;" in lines[4]


def test_findings_sheet_names_each_findings_category_and_opd() -> None:
    sheet = load(render_xlsx(small_report()))["Temuan"]
    header = [c.value for c in sheet[1]]
    assert header.index("Perangkat daerah") == header.index("Instansi") + 1
    found = {
        r[1]: (
            r[header.index("Jenis temuan")],
            r[header.index("Instansi")],
            r[header.index("Perangkat daerah")],
        )
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert found["KAR-KP-MASA"] == (VERIFIKASI, INSTANSI, OPD)
    assert found["KOMP-JP-MIN"] == ("temuan ketidakpatuhan", INSTANSI, OPD)
    assert found["SKEMA-TIPE"] == ("informasi", None, None)


def test_the_category_words_come_from_the_label_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATEGORY_LABELS, "verifikasi", "perlu dicek")
    report = small_report(findings=[kp(5, "198503122010011001", "Ahmad")], rows={})
    book = load(render_xlsx(report))
    cells = [v for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
    assert "perlu dicek" in cells and "Perlu dicek" in cells
    assert not [v for v in cells if isinstance(v, str) and VERIFIKASI in v.lower()]


def test_findings_sheet_frozen_filtered_and_typed() -> None:
    sheet = load(render_xlsx(small_report()))["Temuan"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Tingkat", "Aturan", "Jenis temuan", "Pasal"]
    assert header[-1] == "Pesan"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:P7"
    rows = {(r[1].value, r[header.index("Baris")].value): r for r in sheet.iter_rows(min_row=2)}
    nip = rows[("KOMP-JP-MIN", 3)][header.index("NIP")]
    assert (nip.value, nip.data_type, nip.number_format) == ("198703122010012002", "s", "@")
    since = rows[("KOMP-JP-MIN", 3)][header.index("Berlaku sejak")]
    assert (since.value, since.number_format) == (dt.datetime(2017, 3, 30), "DD/MM/YYYY")
    severity = rows[("KOMP-JP-MIN", 3)][0]
    assert severity.value == "kesalahan"
    assert severity.fill.fgColor.rgb == "00FFC7CE"
    assert rows[("KIN-CAKUPAN", None)][0].fill.fgColor.rgb == "00FFEB9C"
    assert sheet.column_dimensions["P"].width == 90
    assert 8 <= sheet.column_dimensions["B"].width <= 24


def test_table_sheet_puts_findings_beside_the_row() -> None:
    sheet = load(render_xlsx(small_report()))["pegawai"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "nip",
        "nama",
        "tanggal_lahir",
        "aktif",
        "instansi",
        "Tingkat temuan",
        "Jenis temuan",
        "Aturan",
        "Temuan",
        "Berkas",
        "Baris",
    ]
    first = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert first["nama"].value == "Ma'ruf Hidayat"
    assert (first["nip"].value, first["nip"].number_format) == ("198503122010011001", "@")
    assert first["tanggal_lahir"].value == dt.datetime(1985, 3, 12)
    assert first["tanggal_lahir"].number_format == "DD/MM/YYYY"
    assert first["aktif"].value == "Ya"
    assert first["Aturan"].value == "KOMP-JP-MIN\nKIN-SKP-TAHUNAN"
    assert first["Temuan"].value.count("\n") == 1
    assert first["Temuan"].alignment.wrap_text
    assert (first["Berkas"].value, first["Baris"].value) == ("kiriman/pegawai.csv", 2)
    assert first["Jenis temuan"].value == "temuan ketidakpatuhan"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:K4"
    third = {h: c for h, c in zip(header, sheet[4], strict=True)}
    assert third["tanggal_lahir"].value is None
    assert third["tanggal_lahir"].fill.fgColor.rgb == "00DDEBF7"  # the cell the finding is about
    assert third["nama"].fill.fgColor.rgb == "00000000"
    assert third["Tingkat temuan"].value == "informasi"
    assert third["Jenis temuan"].value == "informasi"


def test_unicode_names_round_trip() -> None:
    book = load(render_xlsx(small_report()))
    names = [row[1] for row in book["pegawai"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Ma'ruf Hidayat", "Désirée Nur'aini Siregar", "I Gusti Ngurah Rai"]


def test_data_never_becomes_a_formula() -> None:
    evil = replace(
        jp(2, "198503122010011001", "Ahmad"),
        message=ATTACK,
        actual=ATTACK,
        instansi="+1+1",
        opd="-1+2",
        period="-2+3",
        nip="@SUM(A1)",
        expected="#N/A",
    )
    rows = {"pegawai": [pegawai_row(2, "198503122010011001", ATTACK, instansi="=1+1")]}
    data = render_xlsx(small_report(findings=[evil], rows=rows))
    for name, xml in sheet_xml(data).items():
        assert not re.search(r"<f[ >]", xml), name
    book = load(data)
    seen = []
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    seen.append(cell.value)
    assert seen.count(ATTACK) == 4  # Temuan: actual, message; pegawai: nama, Temuan
    assert "=1+1" in seen and "+1+1" in seen and "-1+2" in seen and "@SUM(A1)" in seen
    assert book["Temuan"].cell(row=2, column=16).value == ATTACK
    # the same report as CSV: every formula-like value carries the apostrophe
    text = render_csv(small_report(findings=[evil], rows=rows))
    cells = [v for row in csv.reader(io.StringIO(text[1:])) for v in row]
    assert cells.count("'" + ATTACK) == 2
    assert not [v for v in cells if formula_like(v)]


def test_control_characters_do_not_break_the_workbook() -> None:
    evil = replace(jp(2, "198503122010011001", "Ahmad"), message="bel\x07 esc\x1b tab\t")
    book = load(render_xlsx(small_report(findings=[evil], rows={})))
    assert book["Temuan"].cell(row=2, column=16).value == "bel\ufffd esc\ufffd tab\t"


def test_empty_report() -> None:
    book = load(render_xlsx(small_report(findings=[], rows={})))
    assert book.sheetnames == ["Ringkasan", "Temuan"]
    assert book["Temuan"].max_row == 1
    flat = [v for row in book["Ringkasan"].iter_rows(values_only=True) for v in row]
    assert "Tidak ada temuan. Data memenuhi seluruh aturan yang diperiksa." in flat


def test_same_report_same_bytes_whatever_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    first = render_xlsx(small_report())
    later = time.time() + 3 * 86400 + 7
    monkeypatch.setattr(time, "time", lambda: later)
    assert render_xlsx(small_report()) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 6, 30, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert core.count("2026-06-30T00:00:00Z") == 2  # created and modified


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("pegawai", "pegawai"),
        ("temuan", "data temuan"),
        ("a/b:c", "a_b_c"),
        ("x" * 40, "x" * 31),
    ],
)
def test_sheet_title(name: str, title: str) -> None:
    assert sheet_title(name) == title


def test_summary_shows_employees_and_compliance_when_known() -> None:
    report = small_report()
    report.employees = {OPD: 1000}
    rows = list(load(render_xlsx(report))["Ringkasan"].iter_rows(values_only=True))
    assert (
        "Perangkat daerah",
        "Kesalahan",
        "Peringatan",
        "Informasi",
        "Pegawai",
        "Tanpa kesalahan (%)",
    ) in rows
    assert (OPD, 4, 1, 0, 1000, 99.8) in rows
