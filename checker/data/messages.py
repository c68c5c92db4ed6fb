"""Intake messages in Bahasa Indonesia: each says what is wrong and what the agency should do.

A message names a column by its title ("kolom TMT golongan", :func:`checker.wording.column_label`);
the header as it must be typed stays in quotes only where the agency has to add or rename it."""

from __future__ import annotations

from itertools import pairwise

from checker.data.schema import TABLES, Band, Field, Table
from checker.limits import memory_text
from checker.wording import column_label, digits, sentence_case

_EXPECTED_TYPE = {
    "date": "tanggal dd/mm/yyyy, contoh 17/08/1985",
    "number": "angka, contoh 24 atau 1.500.000",
    "integer": "bilangan bulat, contoh 2025",
    "string": "teks",
    "boolean": "Ya atau Tidak",
}


def _allowed(f: Field, limit: int = 8) -> str:
    values = list(f.enum) if f.enum else [f.true_values[0], f.false_values[0]]
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} nilai)" if len(values) > limit else "")


def _label(f: Field) -> str:
    """A field as a sentence names it: its title in sentence case ("TMT golongan")."""
    return sentence_case(f.title) if f.title else column_label(f.name)


def cell_problem(kind: str, f: Field, text: str | None, when: str = "") -> tuple[str, str]:
    """(message, expected) for one bad cell of field ``f``; ``when`` names the rows in which a
    column is required (``requiredIn``), such as "penilaian tahun 2022 dan sesudahnya (...)"."""
    label = f"Kolom {_label(f)}"
    if kind == "WAJIB":
        scope = f" untuk {when}" if when else ""
        return (
            f"{label} wajib diisi{scope} tetapi kosong. Lengkapi isinya, lalu kirim ulang berkas.",
            "terisi",
        )
    if kind == "TURUN":
        source = f.derive.field if f.derive is not None else ""
        return (
            f"{label} kosong, dan isinya tidak dapat ditentukan dari kolom {source} ('{text}'), "
            f"yang tidak diawali nama yang dikenal. Isi {label.lower()} dengan salah satu dari: "
            f"{_allowed(f)}, sesuai dokumen sumbernya.",
            _allowed(f, limit=40),
        )
    if kind == "NIP":
        return (
            f"{label} berisi '{text}': NIP ini rusak karena tersimpan sebagai angka di Excel "
            "(hanya 15 digit yang tersimpan, tiga digit terakhir hilang). Ubah format kolom NIP "
            "menjadi Teks, ketik ulang atau salin NIP dari sumber aslinya, lalu unggah kembali.",
            "NIP 18 digit sebagai teks",
        )
    if kind == "ENUM":
        return (
            f"{label} berisi '{text}', yang bukan nilai yang dikenal. "
            f"Gunakan salah satu dari: {_allowed(f)}.",
            _allowed(f, limit=40),
        )
    if kind == "RANGE":
        bounds = []
        if f.minimum is not None:
            bounds.append(f"paling kecil {f.minimum:g}")
        if f.maximum is not None:
            bounds.append(f"paling besar {f.maximum:g}")
        return (
            f"{label} berisi {text}, di luar batas ({' dan '.join(bounds)}). "
            "Periksa dan perbaiki nilainya.",
            " dan ".join(bounds),
        )
    expected = _EXPECTED_TYPE[f.type]
    hint = ""
    if f.type == "date":
        hint = " Pastikan tanggalnya ada di kalender (bukan 31/02) dan tahunnya ditulis 4 digit."
    return (
        f"{label} berisi '{text}', yang tidak dapat dibaca sebagai {expected}.{hint} "
        "Perbaiki isinya, lalu kirim ulang berkas.",
        expected,
    )


