"""The contract years a PPPK rule judges: tried as two candidates per checked year, they are
exactly the years of the whole series from the start of the contract (every start day of three
years, 1 January and 29 February included)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb

from checker.kebijakan.choose import load_kebijakan
from checker.rules.helpers import CONTEXT_TABLE, EMPLOYEE_ROWS, YEARS_TABLE
from checker.rules.types.contract import MAX_CONTRACT_YEARS, contract_years

# the definition: contract year n runs from start + n years to start + n + 1 years - 1 day
SERIES = f"""
SELECT p.nip, y.tahun, CAST(p.tmt_cpns + k.n * INTERVAL '1' YEAR AS DATE) AS mulai,
       CAST(p.tmt_cpns + (k.n + 1) * INTERVAL '1' YEAR - INTERVAL '1' DAY AS DATE) AS selesai
FROM {EMPLOYEE_ROWS} AS p CROSS JOIN {YEARS_TABLE} AS y
CROSS JOIN range(0, {MAX_CONTRACT_YEARS}) AS k(n)
WHERE p.tmt_cpns IS NOT NULL
  AND EXTRACT(YEAR FROM CAST(p.tmt_cpns + (k.n + 1) * INTERVAL '1' YEAR - INTERVAL '1' DAY
                             AS DATE)) = y.tahun
  AND CAST(p.tmt_cpns + (k.n + 1) * INTERVAL '1' YEAR - INTERVAL '1' DAY AS DATE)
      < (SELECT as_of FROM {CONTEXT_TABLE})
"""


def test_two_candidates_give_the_whole_series() -> None:
    rule = next(r for r in load_kebijakan().rules if r.id == "KOMP-JP-PPPK")
    assert rule.check["type"] == "contract_aggregate"
    bare = dataclasses.replace(rule, population=None)
    con = duckdb.connect()
    starts = [dt.date(2019, 1, 1) + dt.timedelta(days=d) for d in range(3 * 366)]
    starts += [dt.date(1970, 1, 1), dt.date(1966, 7, 1), dt.date(2026, 6, 29)]  # too long ago
    con.execute(f"CREATE TABLE {EMPLOYEE_ROWS} (nip VARCHAR, tmt_cpns DATE)")
    con.executemany(
        f"INSERT INTO {EMPLOYEE_ROWS} VALUES (?, ?)",
        [(str(i), s) for i, s in enumerate(starts)] + [("kosong", None)],
    )
    years = "[2019, 2020, 2021, 2024, 2026, 2027]"
    con.execute(f"CREATE TABLE {YEARS_TABLE} AS SELECT unnest({years}) AS tahun")
    con.execute(f"CREATE TABLE {CONTEXT_TABLE} AS SELECT DATE '2027-03-01' AS as_of")
    got = con.execute(
        f"SELECT nip, tahun, mulai, selesai FROM ({contract_years(bare)}) ORDER BY ALL"
    ).fetchall()
    want = con.execute(f"SELECT * FROM ({SERIES}) ORDER BY ALL").fetchall()
    assert got == want
    # a contract starting on 1 January ends its first year on 31 December of the same year;
    # one starting on 29 February 2020 ends it on 27 February 2021
    ends = {(nip, mulai): selesai for nip, _, mulai, selesai in got}
    assert ends[("0", dt.date(2019, 1, 1))] == dt.date(2019, 12, 31)
    leap = str(starts.index(dt.date(2020, 2, 29)))
    assert ends[(leap, dt.date(2020, 2, 29))] == dt.date(2021, 2, 27)
    assert not any(nip == "kosong" for nip, *_ in got)
    # a contract from 1 July 1966: its 60th year ends in 2026, a 61st is not judged
    old = str(starts.index(dt.date(1966, 7, 1)))
    judged = {(nip, tahun) for nip, tahun, *_ in got}
    assert (old, 2026) in judged and (old, 2027) not in judged
    assert len(got) > 3 * 366 * 3
