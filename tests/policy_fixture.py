"""A tiny but complete regulation, written to tmp_path, that each test may break in one place."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

SCHEMA = Path(__file__).resolve().parents[1] / "rules" / "schema"

PERATURAN = """\
kind: Peraturan Gubernur
region: Provinsi Bengkulu
number:
year:
title: Uji Coba Pengelolaan ASN
status: rancangan
version: uji-1
menimbang:
  - bahwa pengujian diperlukan;
  - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Gubernur tentang Uji Coba Pengelolaan ASN;
mengingat:
  - Undang-Undang Nomor 9 Tahun 1967 tentang Pembentukan Provinsi Bengkulu (Lembaran Negara Republik Indonesia Tahun 1967 Nomor 19, Tambahan Lembaran Negara Republik Indonesia Nomor 2828);
chapters:
  - umum
  - hak
  - penutup
penetapan:
  place: Bengkulu
  office: GUBERNUR BENGKULU
pengundangan:
  place: Bengkulu
  office: SEKRETARIS DAERAH PROVINSI BENGKULU
berita_daerah:
  year:
  number:
"""

PARAMETER = """\
kompetensi.jp_minimum_pns:
  description: JP paling sedikit.
  unit: JP
  clause: hak-jp
  values:
    - since: "2017-03-30"
      value: 20
      reference:
        title: PP 11/2017
    - since: "2027-01-01"
      value: 24
      reference:
        title: Rancangan
"""

UMUM = """\
---
title: KETENTUAN UMUM
---

#### Pasal {#definisi}

Dalam Peraturan Gubernur ini yang dimaksud dengan:

1. Daerah adalah Provinsi Bengkulu.
1. JP adalah jam pelajaran.
1. Gubernur adalah Gubernur Bengkulu.
1. Pegawai Negeri Sipil yang selanjutnya disingkat PNS adalah pegawai negeri sipil.
"""

# the names the text may capitalise without defining them (policy/kamus.yml)
KAMUS = """\
nama:
  - Peraturan Gubernur
  - Provinsi Bengkulu
  - Bengkulu
  - Berita Daerah Provinsi Bengkulu
kata_asing:
  - kata: e-learning
    padanan: pembelajaran elektronik
"""

HAK = """\
---
title: HAK PEGAWAI
---

## Bagian: Pengembangan Kompetensi

#### Pasal {#hak-jp}

(#) {#hak-jp-jumlah} Setiap PNS berhak atas paling sedikit {{ kompetensi.jp_minimum_pns }} JP dalam 1 (satu) tahun.
(#) Hak sebagaimana dimaksud pada [[hak-jp-jumlah]] dilaksanakan melalui:
- {#jalur-pendidikan} jalur pendidikan; dan
- jalur pelatihan.

#### Pasal {#rujukan}

Pelaksanaan [[hak-jp-jumlah]] dan [[jalur-pendidikan]] dilaporkan kepada Gubernur.
"""

PENUTUP = """\
---
title: KETENTUAN PENUTUP
---

#### Pasal {#berlaku}

Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
"""

FILES = {
    "peraturan.yml": PERATURAN,
    "parameter.yml": PARAMETER,
    "bab/umum.md": UMUM,
    "bab/hak.md": HAK,
    "bab/penutup.md": PENUTUP,
    "kamus.yml": KAMUS,
}

MakePolicy = Callable[..., Path]


@pytest.fixture
def make_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakePolicy:
    """Write the tiny regulation with some files replaced; paths in messages are relative."""
    monkeypatch.chdir(tmp_path)

    def make(**replace: str) -> Path:
        # a version's Table Schema lives in rules/schema/: the project's, so that a test that
        # adds rules beside this regulation has a complete version
        schema = tmp_path / "rules" / "schema"
        if not schema.exists():
            shutil.copytree(SCHEMA, schema)
        root = tmp_path / "policy"
        files = dict(FILES)
        for key, text in replace.items():
            files[key.replace("__", "/").replace("_yml", ".yml").replace("_md", ".md")] = text
        for name, text in files.items():
            if text is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make