def file_problem(kind: str, detail: str = "") -> str:
    """Message for a file that cannot be used (SKEMA-BERKAS)."""
    texts = {
        "kosong": "Berkas ini kosong. Ekspor ulang datanya dari aplikasi kepegawaian atau isi "
        "templat, lalu kirim kembali.",
        "biner": "Berkas ini bukan CSV atau Excel yang dapat dibaca (isinya data biner). "
        "Simpan ulang sebagai CSV (UTF-8) atau Excel (.xlsx), lalu kirim kembali.",
        "rusak": "Berkas Excel ini tidak dapat dibuka"
        + (f" ({detail})" if detail else "")
        + ". Buka dan simpan ulang di Excel sebagai .xlsx, lalu kirim kembali.",
        "jenis": "Jenis berkas ini tidak didukung. Kirim data sebagai CSV atau Excel (.xlsx).",
        "zip": "Berkas ini arsip ZIP, bukan tabel. Ekstrak isinya ke sebuah folder lalu periksa "
        "folder itu (layanan unggah BKD membuka ZIP berisi CSV dengan sendirinya).",
        "tabel": "Tabel dalam berkas ini tidak dikenali. Beri nama berkas atau lembar sesuai "
        f"tabelnya ({', '.join(TABLES)}) atau gunakan templat dari `kebijakan template`.",
        "judul": "Baris judul kolom tidak ditemukan. Pastikan baris pertama berisi nama kolom "
        "sesuai templat, lalu kirim kembali.",
    }
    return texts[kind]


def too_many_cells(cells: int, limit: int, complete: bool = True, csv: bool = False) -> str:
    """A workbook with more filled cells than one workbook may hold (SKEMA-BERKAS); ``csv``
    when the same data would be accepted saved as CSV."""
    count = digits(cells) if complete else f"sedikitnya {digits(cells)}"
    also = ", atau simpan setiap tabel sebagai berkas CSV" if csv else ""
    return (
        f"Berkas ini berisi {count} sel terisi, melebihi batas {digits(limit)} sel per buku "
        "kerja. Bagi data menjadi beberapa berkas yang masing-masing tidak melebihi batas itu "
        f"(misalnya satu berkas per tabel atau per unit kerja){also}, lalu kirim kembali."
    )


def text_too_many_cells(lines: int, width: int, limit: int) -> str:
    """A text file whose lines × columns go over the cells one file may hold (SKEMA-BERKAS)."""
    return (
        f"Berkas ini memuat {digits(lines)} baris × {digits(width)} kolom = "
        f"{digits(lines * width)} sel, melebihi batas {digits(limit)} sel per berkas. Bagi data "
        "menjadi beberapa berkas (misalnya per unit kerja), lalu kirim kembali."
    )


def json_too_large(size: int, limit: int) -> str:
    """A JSON file over the bytes one JSON file may have (SKEMA-BERKAS)."""
    return (
        f"Berkas JSON ini berukuran {memory_text(size)}, melebihi batas {memory_text(limit)} "
        "untuk berkas JSON (berkas JSON dibaca utuh ke memori). Kirim data sebesar ini sebagai "
        "CSV, atau bagi menjadi beberapa berkas JSON."
    )


def json_broken(line: int, column: int) -> str:
    """A JSON file that does not parse (SKEMA-BERKAS)."""
    return (
        f"Berkas JSON ini tidak dapat dibaca: penulisannya rusak pada baris {line} kolom {column} "
        "(misalnya tanda kurung atau koma yang hilang, atau berkas terpotong). Unduh ulang "
        "jawaban API-nya secara utuh, atau ekspor datanya sebagai CSV."
    )


def json_not_records() -> str:
    """A JSON file that holds no list of records (SKEMA-BERKAS)."""
    return (
        "Berkas JSON ini tidak berisi daftar data: yang dapat dibaca adalah daftar objek "
        '([{...}, {...}]) atau jawaban API SIASN ({"data": [{...}, ...]}). Kirim jawaban API '
        "apa adanya, atau ekspor datanya sebagai CSV."
    )


