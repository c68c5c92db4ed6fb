"""One table of severity words and one of category words, shared by reports, the upload service
and the site."""

from __future__ import annotations

from checker.report.finding import CATEGORIES, SEVERITIES, Finding
from checker.report.labels import (
    CATEGORY_LABELS,
    CATEGORY_MEANINGS,
    NO_OPD,
    NO_RATE,
    SEVERITY_LABELS,
    category_label,
    group_categories,
    group_category_text,
    opd_table,
    severity_label,
)
from checker.site import aturan, kepatuhan
from tests.report.sample import OPD, VERIFIKASI, small_report


def test_severity_labels_are_indonesian_and_one_table() -> None:
    assert SEVERITY_LABELS == {"error": "kesalahan", "warning": "peringatan", "info": "informasi"}
    assert [severity_label(s) for s in SEVERITIES] == ["kesalahan", "peringatan", "informasi"]
    assert aturan.SEVERITY_LABELS is SEVERITY_LABELS is kepatuhan.SEVERITY_LABELS
    assert severity_label("lain") == "lain"


def test_category_labels_are_the_pergubs_words_and_one_table() -> None:
    assert [category_label(c) for c in CATEGORIES] == [
        "temuan ketidakpatuhan",
        VERIFIKASI,
        "informasi",
    ]
    assert set(CATEGORY_LABELS) == set(CATEGORY_MEANINGS) == set(CATEGORIES)


def test_a_groups_categories_follow_the_table_order() -> None:
    def finding(category: str) -> Finding:
        return Finding("R", "error", "pesan", category=category)

    found = [finding("informasi"), finding("verifikasi"), finding("verifikasi")]
    assert group_categories(found) == ["verifikasi", "informasi"]
    assert group_category_text(found) == f"{VERIFIKASI} dan informasi"
    assert group_category_text([finding("ketidakpatuhan")]) == "temuan ketidakpatuhan"


def test_opd_table_shows_no_rate_for_an_opd_without_employees() -> None:
    report = small_report()
    report.employees = {OPD: 4, "Dinas Kosong": 0}
    header, rows = opd_table(report)
    assert header[0] == "Perangkat daerah"
    assert header[-2:] == ["Pegawai", "Tanpa kesalahan (%)"]
    by_name = {row[0]: row[-2:] for row in rows}
    assert by_name == {
        NO_OPD: [None, None],
        "Dinas Kosong": [0, NO_RATE],
        OPD: [4, 50.0],
    }
