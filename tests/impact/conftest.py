"""A temporary Git repository with the tiny regulation and two rules tagged v1, and agency data
whose JP straddle the minimum in two perangkat daerah (OPD) of one instansi, the province."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.git_fixture import Git
from tests.policy_fixture import MakePolicy
from tests.rules.builder import Data
from tests.site.fixture import DIKBUD, DINKES, PROVINSI, RULES

# JP followed in 2025 by each employee of each OPD; the minimum is 20 in v1
JP = {DIKBUD: (10, 18, 20, 22, 25), DINKES: (19, 21, 23, 30)}


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
    """The agency files (outside the repository) and each employee's NIP by OPD and JP; every
    employee works in the province, in a unit that is itself the OPD."""
    d = Data()
    nips: dict[str, dict[int, str]] = {}
    for opd, hours in JP.items():
        for jp in hours:
            nips.setdefault(opd, {})[jp] = d.pegawai(jp=jp, instansi=PROVINSI, unit_kerja=opd)
    return d.write(tmp_path.parent / f"{tmp_path.name}-data"), nips


def set_minimum(repo: Path, value: int) -> None:
    """Change the first dated value of kompetensi.jp_minimum_pns in the working tree."""
    path = repo / "policy" / "parameter.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("      value: 20\n", f"      value: {value}\n", 1), encoding="utf-8"
    )
