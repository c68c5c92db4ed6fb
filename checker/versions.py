"""Versions of the regulation: Git tags together with the status in ``peraturan.yml``.

A version is a tag (``v2026.1``); ``kebijakan versions`` lists them, :func:`load_version` reads
the policy as it was at any ref, :func:`compare_versions` and :func:`export_version` build
redlines between two of them, :func:`freeze` records the numbering of an enacted one in
``policy/penomoran.yml``, and :func:`riwayat_pages` writes the site's Riwayat section.
``None`` as a ref always means the working tree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from checker.artifacts.markdown import escape, link, table
from checker.diff import Comparison, Side, compare, render_markdown, summary
from checker.export import export_docx
from checker.export.lambang import LAMBANG_FILE, checked, read_lambang
from checker.gitrepo import VersionError, open_repo, read_files, resolve, tags
from checker.kebijakan import load_kebijakan
from checker.kebijakan.source import policy_dir
from checker.konsultasi.berkas import Berkas
from checker.konsultasi.berkas import read_folder as read_konsultasi
from checker.policy.model import Peraturan
from checker.policy.numbering import penomoran_record
from checker.policy.penomoran import PENOMORAN_FILE, dump_penomoran
from checker.wording import tanggal

__all__ = [
    "Version",
    "VersionError",
    "compare_versions",
    "export_version",
    "freeze",
    "list_versions",
    "load_version",
    "pending_freeze",
    "riwayat_pages",
]


@dataclass(frozen=True)
class Version:
    """One tagged version: its commit and date, and what its ``peraturan.yml`` says."""

    tag: str
    commit: str
    date: dt.datetime
    author: str
    status: str
    version: str
    number: int | None = None
    year: int | None = None
    frozen: bool = False  # its policy folder holds penomoran.yml


def list_versions(policy_root: str | Path | None = None) -> list[Version]:
    """Every tag whose tree holds the regulation, oldest first."""
    policy_root = policy_dir(policy_root)
    repo = open_repo(policy_root)
    found = tags(repo)
    specs = [
        f"{c.sha}:{repo.policy}/{name}"
        for _, c in found
        for name in ("peraturan.yml", PENOMORAN_FILE)
    ]
    contents = read_files(repo, specs) if specs else []
    versions = []
    for index, (tag, commit) in enumerate(found):
        meta_raw, record = contents[2 * index], contents[2 * index + 1]
        if meta_raw is None:
            continue
        try:
            meta = yaml.safe_load(meta_raw.decode("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            meta = None
        meta = meta if isinstance(meta, dict) else {}
        versions.append(
            Version(
                tag,
                commit.sha,
                commit.date,
                commit.author,
                str(meta.get("status") or "?"),
                str(meta.get("version") or "?"),
                meta.get("number"),
                meta.get("year"),
                record is not None,
            )
        )
    return versions


def pending_freeze(policy_root: str | Path | None, versions: list[Version]) -> str | None:
    """The newest enacted tag whose numbering is recorded neither at the tag nor in the working
    tree's ``penomoran.yml``; None when there is nothing to freeze."""
    policy_root = policy_dir(policy_root)
    enacted = [v for v in versions if v.status == "ditetapkan"]
    if not enacted or enacted[-1].frozen:
        return None
    path = Path(policy_root) / PENOMORAN_FILE
    try:
        record = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        record = None
    recorded = record.get("ditetapkan") if isinstance(record, dict) else None
    return None if recorded == enacted[-1].tag else enacted[-1].tag


def load_version(
    policy_root: str | Path | None = None, ref: str | None = None
) -> tuple[Peraturan, Side]:
    """The regulation at ``ref`` (None: the working tree) and its provenance, which names that
    version in redlines (read by the one loader, :func:`checker.kebijakan.load_kebijakan`)."""
    kebijakan = load_kebijakan(policy_root, ref=ref, text_only=True)
    return kebijakan.peraturan, kebijakan.provenance


