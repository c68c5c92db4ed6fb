"""A tiny agency data set for rule tests, written as CSV files into tmp_path.

Every row gets a compliant default for each column, and every employee gets, for each checked
year, 20 JP of training and a consistent annual evaluation with community feedback, so a test
states only what it changes. Dates may be given as ``datetime.date`` (written dd/mm/yyyy) or as
text; booleans are written Ya/Tidak.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from checker.checking import check
from checker.data.schema import load_schema
from checker.report.finding import Finding
from checker.report.report import Report

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policy"
RULES = ROOT / "rules"

INSTANSI = "Pemerintah Provinsi Bengkulu"
UNIT = "Badan Kepegawaian Daerah"
AS_OF = dt.date(2026, 1, 15)
YEARS = (2025,)

# predikat → (hasil_kerja, perilaku_kerja) that the matrix (domain notes §2.2) turns into it
RATINGS = {
    "Sangat Baik": ("Di Atas Ekspektasi", "Di Atas Ekspektasi"),
    "Baik": ("Sesuai Ekspektasi", "Sesuai Ekspektasi"),
    "Butuh Perbaikan": ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"),
    "Kurang/Misconduct": ("Sesuai Ekspektasi", "Di Bawah Ekspektasi"),
    "Sangat Kurang": ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi"),
}


def as_date(value: dt.date | str) -> dt.date:
    """A date from a date or an ISO / dd/mm/yyyy string."""
    if isinstance(value, dt.date):
        return value
    if "/" in value:
        day, month, year = (int(part) for part in value.split("/"))
        return dt.date(year, month, day)
    return dt.date.fromisoformat(value)


def make_nip(
    lahir: dt.date | str,
    tmt: dt.date | str,
    jenis_kelamin: str = "L",
    serial: int = 1,
    status: str = "PNS",
) -> str:
    """An 18-digit NIP consistent with the data (domain notes §4.1, §4.2 for PPPK)."""
    born, start = as_date(lahir), as_date(tmt)
    sex = "1" if jenis_kelamin == "L" else "2"
    if status == "PPPK":
        return f"{born:%Y%m%d}{start:%Y}21{sex}{serial:03d}"
    return f"{born:%Y%m%d}{start:%Y%m}{sex}{serial:03d}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value)


class Data:
    """Rows per table; :meth:`write` turns them into one CSV per table."""

    def __init__(self, years: tuple[int, ...] | list[int] = YEARS) -> None:
        self.years = tuple(years)
        self.tables: dict[str, list[dict[str, Any]]] = {name: [] for name in load_schema()}
        self._serial = 0
        self._units: set[tuple[str, str]] = set()
        self.row_of: dict[str, int] = {}  # NIP → its (last) row number in pegawai.csv
        self.unit(UNIT)

    # --- tables ----------------------------------------------------------------------------
    def unit(
        self,
        nama: str = UNIT,
        *,
        instansi: str = INSTANSI,
        pelayanan_publik: bool = False,
        opd: str | None = None,
    ) -> None:
        """A work unit (once per instansi and name)."""
        if (instansi, nama) in self._units:
            return
        self._units.add((instansi, nama))
        self.tables["unit_kerja"].append(
            {
                "kode": f"U{len(self._units):03d}",
                "nama": nama,
                "instansi": instansi,
                "opd": opd,
                "pelayanan_publik": pelayanan_publik,
            }
        )

    def pegawai(
        self,
        *,
        jp: float | dict[int, float] | None = 20,
        skp: bool | tuple[int, ...] = True,
        **fields: Any,
    ) -> str:
        """An employee (its NIP is returned), compliant unless ``fields`` say otherwise.

        ``jp`` JP of training (a number for every checked year, or per year) and a Baik annual
        evaluation (for every checked year, or for the years ``skp`` lists) are added;
        ``jp=None``/``skp=False`` add none.
        """
        self._serial += 1
        row: dict[str, Any] = {
            "nama": f"Pegawai {self._serial}",
            "tanggal_lahir": dt.date(1985, 3, 12),
            "jenis_kelamin": "L",
            "status_kepegawaian": "PNS",
            "golongan": "III/c",
            "tmt_golongan": dt.date(2018, 4, 1),
            "jenis_jabatan": "Pelaksana",
            "jabatan": "Analis Sumber Daya Manusia",
            "pendidikan": "S-1",
            "tmt_cpns": dt.date(2010, 1, 1),
            "instansi": INSTANSI,
            "unit_kerja": UNIT,
            "aktif": True,
        }
        row.update(fields)
        if "nip" not in fields:
            row["nip"] = make_nip(
                row["tanggal_lahir"],
                row["tmt_cpns"],
                row["jenis_kelamin"],
                self._serial,
                row["status_kepegawaian"],
            )
        if row["unit_kerja"]:
            self.unit(row["unit_kerja"], instansi=row["instansi"])
        self.tables["pegawai"].append(row)
        self.row_of[str(row["nip"])] = len(self.tables["pegawai"]) + 1
        per_year = jp if isinstance(jp, dict) else {y: jp for y in self.years}
        for year, hours in sorted(per_year.items()):
            if hours is not None:
                self.pelatihan(row["nip"], hours, dt.date(year, 6, 30))
        evaluated = self.years if skp is True else (skp or ())
        for year in evaluated:
            self.penilaian(row["nip"], year)
        return str(row["nip"])

    def pelatihan(self, nip: str, jp: float, selesai: dt.date | str | None, **fields: Any) -> None:
        """A training of ``jp`` JP ending on ``selesai`` (starting the same day by default)."""
        start = fields.pop("tanggal_mulai", selesai)
        self.tables["pelatihan"].append(
            {
                "nip": nip,
                "nama_pelatihan": f"Pelatihan {len(self.tables['pelatihan']) + 1}",
                "jenis": "klasikal",
                "bentuk": "Pelatihan teknis",
                "penyelenggara": "BPSDM",
                "mitra": None,
                "tanggal_mulai": start,
                "tanggal_selesai": selesai,
                "jp": jp,
                "biaya": 0,
                **fields,
            }
        )

    def penilaian(self, nip: str, tahun: int, predikat: str | None = "Baik", **fields: Any) -> None:
        """An evaluation (annual by default) with ratings that the matrix turns into ``predikat``."""
        hasil, perilaku = RATINGS.get(predikat or "Baik", RATINGS["Baik"])
        self.tables["penilaian_kinerja"].append(
            {
                "nip": nip,
                "tahun": tahun,
                "periode": "tahunan",
                "periode_ke": None,
                "hasil_kerja": hasil,
                "perilaku_kerja": perilaku,
                "predikat": predikat,
                "nip_penilai": "197001011995031001",
                "umpan_balik_masyarakat": True,
                **fields,
            }
        )

    def pangkat(
        self, nip: str, golongan: str, tmt: dt.date | str, jenis_kp: str = "reguler"
    ) -> int:
        """A rank-history entry; returns its row number in riwayat_pangkat.csv."""
        rows = self.tables["riwayat_pangkat"]
        rows.append({"nip": nip, "golongan": golongan, "tmt": tmt, "jenis_kp": jenis_kp})
        return len(rows) + 1

    def penghargaan(self, nip: str, jenis: str, tanggal: dt.date | str) -> int:
        """An award; returns its row number in penghargaan.csv."""
        rows = self.tables["penghargaan"]
        rows.append({"nip": nip, "jenis": jenis, "tanggal": tanggal})
        return len(rows) + 1

    def hukdis(
        self, nip: str, tingkat: str, mulai: dt.date | str, selesai: dt.date | str | None
    ) -> None:
        """A disciplinary penalty from ``mulai`` to ``selesai`` (None: not finished)."""
        jenis = {
            "ringan": "Teguran tertulis",
            "sedang": "Penundaan kenaikan pangkat 1 tahun",
            "berat": "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        }[tingkat]
        self.tables["hukuman_disiplin"].append(
            {
                "nip": nip,
                "tingkat": tingkat,
                "jenis": jenis,
                "tmt_mulai": mulai,
                "tmt_selesai": selesai,
            }
        )

    def cltn(
        self,
        nip: str,
        mulai: dt.date | str,
        selesai: dt.date | str | None,
        jenis: str | None = "CLTN",
        **fields: Any,
    ) -> None:
        """A period of CLTN or tugas belajar (riwayat_cltn) from ``mulai`` to ``selesai``."""
        self.tables["riwayat_cltn"].append(
            {
                "nip": nip,
                "jenis": jenis,
                "tanggal_mulai": mulai,
                "tanggal_selesai": selesai,
                **fields,
            }
        )

    # --- output ----------------------------------------------------------------------------
    def write(self, folder: Path) -> Path:
        """One CSV per non-empty table in ``folder`` (header from the data schema)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, table in load_schema().items():
            rows = self.tables[name]
            if not rows:
                continue
            header = [f.name for f in table.fields]
            with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(header)
                for row in rows:
                    writer.writerow([_cell(row.get(col)) for col in header])
        return folder

    def check(
        self,
        folder: Path,
        *,
        as_of: dt.date = AS_OF,
        years: list[int] | None = None,
        policy_root: Path = POLICY,
        rules_root: Path = RULES,
    ) -> Report:
        """Write the data into ``folder`` and check it."""
        self.write(folder)
        return check(
            [folder],
            as_of=as_of,
            years=list(years or self.years),
            policy_root=policy_root,
            rules_root=rules_root,
        )


Projection = tuple[str, int | None, str | None, str | None, str | None, str | None]


def of_rule(report: Report, rule: str, nip: str | None = None) -> list[Finding]:
    """The findings of one rule (about one NIP when given)."""
    return [f for f in report.findings if f.rule == rule and (nip is None or f.nip == nip)]


def project(report: Report, rule: str, nip: str | None = None) -> list[Projection]:
    """The findings of one rule as (rule, row, nip, period, expected, actual)."""
    return [
        (f.rule, f.row, f.nip, f.period, f.expected, f.actual) for f in of_rule(report, rule, nip)
    ]
