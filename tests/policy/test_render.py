"""Rendering: numbering follows order, references follow their targets, parameters follow dates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from checker.policy import load_policy, render
from checker.policy.numbering import letter, ordinal, rincian_label, roman
from checker.wording import tanggal, terbilang, words
from tests import golden
from tests.policy_fixture import HAK, MakePolicy

GOLDEN = Path(__file__).parent / "golden"
DAY = dt.date(2026, 12, 1)


def check_golden(name: str, text: str) -> None:
    """Compare with the golden file ``name`` (see :mod:`tests.golden`)."""
    golden.check_golden(GOLDEN / name, text)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (20, "20 (dua puluh)"),
        (24, "24 (dua puluh empat)"),
        (58, "58 (lima puluh delapan)"),
        (100, "100 (seratus)"),
        (1000, "1.000 (seribu)"),
        (45, "45 (empat puluh lima)"),
        (11, "11 (sebelas)"),
        (1312, "1.312 (seribu tiga ratus dua belas)"),
    ],
)
def test_terbilang(number: int, expected: str) -> None:
    assert terbilang(number) == expected


def test_terbilang_percent_and_float() -> None:
    assert terbilang(80, "persen") == "80% (delapan puluh persen)"
    assert terbilang(20.0) == "20 (dua puluh)"
    assert words(2.5) == "dua koma lima"


def test_tanggal() -> None:
    assert tanggal(dt.date(2027, 1, 1)) == "1 Januari 2027"
    assert tanggal(dt.date(2026, 8, 17)) == "17 Agustus 2026"


def test_numbers_from_order() -> None:
    assert [roman(n) for n in (1, 4, 9, 11, 14, 40)] == ["I", "IV", "IX", "XI", "XIV", "XL"]
    assert [ordinal(n) for n in (1, 2, 10, 11, 12, 20, 21)] == [
        "Kesatu",
        "Kedua",
        "Kesepuluh",
        "Kesebelas",
        "Kedua Belas",
        "Kedua Puluh",
        "Kedua Puluh Satu",
    ]
    assert [letter(i) for i in (0, 1, 25, 26)] == ["a", "b", "z", "aa"]
    assert [rincian_label("huruf", d, 1) for d in range(4)] == ["b.", "2.", "b)", "2)"]
    assert [rincian_label("angka", d, 0) for d in range(2)] == ["1.", "a."]


def test_the_kop_stands_above_the_judul(make_policy: MakePolicy) -> None:
    make_policy()
    peraturan = load_policy("policy")
    assert render(peraturan, "text", DAY).splitlines()[:3] == [
        "GUBERNUR BENGKULU".center(78).rstrip(),
        "",
        "PERATURAN GUBERNUR BENGKULU".center(78).rstrip(),
    ]
    assert render(peraturan, "markdown", DAY).splitlines()[:5] == [
        '<div class="judul" markdown>',
        "",
        "**GUBERNUR BENGKULU**",
        "",
        "**PERATURAN GUBERNUR BENGKULU**  ",
    ]


def test_golden_text_and_markdown(make_policy: MakePolicy) -> None:
    make_policy()
    peraturan = load_policy("policy")
    check_golden("fixture.txt", render(peraturan, "text", DAY))
    check_golden("fixture.md", render(peraturan, "markdown", DAY))


def test_parameter_with_two_dated_values_renders_each_in_its_period(
    make_policy: MakePolicy,
) -> None:
    make_policy()
    peraturan = load_policy("policy")
    before = render(peraturan, "text", dt.date(2026, 12, 31))
    after = render(peraturan, "text", dt.date(2027, 1, 1))
    assert "paling sedikit 20 (dua puluh) JP" in before
    assert "paling sedikit 24 (dua puluh empat) JP" in after
    assert "24 (dua puluh empat)" not in before


NEW_PASAL = """#### Pasal {#sisipan}

Pasal sisipan tentang [[jalur-pendidikan]].

"""


def _pasal_headings(text: str) -> list[str]:
    return re.findall(r"^\s+(Pasal \d+)$", text, flags=re.M)


def test_inserting_a_pasal_renumbers_everything_after_it(make_policy: MakePolicy) -> None:
    make_policy()
    original = render(load_policy("policy"), "text", DAY)
    assert "Pelaksanaan Pasal 2 ayat (1) dan Pasal 2 ayat (2) huruf a dilaporkan" in original
    assert _pasal_headings(original) == ["Pasal 1", "Pasal 2", "Pasal 3", "Pasal 4"]

    # insert before the Pasal every reference points at
    make_policy(bab__hak_md=HAK.replace("#### Pasal {#hak-jp}", NEW_PASAL + "#### Pasal {#hak-jp}"))
    moved = render(load_policy("policy"), "text", DAY)
    assert _pasal_headings(moved) == ["Pasal 1", "Pasal 2", "Pasal 3", "Pasal 4", "Pasal 5"]
    assert "Pasal sisipan tentang Pasal 3 ayat (2) huruf a." in moved
    assert "Pelaksanaan Pasal 3 ayat (1) dan Pasal 3 ayat (2) huruf a dilaporkan" in moved
    # the reference inside the same Pasal stays "ayat (1)"
    assert "Hak sebagaimana dimaksud pada ayat (1) dilaksanakan" in moved


def test_inserting_a_list_item_reletters_references(make_policy: MakePolicy) -> None:
    make_policy(
        bab__hak_md=HAK.replace("- {#jalur-pendidikan}", "- jalur magang;\n- {#jalur-pendidikan}")
    )
    text = render(load_policy("policy"), "text", DAY)
    assert "Pasal 2 ayat (2) huruf b dilaporkan" in text
    assert re.search(r"^\s+b\.\s+jalur pendidikan; dan$", text, flags=re.M)


def test_markdown_anchors_by_number_and_by_id(make_policy: MakePolicy) -> None:
    make_policy()
    text = render(load_policy("policy"), "markdown", DAY)
    assert '<a id="pasal-2"></a><a id="hak-jp"></a>' in text
    assert "[Pasal 2 ayat (1)](#hak-jp-jumlah)" in text


def test_unknown_format_is_rejected(make_policy: MakePolicy) -> None:
    make_policy()
    with pytest.raises(ValueError, match="unknown format"):
        render(load_policy("policy"), "pdf", DAY)


def test_an_ayat_that_only_introduces_a_list_keeps_its_number(make_policy: MakePolicy) -> None:
    """ "(2)" stands alone above the rincian, as in the Word file (it used to go missing)."""
    make_policy(
        bab__hak_md=HAK.replace(
            "(#) Hak sebagaimana dimaksud pada [[hak-jp-jumlah]] dilaksanakan melalui:", "(#)"
        )
    )
    peraturan = load_policy("policy")
    assert "\n(2)\n    a.  jalur pendidikan; dan\n" in render(peraturan, "text", DAY)
    assert '\n(2)  \n&emsp;<a id="jalur-pendidikan"></a>a. jalur pendidikan; dan  \n' in render(
        peraturan, "markdown", DAY
    )