def last_tag(policy_root: str | Path | None = None) -> str:
    """The newest version tag, for "what changed since the last version"."""
    policy_root = policy_dir(policy_root)
    versions = list_versions(policy_root)
    if not versions:
        raise VersionError(
            "belum ada versi bertag; beri tag dengan git tag v2026.1 atau "
            "sebutkan versi yang dibandingkan"
        )
    return versions[-1].tag


def compare_versions(
    policy_root: str | Path | None = None,
    ref_a: str | None = None,
    ref_b: str | None = None,
    *,
    as_of: dt.date,
) -> Comparison:
    """Redline from ``ref_a`` (default: the last tag) to ``ref_b`` (default: working tree)."""
    old, side_a = load_version(policy_root, ref_a or last_tag(policy_root))
    new, side_b = load_version(policy_root, ref_b)
    return compare(old, new, as_of, side_a, side_b)


def _worktree_author(policy_root: str | Path | None, side: Side, as_of: dt.date) -> Side:
    """Changes not yet committed are dated on ``as_of`` and signed by the drafter's Git name."""
    policy_root = policy_dir(policy_root)
    try:
        author = open_repo(policy_root).git("config", "user.name").decode().strip()
    except VersionError:
        author = ""
    return replace(
        side, date=dt.datetime.combine(as_of, dt.time(), dt.UTC), author=author or "Perancang"
    )


def default_docx_name(side: Side, redline_from: str | None, accept: bool) -> Path:
    """ "peraturan-2026.1.docx", "peraturan-2026.2-redline-v2026.1.docx"."""
    stem = f"peraturan-{side.version}".replace("/", "-")
    if redline_from and not accept:
        stem += f"-redline-{redline_from}".replace("/", "-")
    return Path(f"{stem}.docx")


def lambang_at(policy_root: str | Path | None = None, ref: str | None = None) -> bytes | None:
    """The emblem ``lambang.png`` of the policy folder at ``ref`` (None: the working tree), or
    None when that version has none."""
    policy = policy_dir(policy_root)
    if ref is None:
        return read_lambang(policy)
    repo = open_repo(policy)
    where = f"{repo.policy}/{LAMBANG_FILE}"
    (data,) = read_files(repo, [f"{resolve(repo, ref).sha}:{where}"])
    return checked(data, f"{ref}:{where}") if data is not None else None


def export_version(
    policy_root: str | Path | None = None,
    out_path: str | Path | None = None,
    *,
    as_of: dt.date,
    ref: str | None = None,
    redline_from: str | None = None,
    accept: bool = False,
) -> Path:
    """The Word document of the version at ``ref``, optionally as a redline from another, with
    the emblem of that version's policy folder (:func:`lambang_at`)."""
    peraturan, side = load_version(policy_root, ref)
    older = None
    sides = None
    if redline_from is not None:
        older, side_a = load_version(policy_root, redline_from)
        sides = (side_a, side if side.date else _worktree_author(policy_root, side, as_of))
    out = Path(out_path) if out_path else default_docx_name(side, redline_from, accept)
    return export_docx(
        peraturan,
        out,
        as_of=as_of,
        provenance=side,
        redline_from=older,
        redline_sides=sides,
        accept=accept,
        lambang=lambang_at(policy_root, ref),
    )


def freeze(policy_root: str | Path | None = None, ref: str | None = None) -> Path:
    """Record the numbering of the enacted version at ``ref`` (None: the working tree) in
    ``policy/penomoran.yml``; later versions keep it (Pasal 9A, ayat (2a), "dihapus")."""
    policy_root = policy_dir(policy_root)
    peraturan, side = load_version(policy_root, ref)
    if peraturan.status != "ditetapkan":
        raise VersionError(
            f"versi {side.name} berstatus {peraturan.status}; penomoran hanya "
            "dibekukan untuk versi yang berstatus ditetapkan"
        )
    source = ref or peraturan.version
    record = penomoran_record(peraturan, source, side.commit)
    region = peraturan.region.replace("Provinsi ", "")
    header = (
        f"Penomoran {peraturan.kind} {region} Nomor {peraturan.number} Tahun "
        f"{peraturan.year} sebagaimana ditetapkan ({source}).\n"
        "Ditulis oleh `kebijakan versions bekukan`; jangan diubah dengan tangan.\n"
        "Sesudah penetapan, Pasal sisipan bernomor 9A, ayat sisipan (2a), dan Pasal yang\n"
        'dicabut tetap tercantum sebagai "Pasal 9 dihapus.".'
    )
    path = Path(policy_root) / PENOMORAN_FILE
    path.write_text(dump_penomoran(record, header), encoding="utf-8")
    return path


