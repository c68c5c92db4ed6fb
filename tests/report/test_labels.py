"""One table of severity words, shared by reports, the upload service and the site."""

from __future__ import annotations

from checker.report.finding import SEVERITIES
from checker.report.labels import NO_RATE, SEVERITY_LABELS, instansi_table, severity_label
from checker.site import aturan, kepatuhan
from tests.report.sample import INSTANSI, small_report


def test_severity_labels_are_indonesian_and_one_table() -> None:
    assert SEVERITY_LABELS == {"error": "kesalahan", "warning": "peringatan", "info": "informasi"}
    assert [severity_label(s) for s in SEVERITIES] == ["kesalahan", "peringatan", "informasi"]
    assert aturan.SEVERITY_LABELS is SEVERITY_LABELS is kepatuhan.SEVERITY_LABELS
    assert severity_label("lain") == "lain"


def test_instansi_table_shows_no_rate_for_an_agency_without_employees() -> None:
    report = small_report()
    report.employees = {INSTANSI: 4, "Dinas Kosong": 0}
    header, rows = instansi_table(report)
    assert header[-2:] == ["Pegawai", "Tanpa kesalahan (%)"]
    by_name = {row[0]: row[-2:] for row in rows}
    assert by_name == {
        "(tanpa instansi)": [None, None],
        "Dinas Kosong": [0, NO_RATE],
        INSTANSI: [4, 50.0],
    }
