"""The Biro Hukum's read, mechanised (checker.policy.lint_perancangan): on a copy of the real
draft with one planted defect of each kind, lint reports each at its file, line and column with
its code and level; and the pieces the checks rest on (drafter's notes, the effect date, what
counts as a term) behave as a drafter expects."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker.codes import LINT_CODES
from checker.linting import lint
from checker.policy.lint_perancangan import effect_date, note_for
from checker.policy.load import drafter_notes, load_policy_unchecked

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)


def _copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "policy", tmp_path / "policy")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def _where(path: Path, needle: str) -> str:
    """ "file:line:col" of the first ``needle`` in ``path`` (relative to the copy)."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return f"{path.relative_to(Path.cwd())}:{number}:{line.index(needle) + 1}"
    raise AssertionError(f"{needle!r} not in {path}")


def test_the_real_draft_is_clean_of_every_drafting_error() -> None:
    found = lint(ROOT / "policy", ROOT / "rules", today=TODAY)
    assert [p.format() for p in found if p.severity == "error"] == []
    # the citations whose numbers cannot be verified offline stay as warnings, each with the
    # drafter's dated note that says why
    notes = [p for p in found if p.code == "citation-incomplete"]
    assert notes and all("catatan perancang 2026-11-30" in p.message for p in notes)
    drafting = set(DRAFTING) - {"citation-incomplete"}
    assert [p.format() for p in found if p.code in drafting] == []


DRAFTING = {
    "duty-outside-authority": "error",
    "open-delegation": "error",
    "closing-berita-daerah": "error",
    "mengingat-order": "error",
    "starts-before-effect": "error",
    "citation-incomplete": "warning",
    "term-undefined": "warning",
    "term-before-definition": "warning",
    "foreign-word-italics": "warning",
}


def test_levels_are_the_harmonisation_reviews() -> None:
    """The levels issue #19 sets; lowering one to let a draft pass fails here."""
    assert {code: LINT_CODES[code].level for code in DRAFTING} == DRAFTING


def test_one_planted_defect_of_each_kind_is_reported_where_it_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path, monkeypatch)
    policy = root / "policy"
    kompetensi = policy / "bab" / "pengembangan-kompetensi.md"
    penutup = policy / "bab" / "ketentuan-penutup.md"
    umum = policy / "bab" / "ketentuan-umum.md"
    meta = policy / "peraturan.yml"
    _append(
        kompetensi,
        "\n#### Pasal {#uji-cacat}\n\n"
        "(#) Bupati/wali kota wajib menyampaikan data pelatihan kepada BKD.\n"
        "(#) Laporan disampaikan dalam jangka waktu yang ditetapkan oleh Kepala BKD.\n"
        "(#) Tim Penilai Kompetensi membahas rencana pelatihan melalui coaching.\n",
    )
    _edit(
        penutup,
        "Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.",
        "Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan. Agar setiap orang "
        "mengetahuinya, memerintahkan pengundangan Peraturan Gubernur ini dengan penempatannya "
        "dalam Berita Daerah Provinsi Bengkulu.",
    )
    uu_asn = "  - Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
    pp_gelar = "  - Peraturan Pemerintah Nomor 35 Tahun 2010 tentang Pelaksanaan"
    text = meta.read_text("utf-8").splitlines(keepends=True)
    i = next(n for n, line in enumerate(text) if line.startswith(uu_asn))
    j = next(n for n, line in enumerate(text) if line.startswith(pp_gelar))
    text[i], text[j] = text[j], text[i]  # a PP before a UU
    meta.write_text("".join(text), "utf-8")
    _edit(
        policy / "parameter.yml",
        '    - since: "2027-01-01"\n      value: 70\n',
        '    - since: "2026-01-01"\n      value: 70\n',
    )
    gubernur = "1. Gubernur adalah Gubernur Bengkulu.\n"
    _edit(umum, gubernur, "")
    _append(umum, gubernur)

    found = {
        p.format().split(" ", 1)[0] + " " + p.code: p
        for p in lint(root / "policy", root / "rules", today=TODAY)
    }
    expected = {
        ("duty-outside-authority", "error", _where(kompetensi, "Bupati/wali kota wajib")),
        ("open-delegation", "error", _where(kompetensi, "jangka waktu yang ditetapkan")),
        ("open-delegation", "error", _where(kompetensi, "ditetapkan oleh Kepala BKD")),
        ("term-undefined", "warning", _where(kompetensi, "Penilai Kompetensi")),
        ("foreign-word-italics", "warning", _where(kompetensi, "coaching.")),
        ("closing-berita-daerah", "error", _where(penutup, "Peraturan Gubernur ini mulai")),
        # an item's position is where its text begins, after "  - "
        ("mengingat-order", "error", _where(meta, uu_asn).removesuffix(":1") + ":5"),
        (
            "starts-before-effect",
            "error",
            _where(policy / "parameter.yml", 'since: "2026-01-01"'),
        ),
        ("term-before-definition", "warning", _where(umum, "Gubernur sebagai unsur")),
    }
    for code, level, where in expected:
        key = f"{where}: {code}"
        assert key in found, f"{code} not reported at {where}; found: {sorted(found)}"
        assert found[key].severity == level
    incomplete = [p for p in found.values() if p.code == "citation-incomplete"]
    assert incomplete and all("catatan perancang 2026-11-30" in p.message for p in incomplete)


