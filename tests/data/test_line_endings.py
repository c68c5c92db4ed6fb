"""Lines and bytes as agencies' tools write them: lone CR ("CSV (Macintosh)"), CRLF and LF mixed,
U+2028/U+2029, stray NUL bytes. Every case gives its rows back, numbered by the lines an editor
shows (LF, CRLF or a lone CR ends a line), with a finding only where something was lost."""

from __future__ import annotations

import codecs
import random
import time
from pathlib import Path

import pytest

from checker.data.ingest import ingest
from checker.data.sniff import detect_encoding, sniff
from tests.data.make_fixtures import HEADER, R1, R2, R3

LS, PS = "\u2028", "\u2029"
NIPS = ["198503122010011001", "199001012015032002", "199505052022212003"]

Projection = list[tuple[str, str, int | None, str | None]]


def read(tmp_path: Path, data: bytes, name: str = "pegawai.csv") -> tuple[int, list, Projection]:
    """(row count, [(_row, nip, nama)], [(rule, severity, row, column)]) of one file."""
    path = tmp_path / name
    path.write_bytes(data)
    with ingest([path]) as dataset:
        rows = dataset.rows("pegawai", "_row, nip, nama")
        found = [(f.rule, f.severity, f.row, f.column) for f in dataset.findings]
        return dataset.count("pegawai"), rows, found


def numbered(*lines: int) -> list[tuple[int, str]]:
    return list(zip(lines, NIPS, strict=True))


def test_lone_cr_lines_are_lines(tmp_path: Path) -> None:
    count, rows, found = read(tmp_path, "\r".join([HEADER, R1, R2, R3, ""]).encode())
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == []


def test_lone_cr_blank_line_keeps_the_count(tmp_path: Path) -> None:
    count, rows, found = read(tmp_path, "\r".join([HEADER, R1, "", R2, R3]).encode())
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 4, 5)
    assert found == []


def test_crlf_and_lf_mixed(tmp_path: Path) -> None:
    data = f"{HEADER}\r\n{R1}\n{R2}\r\n{R3}\n".encode()
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == []


def test_lone_cr_file_with_a_line_break_in_a_quoted_cell(tmp_path: Path) -> None:
    r1 = R1.replace("Budi Saputra", '"Budi\nSaputra"')
    count, rows, found = read(tmp_path, "\r".join([HEADER, r1, R2, R3, ""]).encode())
    assert count == 3
    assert rows[0] == (2, NIPS[0], "Budi\nSaputra")
    assert [r[:2] for r in rows] == numbered(2, 4, 5)
    assert found == [("SKEMA-BARIS", "warning", 2, None)]


def test_rejected_line_after_a_lone_cr_region(tmp_path: Path) -> None:
    broken = R2.replace("Siti Rahayu", "Rahayu, Siti")
    data = "\r".join([HEADER, R1, "", R1.replace("Budi", "Badu")[:-2] + "Ya"]).encode()
    data += f"\r{broken}\n{R3}\n".encode()  # CR lines, then LF lines
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert [r[0] for r in rows] == [2, 4, 6]
    assert ("SKEMA-BARIS", "error", 5, None) in found
    assert ("SKEMA-UNIK", "error", 4, "nip") in found
    assert len(found) == 2


@pytest.mark.parametrize(
    ("sep", "end"), [(LS, "\n"), (LS, LS), (LS, ""), (PS, "\r\n"), (PS, PS), ("\x85", "\n")]
)
def test_separator_between_records(tmp_path: Path, sep: str, end: str) -> None:
    count, rows, found = read(tmp_path, (sep.join([HEADER, R1, R2, R3]) + end).encode())
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == []


def test_separators_and_line_ends_mixed(tmp_path: Path) -> None:
    data = f"{HEADER}{PS}{R1}\r\n\r{R2}{LS}{R3}\n".encode()
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 4, 5)
    assert found == []


@pytest.mark.parametrize("cell", [f'"Budi{LS}Saputra"', f"Budi{LS}Saputra", f'"Budi{PS}Saputra"'])
def test_separator_inside_a_cell_is_text(tmp_path: Path, cell: str) -> None:
    data = "\n".join([HEADER, R1.replace("Budi Saputra", cell), R2, R3, ""]).encode()
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert rows[0] == (2, NIPS[0], cell.strip('"'))
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == []


def test_nul_in_a_cell_is_removed_and_reported(tmp_path: Path) -> None:
    data = "\n".join([HEADER, R1.replace("Budi", "Bu\x00di"), R2, R3, ""]).encode()
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert rows[0] == (2, NIPS[0], "Budi Saputra")
    assert found == [("SKEMA-BARIS", "warning", 2, "nama")]


def test_nul_in_the_header_is_removed_and_reported(tmp_path: Path) -> None:
    data = "\n".join([HEADER.replace("nama", "na\x00ma"), R1, R2, R3, ""]).encode()
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == [("SKEMA-BARIS", "warning", 1, "nama")]


def test_nul_in_a_record_spanning_lines_names_its_first_line(tmp_path: Path) -> None:
    r1 = R1.replace("Budi Saputra", '"Budi\nSaputra"').replace("Dinas", "Di\x00nas")
    count, rows, found = read(tmp_path, "\n".join([HEADER, r1, R2, ""]).encode())
    assert count == 2
    assert [r[0] for r in rows] == [2, 4]
    assert found == [
        ("SKEMA-BARIS", "warning", 2, None),
        ("SKEMA-BARIS", "warning", 2, "unit_kerja"),
    ]


