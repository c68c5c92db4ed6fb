"""Texts of the two tagged versions and of the enacted regulation, shared by the tests."""

from __future__ import annotations

from tests.policy_fixture import HAK, PARAMETER, PERATURAN

# v2026.2: a word changed and one added in ayat (1), a rincian added, a new Pasal after
# Pasal 2, Pasal 3 removed, and a new dated value for the parameter
HAK_V2 = (
    HAK.replace("Setiap PNS berhak", "Setiap PNS dan PPPK berhak")
    .replace("- jalur pelatihan.", "- jalur pelatihan; dan\n- jalur magang.")
    .replace(
        "#### Pasal {#rujukan}\n\nPelaksanaan [[hak-jp-jumlah]] dan [[jalur-pendidikan]] dilaporkan "
        "kepada Gubernur.\n",
        "#### Pasal {#laporan}\n\nPimpinan Instansi melaporkan pelaksanaan [[hak-jp-jumlah]] kepada "
        "Gubernur.\n",
    )
)
PARAMETER_V2 = PARAMETER.replace("value: 24", "value: 30")

# the tiny regulation as enacted: numbered, dated, signed, placed in the Berita Daerah
ENACTED = (
    PERATURAN.replace("status: rancangan", "status: ditetapkan")
    .replace("number:\nyear:", "number: 5\nyear: 2026")
    .replace(
        "  office: GUBERNUR BENGKULU\n",
        "  office: GUBERNUR BENGKULU\n  date: 2026-04-20\n  name: Nama Gubernur\n",
    )
    .replace(
        "  office: SEKRETARIS DAERAH PROVINSI BENGKULU\n",
        "  office: SEKRETARIS DAERAH PROVINSI BENGKULU\n  date: 2026-04-21\n  name: Nama Sekda\n",
    )
    .replace("berita_daerah:\n  year:\n  number:", "berita_daerah:\n  year: 2026\n  number: 5")
)
