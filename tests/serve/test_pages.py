"""The operator's pages over real HTTP: sign-in, session cookie, CSRF, upload through the form,
the report page (with each finding's category and the per-OPD table), escaping, and who sees
what."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from markupsafe import escape

from checker.report.labels import CATEGORY_LABELS, CATEGORY_MEANINGS
from checker.report.report import Report, to_json
from checker.serve import Storage, add_agency, revoke_agency
from checker.serve.findings import store_findings
from checker.serve.runner import REPORT_JSON
from checker.serve.storage import Submission, new_submission_id, now
from tests.report.sample import OPD, VERIFIKASI, small_report
from tests.serve.live import LIMITS, Live, stored_folders

HIDDEN = re.compile(r'name="csrf" value="([^"]+)"')


class Browsers:
    """Cookie-keeping clients that send the Origin a browser sends; closed after the test."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self.opened: list[httpx.Client] = []

    def new(self) -> httpx.Client:
        client = httpx.Client(base_url=self.live.url, headers={"Origin": self.live.url}, timeout=30)
        self.opened.append(client)
        return client

    def signed_in(self, token: str, lanjut: str = "/pengajuan") -> httpx.Client:
        client = self.new()
        form = client.get("/masuk")
        response = client.post(
            "/masuk", data={"csrf": csrf(form.text), "token": token, "lanjut": lanjut}
        )
        assert response.status_code == 303, response.text
        return client


@pytest.fixture
def browsers(live: Live) -> Iterator[Browsers]:
    made = Browsers(live)
    yield made
    for client in made.opened:
        client.close()


def csrf(page: str) -> str:
    return HIDDEN.findall(page)[0]


def form_upload(
    client: httpx.Client, files: list[tuple[str, bytes]], token: str | None = None, **data: str
) -> httpx.Response:
    page = client.get("/pengajuan").text
    fields = {
        "csrf": csrf(page) if token is None else token,
        "as_of": "2026-06-30",
        "tahun": "2025",
        **data,
    }
    return client.post(
        "/pengajuan",
        data=fields,
        files=[("berkas", (name, body, "text/csv")) for name, body in files],
    )


def wait_page(client: httpx.Client, path: str) -> str:
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        text = client.get(path).text
        if "Sedang diperiksa" not in text and "Menunggu giliran" not in text:
            return text
        time.sleep(0.2)
    raise TimeoutError(path)