def test_a_few_nuls_in_a_big_file_are_text(tmp_path: Path) -> None:
    lines = [HEADER]
    for i in range(3000):
        nip = f"1985031220{i:05d}001"
        nama = "Budi\x00 Saputra" if i in (0, 1500, 2999) else "Budi Saputra"
        lines.append(R1.replace("198503122010011001", nip).replace("Budi Saputra", nama))
    count, rows, found = read(tmp_path, ("\n".join(lines) + "\n").encode())
    assert count == 3000
    assert rows[-1][0] == 3001
    assert found == [("SKEMA-BARIS", "warning", n, "nama") for n in (2, 1502, 3001)]


def test_nul_padding_at_the_end_is_dropped_quietly(tmp_path: Path) -> None:
    data = "\n".join([HEADER, R1, R2, R3, ""]).encode() + b"\x00" * 512
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == []


def test_binary_is_still_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = HEADER.encode() + b"\n" + bytes(rng.randrange(256) for _ in range(8192))
    assert detect_encoding(data) is None
    assert detect_encoding(HEADER.encode() + b"\n1,\x00a\n") == "utf-8"
    count, _, found = read(tmp_path, data)
    assert count == 0
    assert found == [("SKEMA-BERKAS", "error", None, None)]


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (b"", "utf-16-le"),
        (b"", "utf-16-be"),
    ],
)
def test_excel_unicode_text_still_reads(tmp_path: Path, prefix: bytes, codec: str) -> None:
    text = "\r\n".join(ln.replace(",", "\t") for ln in (HEADER, R1.replace("Budi", "Bédi"), R2))
    count, rows, found = read(tmp_path, prefix + (text + "\r\n").encode(codec), "pegawai.txt")
    assert count == 2
    assert rows[0] == (2, NIPS[0], "Bédi Saputra")
    assert [r[0] for r in rows] == [2, 3]
    assert found == []


def test_cp1252_with_lone_cr(tmp_path: Path) -> None:
    data = "\r".join([HEADER, R1.replace("Budi", "Bédi “B”"), R2, R3, ""]).encode("cp1252")
    count, rows, found = read(tmp_path, data)
    assert count == 3
    assert rows[0] == (2, NIPS[0], "Bédi “B” Saputra")
    assert [r[:2] for r in rows] == numbered(2, 3, 4)
    assert found == []


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_plain_files_are_read_where_they_are(tmp_path: Path, end: str) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(end.join([HEADER, R1, R2, ""]).encode())
    work = tmp_path / "work"
    work.mkdir()
    sniffed = sniff(path, work)
    assert sniffed.read_path == path
    assert list(work.iterdir()) == []
    assert sniffed.line_count == 3


def test_a_windows_byte_at_the_very_end_is_not_taken_for_cut_utf8(tmp_path: Path) -> None:
    # 0x92 (Windows' curly apostrophe) cannot start a UTF-8 character: the file is
    # Windows-1252 even when the byte is among the last three of the sample
    from checker.data.sniff import detect_encoding

    assert detect_encoding(b"nama\r\nJum\x92at") == "cp1252"
    assert detect_encoding("nama\r\nJumat é".encode()[:-1]) == "utf-8"  # cut at the end


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_reads(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE
    data = bom + "\r\n".join([HEADER, R1, R2, R3, ""]).encode(encoding)
    count, _rows, found = read(tmp_path, data)
    assert count == 3 and found == []


def test_a_long_cell_full_of_nuls_is_linear(tmp_path: Path) -> None:
    # UTF-32 once read as UTF-16 gave a line of millions of characters, every other one NUL,
    # which a quadratic count of delimiters took minutes over (found by fuzzing)
    long = "a\x00" * 300_000
    data = "\n".join([HEADER, R1.replace("Budi", long), R2, R3, ""]).encode()
    data = codecs.BOM_UTF16_LE + data.decode().encode("utf-16-le")
    started = time.perf_counter()
    count, rows, found = read(tmp_path, data)
    assert time.perf_counter() - started < 20  # quadratic: minutes; linear: about a second
    assert count == 3
    assert rows[0][2] == "a" * 300_000 + " Saputra"
    assert found == [("SKEMA-BARIS", "warning", 2, "nama")]


@pytest.mark.parametrize("quoted", [False, True])
def test_line_numbers_agree_inline_and_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quoted: bool
) -> None:
    """Line numbers after many rejected and blank lines (and, ``quoted``, cells spanning two
    lines) are the same whether the line map is a CASE tree or an ASOF join (the way of a file
    with thousands of rejected lines), and each row sits on the line its record starts on."""
    import checker.data.staging as staging

    rng = random.Random(20)
    lines, expected = [HEADER], []
    for i in range(400):
        nip = f"19850312201001{i + 1:04d}"
        kind = rng.random()
        if kind < 0.15:
            lines.append(R1.replace(NIPS[0], nip) + ",lebih,kolom")  # too many cells: rejected
        elif kind < 0.25:
            lines.append("")
        else:
            name = f'"Nama\n{i}"' if quoted and i % 3 == 0 else f"Nama {i}"
            expected.append((len(lines) + 1, nip))
            lines.extend(R1.replace(NIPS[0], nip).replace("Budi Saputra", name).split("\n"))
    data = ("\n".join(lines) + "\n").encode()
    ways = []
    for steps in (staging.STEPS_INLINE, 0):
        monkeypatch.setattr(staging, "STEPS_INLINE", steps)
        _, rows, _ = read(tmp_path, data)
        ways.append([r[:2] for r in rows])
    assert len(expected) > 250
    assert ways[0] == expected
    assert ways[1] == expected