def _slug(tag: str) -> str:
    return tag.replace("/", "-")


def _row(version: Version, change: str) -> tuple[object, ...]:
    """One row of the version table: the tag linking to its page, date, status, change."""
    return (
        link(version.tag, f"{_slug(version.tag)}.md"),
        tanggal(version.date.date()),
        version.status,
        version.version,
        change,
    )


def _matriks_page(
    comparison: Comparison, old: Peraturan, new: Peraturan, files: list[Berkas]
) -> str:
    """The matriks perubahan of one version against the one before, as a page."""
    from checker.export.biro import matriks
    from checker.export.tabel import markdown

    text = markdown(matriks(comparison, old, new, files))
    title = f"# Matriks perubahan {escape(comparison.b.name)}"
    return title + "\n\n" + text.split("\n", 1)[1].lstrip("\n")


def riwayat_pages(repo_root: str | Path = ".", as_of: dt.date | None = None) -> dict[str, str]:
    """The site's Riwayat section: ``riwayat/index.md`` and one page per version with its
    redline against the previous version (texts rendered as on each newer version's date)."""
    policy_root = Path(repo_root) / "policy"
    versions = list_versions(policy_root)
    rows = []
    pages: dict[str, str] = {}
    previous: tuple[Peraturan, Side] | None = None
    # the consultation files of the working tree: every version's answers accumulate there
    consultation, _ = read_konsultasi(policy_root)
    for version in versions:
        try:
            current = load_version(policy_root, version.tag)
        except VersionError as exc:  # a tag is history: show it broken, keep building the rest
            pages[f"riwayat/{_slug(version.tag)}.md"] = (
                f"# {escape(version.tag)}\n\n{escape(exc.message)}.\n"
            )
            rows.append(_row(version, "tidak dapat dimuat"))
            continue
        day = as_of or version.date.date()
        if previous is None:
            change = "versi pertama"
            body = (
                f"# {escape(version.tag)}\n\nVersi pertama yang diberi tag ({version.status}, "
                f"{tanggal(version.date.date())}, commit `{version.commit[:10]}`); belum ada "
                "versi sebelumnya untuk dibandingkan.\n"
            )
        else:
            comparison = compare(previous[0], current[0], day, previous[1], current[1])
            change, body = summary(comparison), render_markdown(comparison, anchors=True)
            matriks_uri = f"riwayat/{_slug(version.tag)}-matriks.md"
            pages[matriks_uri] = _matriks_page(comparison, previous[0], current[0], consultation)
            body = body.replace(
                "\n",
                f"\n\n[Matriks perubahan untuk Biro Hukum]({_slug(version.tag)}-matriks.md)\n",
                1,
            )
        pages[f"riwayat/{_slug(version.tag)}.md"] = body
        rows.append(_row(version, change))
        previous = current
    lines = [
        "# Riwayat versi",
        "",
        "Setiap versi adalah tag Git pada repositori kebijakan. Halaman tiap versi memuat "
        "perubahannya terhadap versi sebelumnya: Pasal yang ditambah, dihapus, dipindah, "
        "atau diubah (kata demi kata) dan nilai parameter yang berubah.",
        "",
    ]
    if rows:
        lines += table(
            ("Versi", "Tanggal", "Status", "Versi peraturan", "Perubahan"), reversed(rows)
        )
    else:
        lines.append("Belum ada versi yang diberi tag.")
    pages["riwayat/index.md"] = "\n".join(lines) + "\n"
    return pages
