"""The employee the rules name by NIP (``kebijakan_pegawai``): one row per NIP; a NIP on two
rows of pegawai takes the least value of each column, a NIP on one row keeps its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import checker
from checker.kebijakan.choose import load_kebijakan
from checker.rules.helpers import EMPLOYEE_VIEW, prepare

HEADER = "nip,nama,golongan,status_kepegawaian,jabatan\n"


def test_one_row_per_nip(tmp_path: Path) -> None:
    (tmp_path / "pegawai.csv").write_text(
        HEADER
        + "198001012005011001,Budi,III/c,PNS,Analis\n"
        + "198001012005011001,Ani,III/a,PNS,\n"
        + "199002022015022002,Citra,II/b,PNS,Pengadministrasi\n"
        + ",Tanpa NIP,II/a,PNS,Pengadministrasi\n",
        encoding="utf-8",
    )
    kebijakan = load_kebijakan()
    with checker.ingest([tmp_path], schema=kebijakan.schema) as dataset:
        con = dataset.connection
        prepare(con, kebijakan.peraturan, dt.date(2026, 6, 30), [2025], kebijakan.schema)
        rows = con.execute(
            f"SELECT nip, nama, golongan, jabatan FROM {EMPLOYEE_VIEW} ORDER BY nip"
        ).fetchall()
    assert rows == [
        ("198001012005011001", "Ani", "III/a", "Analis"),  # the least of each column
        ("199002022015022002", "Citra", "II/b", "Pengadministrasi"),
    ]