def too_many_columns(columns: int, limit: int) -> str:
    """A header row wider than one table may be (SKEMA-BERKAS)."""
    return (
        f"Baris judul tabel ini memiliki {digits(columns)} kolom, melebihi batas "
        f"{digits(limit)} kolom per tabel. Hapus kolom yang bukan bagian templat (biasanya "
        "kolom kosong atau hasil ekspor yang keliru), lalu kirim kembali."
    )


def sheet_too_wide(sheet: str, rows: int, columns: int, cells: int, limit: int, suffix: str) -> str:
    """A sheet of a format only a dense reader reads whose used area is too large or mostly
    empty (SKEMA-BERKAS)."""
    kind = suffix.lower().lstrip(".") or "ini"
    return (
        f"Lembar '{sheet}' terisi sampai baris {digits(rows)} dan kolom {digits(columns)}, "
        f"sehingga harus dibaca sebagai {digits(rows * columns)} sel walaupun hanya "
        f"{digits(cells)} sel yang terisi. Lembar berkas {kind} dibaca paling banyak "
        f"{digits(limit)} sel dan tidak boleh sebagian besar kosong seperti ini. Hapus isi sel "
        "yang tersasar jauh di luar tabel, atau simpan ulang sebagai .xlsx, lalu kirim kembali."
    )


def missing_column(table: Table, f: Field) -> str:
    """Message for a required column that is absent (SKEMA-KOLOM)."""
    aliases = ", ".join(f.aliases[:3])
    also = f" (atau {aliases})" if aliases else ""
    return (
        f"Kolom wajib '{f.name}'{also} tidak ada di tabel {table.name}. Tambahkan kolom ini "
        f"({f.description}) lalu kirim ulang berkas."
    )


def missing_regime_column(table: Table, f: Field, rows: int, first: int) -> str:
    """A ``requiredIn`` column that is absent while rows of its regimes need it (SKEMA-KOLOM)."""
    return (
        f"Kolom '{f.name}' tidak ada di tabel {table.name}, padahal {digits(rows)} baris (yang "
        f"pertama baris {first}) adalah {table.regime_rows(f.required_in)}, yang wajib mengisi "
        f"kolom ini. Tambahkan kolom ini ({f.title}) lalu kirim ulang berkas."
    )


def unknown_column(table: Table, header: str) -> str:
    """Message for a column the schema does not know (SKEMA-KOLOM, info)."""
    if not header.strip():
        return (
            "Kolom tanpa judul diabaikan. Beri judul kolom bila isinya diperlukan, "
            "atau hapus kolomnya."
        )
    return (
        f"Kolom '{header}' tidak dikenal untuk tabel {table.name} dan diabaikan. "
        "Bila isinya termasuk kolom baku, ganti judulnya sesuai templat."
    )


def duplicate_column(header: str, first: str, name: str) -> str:
    """Message for a second column that maps to a field already taken (SKEMA-KOLOM)."""
    return (
        f"Kolom '{header}' dan '{first}' sama-sama berarti {name}; yang dipakai '{first}'. "
        "Hapus salah satunya agar tidak membingungkan."
    )


def malformed_row(error: str, expected: int) -> str:
    """Message for a line DuckDB could not split into the expected columns (SKEMA-BARIS)."""
    if error == "MISSING COLUMNS":
        return (
            f"Baris ini memiliki kolom lebih sedikit dari judul kolom ({expected}). Lengkapi "
            "pemisah kolom yang hilang atau periksa tanda kutip, lalu kirim ulang."
        )
    if error == "TOO MANY COLUMNS":
        return (
            f"Baris ini memiliki kolom lebih banyak dari judul kolom ({expected}). Biasanya ada "
            "pemisah kolom (koma/titik koma) di dalam isi sel yang tidak diberi tanda kutip. "
            "Beri tanda kutip pada isi sel tersebut atau hapus pemisah berlebih, lalu kirim ulang."
        )
    if error == "UNQUOTED VALUE":
        return (
            "Tanda kutip pada baris ini tidak ditutup, sehingga baris ini dan baris-baris "
            "sesudahnya tidak dapat dibaca. Tutup atau hapus tanda kutip tersebut, "
            "lalu kirim ulang."
        )
    return f"Baris ini tidak dapat dibaca ({error}). Periksa isinya, lalu kirim ulang."


