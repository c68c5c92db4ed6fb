"""Whom a rule judges: the ``population`` a rule declares, as SQL and as Indonesian.

A population is data in the rule's YAML (DESIGN.md, "Populations are data"):

```yaml
population:
  status_kepegawaian: [PNS, CPNS]
  kedudukan_hukum: bertugas            # a group of the schema's enumGroups, or a list of values
  bertugas_sejak: awal_tahun           # TMT CPNS on or before 1 January of the checked year
  kategori_jabatan_kecuali: [JPT Utama, JPT Madya]
  pengecualian_riwayat: [CLTN, Tugas Belajar]
```

Conditions read the employee through :data:`checker.rules.helpers.EMPLOYEE_ROWS`, where
``kedudukan_hukum`` is already the effective status (the old ``aktif`` mapped), ``opd`` the
perangkat daerah, ``kategori_jabatan`` Guru/Dosen or the jenis jabatan, and ``melayani_publik``
whether the employee serves the public in a public-service unit.

**Periods of leave.** Where ``riwayat_cltn`` holds periods for an employee, those periods decide:
a checked year that a period of a listed kind touches is not judged, the other years are (the
employee's current CLTN or Tugas Belajar status then does not exclude them). Without periods, the
current status is taken to hold for the checked year; rule DATA-KEDUDUKAN-ASUMSI says so once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.rules.helpers import STATUS_GROUP_TABLE
from checker.rules.sql import literal, year_end, year_start

SINCE_YEAR_START = "awal_tahun"


def _values(values: tuple[str, ...]) -> str:
    return ", ".join(literal(v) for v in values)


@dataclass(frozen=True)
class Population:
    """The declared population of one rule (see the module docstring)."""

    status_kepegawaian: tuple[str, ...] = ()
    kedudukan_hukum: str | tuple[str, ...] = ()
    bertugas_sejak: str | None = None
    kategori_jabatan: tuple[str, ...] = ()
    kategori_jabatan_kecuali: tuple[str, ...] = ()
    pengecualian_riwayat: tuple[str, ...] = ()
    melayani_publik: bool = False

    @classmethod
    def from_yaml(cls, data: Mapping[str, Any] | str | None) -> Population | None:
        """The population of a rule's YAML (already validated): None when the rule declares
        none, an empty population for ``semua`` (every row of the rule's table)."""
        if data is None:
            return None
        if isinstance(data, str) or not data:
            return cls()
        kedudukan = data.get("kedudukan_hukum", ())
        return cls(
            status_kepegawaian=tuple(data.get("status_kepegawaian", ())),
            kedudukan_hukum=kedudukan if isinstance(kedudukan, str) else tuple(kedudukan),
            bertugas_sejak=data.get("bertugas_sejak"),
            kategori_jabatan=tuple(data.get("kategori_jabatan", ())),
            kategori_jabatan_kecuali=tuple(data.get("kategori_jabatan_kecuali", ())),
            pengecualian_riwayat=tuple(data.get("pengecualian_riwayat", ())),
            melayani_publik=bool(data.get("melayani_publik", False)),
        )

    @property
    def everyone(self) -> bool:
        """True when the population sets no condition (``population: semua``)."""
        return self == Population()

    @property
    def per_year(self) -> bool:
        """True when the population depends on the checked year."""
        return bool(self.bertugas_sejak or self.pengecualian_riwayat)

    def _status_in(self, alias: str) -> str:
        if isinstance(self.kedudukan_hukum, str):
            return (
                f"{alias}.kedudukan_hukum IN (SELECT kedudukan_hukum FROM {STATUS_GROUP_TABLE} "
                f"WHERE kelompok = {literal(self.kedudukan_hukum)})"
            )
        return f"{alias}.kedudukan_hukum IN ({_values(self.kedudukan_hukum)})"

    def condition(self, alias: str, year: str | None = None) -> str:
        """SQL condition on employee rows ``alias``; ``year`` is the checked year's SQL
        expression (required when :attr:`per_year`)."""
        if self.per_year and year is None:
            raise ValueError("populasi per tahun memerlukan tahun yang diperiksa")
        parts: list[str] = []
        if self.status_kepegawaian:
            parts.append(f"{alias}.status_kepegawaian IN ({_values(self.status_kepegawaian)})")
        if self.kedudukan_hukum:
            parts.append(self._kedudukan(alias, year))
        elif self.pengecualian_riwayat and year is not None:
            parts.append(f"NOT {self._in_period(alias, year)}")
        if self.bertugas_sejak == SINCE_YEAR_START and year is not None:
            parts.append(f"{alias}.tmt_cpns <= {year_start(year)}")
        if self.kategori_jabatan:
            parts.append(f"{alias}.kategori_jabatan IN ({_values(self.kategori_jabatan)})")
        if self.kategori_jabatan_kecuali:
            parts.append(
                f"COALESCE({alias}.kategori_jabatan, '') NOT IN "
                f"({_values(self.kategori_jabatan_kecuali)})"
            )
        if self.melayani_publik:
            parts.append(f"{alias}.melayani_publik")
        return " AND ".join(f"({p})" for p in parts) or "TRUE"

    def _kedudukan(self, alias: str, year: str | None) -> str:
        status = self._status_in(alias)
        if not self.pengecualian_riwayat or year is None:
            return status
        kinds = _values(self.pengecualian_riwayat)
        recorded = (
            f"EXISTS (SELECT 1 FROM riwayat_cltn AS r WHERE r.nip = {alias}.nip "
            f"AND COALESCE(r.jenis, 'CLTN') IN ({kinds}) AND r.tanggal_mulai IS NOT NULL)"
        )
        # with recorded periods the periods decide; the current CLTN/TB status does not
        return (
            f"CASE WHEN {recorded} THEN ({status} OR {alias}.kedudukan_hukum IN ({kinds})) "
            f"AND NOT {self._in_period(alias, year)} ELSE {status} END"
        )

    def _in_period(self, alias: str, year: str) -> str:
        """True when a recorded period of a listed kind touches the checked year."""
        kinds = _values(self.pengecualian_riwayat)
        end = "COALESCE(r.tanggal_aktif - INTERVAL '1' DAY, r.tanggal_selesai, DATE '9999-12-31')"
        return (
            f"EXISTS (SELECT 1 FROM riwayat_cltn AS r WHERE r.nip = {alias}.nip "
            f"AND COALESCE(r.jenis, 'CLTN') IN ({kinds}) "
            f"AND r.tanggal_mulai <= {year_end(year)} AND {end} >= {year_start(year)})"
        )

    def describe(self, groups: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
        """The population in Indonesian, one phrase per condition (for the rule catalogue)."""
        out: list[str] = []
        if self.status_kepegawaian:
            out.append("status kepegawaian " + _words(self.status_kepegawaian))
        if self.kedudukan_hukum:
            if isinstance(self.kedudukan_hukum, str):
                members = (groups or {}).get(self.kedudukan_hukum, ())
                listed = f" ({_words(members)})" if members else ""
                out.append(f"kedudukan hukum kelompok {self.kedudukan_hukum}{listed}")
            else:
                out.append("kedudukan hukum " + _words(self.kedudukan_hukum))
        if self.bertugas_sejak == SINCE_YEAR_START:
            out.append("bertugas sejak 1 Januari tahun yang diperiksa (TMT CPNS)")
        if self.kategori_jabatan:
            out.append("kategori jabatan " + _words(self.kategori_jabatan))
        if self.kategori_jabatan_kecuali:
            out.append("kecuali kategori jabatan " + _words(self.kategori_jabatan_kecuali))
        if self.pengecualian_riwayat:
            out.append(
                "tidak dinilai pada tahun yang bersinggungan dengan masa "
                + _words(self.pengecualian_riwayat)
                + " menurut riwayat_cltn"
            )
        if self.melayani_publik:
            out.append(
                "bertugas pada unit pelayanan publik dan melayani masyarakat secara langsung"
            )
        return out


def _words(values: tuple[str, ...]) -> str:
    """ "PNS atau CPNS", "A, B, atau C"."""
    items = list(values)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} atau {items[1]}"
    return ", ".join(items[:-1]) + f", atau {items[-1]}"
