"""Public consultation over real HTTP: a comment on a Pasal is accepted, moderated, exported into
``policy/konsultasi/``, answered in YAML and linted; refusals (unknown Pasal, oversized, no
consent, outside the window, a burst past the rate limit, a filled hidden field) carry clear
Indonesian messages. The window is set around the day the test runs, never a fixed date."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from click.testing import CliRunner

from checker.artifacts.markdown import escape
from checker.cli import cli
from checker.dispensasi.model import jakarta_today
from checker.kebijakan import load_kebijakan
from checker.konsultasi.berkas import read_folder
from checker.konsultasi.lint import lint_berkas
from checker.konsultasi.model import Draft
from checker.linting import lint
from checker.policy.model import Konsultasi
from checker.serve import Storage, add_agency, create_app
from checker.serve.comments import add_comment, comments, purge_contacts
from checker.site import links
from checker.site.build import load_context
from checker.site.konsultasi import konsultasi_pages
from tests.serve.live import ROOT, serve_in_thread

HIDDEN = re.compile(r'name="csrf" value="([^"]+)"')
TODAY = jakarta_today()
MARKUP = "<script>alert('x')</script> **tebal** [tautan](javascript:alert(1))"


@pytest.fixture(scope="module")
def base_draft() -> Draft:
    return Draft.of(load_kebijakan(ROOT / "policy", ROOT / "rules", text_only=True).peraturan)


def _with_window(draft: Draft, start: int, end: int) -> Draft:
    window = Konsultasi(TODAY + dt.timedelta(days=start), TODAY + dt.timedelta(days=end))
    return dataclasses.replace(draft, window=window)


class Service:
    """A running service: address, data folder, tokens."""

    def __init__(self, url: str, data_dir: Path, tokens: dict[str, str]) -> None:
        self.url, self.data_dir, self.tokens = url, data_dir, tokens

    def client(self, code: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[code]}"} if code else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


def _start(tmp: Path, draft: Draft, **options: int) -> Iterator[Service]:
    storage = Storage(tmp)
    tokens = {
        "A": add_agency(storage, "A", "Dinas Kesehatan")[1],
        "BKD": add_agency(storage, "BKD", "BKD Provinsi Bengkulu", admin=True)[1],
    }
    app = create_app(
        tmp, policy_root=ROOT / "policy", rules_root=ROOT / "rules", draft=draft, **options
    )
    url, server, thread = serve_in_thread(app)
    yield Service(url, tmp, tokens)
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def open_service(tmp_path_factory: pytest.TempPathFactory, base_draft: Draft) -> Iterator[Service]:
    yield from _start(
        tmp_path_factory.mktemp("konsultasi"),
        _with_window(base_draft, -1, 30),
        comments_per_address=1000,
    )


def comment(pasal: str, isi: str = "JP guru sebaiknya dihitung per tahun ajaran.", **more: object):
    return {"pasal": pasal, "isi": isi, "persetujuan": True, **more}


def test_a_comment_goes_from_the_form_to_git_and_lint(
    open_service: Service, base_draft: Draft, tmp_path: Path
) -> None:
    pasal = base_draft.pasal[8]
    with open_service.client() as public:
        named = public.post(
            "/api/v1/konsultasi",
            json=comment(
                pasal.id,
                MARKUP,
                nama="Siti <b>Rahayu</b>",
                tampilkan_nama=True,
                asal="ASN",
                email="siti@example.go.id",
            ),
        )
        anonymous = public.post(
            "/api/v1/konsultasi",
            json=comment(pasal.id, nama="Budi Saputra", email="budi@example.com"),
        )
        spam = public.post("/api/v1/konsultasi", json=comment(base_draft.pasal[0].id, "Iklan."))
    assert named.status_code == 201, named.text
    assert anonymous.status_code == 201 and spam.status_code == 201
    first, second, third = named.json()["id"], anonymous.json()["id"], spam.json()["id"]
    assert named.json()["pasal"] == pasal.id and named.json()["versi"] == base_draft.version

    with open_service.client("A") as agency:
        assert agency.get("/api/v1/konsultasi").status_code == 403
        assert (
            agency.post(f"/api/v1/konsultasi/{first}", json={"status": "diterbitkan"}).status_code
            == 403
        )
    with open_service.client("BKD") as bkd:
        waiting = bkd.get("/api/v1/konsultasi", params={"status": "baru"}).json()
        mine = {c["id"]: c for c in waiting}
        assert {first, second, third} <= set(mine)
        assert mine[first]["isi"] == MARKUP and mine[first]["pasal_label"] == pasal.label
        assert all("email" not in c for c in waiting)
        for cid in (first, second):
            done = bkd.post(f"/api/v1/konsultasi/{cid}", json={"status": "diterbitkan"})
            assert done.status_code == 200 and done.json()["status"] == "diterbitkan"
        no_reason = bkd.post(f"/api/v1/konsultasi/{third}", json={"status": "ditolak"})
        assert no_reason.status_code == 422 and "alasan" in no_reason.json()["detail"].lower()
        rejected = bkd.post(
            f"/api/v1/konsultasi/{third}", json={"status": "ditolak", "alasan": "Iklan."}
        )
        assert rejected.json()["status"] == "ditolak" and rejected.json()["alasan"] == "Iklan."
        assert (
            bkd.post(
                "/api/v1/konsultasi/zzzzzzzzzz", json={"status": "ditolak", "alasan": "x"}
            ).status_code
            == 404
        )

    # exported into a copy of the regulation, answered there, exported again, linted
    policy = tmp_path / "policy"
    shutil.copytree(ROOT / "policy", policy)
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["konsultasi", "ekspor", "--data-dir", str(open_service.data_dir), "--policy", str(policy)],
    )
    assert result.exit_code == 0, result.output
    written = policy / "konsultasi" / f"{base_draft.version}.yml"
    text = written.read_text(encoding="utf-8")
    assert "example" not in text  # no email, ever
    data = yaml.safe_load(text)
    entries = {m["id"]: m for m in data["masukan"]}
    assert set(entries) == {first, second}  # the rejected one is not exported
    assert entries[first]["isi"] == MARKUP and entries[first]["nama"] == "Siti <b>Rahayu</b>"
    assert "nama" not in entries[second]  # no consent to be named
    assert entries[first]["pasal"] == pasal.id and entries[first]["tanggapan"] is None

    problems = [p for p in lint(policy, tmp_path / "rules") if p.code.startswith("konsultasi")]
    assert {(p.code, p.severity) for p in problems} == {("konsultasi-tanggapan", "warning")}
    assert len(problems) == 2 and all(p.path.endswith(written.name) for p in problems)

    answers = {
        first: ("Diterima; tahun ajaran dipakai untuk guru.", "diterima", [pasal.id]),
        second: ("Sudah diatur.", "ditolak", []),
    }
    for entry in data["masukan"]:
        entry["tanggapan"], entry["keputusan"], entry["pasal_diubah"] = answers[entry["id"]]
    written.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    again = runner.invoke(
        cli,
        ["konsultasi", "ekspor", "--data-dir", str(open_service.data_dir), "--policy", str(policy)],
    )
    assert again.exit_code == 0, again.output
    kept = {m["id"]: m for m in yaml.safe_load(written.read_text("utf-8"))["masukan"]}
    assert kept[first]["tanggapan"] == "Diterima; tahun ajaran dipakai untuk guru."
    assert kept[first]["pasal_diubah"] == [pasal.id] and kept[second]["keputusan"] == "ditolak"
    assert not [p for p in lint(policy, tmp_path / "rules") if p.code.startswith("konsultasi")]

    # an unknown clause id is an error at its line
    broken = written.read_text("utf-8").replace(f"pasal: {pasal.id}", "pasal: pasal-9", 1)
    written.write_text(broken, "utf-8")
    line = next(i for i, t in enumerate(broken.splitlines(), 1) if "pasal: pasal-9" in t)
    found = [p for p in lint(policy, tmp_path / "rules") if p.code == "konsultasi-pasal"]
    assert [(p.severity, p.line) for p in found] == [("error", line)]

    # the same file named as an earlier version's: a clause gone since is only worth a look
    earlier = broken.replace(f"versi: {base_draft.version}", "versi: 2025.9-rancangan")
    written.write_text(earlier, "utf-8")
    found = [p for p in lint(policy, tmp_path / "rules") if p.code == "konsultasi-pasal"]
    assert [p.severity for p in found] == ["warning"]

    # shown on the site: under its Pasal, with its answer, markup as text
    answered = broken.replace("pasal: pasal-9", f"pasal: {pasal.id}")
    written.write_text(answered, "utf-8")
    site = load_context(policy, tmp_path / "rules", None, synthetic=True)
    pages = {page.src_uri: page.content for page in konsultasi_pages(site)}
    shown = pages[f"konsultasi/{links.slug(base_draft.version)}.md"]
    assert "<script>" not in shown and "**tebal**" not in shown
    assert escape(MARKUP) in shown and "Diterima; tahun ajaran dipakai untuk guru." in shown
    assert shown.index(pasal.label) < shown.index(escape(MARKUP))

    # a comment left without an answer: a warning in a draft, an error once enacted
    entries_now = yaml.safe_load(answered)
    for entry in entries_now["masukan"]:
        entry["tanggapan"] = None if entry["id"] == second else entry["tanggapan"]
    written.write_text(yaml.safe_dump(entries_now, allow_unicode=True, sort_keys=False), "utf-8")
    peraturan = load_kebijakan(policy, None, text_only=True).peraturan
    files, _ = read_folder(policy)
    draft_lint = lint_berkas(files, peraturan)
    enacted = lint_berkas(files, dataclasses.replace(peraturan, status="ditetapkan"))
    assert [(p.code, p.severity) for p in draft_lint] == [("konsultasi-tanggapan", "warning")]
    assert [(p.code, p.severity) for p in enacted] == [("konsultasi-tanggapan", "error")]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (comment("pasal-yang-tidak-ada"), 404, "tidak ada dalam rancangan"),
        (comment("{first}", "x" * 5001), 413, "terlalu panjang"),
        ({"pasal": "{first}", "isi": "Setuju."}, 422, "persetujuan pemrosesan data pribadi"),
        (comment("{first}", persetujuan=False), 422, "persetujuan pemrosesan data pribadi"),
        (comment("{first}", "   "), 422, "kosong"),
        (comment("{first}", asal="pejabat"), 422, "asal"),
        (comment("{first}", email="bukan-surel"), 422, "surel"),
        (comment("{first}", situs="http://iklan.example"), 400, "otomatis"),
    ],
)
def test_refused_comments_say_why(
    open_service: Service, base_draft: Draft, body: dict, status: int, words: str
) -> None:
    body = {
        k: v.replace("{first}", base_draft.pasal[0].id) if isinstance(v, str) else v
        for k, v in body.items()
    }
    with open_service.client() as public:
        answer = public.post("/api/v1/konsultasi", json=body)
    assert answer.status_code == status, answer.text
    assert words in answer.json()["detail"].lower()


def test_only_json_or_a_form(open_service: Service) -> None:
    with open_service.client() as public:
        answer = public.post(
            "/api/v1/konsultasi", content=b"pasal=x", headers={"content-type": "text/plain"}
        )
    assert answer.status_code == 415 and "json atau formulir" in answer.json()["detail"].lower()


@pytest.mark.parametrize(
    ("start", "end", "words"), [(-40, -10, "sudah ditutup"), (3, 30, "belum dibuka")]
)
def test_outside_the_window_nothing_is_taken(
    tmp_path: Path, base_draft: Draft, start: int, end: int, words: str
) -> None:
    for served in _start(tmp_path, _with_window(base_draft, start, end)):
        with served.client() as public:
            answer = public.post("/api/v1/konsultasi", json=comment(base_draft.pasal[0].id))
            page = public.get("/konsultasi")
        assert answer.status_code == 403 and words in answer.json()["detail"]
        assert words in page.text and 'name="isi"' not in page.text
        assert comments(Storage(served.data_dir)) == []


def test_a_burst_from_one_address_is_slowed(tmp_path: Path, base_draft: Draft) -> None:
    for served in _start(tmp_path, _with_window(base_draft, 0, 0), comments_per_address=3):
        with served.client() as public:
            answers = [
                public.post("/api/v1/konsultasi", json=comment(base_draft.pasal[1].id))
                for _ in range(5)
            ]
        assert [a.status_code for a in answers] == [201, 201, 201, 429, 429]
        assert int(answers[3].headers["retry-after"]) > 0
        assert "terlalu banyak masukan" in answers[3].json()["detail"].lower()
        assert len(comments(Storage(served.data_dir))) == 3


def test_the_page_takes_a_comment_and_shows_markup_as_text(
    open_service: Service, base_draft: Draft
) -> None:
    pasal = base_draft.pasal[3]
    with httpx.Client(
        base_url=open_service.url, headers={"Origin": open_service.url}, timeout=30
    ) as browser:
        listing = browser.get("/konsultasi")
        assert listing.status_code == 200
        assert f'id="{pasal.id}"' in listing.text and listing.text.count('name="isi"') == len(
            base_draft.pasal
        )
        assert "noindex" not in listing.text
        given = {"pasal": pasal.id, "isi": MARKUP, "persetujuan": "ya", "situs": ""}
        missing = browser.post("/konsultasi", data={**given, "persetujuan": ""})
        assert missing.status_code == 422 and "persetujuan pemrosesan" in missing.text
        assert (
            "&lt;script&gt;" in missing.text and "<script>alert" not in missing.text
        )  # kept, escaped
        done = browser.post("/konsultasi", data=given)
    assert done.status_code == 201
    assert "&lt;script&gt;alert" in done.text and "<script>alert" not in done.text
    number = re.search(r"<strong>([a-z0-9]{10})</strong>", done.text)
    assert number is not None
    stored = [c for c in comments(Storage(open_service.data_dir)) if c.id == number.group(1)]
    assert stored and stored[0].text == MARKUP and stored[0].pasal == pasal.id


def test_moderation_page_for_bkd_only(open_service: Service, base_draft: Draft) -> None:
    with open_service.client() as public:
        cid = public.post(
            "/api/v1/konsultasi", json=comment(base_draft.pasal[5].id, MARKUP)
        ).json()["id"]

    @contextlib.contextmanager
    def signed_in(token: str) -> Iterator[httpx.Client]:
        with httpx.Client(
            base_url=open_service.url, headers={"Origin": open_service.url}, timeout=30
        ) as browser:
            form = browser.get("/masuk").text
            browser.post("/masuk", data={"csrf": HIDDEN.findall(form)[0], "token": token})
            yield browser

    with signed_in(open_service.tokens["A"]) as agency:
        assert agency.get("/konsultasi/moderasi").status_code == 403
    with signed_in(open_service.tokens["BKD"]) as bkd:
        listing = bkd.get("/konsultasi/moderasi")
        assert cid in listing.text and "<script>alert" not in listing.text
        csrf = HIDDEN.findall(listing.text)[0]
        forged = bkd.post(
            f"/konsultasi/moderasi/{cid}", data={"csrf": "salah", "status": "diterbitkan"}
        )
        assert forged.status_code == 403
        bkd.post(f"/konsultasi/moderasi/{cid}", data={"csrf": csrf, "status": "diterbitkan"})
        published = bkd.get("/konsultasi/moderasi", params={"status": "diterbitkan"}).text
    assert cid in published
    assert [c.status for c in comments(Storage(open_service.data_dir)) if c.id == cid] == [
        "diterbitkan"
    ]


def test_contact_data_is_erased_after_its_time(tmp_path: Path) -> None:
    storage = Storage(tmp_path)
    kept = add_comment(
        storage,
        version="v",
        pasal="p",
        text="a",
        origin=None,
        name="Ani",
        show_name=True,
        email="ani@example.go.id",
    )
    hidden = add_comment(
        storage,
        version="v",
        pasal="p",
        text="b",
        origin=None,
        name="Budi",
        show_name=False,
        email="budi@example.go.id",
    )
    spam = add_comment(
        storage,
        version="v",
        pasal="p",
        text="c",
        origin=None,
        name=None,
        show_name=False,
        email=None,
    )
    from checker.serve.comments import moderate

    moderate(storage, spam.id, "ditolak", "Iklan.", "BKD")
    assert purge_contacts(storage, 180, today=TODAY) == 0  # nothing is old yet
    assert purge_contacts(storage, 180, today=TODAY + dt.timedelta(days=181)) == 3
    with storage.connect() as con:
        rows = {
            r["id"]: (r["name"], r["email"])
            for r in con.execute("SELECT id, name, email FROM comments")
        }
    assert rows == {kept.id: ("Ani", None), hidden.id: (None, None)}


def test_a_comment_body_past_the_form_limit_says_so(open_service: Service) -> None:
    with open_service.client() as public:
        answer = public.post(
            "/api/v1/konsultasi",
            content=b"{" + b" " * (70 * 1024) + b"}",
            headers={"content-type": "application/json"},
        )
    assert answer.status_code == 413
    assert answer.json()["detail"].startswith("Isian terlalu besar: batasnya 64 KB")
