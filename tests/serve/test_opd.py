"""Agencies bound to their perangkat daerah, over real HTTP: rows of another OPD in an upload
are counted in a SKEMA-OPD finding without anyone's NIP or name, judged nowhere, and change
neither OPD's counts; an agency that is not bound is not restricted."""

from __future__ import annotations

import json

from click.testing import CliRunner

from checker.cli import cli
from checker.serve import Storage, add_agency
from checker.serve.publishing import publish
from tests.data.make_fixtures import HEADER, R1, R2, R3
from tests.serve.live import ROOT, Live

FOREIGN_NIP, FOREIGN_NAME = "199505052022212003", "Dewi Lestari"
PELATIHAN = (
    "nip,nama_pelatihan,jenis,bentuk,penyelenggara,tanggal_mulai,tanggal_selesai,jp\n"
    "198503122010011001,Pelatihan Pelayanan,klasikal,Pelatihan,BPSDM,01/03/2025,03/03/2025,24\n"
    f"{FOREIGN_NIP},Pelatihan Guru,klasikal,Pelatihan,BPSDM,bukan tanggal,03/03/2025,24\n"
)


def _send(live: Live, code: str) -> dict:
    files = [
        ("files", ("pegawai.csv", "\n".join([HEADER, R1, R2, R3, ""]).encode(), "text/csv")),
        ("files", ("pelatihan.csv", PELATIHAN.encode(), "text/csv")),
    ]
    with live.client(code) as client:
        sent = client.post(
            "/api/v1/pengajuan", files=files, data={"as_of": "2026-06-30", "tahun": "2025"}
        )
    assert sent.status_code == 202, sent.text
    sub = sent.json()["id"]
    assert live.wait(code, sub)["status"] == "done"
    with live.client(code) as client:
        return client.get(f"/api/v1/pengajuan/{sub}/laporan.json").json()


def test_rows_of_another_opd_are_set_aside_without_personal_data(live: Live, tmp_path) -> None:
    storage = Storage(live.data_dir)
    live.tokens["DSOS"] = add_agency(storage, "DSOS", "Dinas Sosial", opd=("DINSOS",))[1]
    report = _send(live, "DSOS")
    text = json.dumps(report, ensure_ascii=False)
    assert FOREIGN_NIP not in text and FOREIGN_NAME not in text
    (aside,) = [f for f in report["findings"] if f["rule"] == "SKEMA-OPD"]
    assert aside["actual"] == "1" and "SD Negeri 1" in aside["message"]
    assert aside["nip"] is None and aside["row"] is None and aside["file"] == "pegawai.csv"
    assert "DINSOS" in aside["message"]
    # counted for nobody: the OPD of the foreign row has no employees, no findings
    assert set(report["employees"]) == {"Dinas Sosial"} and report["employees"]["Dinas Sosial"] == 2
    assert "SD Negeri 1" not in report["summary"]["by_opd"]
    # the dashboard gets only the agency's own OPD
    published = {p.submission: p for p in publish(live.data_dir, tmp_path / "laporan")}
    mine = [p for p in published.values() if p.agency == "DSOS"]
    assert mine and mine[0].opd == ("Dinas Sosial",)


def test_an_agency_not_bound_is_not_restricted(live: Live) -> None:
    live.tokens["BEBAS"] = add_agency(Storage(live.data_dir), "BEBAS", "Instansi lama")[1]
    report = _send(live, "BEBAS")
    assert not [f for f in report["findings"] if f["rule"] == "SKEMA-OPD"]
    assert {"Dinas Sosial", "SD Negeri 1"} <= set(report["employees"])
    assert FOREIGN_NIP in json.dumps(report)  # its own data, shown to itself


def test_binding_names_an_opd_of_the_policy(tmp_path) -> None:
    runner = CliRunner()
    policy = str(ROOT / "policy")
    ok = runner.invoke(
        cli,
        [
            "agency",
            "add",
            "DS",
            "--nama",
            "Dinas Sosial",
            "--opd",
            "dinas sosial",
            "--policy",
            policy,
            "--data-dir",
            str(tmp_path),
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "untuk perangkat daerah DINSOS" in ok.output
    listed = runner.invoke(cli, ["agency", "list", "--data-dir", str(tmp_path)])
    assert "DS\tinstansi\taktif\tDINSOS\tDinas Sosial" in listed.output
    bad = runner.invoke(
        cli,
        [
            "agency",
            "add",
            "X",
            "--nama",
            "X",
            "--opd",
            "Dinas Antah",
            "--policy",
            policy,
            "--data-dir",
            str(tmp_path),
        ],
    )
    assert bad.exit_code == 2 and "tidak ada di policy/opd.yml" in bad.output
    assert "DINSOS" in bad.output
    admin = runner.invoke(
        cli,
        [
            "agency",
            "add",
            "B",
            "--nama",
            "BKD",
            "--admin",
            "--opd",
            "BKD",
            "--policy",
            policy,
            "--data-dir",
            str(tmp_path),
        ],
    )
    assert admin.exit_code == 2 and "semua perangkat daerah" in admin.output