def merged_rows(first: int, last: int) -> str:
    """Message for one record that spans several lines because of quotes (SKEMA-BARIS)."""
    return (
        f"Baris {first} sampai {last} terbaca sebagai satu baris data karena ada sel bertanda "
        "kutip yang memuat pindah baris. Bila itu tidak disengaja, perbaiki tanda kutipnya "
        "agar setiap pegawai berada di barisnya sendiri."
    )


def duplicate_key(table: Table, key: tuple[str, ...], first_row: int, first_file: str) -> str:
    """Message for a repeated primary key (SKEMA-UNIK)."""
    cols = ", ".join(key)
    return (
        f"Kombinasi {cols} pada baris ini sudah ada di {first_file} baris {first_row}. "
        f"Hapus baris ganda atau perbaiki isinya; setiap {cols} hanya boleh muncul sekali "
        f"di tabel {table.name}."
    )


def dangling_reference(table: Table, cols: tuple[str, ...], ref: str) -> str:
    """Message for a foreign key without a matching row (SKEMA-RUJUKAN)."""
    if cols == ("nip",):
        return (
            f"NIP pada baris ini tidak ada di tabel {ref}. Periksa ketikan NIP, atau tambahkan "
            f"pegawainya ke tabel {ref}."
        )
    return (
        f"Nilai {', '.join(cols)} pada baris ini tidak ada di tabel {ref}. Samakan penulisannya "
        f"dengan tabel {ref}, atau tambahkan barisnya ke tabel {ref}."
    )


def unknown_lookup(table: Table, f: Field, via: str, ref: str) -> str:
    """Message for a row whose ``fillFrom`` value (a PNS ID) has no row in ``ref``."""
    via_title = column_label(via) if via != "pns_id" else "PNS ID"
    return (
        f"Baris ini tidak memuat {_label(f)}, dan {via_title}-nya tidak ada di tabel {ref}, "
        f"sehingga pegawainya tidak diketahui dan barisnya tidak dinilai. Sertakan pegawai itu "
        f"(dengan {via_title}-nya) di tabel {ref}, atau isi {_label(f)} pada baris ini."
    )


def missing_reference_table(table: Table, ref: str) -> str:
    """Info when the referenced table was not supplied, so references were not checked."""
    return (
        f"Tabel {ref} tidak ikut dikirim, sehingga rujukan dari tabel {table.name} ke {ref} "
        f"tidak diperiksa. Sertakan tabel {ref} untuk pemeriksaan lengkap."
    )


def _year(value: object) -> str:
    """A regime-column value (a year) as written, without thousands separators."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def off_scale(table: Table, f: Field, value: str, year: object, regime: str) -> tuple[str, str]:
    """(message, expected) for a value outside the scale of its row's regime (SKEMA-SKALA)."""
    scale = f.scale(regime)
    assert scale is not None
    title = table.regime(regime).title
    owners = [s for s in f.scales if value in s.values]
    if owners:
        names = " dan ".join(f"skala {table.regime(s.regime).title}" for s in owners)
        what = f"{_label(f)} berisi {value}, nilai {names}"
        position = owners[0].values.index(value)
        equal = (
            f" Sampai diperbaiki, nilai ini dibandingkan menurut urutannya, setara dengan "
            f"{scale.values[position]}."
            if position < len(scale.values)
            else ""
        )
    else:
        what = f"{_label(f)} berisi {value}, yang tidak termasuk skala mana pun"
        equal = ""
    allowed = ", ".join(scale.values)
    regime = column_label(table.regime_field or "", table.name)
    return (
        f"Kolom {what}, padahal {table.title.lower()} {table.regime_field} {_year(year)} memakai "
        f"skala {title} ({allowed}). Periksa kolom {regime} atau kolom {_label(f)}, lalu kirim "
        f"ulang berkas.{equal}",
        f"nilai skala {title}: {allowed}",
    )


