"""Bad input never raises out of ingest: arbitrary bytes and arbitrary CSV text become findings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.data.ingest import ingest
from checker.report.finding import Finding

HEADER = "nip,nama,tanggal_lahir,jenis_kelamin,status_kepegawaian,golongan,jp\n"
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


def _check(data: bytes, name: str = "pegawai.csv") -> list[Finding]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        ds = ingest([path])
        try:
            findings = ds.findings
            assert findings == sorted(findings, key=Finding.sort_key)
            assert all(f.message and f.rule.startswith("SKEMA-") for f in findings)
            assert sum(i.rows for i in ds.inputs) == ds.count("pegawai")
            return findings
        finally:
            ds.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _check(data)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, max_size=9), max_size=8), st.sampled_from([",", ";", "\t"]))
def test_arbitrary_csv_text_never_raises(rows: list[list[str]], delimiter: str) -> None:
    body = "\n".join(delimiter.join(cells) for cells in rows)
    _check((HEADER.replace(",", delimiter) + body).encode("utf-8"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="\",;\n\r'x1/ ", max_size=80))
def test_quotes_and_separators_never_raise(text: str) -> None:
    _check((HEADER + text).encode("utf-8"))


def test_same_input_same_findings(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_text(HEADER + '1,"a\n2,b,31/02/2020,X,Q,III/f,dua\n\n;;\n', encoding="utf-8")
    first = [f.to_dict() for f in ingest([path]).findings]
    assert first == [f.to_dict() for f in ingest([path]).findings]
    assert first
