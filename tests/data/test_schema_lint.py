"""Lint of rules/schema/*.yml: each broken descriptor gives its problems at exact positions.

The real descriptors are copied to ``tmp_path/schema`` with ``unit_kerja.yml`` replaced by the
tiny ``BASE`` below, so every position asserted here is a line of this file, while the six real
tables still give foreign keys and aliases something to point at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.data.schema import (
    TABLES,
    TYPES,
    ForeignKey,
    load_schema,
    load_schema_unchecked,
    table_schema,
)
from checker.errors import PolicyError

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "rules" / "schema"
TABLE_LIST = ", ".join(TABLES)
SAME_KEY = "(huruf besar/kecil, spasi dan tanda baca diabaikan)"

BASE = """\
name: unit_kerja
title: Unit kerja
aliases: [unor, opd]
primaryKey: [kode]
fields:
  - name: kode
    type: string
    constraints: {required: true}
  - name: nama
    aliases: [nama unit]
  - name: instansi
  - name: jenis
    constraints: {enum: [dinas, badan]}
    enumAliases:
      dinas: [dinas daerah]
"""

Row = tuple[str, int, int, str, str]


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails loudly when ``old`` is not there."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture
def schema_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real descriptors in ``tmp_path/schema``, unit_kerja.yml replaced by BASE; the working
    directory is ``tmp_path`` so display paths read ``schema/...``."""
    folder = tmp_path / "schema"
    shutil.copytree(REAL, folder)
    (folder / "unit_kerja.yml").write_text(BASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def lint(folder: Path, unit_kerja: str | None = None) -> list[Row]:
    """Problems as (path, line, column, code, message); asserts no tables come back with them."""
    if unit_kerja is not None:
        (folder / "unit_kerja.yml").write_text(unit_kerja, encoding="utf-8")
    tables, problems = load_schema_unchecked(folder)
    assert (tables is None) == bool(problems)
    return [(p.path, p.line, p.column, p.code, p.message) for p in problems]


def test_base_fixture_is_clean(schema_dir: Path) -> None:
    tables, problems = load_schema_unchecked(schema_dir)
    assert problems == []
    assert tables is not None and list(tables) == list(TABLES)
    unit = tables["unit_kerja"]
    assert [f.name for f in unit.fields] == ["kode", "nama", "instansi", "jenis"]
    assert unit.field("jenis").value_map == {
        "DINAS": "dinas",
        "BADAN": "badan",
        "DINASDAERAH": "dinas",
    }
    assert unit.path == "schema/unit_kerja.yml"


CASES: dict[str, tuple[str, str, str, list[tuple[int, int, str, str]]]] = {
    "unknown-table-key": (
        "title: Unit kerja\n",
        "title: Unit kerja\nsumber: SIASN\n",
        "",
        [
            (
                3,
                1,
                "table-schema",
                "kunci tidak dikenal: sumber; kunci yang diizinkan: aliases, description, fields, "
                "foreignKeys, ignoredHeaders, name, primaryKey, regimeField, regimes, title",
            )
        ],
    ),
    "unknown-field-key": (
        "    constraints: {required: true}",
        "    contraints: {required: true}",
        "",
        [
            (
                8,
                5,
                "table-schema",
                "kunci tidak dikenal: contraints; kunci yang diizinkan: absentValue, aliases, "
                "categories, constraints, deriveFrom, description, enumAliases, enumGroups, "
                "enumScales, falseValues, fillFrom, name, normalize, notInSiasn, preferHeaders, "
                "requiredIn, scoreBands, title, trueValues, type",
            )
        ],
    ),
    "unknown-constraint": (
        "{required: true}",
        "{required: true, pattern: '^U'}",
        "",
        [
            (
                8,
                35,
                "table-schema",
                "kunci tidak dikenal: pattern; kunci yang diizinkan: enum, maximum, minimum, "
                "required",
            )
        ],
    ),
    "bad-type": (
        "    type: string\n",
        "    type: text\n",
        "",
        [
            (
                7,
                11,
                "table-schema",
                "nilai tidak dikenal; pilih salah satu dari: "
                "string, integer, number, date, boolean",
            )
        ],
    ),
    "bad-required": (
        "{required: true}",
        '{required: "ya"}',
        "",
        [(8, 29, "table-schema", "harus berupa ya/tidak")],
    ),
    "yaml-number-as-spelling": (  # unquoted 05 is the number 5 in YAML: the zero would be lost
        "[dinas daerah]",
        "[dinas daerah, 05]",
        "",
        [(15, 29, "table-schema", "harus berupa teks")],
    ),
    "enum-alias-not-in-enum": (
        "      dinas: [dinas daerah]\n",
        "      dinas: [dinas daerah]\n      kantor: [kantor]\n",
        "",
        [
            (
                16,
                7,
                "table-enum-alias",
                "enumAliases menyebut nilai 'kantor' yang tidak ada "
                "dalam constraints.enum kolom jenis",
            )
        ],
    ),
    "one-spelling-two-values": (
        "[dinas daerah]",
        "[dinas daerah, Badan]",
        "",
        [
            (
                15,
                29,
                "table-enum-alias",
                "ejaan 'Badan' dipakai untuk dua nilai kolom jenis: "
                f"'badan' dan 'dinas' {SAME_KEY}",
            )
        ],
    ),
    "two-values-one-key": (
        "[dinas, badan]",
        "[dinas, badan, DINAS]",
        "",
        [
            (
                13,
                40,
                "table-enum-alias",
                "ejaan 'DINAS' dipakai untuk dua nilai kolom jenis: "
                f"'dinas' dan 'DINAS' {SAME_KEY}",
            )
        ],
    ),
    "header-alias-clash": (
        "[nama unit]",
        "[nama unit, Kode]",
        "",
        [
            (
                10,
                26,
                "table-header-alias",
                f"judul kolom 'Kode' sudah berarti kolom kode di tabel unit_kerja {SAME_KEY}",
            )
        ],
    ),
    "duplicate-field": (
        "  - name: instansi\n",
        "  - name: instansi\n  - name: nama\n",
        "",
        [
            (
                12,
                11,
                "table-duplicate",
                "kolom nama sudah dideskripsikan di baris 9; nama kolom "
                "dalam tabel unit_kerja harus unik",
            )
        ],
    ),
    "primary-key-unknown-field": (
        "primaryKey: [kode]",
        "primaryKey: [kode, tahun]",
        "",
        [
            (
                4,
                20,
                "table-primary-key",
                "primaryKey menyebut kolom 'tahun' yang tidak ada di tabel unit_kerja",
            )
        ],
    ),
    "foreign-key-unknown-local-field": (
        "",
        "",
        "foreignKeys:\n  - fields: [kota]\n    reference: {resource: pegawai, fields: [nip]}\n",
        [
            (
                17,
                14,
                "table-foreign-key",
                "foreignKeys menyebut kolom 'kota' yang tidak ada di tabel unit_kerja",
            )
        ],
    ),
    "foreign-key-unknown-resource": (
        "",
        "",
        "foreignKeys:\n  - fields: [nama]\n    reference: {resource: opd, fields: [nama]}\n",
        [
            (
                18,
                27,
                "table-foreign-key",
                f"foreignKeys merujuk tabel 'opd' yang tidak dikenal; tabel yang ada: {TABLE_LIST}",
            )
        ],
    ),
    "foreign-key-unknown-referenced-field": (
        "",
        "",
        "foreignKeys:\n  - fields: [instansi]\n"
        "    reference: {resource: pegawai, fields: [instansi_kerja]}\n",
        [
            (
                18,
                45,
                "table-foreign-key",
                "foreignKeys merujuk kolom 'instansi_kerja' yang tidak ada di tabel pegawai",
            )
        ],
    ),
    "foreign-key-length-mismatch": (
        "",
        "",
        "foreignKeys:\n  - fields: [kode, nama]\n    reference: {resource: pegawai, fields: [nip]}\n",
        [
            (
                18,
                44,
                "table-foreign-key",
                "foreignKeys: fields berisi 2 kolom tetapi "
                "reference.fields berisi 1 kolom; jumlahnya harus sama",
            )
        ],
    ),
    "foreign-key-as-string": (  # Frictionless allows a string; the checker reads a list
        "",
        "",
        "foreignKeys:\n  - fields: kode\n    reference: {resource: pegawai, fields: [nip]}\n",
        [(17, 13, "table-schema", "harus berupa daftar")],
    ),
    "table-alias-of-another-table": (
        "[unor, opd]",
        "[unor, opd, Data Pegawai]",
        "",
        [
            (
                3,
                22,
                "table-alias",
                f"nama berkas/lembar 'Data Pegawai' sudah berarti tabel pegawai {SAME_KEY}",
            )
        ],
    ),
    "unknown-table-name": (
        "name: unit_kerja",
        "name: unit",
        "",
        [
            (
                1,
                1,
                "table-missing",
                "tidak ada deskriptor tabel unit_kerja di schema (berkas "
                "YAML dengan name: unit_kerja)",
            ),
            (1, 7, "table-name", f"nama tabel 'unit' tidak dikenal; tabel yang ada: {TABLE_LIST}"),
        ],
    ),
    "yaml-syntax-error": (
        "aliases: [unor, opd]",
        "aliases: [unor, opd",
        "",
        [(4, 11, "yaml", "YAML tidak dapat dibaca: did not find expected ',' or ']'")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_unit_kerja(schema_dir: Path, case: str) -> None:
    old, new, appended, expected = CASES[case]
    text = (edit(BASE, old, new) if old else BASE) + appended
    assert lint(schema_dir, text) == [("schema/unit_kerja.yml", *row) for row in expected]


def test_missing_table(schema_dir: Path) -> None:
    (schema_dir / "hukuman_disiplin.yml").unlink()
    assert lint(schema_dir) == [
        (
            "schema/hukuman_disiplin.yml",
            1,
            1,
            "table-missing",
            "tidak ada deskriptor tabel "
            "hukuman_disiplin di schema (berkas YAML dengan name: hukuman_disiplin)",
        )
    ]


def test_table_described_twice(schema_dir: Path) -> None:
    (schema_dir / "unit_kerja_lama.yml").write_text(BASE, encoding="utf-8")
    assert lint(schema_dir) == [
        (
            "schema/unit_kerja_lama.yml",
            1,
            7,
            "table-duplicate",
            "tabel unit_kerja sudah dideskripsikan di schema/unit_kerja.yml",
        )
    ]


def test_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert lint(tmp_path / "tidak-ada") == [
        ("tidak-ada", 1, 1, "berkas", "folder skema tabel tidak ditemukan")
    ]


def test_every_problem_in_every_file_is_collected(schema_dir: Path) -> None:
    (schema_dir / "hukuman_disiplin.yml").unlink()
    pelatihan = schema_dir / "pelatihan.yml"
    pelatihan.write_text(
        edit(
            pelatihan.read_text(encoding="utf-8"),
            "name: pelatihan\n",
            "name: pelatihan\nversi: 2\n",
        ),
        encoding="utf-8",
    )
    text = edit(
        edit(BASE, "title: Unit kerja\n", "title: Unit kerja\nsumber: SIASN\n"),
        "primaryKey: [kode]",
        "primaryKey: kode",
    )
    assert [row[:4] for row in lint(schema_dir, text)] == [
        ("schema/hukuman_disiplin.yml", 1, 1, "table-missing"),
        ("schema/pelatihan.yml", 3, 1, "table-schema"),
        ("schema/unit_kerja.yml", 3, 1, "table-schema"),
        ("schema/unit_kerja.yml", 5, 13, "table-schema"),
    ]


def test_load_schema_raises_with_every_problem(schema_dir: Path) -> None:
    text = edit(
        edit(BASE, "    type: string\n", "    type: text\n"),
        "primaryKey: [kode]",
        "primaryKey: [kode, tahun]",
    )
    (schema_dir / "unit_kerja.yml").write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_schema(schema_dir)
    # a schema error stops the semantic checks of that file: the primaryKey is not judged
    assert [(p.line, p.column, p.code) for p in info.value.problems] == [(7, 11, "table-schema")]
    assert info.value.format().startswith("schema/unit_kerja.yml:7: nilai tidak dikenal")


def test_real_descriptors_lint_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    tables, problems = load_schema_unchecked(REAL)
    assert problems == []
    assert tables is not None and list(tables) == list(TABLES)
    assert [t.path for t in tables.values()] == [f"rules/schema/{t}.yml" for t in TABLES]


def test_real_descriptors_load_as_before() -> None:
    """Values as the plain-YAML loader gave them before descriptors were linted."""
    schema = load_schema(REAL)
    pegawai = schema["pegawai"]
    assert [f.name for f in pegawai.fields] == [
        "nip",
        "nama",
        "tanggal_lahir",
        "jenis_kelamin",
        "status_kepegawaian",
        "golongan",
        "tmt_golongan",
        "jenis_jabatan",
        "jabatan",
        "pendidikan",
        "tmt_cpns",
        "instansi",
        "unit_kerja",
        "opd",
        "kedudukan_hukum",
        "melayani_publik",
        "aktif",
        "pns_id",
    ]
    status = pegawai.field("kedudukan_hukum")
    assert status.value_map["03"] == status.value_map["TUBEL"] == "Tugas Belajar"
    assert set(status.groups) == {"bertugas", "dalam_dinas"}
    assert set(status.groups["bertugas"]) < set(status.groups["dalam_dinas"])
    assert pegawai.field("jabatan").categories == {
        "Guru": ("guru", "kepala sekolah"),
        "Dosen": ("dosen",),
    }
    assert pegawai.primary_key == ("nip", "instansi")
    assert pegawai.foreign_keys == (
        ForeignKey(("instansi", "unit_kerja"), "unit_kerja", ("instansi", "nama")),
    )
    assert pegawai.field("jenis_kelamin").value_map == {
        "L": "L",
        "LAKILAKI": "L",
        "PRIA": "L",
        "M": "L",
        "MALE": "L",
        "1": "L",
        "P": "P",
        "PEREMPUAN": "P",
        "WANITA": "P",
        "F": "P",
        "FEMALE": "P",
        "2": "P",
    }
    assert pegawai.field("aktif").true_values == ("Ya", "Y", "1", "true", "Aktif")
    assert pegawai.field("tmt_golongan").required is False
    assert pegawai.header_map["nip_baru"] == "nip"
    assert "nip_lama" in pegawai.ignored_headers and len(pegawai.ignored_headers) == 51
    assert pegawai.header_map["pns_id"] == "pns_id"
    kinerja = schema["penilaian_kinerja"]
    assert kinerja.field("predikat").enum == (
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
        "Cukup",
        "Kurang",
        "Buruk",
    )
    assert [(s.regime, s.values[2]) for s in kinerja.field("predikat").scales] == [
        ("pp_46_2011", "Cukup"),
        ("permenpanrb_6_2022", "Butuh Perbaikan"),
    ]
    assert kinerja.regime_field == "tahun"
    assert [(r.name, r.start, r.end) for r in kinerja.regimes] == [
        ("pp_46_2011", 2014, 2022),
        ("permenpanrb_6_2022", 2022, None),
    ]
    assert kinerja.field("hasil_kerja").required is False
    assert kinerja.field("hasil_kerja").required_in == ("permenpanrb_6_2022",)
    assert kinerja.field("tahun").type == "integer"
    assert (kinerja.field("tahun").minimum, kinerja.field("tahun").maximum) == (2000, 2100)
    assert [f.name for f in schema["unit_kerja"].fields] == [
        "kode",
        "nama",
        "instansi",
        "opd",
        "pelayanan_publik",
    ]
    assert schema["pelatihan"].field("jp").minimum == 0
    assert schema["hukuman_disiplin"].primary_key == ("nip", "jenis", "tmt_mulai")


def test_json_schema_types_match_the_code() -> None:
    assert table_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    field = table_schema()["$defs"]["field"]["properties"]
    assert tuple(field["type"]["enum"]) == TYPES
    assert field["normalize"]["enum"] == ["nip"]  # Field.is_nip is the only normalisation