def band_range(band: Band) -> str:
    """One range in words: "76–90", "91 ke atas", "50 ke bawah"."""
    if band.minimum is not None and band.maximum is not None:
        return f"{digits(band.minimum)}–{digits(band.maximum)}"
    if band.minimum is not None:
        return f"{digits(band.minimum)} ke atas"
    assert band.maximum is not None
    return f"{digits(band.maximum)} ke bawah"


def off_band(f: Field, score: float, found: str, meant: str) -> str:
    """A value that differs from the one the row's score gives (SKEMA-SKALA)."""
    bands = f.bands
    assert bands is not None
    band = next(b for b in bands.bands if b.value == meant)
    target, score_name = column_label(bands.target), _label(f)
    return (
        f"Kolom {target} berisi {found}, sedangkan {score_name} {digits(score)} pada baris ini "
        f"berarti {meant} ({band_range(band)}) menurut {bands.source}. Periksa kolom "
        f"{target} atau kolom {score_name}, lalu kirim ulang berkas."
    )


def unread_scores(table: Table, f: Field, count: int, first: int) -> str:
    """Once per file: scores that give no value, recorded as they are (SKEMA-SKALA, info)."""
    bands = f.bands
    assert bands is not None
    ranges = "; ".join(f"{band_range(b)} {b.value}" for b in bands.bands)
    spans = sorted(
        ((b.minimum if b.minimum is not None else float("-inf"), b.maximum) for b in bands.bands),
        key=lambda span: span[0],
    )
    gaps = [
        (end + start) / 2
        for (_, end), (start, _) in pairwise(spans)
        if end is not None and start > end
    ]
    between = f"; nilai di antara dua rentang, seperti {digits(max(gaps))}, tidak termasuk"
    between = between if gaps else ""
    target, name = column_label(bands.target, table.name), _label(f)
    return (
        f"{digits(count)} baris (yang pertama baris {first}) berisi {name} tanpa {target}, dan "
        f"nilainya tidak dapat dibaca sebagai {target}: {target} dibaca dari {name} hanya untuk "
        f"{table.regime_rows(bands.regimes)} dan hanya bila nilainya termasuk salah satu rentang "
        f"menurut {bands.source} ({ranges}{between}). Nilainya tetap dicatat, tetapi baris itu "
        f"dianggap tidak memiliki {target}; isi kolom {target} bila nilainya diketahui."
    )


def siasn_gap(table: Table, fields: list[Field], rules: list[tuple[str, str]]) -> str:
    """Note for a SIASN file that lacks columns SIASN has no place for (``notInSiasn``)."""

    def named(f: Field) -> str:
        label = _label(f).lower()
        shown = [f.name] if f.name != label else []
        if f.enum:
            shown.append("/".join(f.enum))
        return f"{label} ({', '.join(shown)})" if shown else label

    names = " dan ".join(named(f) for f in fields)
    said = f"Berkas ini berasal dari SIASN, yang tidak memiliki kolom {names}. "
    if rules:
        listed = "; ".join(f"{rule_id} ({title})" for rule_id, title in rules)
        said += (
            f"Karena itu aturan berikut tidak dinilai untuk baris berkas ini: {listed}. "
            f"Untuk menilainya, tambahkan kolom {', '.join(f.name for f in fields)} ke berkas ini "
            f"atau kirim data itu dalam tabel {table.name} menurut templat BKD."
        )
    else:
        said += (
            "Tidak ada aturan yang bergantung pada kolom itu; tambahkan kolomnya bila datanya "
            "tersedia."
        )
    return said
