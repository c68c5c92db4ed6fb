"""Messages address the employee as a careful letter would: Sdr. for men, Sdri. for women."""

from __future__ import annotations

import pytest

from tests.rules.builder import Data, of_rule


def test_sapaan_follows_recorded_jenis_kelamin(tmp_path_factory: pytest.TempPathFactory) -> None:
    d = Data()
    pria = d.pegawai(jp=10, jenis_kelamin="L", nama="Ahmad Fauzi")
    wanita = d.pegawai(jp=10, jenis_kelamin="P", nama="Siti Aminah")
    report = d.check(tmp_path_factory.mktemp("sapaan") / "kiriman")
    [laki] = of_rule(report, "KOMP-JP-MIN", pria)
    [perempuan] = of_rule(report, "KOMP-JP-MIN", wanita)
    assert laki.message.startswith(f"Sdr. Ahmad Fauzi (NIP {pria}) pada tahun 2025 tercatat")
    assert perempuan.message.startswith(
        f"Sdri. Siti Aminah (NIP {wanita}) pada tahun 2025 tercatat"
    )
