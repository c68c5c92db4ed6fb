"""The oracle's finding (:class:`Expected`) and what every rule function receives
(:class:`Context`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tests.oracle.intake import Dataset, Row
from tests.oracle.params import Parameters
from tests.oracle.people import Employee, Leave


@dataclass(frozen=True)
class Expected:
    """One finding the checker should report. ``row`` is the file line, None for a finding
    about a whole file or agency; ``period`` is the year (or contract year) judged."""

    rule: str
    table: str
    row: int | None
    nip: str | None
    period: str | None = None
    opd: str | None = None
    instansi: str | None = field(default=None, compare=False)
    column: str | None = field(default=None, compare=False)

    def key(self) -> tuple[str, str, int, str]:
        """The identity the comparison uses (rule, table, row, nip), sortable."""
        return (self.rule, self.table, self.row or 0, self.nip or "")

    def sort_key(self) -> tuple[str, str, int, str, str, str]:
        """Rule, table, row, NIP, period, OPD (empty for none), for a stable order."""
        return (*self.key(), self.period or "", self.opd or "")


@dataclass
class Context:
    """The dataset and the check's settings, as every rule reads them."""

    data: Dataset
    params: Parameters
    as_of: dt.date
    years: list[int]
    people: list[Employee]
    by_nip: dict[str, Employee]
    periods: dict[str, list[Leave]]

    def finding(
        self,
        rule: str,
        row: Row,
        *,
        period: object = None,
        column: str | None = None,
    ) -> Expected:
        """A finding about one record (its employee named from the record's NIP)."""
        nip = row.nip
        person = self.by_nip.get(nip or "")
        instansi = row.known("instansi") if row.table == "pegawai" else None
        if instansi is None and person is not None:
            instansi = person.row.known("instansi")
        return Expected(
            rule=rule,
            table=row.table,
            row=row.line,
            nip=nip,
            period=None if period is None else str(period),
            instansi=instansi,
            column=column,
        )
