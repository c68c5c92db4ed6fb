"""Each broken fixture yields exactly one problem at an exact file:line:col with its message."""

from __future__ import annotations

import pytest

from checker.policy import lint_policy
from tests.policy_fixture import HAK, PARAMETER, PENUTUP, PERATURAN, MakePolicy

ALLOWED_META_KEYS = (
    "berita_daerah, chapters, kind, konsultasi, mengingat, menimbang, number, penetapan, "
    "pengundangan, region, status, title, version, year"
)

CASES = {
    "unresolved-ref": (
        {"bab__hak_md": HAK.replace("[[jalur-pendidikan]]", "[[jalur-pendidika]]")},
        "policy/bab/hak.md:16:35: [error] rujukan [[jalur-pendidika]] tidak menunjuk Pasal, ayat "
        "atau rincian mana pun; periksa id-nya (unresolved-ref)",
    ),
    "unknown-parameter": (
        {"bab__hak_md": HAK.replace("kompetensi.jp_minimum_pns", "kompetensi.jp_minimal")},
        "policy/bab/hak.md:9:60: [error] parameter 'kompetensi.jp_minimal' tidak didefinisikan di "
        "parameter.yml; parameter yang ada: kompetensi.jp_minimum_pns (unknown-parameter)",
    ),
    "unknown-filter": (
        {"bab__hak_md": HAK.replace("jp_minimum_pns }}", "jp_minimum_pns | romawi }}")},
        "policy/bab/hak.md:9:60: [error] penyaring 'romawi' tidak dikenal; gunakan salah satu "
        "dari: angka, terbilang, jadwal, per_tahun (unknown-filter)",
    ),
    "unclosed-inline": (
        {"bab__hak_md": HAK.replace("jp_minimum_pns }}", "jp_minimum_pns")},
        "policy/bab/hak.md:9:60: [error] {{ tidak ditutup dengan }} pada baris yang sama "
        "(unclosed-inline)",
    ),
    "duplicate-id": (
        {"bab__hak_md": HAK.replace("{#rujukan}", "{#hak-jp}")},
        "policy/bab/hak.md:14:1: [error] id 'hak-jp' sudah dipakai di policy/bab/hak.md:7; setiap "
        "id harus unik (duplicate-id)",
    ),
    "pasal-id": (
        {"bab__hak_md": HAK.replace("#### Pasal {#rujukan}", "#### Pasal")},
        "policy/bab/hak.md:14:6: [error] Pasal harus memiliki id tetap, tulis: #### Pasal "
        "{#id-pasal} (pasal-id)",
    ),
    "id-format": (
        {"bab__hak_md": HAK.replace("{#rujukan}", "{#Rujukan_1}")},
        "policy/bab/hak.md:14:14: [error] id 'Rujukan_1' tidak valid: gunakan huruf kecil, angka "
        "dan tanda hubung (contoh: hak-jp-pns) (id-format)",
    ),
    "single-ayat": (
        {"bab__hak_md": HAK.replace("Pelaksanaan [[", "(#) Pelaksanaan [[")},
        "policy/bab/hak.md:16:1: [error] Pasal yang hanya terdiri atas satu ayat tidak diberi "
        "nomor ayat (1); hapus penanda (#) (single-ayat)",
    ),
    "text-outside": (
        {"bab__hak_md": HAK.replace("## Bagian", "Teks tanpa Pasal.\n\n## Bagian")},
        "policy/bab/hak.md:5:1: [error] teks berada di luar Pasal; tambahkan judul #### Pasal "
        "{#id} di atasnya (text-outside)",
    ),
    "bab-title-caps": (
        {"bab__hak_md": HAK.replace("title: HAK PEGAWAI", "title: Hak Pegawai")},
        "policy/bab/hak.md:2:1: [error] judul BAB ditulis dengan huruf kapital: HAK PEGAWAI "
        "(bab-title-caps)",
    ),
    "front-matter": (
        {"bab__hak_md": HAK.replace("title: HAK PEGAWAI", "title: HAK PEGAWAI\nnomor: 2")},
        "policy/bab/hak.md:3:1: [error] kunci tidak dikenal: nomor; kunci yang diizinkan: "
        "description, title (front-matter)",
    ),
    "schema-unknown-key": (
        {"peraturan_yml": PERATURAN.replace("status: rancangan", "status: rancangan\njudul: X")},
        f"policy/peraturan.yml:7:1: [error] kunci tidak dikenal: judul; kunci yang diizinkan: "
        f"{ALLOWED_META_KEYS} (schema)",
    ),
    "schema-enum": (
        {"peraturan_yml": PERATURAN.replace("status: rancangan", "status: draf")},
        "policy/peraturan.yml:6:9: [error] nilai tidak dikenal; pilih salah satu dari: rancangan, "
        "ditetapkan (schema)",
    ),
    "yaml-syntax": (
        {"parameter_yml": PARAMETER.replace("unit: JP", "unit: [JP")},
        "policy/parameter.yml:4:9: [error] YAML tidak dapat dibaca: did not find expected ',' "
        "or ']' (yaml)",
    ),
    "parameter-order": (
        {"parameter_yml": PARAMETER.replace('"2027-01-01"', '"2016-01-01"')},
        "policy/parameter.yml:10:14: [error] nilai parameter kompetensi.jp_minimum_pns harus "
        "berurutan menurut tanggal: 2016-01-01 tidak sesudah 2017-03-30 (parameter-order)",
    ),
    "parameter-date": (
        {"parameter_yml": PARAMETER.replace('"2027-01-01"', '"2027-02-30"')},
        "policy/parameter.yml:10:14: [error] tanggal '2027-02-30' tidak valid; tulis dalam bentuk "
        "TTTT-BB-HH, misalnya 2027-01-01 (date)",
    ),
    "parameter-clause": (
        {"parameter_yml": PARAMETER.replace("clause: hak-jp", "clause: hak-jpp")},
        "policy/parameter.yml:1:1: [error] parameter kompetensi.jp_minimum_pns merujuk clause "
        "'hak-jpp' yang tidak ada (parameter-clause)",
    ),
    "menimbang-bahwa": (
        {"peraturan_yml": PERATURAN.replace("  - bahwa pengujian", "  - pengujian")},
        'policy/peraturan.yml:9:5: [error] butir Menimbang harus diawali kata "bahwa" '
        "(menimbang-bahwa)",
    ),
    "menimbang-end": (
        {"peraturan_yml": PERATURAN.replace("pengujian diperlukan;", "pengujian diperlukan")},
        "policy/peraturan.yml:9:5: [error] butir Menimbang harus diakhiri tanda titik koma (;) "
        "(menimbang-end)",
    ),
    "menimbang-last": (
        {"peraturan_yml": PERATURAN.replace("bahwa berdasarkan pertimbangan", "bahwa oleh karena")},
        'policy/peraturan.yml:10:5: [error] butir terakhir Menimbang harus berbunyi "bahwa '
        "berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a ... perlu menetapkan "
        'Peraturan Gubernur tentang ...;" (menimbang-last)',
    ),
    "chapter-missing": (
        {"peraturan_yml": PERATURAN.replace("  - hak\n", "  - hak\n  - lampiran\n")},
        "policy/peraturan.yml:16:5: [error] berkas BAB bab/lampiran.md tidak ditemukan "
        "(chapter-missing)",
    ),
    "closing-berlaku": (
        {"bab__penutup_md": PENUTUP.replace("mulai berlaku", "berlaku")},
        'policy/bab/penutup.md:1:1: [error] BAB terakhir harus memuat ketentuan "Peraturan '
        'Gubernur ini mulai berlaku pada tanggal diundangkan." (closing-berlaku)',
    ),
    "closing-berita-daerah": (
        {
            "bab__penutup_md": PENUTUP.replace(
                "diundangkan.",
                "diundangkan. Agar setiap orang mengetahuinya, memerintahkan pengundangan "
                "Peraturan Gubernur ini dengan penempatannya dalam Berita Daerah Provinsi "
                "Bengkulu.",
            )
        },
        "policy/bab/penutup.md:7:1: [error] perintah pengundangan tidak ditulis di dalam Pasal: "
        'kalimat "Agar setiap orang mengetahuinya, memerintahkan pengundangan ..." dicetak '
        "sendiri sesudah Pasal terakhir sebagai bagian penutup; hapus kalimat itu dari Pasal ini "
        "(closing-berita-daerah)",
    ),
    "status-number": (
        {"peraturan_yml": PERATURAN.replace("status: rancangan", "status: ditetapkan")},
        "policy/peraturan.yml:6:1: [error] peraturan berstatus ditetapkan wajib mengisi: number, "
        "year, penetapan.date, penetapan.name (status-number)",
    ),
    "citation-incomplete": (
        {"peraturan_yml": PERATURAN.replace("Nomor 2828", "Nomor …")},
        "policy/peraturan.yml:12:5: [warning] kutipan dasar hukum belum lengkap (masih memuat …); "
        "lengkapi nomor Lembaran Negara/Berita Negara dari JDIH sebelum penetapan; belum ada "
        'catatan perancang bertanggal yang menjelaskannya; tulis "# Catatan perancang '
        '(TTTT-BB-HH): ..." di peraturan.yml (citation-incomplete)',
    ),
    # the drafter's note about the citation is shown beside it
    "citation-incomplete-with-note": (
        {
            "peraturan_yml": "# Catatan perancang (2026-11-30): Undang-Undang Nomor 9 Tahun 1967:\n"
            "# nomor TLN belum dapat diperiksa secara luring.\n"
            + PERATURAN.replace("Nomor 2828", "Nomor …")
        },
        "policy/peraturan.yml:14:5: [warning] kutipan dasar hukum belum lengkap (masih memuat …); "
        "lengkapi nomor Lembaran Negara/Berita Negara dari JDIH sebelum penetapan; catatan "
        "perancang 2026-11-30 (policy/peraturan.yml:1): Undang-Undang Nomor 9 Tahun 1967: nomor "
        "TLN belum dapat diperiksa secara luring. (citation-incomplete)",
    ),
    "single-item": (
        {
            "bab__hak_md": HAK.replace("- {#jalur-pendidikan} jalur pendidikan; dan\n", "").replace(
                "[[jalur-pendidikan]]", "[[hak-jp]]"
            )
        },
        "policy/bab/hak.md:11:1: [warning] rincian hanya terdiri atas satu butir; gabungkan ke "
        "dalam kalimat (single-item)",
    ),
    "item-punctuation": (
        {"bab__hak_md": HAK.replace("jalur pendidikan; dan", "jalur pendidikan")},
        "policy/bab/hak.md:11:38: [warning] butir rincian diakhiri tanda baca titik koma (;), "
        "titik (.) atau titik dua (:) (item-punctuation)",
    ),
}