def test_mengingat_order_column_points_at_the_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The item the order breaks on is the later-written, higher-ranked one."""
    root = _copy(tmp_path, monkeypatch)
    meta = root / "policy" / "peraturan.yml"
    lines = meta.read_text("utf-8").splitlines(keepends=True)
    first = next(n for n, line in enumerate(lines) if "Nomor 14 Tahun 2005" in line)
    lines[first], lines[first + 1] = lines[first + 1], lines[first]  # 2009 before 2005
    meta.write_text("".join(lines), "utf-8")
    found = [
        p for p in lint(root / "policy", root / "rules", today=TODAY) if p.code == "mengingat-order"
    ]
    assert [(p.line, p.column) for p in found] == [(first + 2, 5)]
    assert "Tahun 2005 ditulis sesudah yang Tahun 2009" in found[0].message


def test_a_target_of_a_draft_is_judged_against_the_day_of_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2027 targets are fine while the draft can still be enacted in 2026, not once 2027 has
    begun; without a date (loading a version to check data) nothing is judged."""
    root = _copy(tmp_path, monkeypatch)

    def codes(today: dt.date) -> list[str]:
        return [p.code for p in lint(root / "policy", root / "rules", today=today)]

    assert "starts-before-effect" not in codes(dt.date(2026, 12, 31))
    assert "starts-before-effect" in codes(dt.date(2027, 1, 2))
    peraturan, _ = load_policy_unchecked(root / "policy")
    assert peraturan is not None and effect_date(peraturan, None) is None


def test_the_command_line_judges_the_draft_on_the_day_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from checker.cli import cli

    _copy(tmp_path, monkeypatch)
    late = CliRunner().invoke(cli, ["lint", "--tanggal", "2027-01-02"], prog_name="kebijakan")
    assert late.exit_code == 1 and "(starts-before-effect)" in late.stdout
    early = CliRunner().invoke(cli, ["lint", "--tanggal", "2026-12-01"], prog_name="kebijakan")
    assert early.exit_code == 0 and "starts-before-effect" not in early.stdout
    wrong = CliRunner().invoke(cli, ["lint", "--tanggal", "1-1-2027"], prog_name="kebijakan")
    assert wrong.exit_code == 2 and "bukan tanggal" in wrong.stderr


def test_an_enacted_regulation_is_judged_against_its_promulgation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path, monkeypatch)
    peraturan, _ = load_policy_unchecked(root / "policy")
    assert peraturan is not None
    enacted = type(peraturan.pengundangan)("Bengkulu", "SEKDA", dt.date(2027, 3, 1))
    peraturan.status, peraturan.pengundangan = "ditetapkan", enacted
    assert effect_date(peraturan, dt.date(2030, 1, 1)) == dt.date(2027, 3, 1)


