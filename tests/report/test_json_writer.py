"""The JSON report is written by orjson, byte for byte what the standard library writes with
``ensure_ascii=False, indent=2``: on a real report, and on every value a report holds
(percentages with one decimal, names outside ASCII, empty lists and mappings, None)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from checker.report.report import to_json
from tests.rules.builder import Data


def _standard(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def test_a_real_report_is_written_as_the_standard_library_would(tmp_path: Path) -> None:
    d = Data()
    d.pegawai(jp=12, nama="Ni Putu Ayu Sṛi — Ñoño")
    d.pegawai(skp=False, jenis_kelamin="P", nama="Siti ‘Aisyah’")
    report = d.check(tmp_path / "kiriman", as_of=dt.date(2026, 1, 15))
    assert report.findings
    assert to_json(report) == _standard(report.to_dict())


def test_every_kind_of_value_matches() -> None:
    from checker.report import report as module

    values = {
        "persen": [round(i / 10, 1) for i in range(0, 1001)],
        "teks": ["", "Sdri. Ṣiti", "\u2028", 'kutip "ganda"', "\\"],
        "kosong": [[], {}, None, True, False, 0, -1, 10**12],
    }

    class Fake:
        def to_dict(self) -> object:
            return values

    assert module.to_json(Fake()) == _standard(values)  # type: ignore[arg-type]
