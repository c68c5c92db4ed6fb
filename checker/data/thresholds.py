"""The numbers the sample generator draws its population around, read from ``policy/parameter.yml``.

The generator must not re-type the rules' thresholds (20 JP, 24 JP, 58/60 years, 4 years in
rank…): a wrong number would then be wrong in the rule and in its test data alike. Every number
here is the parameter value in force on the date it is used for, so a drafter who changes
``policy/parameter.yml`` changes the sample with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.policy.model import Parameter

# pendidikan (as the sample writes it) → the ceiling parameter of its level (domain §3b)
PLAFON_KEY = {
    "SLTA": "karier.plafon_pendidikan.slta",
    "D-III": "karier.plafon_pendidikan.d3",
    "S-1": "karier.plafon_pendidikan.s1",
    "D-IV": "karier.plafon_pendidikan.s1",
    "S-2": "karier.plafon_pendidikan.s2",
    "S-3": "karier.plafon_pendidikan.s3",
}
# kategori of a jabatan as the sample draws it → its BUP parameter (domain §3d)
BUP_KEY = {
    "Pelaksana": "pensiun.bup_administrasi",
    "Pengawas": "pensiun.bup_administrasi",
    "Administrator": "pensiun.bup_administrasi",
    "JPT Pratama": "pensiun.bup_jpt",
    "Fungsional Ahli Utama": "pensiun.bup_fungsional_ahli_utama",
    "Fungsional Ahli Madya": "pensiun.bup_fungsional_ahli_madya",
    "Fungsional Ahli Muda": "pensiun.bup_fungsional_lainnya",
    "Fungsional Ahli Pertama": "pensiun.bup_fungsional_lainnya",
    "Fungsional Terampil": "pensiun.bup_fungsional_lainnya",
    "Fungsional Mahir": "pensiun.bup_fungsional_lainnya",
    "Guru": "pensiun.bup_guru",
}
SATYALANCANA_KEY = {
    "X": "penghargaan.satyalancana_x",
    "XX": "penghargaan.satyalancana_xx",
    "XXX": "penghargaan.satyalancana_xxx",
}


@dataclass(frozen=True)
class Thresholds:
    """Typed access to the dated parameters the sample needs."""

    parameters: dict[str, Parameter]

    def require(self) -> None:
        """Raise a UsageError naming every parameter the sample needs that the policy lacks."""
        needed = {
            *PLAFON_KEY.values(), *BUP_KEY.values(), *SATYALANCANA_KEY.values(),
            "kompetensi.jp_minimum_pns", "kompetensi.jp_maksimum_pppk",
            "karier.kp_masa_pangkat_minimal", "karier.kp_periode_bulan",
            "karier.kp_predikat_minimal", "karier.kp_tahun_penilaian",
            "disiplin.masa_hukuman_sedang",
        }  # fmt: skip
        missing = sorted(
            n for n in needed if n not in self.parameters or not self.parameters[n].values
        )
        if missing:
            raise UsageError(
                f"Parameter {', '.join(missing)} tidak ada dalam policy/parameter.yml; data "
                "contoh memerlukannya."
            )

    @classmethod
    def load(cls, policy_root: str | Path | None = None, ref: str | None = None) -> Thresholds:
        """The parameters of ``policy_root`` (default: the policy the checker would use), or of
        the policy at Git ``ref``."""
        from checker.kebijakan import load_kebijakan

        kebijakan = load_kebijakan(policy_root, None, ref=ref, text_only=True)
        return cls(kebijakan.peraturan.parameters)

    def value(self, name: str, on: dt.date) -> Any:
        """The value of parameter ``name`` in force on ``on``; before its first value, the first
        value (careers in the sample start decades before the oldest regulation on record)."""
        parameter = self.parameters.get(name)
        dated = None
        if parameter and parameter.values:
            dated = parameter.value_at(on) or min(parameter.values, key=lambda v: v.since)
        if dated is None:
            raise UsageError(
                f"Parameter {name} tidak ada dalam policy/parameter.yml; data contoh memerlukannya."
            )
        return dated.value

    def number(self, name: str, on: dt.date) -> int:
        """A whole-number parameter (JP, years, months)."""
        return int(self.value(name, on))

    def jp_min(self, year: int) -> int:
        """Minimum JP a PNS owes for ``year`` (the value in force at its end)."""
        return self.number("kompetensi.jp_minimum_pns", dt.date(year, 12, 31))

    def pppk_cap(self, on: dt.date) -> int:
        """Maximum JP in one PPPK contract year ending on ``on``."""
        return self.number("kompetensi.jp_maksimum_pppk", on)

    def bup(self, kategori: str, on: dt.date) -> int:
        """Retirement age of a jabatan kategori (see :data:`BUP_KEY`)."""
        return self.number(BUP_KEY[kategori], on)

    def kp_years(self, on: dt.date) -> int:
        """Minimum years in rank before a KP reguler with TMT ``on``."""
        return self.number("karier.kp_masa_pangkat_minimal", on)

    def kp_period_months(self, first_of_month: dt.date) -> int:
        """Months between KP periods (periods fall on 1 April and every such step from it)."""
        return self.number("karier.kp_periode_bulan", first_of_month)

    def is_kp_period(self, first_of_month: dt.date) -> bool:
        """Whether the first day of this month is a KP period date."""
        step = self.kp_period_months(first_of_month)
        return (first_of_month.month - 4) % step == 0

    def kp_date(self, year: int, month: int) -> dt.date:
        """The first KP period date on or after the first of (year, month)."""
        day = dt.date(year, month, 1)
        while not self.is_kp_period(day):
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day

    def next_kp_after(self, day: dt.date) -> dt.date:
        """The first KP period date strictly after ``day``."""
        first = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return self.kp_date(first.year, first.month)

    def ceiling(self, education: str, on: dt.date) -> str:
        """Highest golongan a KP reguler may reach with this education."""
        return str(self.value(PLAFON_KEY[education], on))

    def satyalancana_years(self, level: str, on: dt.date) -> int:
        """Years of service a Satyalancana Karya Satya of ``level`` (X, XX, XXX) requires."""
        return self.number(SATYALANCANA_KEY[level], on)

    def predikat_minimum(self, on: dt.date) -> str:
        """Lowest annual predikat a KP reguler with TMT ``on`` allows."""
        return str(self.value("karier.kp_predikat_minimal", on))

    def kp_evaluation_years(self, on: dt.date) -> int:
        """How many years before the KP's TMT year the predikat is looked at."""
        return self.number("karier.kp_tahun_penilaian", on)

    def evaluation_due_months(self, year: int) -> int:
        """Months after ``year`` ends before its annual evaluation is judged."""
        return self.number("kinerja.batas_evaluasi_tahunan", dt.date(year, 12, 31))

    def penalty_months(self, tingkat: str, on: dt.date) -> int:
        """Longest duration of a ``sedang``/``berat`` penalty starting on ``on``."""
        return self.number(f"disiplin.masa_hukuman_{tingkat}", on)