def test_dates_in_the_text_and_the_transition_chapter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path, monkeypatch)
    kompetensi = root / "policy" / "bab" / "pengembangan-kompetensi.md"
    peralihan = root / "policy" / "bab" / "ketentuan-peralihan.md"
    _append(
        kompetensi,
        "\n#### Pasal {#uji-tanggal}\n\n"
        "(#) Rencana disusun mulai 1 Januari 2026.\n"
        "(#) Laporan disusun mulai tahun 2027.\n",
    )
    _append(
        peralihan, "\n#### Pasal {#uji-lama}\n\nData yang disusun sejak tahun 2019 tetap dipakai.\n"
    )
    found = [
        p
        for p in lint(root / "policy", root / "rules", today=TODAY)
        if p.code == "starts-before-effect"
    ]
    assert [p.format().split(":")[0] for p in found] == ["policy/bab/pengembangan-kompetensi.md"]
    assert '"mulai 1 Januari 2026"' in found[0].message


def test_drafter_notes_run_to_the_end_of_their_sentence() -> None:
    text = (
        "# Catatan perancang (2026-11-30): PP 28/2018: nomor TLN\n"
        "# belum dapat diperiksa.\n"
        "# Sumber lain: bukan bagian catatan.\n"
        "kind: x\n"
        "  # Catatan perancang: tanpa tanggal.\n"
    )
    notes = drafter_notes(text, "policy/peraturan.yml")
    assert [(n.span.line, n.span.column, n.date, n.text) for n in notes] == [
        (1, 1, dt.date(2026, 11, 30), "PP 28/2018: nomor TLN belum dapat diperiksa."),
        (5, 3, None, "tanpa tanggal."),
    ]


def test_a_note_is_matched_to_its_citation_by_number_and_year_or_title() -> None:
    notes = drafter_notes(
        "# Catatan perancang (2026-11-30): Peraturan LAN Nomor 10 Tahun 2018: BN belum ada.\n"
        "# Catatan perancang (2026-11-30): Peraturan LAN Nomor 1 Tahun 2018: lain.\n"
        "# Catatan perancang (2026-11-30): Peraturan Daerah Provinsi Bengkulu tentang Pembentukan "
        "dan Susunan Perangkat Daerah Provinsi Bengkulu: nomornya belum ada.\n",
        "p.yml",
    )
    lan = "Peraturan Lembaga Administrasi Negara Nomor 10 Tahun 2018 tentang X (Berita Negara …);"
    perda = (
        "Peraturan Daerah Provinsi Bengkulu Nomor … Tahun … tentang Pembentukan dan Susunan "
        "Perangkat Daerah Provinsi Bengkulu (Lembaran Daerah …);"
    )
    assert note_for(lan, notes) is notes[0]
    assert note_for(perda, notes) is notes[2]
    assert note_for("Undang-Undang Nomor 5 Tahun 2014 tentang Y (…);", notes) is None


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Kepala Perangkat Daerah menyusun laporan.", []),  # defined terms
        ("Setiap Perangkat Daerahnya menyusun laporan.", []),  # with -nya
        ("Laporan disusun bersama Tim Penilai Kompetensi.", ["Tim Penilai Kompetensi"]),
        ("Tim Penilai Kompetensi menyusun laporan.", ["Penilai Kompetensi"]),  # sentence start
        ("Laporan disusun. Bersama itu, BKD mengirimnya.", []),  # a capital after a full stop
        ("Pembelajaran melalui *Blended Learning* dianjurkan.", []),  # italics are not terms
        (
            "Pelaksanaannya sesuai dengan Undang-Undang Nomor 14 Tahun 2005 tentang Guru dan Dosen.",
            [],
        ),
    ],
)
def test_what_counts_as_an_undefined_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentence: str, flagged: list[str]
) -> None:
    root = _copy(tmp_path, monkeypatch)
    _append(
        root / "policy" / "bab" / "pengembangan-kompetensi.md",
        "\n#### Pasal {#uji-istilah}\n\n" + sentence + "\n",
    )
    found = [
        p.message.split('"')[1]
        for p in lint(root / "policy", root / "rules", today=TODAY)
        if p.code == "term-undefined"
    ]
    assert found == flagged
