"""The bundled example reports are reproducible: no temp folder leaks into them."""

from __future__ import annotations

import datetime as dt
import tempfile

from checker.report.report import to_json
from checker.site.examples import Example, example_report


def test_example_report_is_byte_identical_and_names_no_temp_folder() -> None:
    # enough planted faults that a duplicate row (whose message names the first row's file)
    # is among them
    example = Example(dt.date(2026, 6, 30), seed=11, fault_rate=0.3, employees=120)
    first, second = (to_json(example_report(example)) for _ in range(2))
    assert first == second
    assert "sudah tercatat pada baris" in first  # the message that names a file
    assert tempfile.gettempdir() not in first
    assert "contoh/2026-06-30/pegawai.csv" in first
