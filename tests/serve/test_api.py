"""The JSON API over real HTTP: upload → report, receipts, who sees what, tokens, limits."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from checker.report.report import Report
from tests.serve.live import Live, csv_files, stored_folders, upload


def test_upload_gives_receipt_then_report(live: Live, sample: Path) -> None:
    files = csv_files(sample)
    response = upload(live, "A", files)
    assert response.status_code == 202, response.text
    body = response.json()
    assert body["status"] == "queued"
    assert response.headers["location"] == f"/api/v1/pengajuan/{body['id']}"
    receipt = {f["name"]: f["sha256"] for f in body["receipt"]["files"]}
    assert receipt == {name: hashlib.sha256(data).hexdigest() for _, (name, data, _) in files}
    assert body["receipt"]["tool_version"]

    done = live.wait("A", body["id"])
    assert done["status"] == "done", done["error"]
    assert done["receipt"]["policy_version"]
    with live.client("A") as client:
        data = client.get(f"/api/v1/pengajuan/{body['id']}/laporan.json")
        book = client.get(f"/api/v1/pengajuan/{body['id']}/laporan.xlsx")
    assert data.status_code == 200
    assert str(live.data_dir) not in data.text  # not in messages either ("... baris 47 berkas")
    report = Report.from_dict(data.json())
    assert done["summary"]["findings"] == len(report.findings) > 0
    assert done["summary"]["by_severity"] == report.counts_by_severity()
    # the agency's file names, never the server's paths
    assert {i.path for i in report.inputs} <= set(receipt)
    assert {f.file for f in report.findings if f.file} <= set(receipt)
    assert "attachment" in book.headers["content-disposition"]
    assert book.content.startswith(b"PK\x03\x04")


def test_zip_of_csv_files_is_checked(live: Live, sample: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(sample.glob("*.csv")):
            zf.write(path, f"kiriman/{path.name}")
        zf.writestr("__MACOSX/._pegawai.csv", b"\x00\x05junk")
        zf.writestr("surat pengantar.pdf", b"%PDF-1.4 not data")
    response = upload(live, "A", [("files", ("kiriman.zip", buffer.getvalue(), "application/zip"))])
    assert response.status_code == 202, response.text
    files = response.json()["receipt"]["files"]
    assert files[0]["kind"] == "zip" and not files[0]["checked"]
    checked = sorted(f["name"] for f in files if f["checked"])
    assert checked == sorted(f"kiriman.zip/kiriman/{p.name}" for p in sample.glob("*.csv"))
    assert [f["kind"] for f in files if f["name"].endswith(".pdf")] == ["skipped"]
    assert live.wait("A", response.json()["id"])["status"] == "done"


def test_another_agencys_submission_is_404_and_bkd_sees_it(live: Live, sample: Path) -> None:
    sid = upload(live, "A", csv_files(sample, "pegawai")).json()["id"]
    live.wait("A", sid)
    with live.client("B") as other:
        for path in ("", "/laporan.json", "/laporan.xlsx"):
            response = other.get(f"/api/v1/pengajuan/{sid}{path}")
            assert response.status_code == 404
            assert response.json() == {"detail": "Pengajuan tidak ditemukan."}
        assert sid not in {s["id"] for s in other.get("/api/v1/pengajuan").json()}
    with live.client("BKD") as admin:
        assert admin.get(f"/api/v1/pengajuan/{sid}").json()["agency"] == "A"
        assert sid in {s["id"] for s in admin.get("/api/v1/pengajuan").json()}
        only_a = admin.get("/api/v1/pengajuan", params={"instansi": "a"}).json()
        assert sid in {s["id"] for s in only_a} and {s["agency"] for s in only_a} == {"A"}
    with live.client("B") as other:
        asked = other.get("/api/v1/pengajuan", params={"instansi": "A"}).json()
        assert {s["agency"] for s in asked} <= {"B"}


def test_missing_or_wrong_token_is_401(live: Live) -> None:
    with live.client() as anonymous:
        response = anonymous.get("/api/v1/pengajuan")
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Token tidak dikenal" in response.json()["detail"]
        wrong = anonymous.get(
            "/api/v1/pengajuan", headers={"Authorization": "Bearer kbj_" + "x" * 43}
        )
        assert wrong.status_code == 401


def test_revoked_token_is_401(live: Live, sample: Path) -> None:
    from checker.serve import Storage, revoke_agency

    sid = upload(live, "R", csv_files(sample, "pegawai")).json()["id"]
    live.wait("R", sid)
    revoke_agency(Storage(live.data_dir), "R")
    with live.client("R") as client:
        assert client.get(f"/api/v1/pengajuan/{sid}").status_code == 401
        assert client.get("/api/v1/pengajuan").status_code == 401
    assert upload(live, "R", csv_files(sample, "pegawai")).status_code == 401


def test_report_is_409_until_checked(live: Live, sample: Path) -> None:
    sid = upload(live, "B", csv_files(sample, "pegawai")).json()["id"]
    with live.client("B") as client:
        early = client.get(f"/api/v1/pengajuan/{sid}/laporan.json")
    assert early.status_code in (200, 409)
    if early.status_code == 409:
        assert "belum tersedia" in early.json()["detail"]
    live.wait("B", sid)


def test_bad_form_values_are_422_in_indonesian(live: Live, sample: Path) -> None:
    bad_date = upload(live, "B", csv_files(sample, "pegawai"), as_of="30/06/2026")
    assert bad_date.status_code == 422
    assert "Tanggal acuan “30/06/2026” tidak dapat dibaca" in bad_date.json()["detail"]
    late_year = upload(live, "B", csv_files(sample, "pegawai"), tahun="2027")
    assert late_year.status_code == 422
    assert "Tahun yang diperiksa harus di antara 1950 dan 2026" in late_year.json()["detail"]
    with live.client("B") as client:
        none = client.post("/api/v1/pengajuan", data={"as_of": "2026-06-30"})
    assert none.status_code == 422
    assert none.json()["detail"] == "Pilih paling sedikit satu berkas data untuk diunggah."


def test_health_openapi_and_no_cdn_docs(live: Live) -> None:
    with live.client() as client:
        health = client.get("/api/v1/kesehatan").json()
        schema = client.get("/openapi.json").json()
        docs = client.get("/docs")
    assert health["status"] == "ok" and set(health) == {"status", "version", "queued", "running"}
    assert "/api/v1/pengajuan/{submission_id}/laporan.xlsx" in schema["paths"]
    body = schema["paths"]["/api/v1/pengajuan"]["post"]["requestBody"]
    assert "files" in body["content"]["multipart/form-data"]["schema"]["properties"]
    assert docs.status_code == 404


def test_security_headers_on_every_answer(live: Live) -> None:
    with live.client() as client:
        for path in ("/masuk", "/api/v1/kesehatan", "/static/gaya.css", "/tidak-ada"):
            headers = client.get(path).headers
            assert "script-src" not in headers["content-security-policy"]
            assert "default-src 'none'" in headers["content-security-policy"]
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["x-frame-options"] == "DENY"
            assert headers["referrer-policy"] == "same-origin"
        assert client.get("/masuk").headers["cache-control"] == "no-store"


def test_failed_check_explains_why(live: Live) -> None:
    letter = "Kepada Yth. Kepala BKD,\nbersama ini kami sampaikan data kepegawaian.\n"
    response = upload(live, "B", [("files", ("surat.txt", letter.encode(), "text/plain"))])
    assert response.status_code == 202
    done = live.wait("B", response.json()["id"])
    assert done["status"] == "failed"
    assert "surat.txt" in done["error"] and "tidak dikenali" in done["error"]
    assert str(live.data_dir) not in done["error"]


def test_nothing_is_kept_of_a_rejected_upload(live: Live) -> None:
    before = stored_folders(live)
    response = upload(
        live, "B", [("files", ("pegawai.csv", b"\x89PNG\r\n\x1a\n" + bytes(300), "text/csv"))]
    )
    assert response.status_code == 415
    assert stored_folders(live) == before
    assert json.loads(response.text)["detail"].startswith("Berkas “pegawai.csv” bukan data")


SIASN = Path(__file__).resolve().parents[1] / "data" / "siasn" / "json"


def test_siasn_api_answers_are_checked_as_json(live: Live) -> None:
    """The SIASN API's answers, uploaded as they come (named anything), are read as JSON, and
    the riwayat keyed by PNS ID are judged against the employees' NIP."""
    files = [
        ("files", (f"unduhan-{i}.txt", path.read_bytes(), "application/json"))
        for i, path in enumerate(sorted(SIASN.glob("*.json")))
    ] + [("files", ("unit_kerja.csv", (SIASN / "unit_kerja.csv").read_bytes(), "text/csv"))]
    response = upload(live, "A", files)
    assert response.status_code == 202, response.text
    kinds = {f["name"]: f["kind"] for f in response.json()["receipt"]["files"]}
    assert [k for n, k in kinds.items() if n.startswith("unduhan-")] == ["json"] * 9
    done = live.wait("A", response.json()["id"])
    assert done["status"] == "done", done["error"]
    with live.client("A") as client:
        data = client.get(f"/api/v1/pengajuan/{response.json()['id']}/laporan.json")
    report = Report.from_dict(data.json())
    assert {i.table for i in report.inputs} >= {"pegawai", "penilaian_kinerja", "pelatihan"}
    skp = [f for f in report.findings if f.rule == "KIN-PREDIKAT"]
    assert [f.nip for f in skp] == ["197203182005081003"]  # a row with pnsDinilaiId only
