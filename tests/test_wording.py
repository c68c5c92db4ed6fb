"""One wording for people: a filter means the same in a rule message and in clause text; numbers,
dates and the salutation read as a careful Indonesian letter writes them."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any, cast

import pytest

from checker.policy.inline import FILTERS as CLAUSE_FILTERS
from checker.policy.inline import format_value, schedule
from checker.policy.model import DatedValue, Parameter, Reference, Span
from checker.site.aturan import types_page
from checker.site.context import SiteContext
from checker.wording import (
    FILTERS,
    MESSAGE_FILTERS,
    TEXT_FILTERS,
    column_label,
    for_people,
    placeholders,
    regulation_name,
    render_message,
    sapaan,
    tidy,
)

SPAN = Span("policy/parameter.yml", 1, 1)


def _parameter(unit: str, *values: tuple[str, object]) -> Parameter:
    return Parameter(
        "uji.nilai",
        "Uji",
        unit,
        SPAN,
        [
            DatedValue(dt.date.fromisoformat(since), value, Reference("Uji"), SPAN)
            for since, value in values
        ],
    )


@pytest.mark.parametrize(
    ("filter_name", "raw", "shown"),
    [
        ("angka", 1500, "1.500"),
        ("angka", 2.5, "2,5"),
        ("terbilang", 20, "20 (dua puluh)"),
        ("terbilang", 2.5, "2,5 (dua koma lima)"),
    ],
)
def test_a_filter_writes_the_same_in_a_message_and_in_clause_text(
    filter_name: str, raw: float, shown: str
) -> None:
    # SQL hands a message the value as text ("1500.0"); clause text has the parameter's number
    assert render_message(f"{{expected:{filter_name}}}", {"expected": f"{float(raw)}"}) == shown
    assert format_value(_parameter("JP", ("2020-01-01", raw)), raw, filter_name) == shown


def test_a_parameter_in_percent_carries_its_unit_in_clause_text() -> None:
    target = _parameter("persen", ("2026-01-01", 70), ("2027-01-01", 80))
    assert format_value(target, 80, "angka") == "80%"
    assert format_value(target, 80, None) == "80% (delapan puluh persen)"
    assert schedule(target) == (
        "70% (tujuh puluh persen) mulai 1 Januari 2026 dan "
        "80% (delapan puluh persen) mulai 1 Januari 2027"
    )


def test_a_message_value_says_it_is_a_percentage_with_persen() -> None:
    assert render_message("{expected:persen}", {"expected": "80.0"}) == "80% (delapan puluh persen)"
    assert render_message("{expected:angka}", {"expected": "80.0"}) == "80"


def test_text_is_left_as_it_is_by_number_filters() -> None:
    assert render_message("{expected:terbilang}", {"expected": "Baik"}) == "Baik"
    assert format_value(_parameter("predikat", ("2022-03-14", "Baik")), "Baik", "angka") == "Baik"


def test_message_without_filter_reads_dates_and_decimals_indonesian_style() -> None:
    fields = {
        "actual": "2010-11-18 (TMT pangkat sebelumnya 2006-04-01)",
        "expected": "50.5",
        "period": "12.0",
        "nip": None,
        "nama": "",
        "expected_since": dt.date(2017, 3, 30),
    }
    template = "{actual} | {expected} | {period} | {nip} | {nama} | {expected_since}"
    assert render_message(template, fields) == (
        "18 November 2010 (TMT pangkat sebelumnya 1 April 2006) | 50,5 | 12 | - | - | 30 Maret 2017"
    )


def test_tidy_and_for_people_keep_what_is_not_a_number_or_date() -> None:
    assert tidy("III/c") == "III/c"
    assert tidy(12) == 12
    assert for_people("2023-02-30") == "2023-02-30"
    assert for_people(7) == 7


def test_sapaan_from_jenis_kelamin() -> None:
    assert [sapaan("L"), sapaan("P"), sapaan(None), sapaan("")] == ["Sdr.", "Sdri.", "Sdr.", "Sdr."]


def test_unknown_filter_in_a_message_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(
        ValueError,
        match="penyaring 'terbilng' tidak dikenal; penyaring yang "
        "tersedia: angka, terbilang, persen",
    ):
        render_message("{expected:terbilng}", {"expected": "20"})


def test_one_registry_feeds_both_vocabularies() -> None:
    assert CLAUSE_FILTERS == TEXT_FILTERS == ("angka", "terbilang", "jadwal", "per_tahun")
    assert MESSAGE_FILTERS == ("angka", "terbilang", "persen", "jp")
    assert set(TEXT_FILTERS) | set(MESSAGE_FILTERS) == set(FILTERS)
    for f in FILTERS.values():
        assert f.description.strip() and "\n" not in f.description, f.name


def test_yearly_targets_name_their_years() -> None:
    """per_tahun: targets that start on 1 January read per year; the last one holds on."""
    from checker.wording import Value, apply_filter

    days = [dt.date(2027, 1, 1), dt.date(2028, 1, 1), dt.date(2030, 1, 1)]
    value = Value(None, "persen", tuple(zip(days, (70, 80, 90), strict=True)))
    assert apply_filter("per_tahun", value) == (
        "70% (tujuh puluh persen) untuk tahun 2027, 80% (delapan puluh persen) untuk tahun 2028 "
        "sampai dengan tahun 2029, dan 90% (sembilan puluh persen) untuk tahun 2030 dan tahun "
        "berikutnya"
    )
    # a value that starts within a year is written with its date, as jadwal does
    mid = Value(None, "persen", ((dt.date(2027, 7, 1), 70),))
    assert apply_filter("per_tahun", mid) == "70% (tujuh puluh persen) mulai 1 Juli 2027"


def test_placeholders_of_a_template() -> None:
    found = placeholders("{sapaan} {nama} {expected:terbilang} {actual!r} {{bukan}}")
    assert [(p.field, p.filter, p.conversion) for p in found] == [
        ("sapaan", "", None),
        ("nama", "", None),
        ("expected", "terbilang", None),
        ("actual", "", "r"),
    ]
    with pytest.raises(ValueError):
        placeholders("{nama")


def test_the_check_types_page_documents_the_message_filters() -> None:
    # the page reads only the rules of the site, to list which rule uses which type
    page = types_page(cast(SiteContext, SimpleNamespace(rules=[])))
    text = str(page.content)
    for name in MESSAGE_FILTERS:
        assert f"| `{name}` | {FILTERS[name].description} |" in text
    assert "| `jadwal` |" not in text


# --- codes never reach a sentence (issue 16) ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "column", "shown"),
    [
        ("L", "jenis_kelamin", "laki-laki"),
        ("P", "jenis_kelamin", "perempuan"),
        ("X", "jenis_kelamin", "X"),  # an unknown code stays as found
        ("19670310", "tanggal_lahir", "10 Maret 1967"),  # NIP digits 1-8
        ("19670230", "tanggal_lahir", "19670230"),  # not a date: as found
        ("199203", "tmt_cpns", "Maret 1992"),  # NIP digits 9-14
        ("2022", "tmt_cpns", "tahun 2022"),  # NI PPPK digits 9-12
        ("1967-03-10", None, "10 Maret 1967"),
        ("12", "jp", "12 JP"),
        ("12.5", "jp", "12,5 JP"),
        ("19670310", None, "19670310"),  # digits mean a date only beside tanggal_lahir
        ("L", None, "L"),
        ("dalam tabel riwayat_cltn", None, "dalam tabel riwayat CLTN dan tugas belajar"),
        (
            "baris 3 berkas kiriman/riwayat_pangkat.csv",
            None,
            "baris 3 berkas kiriman/riwayat_pangkat.csv",
        ),
    ],
)
def test_for_people_reads_codes_in_the_light_of_their_column(
    value: str, column: str | None, shown: str
) -> None:
    assert for_people(value, column) == shown


def test_column_label_is_the_schema_title_in_sentence_case() -> None:
    assert column_label("tmt_golongan") == "TMT golongan"
    assert column_label("tanggal_lahir") == "tanggal lahir"
    assert column_label("tmt_cpns") == "TMT CPNS"
    assert column_label("jenis", "penghargaan") != column_label("jenis", "pelatihan")
    assert column_label("kolom_baru") == "kolom baru"  # unknown: spaces, never underscores


def test_message_writes_found_and_required_values_for_their_column() -> None:
    fields = {"actual": "P", "expected": "L", "column": "jenis_kelamin", "table": "pegawai"}
    assert render_message("{column}: {actual}, bukan {expected}", fields) == (
        "jenis kelamin: perempuan, bukan laki-laki"
    )


@pytest.mark.parametrize(
    ("jp", "text"),
    [
        ("0", "belum tercatat mengikuti pengembangan kompetensi"),
        ("0.0", "belum tercatat mengikuti pengembangan kompetensi"),
        ("12", "tercatat mengikuti 12 JP pengembangan kompetensi"),
        ("12.5", "tercatat mengikuti 12,5 JP pengembangan kompetensi"),
    ],
)
def test_jp_filter_says_nothing_is_on_record_instead_of_zero(jp: str, text: str) -> None:
    assert render_message("{actual:jp}", {"actual": jp}) == text


def test_regulation_name_from_peraturan_yml() -> None:
    draft = SimpleNamespace(
        kind="Peraturan Gubernur",
        region="Provinsi Bengkulu",
        title="Pengelolaan Sumber Daya Aparatur Sipil Negara",
        status="rancangan",
        number=None,
        year=None,
    )
    assert regulation_name(cast(Any, draft)) == (
        "Rancangan Peraturan Gubernur Bengkulu tentang Pengelolaan Sumber Daya Aparatur Sipil "
        "Negara"
    )
    enacted = SimpleNamespace(**{**vars(draft), "status": "ditetapkan", "number": 7, "year": 2027})
    assert regulation_name(cast(Any, enacted)) == (
        "Peraturan Gubernur Bengkulu Nomor 7 Tahun 2027 tentang Pengelolaan Sumber Daya "
        "Aparatur Sipil Negara"
    )


def test_the_number_is_named_by_the_status() -> None:
    from checker.wording import nomor_induk

    assert [nomor_induk(s) for s in ("PNS", "CPNS", "PPPK", None)] == [
        "NIP",
        "NIP",
        "NI PPPK",
        "NIP/NI PPPK",
    ]