def test_fixture_is_clean(make_policy: MakePolicy) -> None:
    make_policy()
    assert lint_policy("policy") == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_fixture(make_policy: MakePolicy, name: str) -> None:
    replace, expected = CASES[name]
    make_policy(**replace)
    assert [p.format() for p in lint_policy("policy")] == [expected]


def test_unlisted_chapter_is_a_warning(make_policy: MakePolicy) -> None:
    root = make_policy()
    (root / "bab" / "lupa.md").write_text("---\ntitle: LUPA\n---\n", encoding="utf-8")
    assert [p.format() for p in lint_policy("policy")] == [
        "policy/bab/lupa.md:1:1: [warning] berkas BAB ini tidak tercantum dalam chapters di "
        "peraturan.yml sehingga tidak ikut dicetak (chapter-unlisted)"
    ]


def test_every_problem_is_collected_not_just_the_first(make_policy: MakePolicy) -> None:
    make_policy(
        bab__hak_md=HAK.replace("[[jalur-pendidikan]]", "[[x]]").replace(
            "title: HAK PEGAWAI", "title: Hak"
        ),
        peraturan_yml=PERATURAN.replace("pengujian diperlukan;", "pengujian diperlukan"),
    )
    codes = [p.code for p in lint_policy("policy")]
    assert codes == ["bab-title-caps", "unresolved-ref", "menimbang-end"]
