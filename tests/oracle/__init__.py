"""An independent test oracle: the findings a dataset should give, computed in plain Python
from ``policy/parameter.yml``, the data contract (``rules/schema/``), the clauses of
``policy/bab/`` and the domain notes (``/work/shared/domain/asn-regulations.md``).

It shares nothing with the rule engine: no import of ``checker``, no reading of the rules'
logic in ``rules/*.yml``. Every number comes from ``parameter.yml`` at the date it concerns;
every other fact names the section of the domain notes it comes from.

    expected_findings(data_dir, as_of, years) -> list[Expected]

returns the findings of every rule (``SKEMA-*`` intake findings excepted) for a dataset in the
canonical layout that ``python -m checker sample --out DIR`` writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from tests.oracle import rules_data, rules_karier, rules_kinerja, rules_kompetensi
from tests.oracle.contract import load_contract
from tests.oracle.intake import load_dataset
from tests.oracle.model import Context, Expected
from tests.oracle.params import Parameters
from tests.oracle.people import employees, first_by_nip, leaves

ROOT = Path(__file__).resolve().parents[2]
PARAMETER_FILE = ROOT / "policy" / "parameter.yml"
SCHEMA_DIR = ROOT / "rules" / "schema"

RuleFunction = Callable[[Context], list[Expected]]

# every rule of rules/*.yml and the function that computes its findings
RULES: dict[str, RuleFunction] = {
    "DATA-NIP-FORMAT": rules_data.nip_format,
    "DATA-NIP-LAHIR": rules_data.nip_lahir,
    "DATA-NIP-TMT": rules_data.nip_tmt,
    "DATA-NIP-JK": rules_data.nip_jk,
    "DATA-NIP-PPPK": rules_data.nip_pppk,
    "DATA-NIP-GANDA": rules_data.nip_ganda,
    "DATA-TANGGAL": rules_data.tanggal,
    "DATA-TMT-PANGKAT": rules_data.tmt_pangkat,
    "DATA-JENIS-KP": rules_data.jenis_kp,
    "DATA-PANGKAT-RIWAYAT": rules_data.pangkat_riwayat,
    "DATA-KEDUDUKAN-ASUMSI": rules_data.kedudukan_asumsi,
    "DATA-JP-TANGGAL-MULAI": rules_data.jp_tanggal_mulai,
    "KOMP-JP-MIN": rules_kompetensi.jp_min,
    "KOMP-JP-BERJALAN": rules_kompetensi.jp_berjalan,
    "KOMP-JP-PPPK": rules_kompetensi.jp_pppk,
    "KOMP-CAKUPAN": rules_kompetensi.cakupan,
    "KOMP-PPPK-TANPA": rules_kompetensi.pppk_tanpa,
    "KOMP-CAKUPAN-PPPK": rules_kompetensi.cakupan_pppk,
    "KIN-SKP-TAHUNAN": rules_kinerja.skp_tahunan,
    "KIN-PREDIKAT": rules_kinerja.predikat,
    "KIN-PREDIKAT-PERIODIK": rules_kinerja.predikat_periodik,
    "KIN-UMPAN-BALIK": rules_kinerja.umpan_balik,
    "KIN-CAKUPAN": rules_kinerja.cakupan,
    "KAR-KP-MASA": rules_karier.kp_masa,
    "KAR-KP-PREDIKAT": rules_karier.kp_predikat,
    "KAR-KP-HUKDIS": rules_karier.kp_hukdis,
    "KAR-KP-PLAFON": rules_karier.kp_plafon,
    "KAR-BUP": rules_karier.bup,
    "KAR-SATYALANCANA": rules_karier.satyalancana,
}
# rules about an agency or a file as a whole: they name no row or NIP
AGGREGATE_RULES = (
    "KOMP-CAKUPAN",
    "KOMP-CAKUPAN-PPPK",
    "KIN-CAKUPAN",
    "DATA-KEDUDUKAN-ASUMSI",
    "DATA-JP-TANGGAL-MULAI",
)


def context(
    data_dir: Path,
    as_of: dt.date,
    years: list[int],
    parameter_file: Path = PARAMETER_FILE,
    schema_dir: Path = SCHEMA_DIR,
) -> Context:
    """The dataset of ``data_dir`` read and prepared for the rules."""
    data = load_dataset(data_dir, load_contract(schema_dir))
    people = employees(data)
    return Context(
        data=data,
        params=Parameters(parameter_file),
        as_of=as_of,
        years=sorted(set(years)),
        people=people,
        by_nip=first_by_nip(people),
        periods=leaves(data),
    )


def expected_findings(
    data_dir: Path,
    as_of: dt.date,
    years: list[int],
    parameter_file: Path = PARAMETER_FILE,
    rules: tuple[str, ...] | None = None,
) -> list[Expected]:
    """Every finding of the rules (all, or ``rules``) for the dataset in ``data_dir`` checked
    on ``as_of`` for ``years``, sorted."""
    return findings_of(context(Path(data_dir), as_of, years, Path(parameter_file)), rules)


def findings_of(ctx: Context, rules: tuple[str, ...] | None = None) -> list[Expected]:
    """Every finding of the rules (all, or ``rules``) for a prepared dataset, sorted."""
    found: list[Expected] = []
    for rule, compute in RULES.items():
        if rules is None or rule in rules:
            found.extend(compute(ctx))
    return sorted(found, key=Expected.sort_key)


__all__ = [
    "AGGREGATE_RULES",
    "RULES",
    "Expected",
    "context",
    "expected_findings",
    "findings_of",
]
