"""The Word export read back from its XML: page, emblem and kop, fonts, headings, ayat,
signatures, properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from checker.cli.versions import export
from checker.diff.compare import CHANGED, DELETED, RevBlock
from checker.export import export_docx
from checker.export.docx import runs
from checker.policy import load_policy
from checker.policy.document.blocks import Block, Emphasis, Plain
from checker.provenance import REF, Provenance
from checker.versions import export_version
from tests.export.png import tiny_png
from tests.policy_fixture import HAK, MakePolicy
from tests.versions.fixtures import ENACTED

DAY = dt.date(2026, 12, 1)
REAL_POLICY = Path(__file__).resolve().parents[2] / "policy"
EMU_PER_CM = 360000
COMMIT_DATE = dt.datetime(2026, 4, 6, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def exported(make_policy: MakePolicy, tmp_path: Path) -> docx.document.Document:
    make_policy()
    path = export_docx(
        load_policy("policy"),
        tmp_path / "out.docx",
        as_of=DAY,
        provenance=Provenance(
            "uji-1", "rancangan", REF, "v2026.2", "0123456789abcdef", date=COMMIT_DATE
        ),
    )
    return docx.Document(str(path))


def texts(document: docx.document.Document, *styles: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name in styles]


def test_f4_paper_and_margins(exported: docx.document.Document) -> None:
    section = exported.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    assert {
        round(getattr(section, f"{side}_margin").cm, 2)
        for side in ("top", "bottom", "left", "right")
    } == {2.5}


def test_bookman_old_style_12_for_every_script(exported: docx.document.Document) -> None:
    styles = exported.styles.element
    for fonts in (
        styles.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts")),
        exported.styles["Normal"].element.rPr.rFonts,
    ):
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            "Bookman Old Style"
        }
        assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    assert exported.styles["Normal"].font.size.pt == 12


def test_a_slot_for_the_emblem_then_the_kop_above_the_judul(
    exported: docx.document.Document,
) -> None:
    assert [(p.style.name, p.text) for p in exported.paragraphs[:3]] == [
        ("Tempat Lambang", "[lambang Garuda Pancasila]"),
        ("Kop Peraturan", "GUBERNUR BENGKULU"),
        ("Judul Peraturan", "PERATURAN GUBERNUR BENGKULU"),
    ]
    assert not list(exported.element.body.iter(qn("w:drawing")))
    slot, kop = exported.styles["Tempat Lambang"], exported.styles["Kop Peraturan"]
    assert (slot.paragraph_format.alignment, slot.font.size.pt, str(slot.font.color.rgb)) == (
        1,
        9,
        "808080",
    )
    assert kop.paragraph_format.alignment == 1 and kop.font.bold
    assert slot.paragraph_format.keep_with_next and kop.paragraph_format.keep_with_next


def test_policy_lambang_png_is_the_emblem_above_the_kop(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    (make_policy() / "lambang.png").write_bytes(tiny_png())
    path = export_version("policy", tmp_path / "a.docx", as_of=DAY)
    document = docx.Document(str(path))
    emblem = document.paragraphs[0]
    assert (emblem.style.name, emblem.text) == ("Lambang", "")
    (extent,) = emblem._p.iter(qn("wp:extent"))  # an inline picture 2.75 cm wide
    assert round(int(extent.get("cx")) / EMU_PER_CM, 2) == 2.75
    assert emblem._p.find(f".//{qn('w:drawing')}") is not None
    images = [p.blob for p in document.part.package.iter_parts() if p.content_type == "image/png"]
    assert images == [tiny_png()]
    # the kop is the first line of text, above the judul; no slot is left
    assert [p.text for p in document.paragraphs if p.text][:2] == [
        "GUBERNUR BENGKULU",
        "PERATURAN GUBERNUR BENGKULU",
    ]
    assert "[lambang Garuda Pancasila]" not in [p.text for p in document.paragraphs]
    again = export_version("policy", tmp_path / "b.docx", as_of=DAY)
    assert path.read_bytes() == again.read_bytes()


def test_an_emblem_that_is_no_png_is_named(make_policy: MakePolicy) -> None:
    (make_policy() / "lambang.png").write_bytes(b"bukan gambar")
    result = CliRunner().invoke(export, ["docx", "--as-of", "2026-12-01"])
    assert result.exit_code == 2
    assert result.output == (
        "kebijakan: policy/lambang.png: lambang bukan gambar PNG yang dapat dibaca; simpan "
        "lambang Garuda Pancasila sebagai PNG, atau hapus berkas ini agar dokumen Word memuat "
        "tempat untuk lambang\n"
    )
    assert not Path("peraturan-uji-1.docx").exists()


def test_judul_and_pembukaan(exported: docx.document.Document) -> None:
    assert texts(exported, "Judul Peraturan") == [
        "PERATURAN GUBERNUR BENGKULU",
        "NOMOR … TAHUN …",
        "TENTANG",
        "UJI COBA PENGELOLAAN ASN",
    ]
    assert exported.styles["Judul Peraturan"].paragraph_format.alignment == 1  # centred
    assert texts(exported, "Pembukaan") == [
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "GUBERNUR BENGKULU,",
    ]
    assert texts(exported, "Konsiderans") == [
        "Menimbang\t:\ta.\tbahwa pengujian diperlukan;",
        "\t\tb.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
        "menetapkan Peraturan Gubernur tentang Uji Coba Pengelolaan ASN;",
        "Mengingat\t:\t1.\tUndang-Undang Nomor 9 Tahun 1967 tentang Pembentukan Provinsi "
        "Bengkulu (Lembaran Negara Republik Indonesia Tahun 1967 Nomor 19, Tambahan Lembaran "
        "Negara Republik Indonesia Nomor 2828);",
    ]
    hanging = exported.styles["Konsiderans"].paragraph_format
    assert (round(hanging.left_indent.cm, 1), round(hanging.first_line_indent.cm, 1)) == (4.2, -4.2)
    assert texts(exported, "Memutuskan", "Diktum") == [
        "MEMUTUSKAN:",
        "Menetapkan\t:\tPERATURAN GUBERNUR TENTANG UJI COBA PENGELOLAAN ASN.",
    ]


def test_heading_sequence(exported: docx.document.Document) -> None:
    assert texts(exported, "BAB", "Bagian", "Paragraf", "Pasal") == [
        "BAB I\nKETENTUAN UMUM",
        "Pasal 1",
        "BAB II\nHAK PEGAWAI",
        "Bagian Kesatu\nPengembangan Kompetensi",
        "Pasal 2",
        "Pasal 3",
        "BAB III\nKETENTUAN PENUTUP",
        "Pasal 4",
    ]
    pasal = exported.styles["Pasal"].paragraph_format
    assert pasal.alignment == 1 and pasal.keep_with_next


def test_ayat_and_rincian_hang_after_their_numbers(exported: docx.document.Document) -> None:
    ayat = [p for p in exported.paragraphs if p.style.name == "Ayat"]
    assert [p.text.split("\t")[0] for p in ayat] == ["(1)", "(2)"]
    assert ayat[0].text == (
        "(1)\tSetiap PNS berhak atas paling sedikit 20 (dua puluh) JP dalam 1 (satu) tahun."
    )
    style = exported.styles["Ayat"].paragraph_format
    assert (round(style.left_indent.cm, 1), round(style.first_line_indent.cm, 1)) == (1.2, -1.2)
    rincian = [p for p in exported.paragraphs if p.style.name == "Rincian"]
    assert [p.text for p in rincian] == [
        "1.\tDaerah adalah Provinsi Bengkulu.",
        "2.\tJP adalah jam pelajaran.",
        "3.\tGubernur adalah Gubernur Bengkulu.",
        "4.\tPegawai Negeri Sipil yang selanjutnya disingkat PNS adalah pegawai negeri sipil.",
        "a.\tjalur pendidikan; dan",
        "b.\tjalur pelatihan.",
    ]
    # in a numbered ayat the letters stand where the ayat text starts
    fmt = rincian[4].paragraph_format
    assert (round(fmt.left_indent.cm, 1), round(fmt.first_line_indent.cm, 1)) == (2.1, -0.9)
    assert (
        texts(exported, "Ayat Tanpa Nomor")[0] == "Dalam Peraturan Gubernur ini yang "
        "dimaksud dengan:"
    )


def test_signature_blocks_in_a_borderless_table(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(peraturan_yml=ENACTED)
    document = docx.Document(
        str(export_docx(load_policy("policy"), tmp_path / "t.docx", as_of=DAY))
    )
    table = document.tables[0]
    cells = [[p.text for p in table.cell(r, c).paragraphs] for r in (0, 1) for c in (0, 1)]
    assert cells == [
        [""],
        [
            "Ditetapkan di Bengkulu",
            "pada tanggal 20 April 2026",
            "GUBERNUR BENGKULU,",
            "NAMA GUBERNUR",
        ],
        [
            "Diundangkan di Bengkulu",
            "pada tanggal 21 April 2026",
            "SEKRETARIS DAERAH PROVINSI BENGKULU,",
            "NAMA SEKDA",
        ],
        [""],
    ]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    assert texts(document, "Berita Daerah") == [
        "BERITA DAERAH PROVINSI BENGKULU TAHUN 2026 NOMOR 5"
    ]
    assert texts(document, "Judul Peraturan")[1] == "NOMOR 5 TAHUN 2026"
    # the body ends with the table and then the Berita Daerah line
    body = [child.tag for child in document.element.body]
    assert body[-3:] == [qn("w:tbl"), qn("w:p"), qn("w:sectPr")]


def keeps_with_next(paragraph: Paragraph) -> bool:
    """Whether the paragraph itself says keep-with-next (not through its style)."""
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def test_pengundangan_stays_on_the_page_of_the_berita_daerah_line(
    exported: docx.document.Document,
) -> None:
    table = exported.tables[0]
    ditetapkan, diundangkan = table.rows
    assert [row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows] == [True] * 2
    # every paragraph of the Diundangkan row keeps with the next: the row goes with the
    # Berita Daerah line that follows the table
    kept = [(p.text, keeps_with_next(p)) for cell in diundangkan.cells for p in cell.paragraphs]
    assert kept == [
        ("Diundangkan di Bengkulu", True),
        ("pada tanggal …", True),
        ("SEKRETARIS DAERAH PROVINSI BENGKULU,", True),
        ("…", True),
        ("", True),  # the empty cell beside it
    ]
    after = Paragraph(table._tbl.getnext(), table._parent)
    assert after.text == "BERITA DAERAH PROVINSI BENGKULU TAHUN … NOMOR …"
    # the Ditetapkan row may stay on the page of the last Pasal, apart from the Diundangkan row
    assert not any(keeps_with_next(p) for cell in ditetapkan.cells for p in cell.paragraphs)
    # ... and the order to promulgate right before the table keeps with it
    order = Paragraph(table._tbl.getprevious(), table._parent)
    assert order.text.startswith("Agar setiap orang mengetahuinya, memerintahkan pengundangan")
    assert order.style.name == "Perintah Pengundangan"
    assert order.style.paragraph_format.keep_with_next


def test_page_numbers_from_page_two(exported: docx.document.Document) -> None:
    section = exported.sections[0]
    assert section.different_first_page_header_footer
    assert all(not p.text for p in section.first_page_header.paragraphs)
    header = section.header.paragraphs[0]
    assert header.alignment == 1 or header.style.paragraph_format.alignment == 1
    instructions = [e.text for e in header._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    assert header.text == "- 2 -"


def test_document_properties(exported: docx.document.Document) -> None:
    props = exported.core_properties
    assert props.title == "Rancangan Peraturan Gubernur Bengkulu tentang Uji Coba Pengelolaan ASN"
    assert (props.version, props.identifier, props.content_status, props.language) == (
        "uji-1",
        "0123456789abcdef",
        "rancangan",
        "id-ID",
    )
    # the one provenance string every output uses
    assert props.keywords == "versi uji-1 (rancangan), v2026.2 (commit 0123456789)"
    assert (
        "Dibuat dari kebijakan versi uji-1 (rancangan), v2026.2 (commit 0123456789)."
        in props.comments
    )
    assert props.created == props.modified == dt.datetime(2026, 4, 6, 7, 30, tzinfo=dt.UTC)
    assert props.author == "Pemerintah Provinsi Bengkulu"


def test_enacted_title_carries_number_and_year(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(peraturan_yml=ENACTED)
    path = export_docx(load_policy("policy"), tmp_path / "t.docx", as_of=DAY)
    assert docx.Document(str(path)).core_properties.title == (
        "Peraturan Gubernur Bengkulu Nomor 5 Tahun 2026 tentang Uji Coba Pengelolaan ASN"
    )


def test_same_inputs_give_identical_bytes(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy()
    peraturan = load_policy("policy")
    first = export_docx(peraturan, tmp_path / "a.docx", as_of=DAY).read_bytes()
    second = export_docx(peraturan, tmp_path / "b.docx", as_of=DAY).read_bytes()
    assert first == second


def test_nested_rincian_step_in_by_level(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(
        bab__hak_md=HAK.replace(
            "- jalur pelatihan.", "- jalur pelatihan:\n  - klasikal; dan\n  - nonklasikal."
        )
    )
    document = docx.Document(
        str(export_docx(load_policy("policy"), tmp_path / "n.docx", as_of=DAY))
    )
    rincian = [p for p in document.paragraphs if p.style.name == "Rincian"][4:]
    assert [(p.text, round(p.paragraph_format.left_indent.cm, 1)) for p in rincian] == [
        ("a.\tjalur pendidikan; dan", 2.1),
        ("b.\tjalur pelatihan:", 2.1),
        ("1.\tklasikal; dan", 3.0),
        ("2.\tnonklasikal.", 3.0),
    ]


def test_emphasis_stays_italic_inside_tracked_changes() -> None:
    new = Block("rincian", (Plain("pelatihan "), Emphasis("e-learning"), Plain(".")), "a.")
    changed = RevBlock.of(
        new, CHANGED, (("=", "a.\tpelatihan "), ("-", "daring"), ("+", "e-"), ("=", "learning."))
    )
    assert runs(changed) == [
        ("=", "a.\tpelatihan ", False),
        ("-", "daring", False),
        ("+", "e-", True),
        ("=", "learning", True),
        ("=", ".", False),
    ]
    deleted = RevBlock.of(new, DELETED, (("-", new.content),))
    assert runs(deleted) == [
        ("-", "a.\tpelatihan ", False),
        ("-", "e-learning", True),
        ("-", ".", False),
    ]


def test_the_real_policy_prints_its_foreign_terms_in_italics(tmp_path: Path) -> None:
    path = export_docx(load_policy(REAL_POLICY), tmp_path / "r.docx", as_of=DAY)
    document = docx.Document(str(path))
    found = [
        (run.text, bool(run.italic))
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if "e-learning" in run.text
    ]
    assert found and set(found) == {("e-learning", True)}
