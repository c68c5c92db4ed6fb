"""``publish`` writes what the site's compliance dashboard reads: the latest accepted report of
every agency, one JSON file each, that loads as a Report and builds the dashboard pages, which
count each perangkat daerah (OPD) the report holds; an upload records those OPDs."""

from __future__ import annotations

import json
from pathlib import Path

from checker.report.report import Report
from checker.serve import publish
from checker.site.build import load_context
from checker.site.context import load_reports
from checker.site.dashboard import build_dashboard
from checker.site.kepatuhan import kepatuhan_pages
from tests.serve.live import ROOT, Live, csv_files, upload


def finished(live: Live, code: str, files: list, as_of: str, tahun: str) -> dict:
    response = upload(live, code, files, as_of=as_of, tahun=tahun)
    assert response.status_code == 202, response.text
    return live.wait(code, response.json()["id"])


def test_publish_writes_latest_report_per_agency(live: Live, sample: Path, tmp_path: Path) -> None:
    tables = csv_files(sample, "pegawai", "pelatihan", "penilaian_kinerja", "unit_kerja")
    earlier = finished(live, "B", tables, "2025-12-31", "2025")
    latest = finished(live, "B", tables, "2026-06-30", "2025")
    other = finished(live, "A", tables, "2026-06-30", "2025")
    assert {earlier["status"], latest["status"], other["status"]} == {"done"}
    letter = [("files", ("surat.txt", b"Kepada Yth. BKD\nterlampir\n", "text/plain"))]
    assert finished(live, "B", letter, "2026-06-30", "2025")["status"] == "failed"

    out = tmp_path / "reports"
    out.mkdir()
    (out / "catatan.txt").write_text("bukan milik publish\n", encoding="utf-8")
    written = {p.path.name: p for p in publish(live.data_dir, out)}
    assert {"a-2026-06-30.json", "b-2026-06-30.json"} <= set(written)
    assert "b-2025-12-31.json" not in written
    assert written["b-2026-06-30.json"].submission == latest["id"]
    assert written["a-2026-06-30.json"].submission == other["id"]
    with live.client("B") as client:
        served = client.get(f"/api/v1/pengajuan/{latest['id']}/laporan.json").content
    assert (out / "b-2026-06-30.json").read_bytes() == served

    opds: set[str] = set()
    instansi: set[str] = set()
    for path in out.glob("*.json"):
        report = Report.from_dict(json.loads(path.read_text(encoding="utf-8")))
        # what the upload recorded and what publish says it wrote: the report's OPDs
        named = set(report.employees) | {f.opd for f in report.active() if f.opd}
        assert written[path.name].opd == tuple(sorted(named))
        opds |= named
        instansi |= {f.instansi for f in report.findings if f.instansi}
    assert latest["summary"]["opd"] == sorted(Report.from_dict(json.loads(served)).employees)
    assert "instansi" not in latest["summary"]
    # the OPDs are counted apart, not as the instansi they belong to
    assert opds - instansi
    board = build_dashboard(load_reports(out))
    assert set(board.latest()) - {""} == opds
    site = load_context(ROOT / "policy", ROOT / "rules", out)
    assert any(page.src_uri.startswith("kepatuhan/") for page in kepatuhan_pages(site))

    # history on request; a later plain run removes what it wrote before, nothing else
    assert "b-2025-12-31.json" in {p.path.name for p in publish(live.data_dir, out, per_date=True)}
    publish(live.data_dir, out)
    assert not (out / "b-2025-12-31.json").exists()
    assert (out / "catatan.txt").exists() and (out / "b-2026-06-30.json").exists()
