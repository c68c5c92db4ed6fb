"""A temporary Git repository with the tiny regulation and two rules tagged v1, and agency data
whose JP straddle the minimum in two instansi."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.git_fixture import Git
from tests.policy_fixture import MakePolicy
from tests.rules.builder import Data
from tests.site.fixture import RULES

PROVINSI = "Pemerintah Provinsi Bengkulu"
KOTA = "Pemerintah Kota Bengkulu"
# JP followed in 2025 by each employee; the minimum is 20 in v1
JP = {PROVINSI: (10, 18, 20, 22, 25), KOTA: (19, 21, 23, 30)}


@pytest.fixture
def repo(make_policy: MakePolicy, git: Git, tmp_path: Path) -> Path:
    """policy/ and rules/ committed and tagged v1; returns the repository root (also cwd)."""
    make_policy()
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "aturan.yml").write_text(RULES, encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("add", "policy", "rules")
    git("commit", "-q", "-m", "Rancangan pertama")
    git("tag", "v1")
    return tmp_path


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, dict[str, dict[int, str]]]:
    """The agency files (outside the repository) and each employee's NIP by instansi and JP."""
    d = Data()
    nips: dict[str, dict[int, str]] = {}
    for instansi, hours in JP.items():
        for jp in hours:
            nips.setdefault(instansi, {})[jp] = d.pegawai(
                jp=jp, instansi=instansi, unit_kerja=f"Unit {instansi[-8:]}"
            )
    return d.write(tmp_path.parent / f"{tmp_path.name}-data"), nips


def set_minimum(repo: Path, value: int) -> None:
    """Change the first dated value of kompetensi.jp_minimum_pns in the working tree."""
    path = repo / "policy" / "parameter.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("      value: 20\n", f"      value: {value}\n", 1), encoding="utf-8"
    )
