"""Lint codes for the dated parameters (``policy/parameter.yml``) and their use in the text."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "parameter"
PARAMETER = "policy/parameter.yml"

_VALUES = """\
kompetensi.jp_minimum_pns:
  values:
    - since: "2017-03-30"
      value: 20
      reference: {title: Peraturan Pemerintah Nomor 11 Tahun 2017}
    - since: "2027-01-01"
      value: 24
      reference: {title: Rancangan Peraturan Gubernur ini}
"""

CODES = (
    LintCode(
        "unknown-parameter",
        "error",
        AREA,
        "Parameter yang disisipkan ke teks dengan {{ nama }} didefinisikan di parameter.yml.",
        "policy/bab/pengembangan-kompetensi.md",
        passing="#### Pasal {#jp-minimum}\nPaling sedikit {{ kompetensi.jp_minimum_pns }} JP.\n",
        failing="#### Pasal {#jp-minimum}\nPaling sedikit {{ kompetensi.jp_minimal }} JP.\n",
    ),
    LintCode(
        "parameter-clause",
        "error",
        AREA,
        "Clause yang disebut parameter (Pasal, ayat atau rincian yang menetapkannya) ada dalam "
        "peraturan.",
        PARAMETER,
        passing="kompetensi.jp_minimum_pns:\n  clause: hak-jp-jumlah\n",
        failing="kompetensi.jp_minimum_pns:\n  clause: hak-jp-pns-jumlah\n",
    ),
    LintCode(
        "parameter-order",
        "error",
        AREA,
        "Nilai parameter ditulis berurutan menurut tanggal berlaku (since), tanpa tanggal kembar.",
        PARAMETER,
        passing=_VALUES,
        failing=_VALUES.replace('"2027-01-01"', '"2016-01-01"'),
    ),
    LintCode(
        "date",
        "error",
        AREA,
        "Tanggal di parameter.yml (since) dan peraturan.yml (penetapan, pengundangan) adalah "
        "tanggal kalender TTTT-BB-HH.",
        PARAMETER,
        passing=_VALUES,
        failing=_VALUES.replace('"2027-01-01"', '"2027-02-30"'),
    ),
)