def test_sign_in_sets_a_strict_session_cookie(live: Live, browsers: Browsers) -> None:
    client = browsers.new()
    form = client.get("/masuk")
    assert 'autocomplete="current-password"' in form.text
    response = client.post(
        "/masuk", data={"csrf": csrf(form.text), "token": live.tokens["A"], "lanjut": "/pengajuan"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/pengajuan"
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith("kebijakan_sesi=")
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP on 127.0.0.1; Secure is set behind HTTPS
    assert client.get("/pengajuan").status_code == 200


def test_wrong_token_is_401_page(live: Live, browsers: Browsers) -> None:
    client = browsers.new()
    form = client.get("/masuk")
    response = client.post("/masuk", data={"csrf": csrf(form.text), "token": "kbj_salah"})
    assert response.status_code == 401
    assert "Token tidak dikenal atau sudah dicabut" in response.text
    assert "kebijakan_sesi" not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize("case", ["no-csrf", "wrong-csrf", "other-origin"])
def test_sign_in_without_csrf_is_403(live: Live, browsers: Browsers, case: str) -> None:
    client = browsers.new()
    token = csrf(client.get("/masuk").text)
    data = {
        "token": live.tokens["A"],
        "csrf": {"no-csrf": "", "wrong-csrf": "x" * 43}.get(case, token),
    }
    headers = {"Origin": "https://contoh.invalid"} if case == "other-origin" else {}
    response = client.post("/masuk", data=data, headers=headers)
    assert response.status_code == 403
    assert "Formulir ini sudah kedaluwarsa" in response.text


def test_upload_without_csrf_is_403_and_stores_nothing(
    live: Live, browsers: Browsers, sample: Path
) -> None:
    client = browsers.signed_in(live.tokens["A"])
    before = stored_folders(live)
    data = (sample / "pegawai.csv").read_bytes()
    assert form_upload(client, [("pegawai.csv", data)], token="").status_code == 403
    assert form_upload(client, [("pegawai.csv", data)], token="palsu").status_code == 403
    assert stored_folders(live) == before


def test_form_upload_shows_report_with_escaped_names(
    live: Live, browsers: Browsers, sample: Path
) -> None:
    client = browsers.signed_in(live.tokens["A"])
    # a browser sends a base name; "/" would be cut away as a path separator
    files = [
        ("<script>alert(1)<img src=x onerror=alert(2)>.csv", (sample / "pegawai.csv").read_bytes()),
        ("pelatihan.csv", (sample / "pelatihan.csv").read_bytes()),
    ]
    response = form_upload(client, files)
    assert response.status_code == 303
    path = response.headers["location"]
    page = wait_page(client, path)
    assert "Selesai." in page
    assert "&lt;script&gt;alert(1)&lt;img src=x onerror=alert(2)&gt;.csv" in page
    assert "Dinas &lt;script&gt;alert(&#39;A&#39;)&lt;/script&gt; Kesehatan" in page
    assert "<script" not in page and "<img" not in page
    assert "Temuan per aturan" in page and "Buku kerja perbaikan (Excel)" in page
    # a rule with more findings than a page holds
    counts = re.findall(
        r'href="(/pengajuan/\w+/aturan/[\w-]+)".*?data-label="Temuan" '
        r'class="angka">(\d+)<',
        page,
        re.S,
    )
    rule_path = next(link for link, count in counts if int(count) > LIMITS["page_size"])
    second = client.get(rule_path, params={"halaman": 2})
    assert second.status_code == 200
    assert "Halaman 2 dari" in second.text and 'rel="prev"' in second.text
    assert client.get(f"{path}/laporan.xlsx").content.startswith(b"PK\x03\x04")


def test_form_rejects_a_non_spreadsheet_in_indonesian(live: Live, browsers: Browsers) -> None:
    client = browsers.signed_in(live.tokens["B"])
    response = form_upload(client, [("pegawai.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")])
    assert response.status_code == 415
    assert (
        "Berkas “pegawai.xlsx” bukan data yang dapat diperiksa: isinya dokumen PDF. "
        "Kirim data sebagai CSV, Excel (.xlsx), JSON dari API SIASN, atau ZIP berisi "
        "berkas-berkas itu."
    ) in response.text
    assert 'value="2026-06-30"' in response.text  # the form keeps what was filled in


def test_pages_need_sign_in_and_come_back(live: Live, browsers: Browsers) -> None:
    client = browsers.new()
    response = client.get("/pengajuan/abcdefghjk")
    assert response.status_code == 303
    assert response.headers["location"] == "/masuk?lanjut=%2Fpengajuan%2Fabcdefghjk"
    assert (
        browsers.signed_in(live.tokens["B"], "/pengajuan/abcdefghjk")
        .get("/pengajuan/abcdefghjk")
        .status_code
        == 404
    )


def test_no_open_redirect_after_sign_in(live: Live, browsers: Browsers) -> None:
    client = browsers.new()
    form = client.get("/masuk")
    response = client.post(
        "/masuk",
        data={"csrf": csrf(form.text), "token": live.tokens["B"], "lanjut": "//contoh.invalid/"},
    )
    assert response.headers["location"] == "/pengajuan"


def test_other_agencys_page_is_404_and_bkd_sees_all(
    live: Live, browsers: Browsers, sample: Path
) -> None:
    owner = browsers.signed_in(live.tokens["A"])
    path = form_upload(owner, [("pegawai.csv", (sample / "pegawai.csv").read_bytes())]).headers[
        "location"
    ]
    other = browsers.signed_in(live.tokens["B"])
    assert other.get(path).status_code == 404
    assert "Pengajuan tidak ditemukan" in other.get(path).text
    assert other.get(f"{path}/laporan.json").status_code == 404
    admin = browsers.signed_in(live.tokens["BKD"])
    assert admin.get(path).status_code == 200
    assert "Pengajuan semua instansi" in admin.get("/pengajuan").text
    wait_page(owner, path)


def test_sign_out_needs_csrf_and_ends_the_session(live: Live, browsers: Browsers) -> None:
    client = browsers.signed_in(live.tokens["B"])
    assert client.post("/keluar", data={"csrf": "salah"}).status_code == 403
    token = csrf(client.get("/pengajuan").text)
    assert client.post("/keluar", data={"csrf": token}).headers["location"] == "/masuk"
    assert client.get("/pengajuan").status_code == 303


def test_revoking_ends_browser_sessions(live: Live, browsers: Browsers) -> None:
    storage = Storage(live.data_dir)
    _, token = add_agency(storage, "S", "Instansi sementara")
    client = browsers.signed_in(token)
    assert client.get("/pengajuan").status_code == 200
    revoke_agency(storage, "S")
    assert client.get("/pengajuan").status_code == 303


def finished(live: Live, agency: str, report: Report) -> str:
    """A submission of ``agency`` whose check has ended with ``report``, stored as the check
    process stores it (report file, then the rows the pages read)."""
    storage = Storage(live.data_dir)
    sid = new_submission_id()
    storage.folder(sid).mkdir()
    storage.add_submission(
        Submission(sid, agency, "", now(), report.as_of, report.years, "queued", "0")
    )
    (storage.folder(sid) / REPORT_JSON).write_text(to_json(report), encoding="utf-8")
    store_findings(storage, sid, report)
    storage.finish(sid, error=None, policy_version="2026.1", policy_commit=None, summary={})
    return sid


def test_report_page_counts_findings_per_category_and_per_opd(
    live: Live, browsers: Browsers
) -> None:
    report = small_report()
    report.employees = {OPD: 40}
    sid = finished(live, "B", report)
    page = browsers.signed_in(live.tokens["B"]).get(f"/pengajuan/{sid}").text
    # per category: 4 breaches, 1 to verify, 1 information, each with what it asks for
    for count, key in ((4, "ketidakpatuhan"), (1, "verifikasi"), (1, "informasi")):
        assert (
            f'<li class="jenis-{key}"><span class="nilai">{count}</span> '
            f"{CATEGORY_LABELS[key]}</li>"
        ) in page
        assert str(escape(CATEGORY_MEANINGS[key])) in page
    assert "Temuan per perangkat daerah" in page and "Temuan per instansi" not in page
    assert '<th scope="col">Perangkat daerah</th>' in page
    assert f'<th scope="row">{OPD}</th>' in page
    # the rule to verify is labelled as such in the table of rules
    row = page.split('href="/pengajuan/' + sid + '/aturan/KAR-KP-MASA"', 1)[1].split("</tr>")[0]
    assert f'<span class="jenis jenis-verifikasi">{VERIFIKASI}</span>' in row
    assert '<span class="tingkat tingkat-error">kesalahan</span>' in row


def test_rule_page_labels_each_finding_with_its_category(live: Live, browsers: Browsers) -> None:
    sid = finished(live, "B", small_report())
    client = browsers.signed_in(live.tokens["B"])
    page = client.get(f"/pengajuan/{sid}/aturan/KAR-KP-MASA").text
    label = f'<span class="jenis jenis-verifikasi">{VERIFIKASI}</span>'
    assert page.count(label) == 2  # under the heading and on the one finding
    assert f"<dt>Jenis temuan</dt><dd>{label}</dd>" in page
    assert f"<dt>Perangkat daerah</dt><dd>{OPD}</dd>" in page
    # the found value in the words of the message, not ISO dates
    assert "<dd>1 April 2025 (TMT pangkat sebelumnya 1 April 2023)</dd>" in page
    assert "2023-04-01" not in page
    other = client.get(f"/pengajuan/{sid}/aturan/KOMP-JP-MIN").text
    assert VERIFIKASI not in other
    assert '<span class="jenis jenis-ketidakpatuhan">temuan ketidakpatuhan</span>' in other


def test_pages_take_the_category_words_from_the_label_table(
    live: Live, browsers: Browsers, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the service runs in this process (uvicorn in a thread): the table it reads is this one
    sid = finished(live, "B", small_report())
    monkeypatch.setitem(CATEGORY_LABELS, "verifikasi", "perlu dicek")
    client = browsers.signed_in(live.tokens["B"])
    pages = (
        client.get(f"/pengajuan/{sid}").text
        + client.get(f"/pengajuan/{sid}/aturan/KAR-KP-MASA").text
    )
    assert '<span class="jenis jenis-verifikasi">perlu dicek</span>' in pages
    assert VERIFIKASI not in pages
