"""The access log over real HTTP: every sign-in, upload, report view, download and admin action
of a scripted session appears in ``kebijakan audit`` in order, with who and from where; the
log holds no report content and cannot be rewritten."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.serve import Storage, add_agency
from checker.serve.audit import entries
from tests.serve.live import Live, csv_files, upload

HIDDEN = re.compile(r'name="csrf" value="([^"]+)"')


def test_a_scripted_session_is_on_record_in_order(live: Live, sample: Path) -> None:
    storage = Storage(live.data_dir)
    token = add_agency(storage, "AUDIT", "Dinas yang diperiksa")[1]
    live.tokens["AUDIT"] = token
    before = len(entries(storage))
    with httpx.Client(base_url=live.url, headers={"Origin": live.url}, timeout=30) as browser:
        form = browser.get("/masuk").text
        wrong = browser.post("/masuk", data={"csrf": HIDDEN.findall(form)[0], "token": "kbj_x"})
        assert wrong.status_code == 401
        form = browser.get("/masuk").text
        browser.post("/masuk", data={"csrf": HIDDEN.findall(form)[0], "token": token})
        browser.get("/pengajuan")
        sent = upload(live, "AUDIT", csv_files(sample, "pegawai", "pelatihan"))
        assert sent.status_code == 202
        sub = sent.json()["id"]
        done = live.wait("AUDIT", sub)
        assert done["status"] == "done"
        assert browser.get(f"/pengajuan/{sub}").status_code == 200
        assert browser.get(f"/pengajuan/{sub}/laporan.xlsx").status_code == 200
        page = browser.get("/pengajuan").text
        browser.post("/keluar", data={"csrf": HIDDEN.findall(page)[0]})
    with live.client("AUDIT") as api:
        assert api.get(f"/api/v1/pengajuan/{sub}/laporan.json").status_code == 200

    result = CliRunner().invoke(
        cli, ["audit", "--data-dir", str(live.data_dir), "--agency", "audit", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    mine = json.loads(result.output)
    steps = [(e["action"], e["target"], e["detail"]) for e in mine]
    assert steps == [
        ("masuk", None, None),
        ("lihat-daftar", None, None),
        ("unggah", sub, "api"),
        ("lihat-pengajuan", sub, "api"),  # the poll that saw it done
        ("lihat-pengajuan", sub, None),
        ("unduh", sub, "xlsx"),
        ("lihat-daftar", None, None),
        ("keluar", None, None),
        ("unduh", sub, "json"),
    ]
    assert all(e["address"] == "127.0.0.1" for e in mine)
    assert [e["seq"] for e in mine] == sorted(e["seq"] for e in mine)
    # the failed sign-in is recorded without an agency, before the session's first entry
    failed = [e for e in entries(storage)[before:] if e.action == "masuk-gagal"]
    assert failed and failed[-1].seq < mine[0]["seq"] and failed[-1].agency is None
    # no report content: no NIP, no name of the sample in the log
    text = result.output
    assert not re.search(r"\d{18}", text)

    as_csv = CliRunner().invoke(
        cli, ["audit", "--data-dir", str(live.data_dir), "--agency", "AUDIT"]
    )
    assert as_csv.output.splitlines()[0] == "seq,at,agency,action,target,address,detail"
    assert len(as_csv.output.splitlines()) == len(mine) + 1


def test_the_log_cannot_be_rewritten(tmp_path: Path) -> None:
    from checker.serve.audit import record

    storage = Storage(tmp_path)
    record(storage, "masuk", agency="A", address="10.0.0.1")
    for statement in ("UPDATE access_log SET agency = 'B'", "DELETE FROM access_log"):
        with pytest.raises(sqlite3.DatabaseError, match="catatan akses"), storage.connect() as con:
            con.execute(statement)
    assert [(e.agency, e.action) for e in entries(storage)] == [("A", "masuk")]


def test_audit_of_a_folder_that_is_no_service_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "bukan folder data layanan" in result.output


def test_an_agency_archive_holds_exactly_its_own_records(live: Live, sample: Path) -> None:
    import io
    import zipfile

    storage = Storage(live.data_dir)
    for code in ("ARSIP1", "ARSIP2"):
        live.tokens[code] = add_agency(storage, code, f"Instansi {code}")[1]
    mine = upload(live, "ARSIP1", csv_files(sample, "pegawai")).json()["id"]
    theirs = upload(live, "ARSIP2", csv_files(sample, "pegawai")).json()["id"]
    for code, sub in (("ARSIP1", mine), ("ARSIP2", theirs)):
        assert live.wait(code, sub)["status"] == "done"
    with live.client("ARSIP1") as api:
        got = api.get("/api/v1/arsip")
        # an agency cannot ask for another's archive: the parameter is for BKD only
        same = api.get("/api/v1/arsip", params={"instansi": "ARSIP2"})
    assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(got.content)).namelist()
    assert f"pengajuan/{mine}/pengajuan.json" in names
    assert f"pengajuan/{mine}/laporan.json" in names
    assert any(n.startswith(f"pengajuan/{mine}/") and n.endswith("pegawai.csv") for n in names)
    assert not any(theirs in n for n in names)
    log = json.loads(zipfile.ZipFile(io.BytesIO(got.content)).read("catatan-akses.json"))
    assert log and all(e["agency"] == "ARSIP1" or e["target"] == mine for e in log)
    assert {e["target"] for e in log} >= {mine}
    assert zipfile.ZipFile(io.BytesIO(same.content)).namelist() == names
    # BKD gets any agency's archive; the temporary file is gone once sent
    with live.client("BKD") as api:
        other = api.get("/api/v1/arsip", params={"instansi": "arsip2"})
    other_names = zipfile.ZipFile(io.BytesIO(other.content)).namelist()
    assert f"pengajuan/{theirs}/pengajuan.json" in other_names and mine not in str(other_names)
    deadline = time.monotonic() + 5  # removed by a background task just after the response
    while list(live.data_dir.glob("arsip-*.zip")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(live.data_dir.glob("arsip-*.zip"))


def test_bkd_deletes_a_submission_with_its_reason_on_record(live: Live, sample: Path) -> None:
    storage = Storage(live.data_dir)
    live.tokens["HAPUS"] = add_agency(storage, "HAPUS", "Instansi hapus")[1]
    sub = upload(live, "HAPUS", csv_files(sample, "pegawai")).json()["id"]
    assert live.wait("HAPUS", sub)["status"] == "done"
    assert (live.data_dir / "pengajuan" / sub).is_dir()
    with live.client("HAPUS") as own:
        refused = own.post(f"/api/v1/pengajuan/{sub}/hapus", json={"alasan": "salah kirim"})
    assert refused.status_code == 403
    with live.client("BKD") as bkd:
        no_reason = bkd.post(f"/api/v1/pengajuan/{sub}/hapus", json={"alasan": " "})
        done = bkd.post(f"/api/v1/pengajuan/{sub}/hapus", json={"alasan": "Berkas salah OPD."})
        again = bkd.post(f"/api/v1/pengajuan/{sub}/hapus", json={"alasan": "lagi"})
    assert no_reason.status_code == 422
    assert done.status_code == 200 and done.json()["dihapus"] is True
    assert again.status_code == 404
    assert storage.submission(sub) is None and not (live.data_dir / "pengajuan" / sub).exists()
    (entry,) = [e for e in entries(storage, target=sub) if e.action == "hapus-pengajuan"]
    assert (entry.agency, entry.detail) == ("BKD", "Berkas salah OPD.")
