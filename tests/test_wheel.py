"""The wheel carries one policy version (hatch_build.py): built, inspected, installed, and run.

Every build is offline: ``pip wheel --no-deps --no-build-isolation`` uses the hatchling of the
dev extra, and installs add ``--no-index``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

from checker.versions import list_versions
from tests.git_fixture import Git

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = "checker/_bundle/"
# What a build needs from the project; anything else in the checkout is irrelevant to the wheel.
PROJECT = ("pyproject.toml", "hatch_build.py", "README.md", "checker", "policy", "rules")
TIMEOUT = 300
CHECK = ("--as-of", "2026-06-30", "--tahun", "2025", "--format", "json")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command without a network: pip must not ask for its own newer version."""
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def succeed(args: list[str], cwd: Path) -> str:
    """Run a command that must succeed; its stdout."""
    done = run(args, cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def build_wheel(project: Path, out: Path) -> Path:
    """The standard wheel of PROJECT, built offline into OUT."""
    succeed(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--no-cache-dir",
            "-w",
            out,
            project,
        ],
        project,
    )
    (wheel,) = out.glob("*.whl")
    return wheel


def bundle_of(wheel: Path) -> dict[str, bytes]:
    """Every file under checker/_bundle/ in WHEEL, by its path below that folder."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            name.removeprefix(BUNDLE): archive.read(name)
            for name in archive.namelist()
            if name.startswith(BUNDLE)
        }


def record_of(files: dict[str, bytes]) -> dict[str, object]:
    """bundle.json, checked to be written as agreed: sorted keys, indent 2, final newline."""
    raw = files["bundle.json"].decode("utf-8")
    record = json.loads(raw)
    assert raw == json.dumps(record, sort_keys=True, indent=2) + "\n"
    return record


def project_files() -> list[str]:
    """The project's files a build needs, as Git sees them (tracked or new, never ignored)."""
    out = succeed(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *PROJECT], ROOT
    )
    return [path for path in out.splitlines() if (ROOT / path).is_file()]


def copy_project(into: Path) -> None:
    """Copy the files a build needs into INTO, without caches or build output."""
    for path in project_files():
        target = into / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((ROOT / path).read_bytes())


def set_status(project: Path, old: str, new: str) -> None:
    """Change peraturan.yml's status line from OLD to NEW."""
    path = project / "policy" / "peraturan.yml"
    text = path.read_text(encoding="utf-8")
    assert f"\nstatus: {old}\n" in text
    path.write_text(text.replace(f"\nstatus: {old}\n", f"\nstatus: {new}\n", 1), encoding="utf-8")


def change_parameter(project: Path) -> None:
    """Change one value of parameter.yml (the yearly minimum of training hours)."""
    path = project / "policy" / "parameter.yml"
    text = path.read_text(encoding="utf-8")
    assert "      value: 20\n" in text
    path.write_text(text.replace("      value: 20\n", "      value: 32\n", 1), encoding="utf-8")


def findings(report: Path) -> list[dict[str, object]]:
    """A report's findings with ``file`` reduced to its name: the two runs spell the data path
    differently (relative in one, absolute in the other)."""
    found = json.loads(report.read_text(encoding="utf-8"))["findings"]
    for finding in found:
        if finding.get("file"):
            finding["file"] = Path(finding["file"]).name
    return found


@pytest.fixture(scope="module")
def checkout_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The standard wheel of this checkout, built once for the module."""
    return build_wheel(ROOT, tmp_path_factory.mktemp("wheel"))


def test_wheel_bundles_the_checkouts_policy(checkout_wheel: Path) -> None:
    files = bundle_of(checkout_wheel)
    tracked = succeed(["git", "ls-files", "policy", "rules"], ROOT).splitlines()
    assert "rules/schema/pegawai.yml" in tracked and "rules/dispensasi/README.md" in tracked
    assert "policy/peraturan.yml" in files and "rules/schema/pegawai.yml" in files
    merged = set(succeed(["git", "tag", "--merged", "HEAD"], ROOT).split())
    enacted = [
        v for v in list_versions(ROOT / "policy") if v.status == "ditetapkan" and v.tag in merged
    ]
    if enacted:  # once the bureau tags an enacted version, the wheel carries that one instead
        newest = enacted[-1]
        tracked = succeed(
            ["git", "ls-tree", "-r", "--name-only", newest.commit, "--", "policy", "rules"], ROOT
        ).splitlines()
        for path in tracked:
            expected = succeed(["git", "show", f"{newest.commit}:{path}"], ROOT)
            assert files[path].decode("utf-8") == expected, path
        assert record_of(files) == {
            "source": "tag",
            "ref": newest.tag,
            "commit": newest.commit,
            "dirty": False,
        }
        return
    for path in tracked:
        assert files[path] == (ROOT / path).read_bytes(), path
    head = succeed(["git", "rev-parse", "HEAD"], ROOT).strip()
    dirty = bool(succeed(["git", "status", "--porcelain", "--", "policy", "rules"], ROOT).strip())
    assert record_of(files) == {"source": "worktree", "ref": None, "commit": head, "dirty": dirty}


def test_wheel_bundles_the_newest_enacted_tag(
    git: Git, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    copy_project(tmp_path)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Rancangan awal")
    set_status(tmp_path, "rancangan", "ditetapkan")
    git("commit", "-q", "-am", "Penetapan", date="2026-03-10T09:00:00+07:00")
    git("tag", "-a", "v2026.1", "-m", "Penetapan", date="2026-03-10T09:00:00+07:00")
    commit = git("rev-parse", "v2026.1^{commit}").strip()
    tracked = git("ls-files", "policy", "rules").splitlines()
    # Later drafting: a newer tag that is only a draft, a new chapter, a changed value, and an
    # uncommitted edit; none of it may reach the wheel.
    set_status(tmp_path, "ditetapkan", "rancangan")
    change_parameter(tmp_path)
    (tmp_path / "policy" / "bab" / "draf-baru.md").write_text("# Draf\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "Rancangan perubahan", date="2026-04-01T09:00:00+07:00")
    git("tag", "v2026.2-rancangan", date="2026-04-01T09:00:00+07:00")
    with (tmp_path / "rules" / "kinerja.yml").open("a", encoding="utf-8") as rules:
        rules.write("# suntingan yang belum disimpan\n")

    files = bundle_of(build_wheel(tmp_path, tmp_path_factory.mktemp("wheel")))

    assert record_of(files) == {"source": "tag", "ref": "v2026.1", "commit": commit, "dirty": False}
    assert sorted(set(files) - {"bundle.json"}) == sorted(tracked)
    for path in tracked:
        assert files[path].decode("utf-8") == git("show", f"{commit}:{path}"), path
    assert b"\nstatus: ditetapkan\n" in files["policy/peraturan.yml"]
    assert files["policy/parameter.yml"] != (tmp_path / "policy/parameter.yml").read_bytes()
    # the version `kebijakan versions` calls the newest enacted one is the one in the wheel
    enacted = [v.tag for v in list_versions(tmp_path / "policy") if v.status == "ditetapkan"]
    assert enacted == ["v2026.1"]


def test_wheel_of_an_older_checkout_bundles_its_own_enacted_tag(
    git: Git, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    copy_project(tmp_path)
    git("init", "-q")
    set_status(tmp_path, "rancangan", "ditetapkan")
    git("add", "-A")
    git("commit", "-q", "-m", "Penetapan")
    git("tag", "v2026.1")
    first = git("rev-parse", "HEAD").strip()
    change_parameter(tmp_path)
    git("commit", "-q", "-am", "Perubahan", date="2026-09-01T09:00:00+07:00")
    git("tag", "v2026.2")
    git("checkout", "-q", "v2026.1")  # as pip does for git+URL@v2026.1

    files = bundle_of(build_wheel(tmp_path, tmp_path_factory.mktemp("wheel")))

    assert record_of(files) == {"source": "tag", "ref": "v2026.1", "commit": first, "dirty": False}
    assert b"      value: 20\n" in files["policy/parameter.yml"]


def test_wheel_bundles_the_work_tree_when_no_tag_is_enacted(
    git: Git, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    copy_project(tmp_path)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Rancangan awal")
    git("tag", "-a", "v2026.1-rancangan", "-m", "Rancangan untuk konsultasi publik")
    head = git("rev-parse", "HEAD").strip()
    change_parameter(tmp_path)

    files = bundle_of(build_wheel(tmp_path, tmp_path_factory.mktemp("wheel")))

    assert record_of(files) == {"source": "worktree", "ref": None, "commit": head, "dirty": True}
    for path in git("ls-files", "policy", "rules").splitlines():
        assert files[path] == (tmp_path / path).read_bytes(), path
    assert b"      value: 32\n" in files["policy/parameter.yml"]


def test_wheel_from_the_sdist_bundles_the_sdists_files(
    git: Git, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    copy_project(tmp_path)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "Rancangan awal")
    out = tmp_path_factory.mktemp("sdist")
    name = (
        succeed(
            [
                sys.executable,
                "-c",
                "import sys; from hatchling.build import build_sdist; "
                "print(build_sdist(sys.argv[1]))",
                out,
            ],
            tmp_path,
        )
        .strip()
        .splitlines()[-1]
    )
    with tarfile.open(out / name) as sdist:
        members = {member.split("/", 1)[1] for member in sdist.getnames() if "/" in member}
        # unpacked inside the repository: the build must not borrow the outer repository's Git
        sdist.extractall(tmp_path / "unpacked", filter="data")
    assert {
        "hatch_build.py",
        "policy/peraturan.yml",
        "rules/schema/pegawai.yml",
        "rules/dispensasi/README.md",
    } <= members
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    set_status(tmp_path, "rancangan", "ditetapkan")
    git("commit", "-q", "-am", "Penetapan")
    git("tag", "v2026.1")  # enacted: a build that reads the outer repository would take it

    files = bundle_of(build_wheel(unpacked, tmp_path_factory.mktemp("wheel")))

    assert record_of(files) == {"source": "worktree", "ref": None, "commit": None, "dirty": False}
    assert files["policy/peraturan.yml"] == (unpacked / "policy/peraturan.yml").read_bytes()
    assert b"\nstatus: rancangan\n" in files["policy/peraturan.yml"]


def test_editable_wheel_carries_no_bundle(tmp_path: Path) -> None:
    # an editable install reads the checkout itself; a bundle beside it would be a stale copy
    name = (
        succeed(
            [
                sys.executable,
                "-c",
                "import sys; from hatchling.build import build_editable; "
                "print(build_editable(sys.argv[1]))",
                tmp_path,
            ],
            ROOT,
        )
        .strip()
        .splitlines()[-1]
    )
    with zipfile.ZipFile(tmp_path / name) as archive:
        names = archive.namelist()
    assert any(name.endswith(".pth") for name in names)
    assert not [name for name in names if "_bundle" in name]


def source_tree(wheel: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The checkout's policy/ and rules/ that WHEEL was built from: the work tree's, or the
    enacted tag's extracted into TMP_PATH once the bureau has tagged one."""
    record = record_of(bundle_of(wheel))
    if record["source"] == "worktree":
        return ROOT / "policy", ROOT / "rules"
    archive = subprocess.run(
        ["git", "archive", str(record["commit"]), "policy", "rules"],
        cwd=ROOT,
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp_path / "sumber", filter="data")
    return tmp_path / "sumber" / "policy", tmp_path / "sumber" / "rules"


@pytest.fixture(scope="module")
def venv(checkout_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the checkout's wheel installed (its dependencies are
    the ones already installed, seen through --system-site-packages)."""
    where = tmp_path_factory.mktemp("venv")
    # --without-pip saves seconds: the venv's python runs the system pip, which installs into
    # the venv all the same
    succeed([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", where], where)
    succeed(
        [
            where / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--force-reinstall",
            checkout_wheel,
        ],
        where,
    )
    return where


@pytest.mark.slow
def test_installed_package_is_the_wheel(venv: Path, checkout_wheel: Path, tmp_path: Path) -> None:
    code = (
        "import checker, importlib.resources as r; print(checker.__file__); "
        "print(r.files('checker').joinpath('_bundle/bundle.json').read_text(), end='')"
    )
    where, record = succeed([venv / "bin" / "python", "-c", code], tmp_path).split("\n", 1)
    assert Path(where).is_relative_to(venv)
    assert record.encode("utf-8") == bundle_of(checkout_wheel)["bundle.json"]


@pytest.mark.slow
def test_installed_check_runs_outside_a_checkout(
    venv: Path, checkout_wheel: Path, tmp_path: Path
) -> None:
    policy_root, rules_root = source_tree(checkout_wheel, tmp_path)
    empty = tmp_path / "kosong"
    empty.mkdir()
    kebijakan = venv / "bin" / "kebijakan"

    succeed([kebijakan, "sample", "-o", "data", "--employees", "200", "--seed", "5"], empty)
    installed = run([kebijakan, "check", "data", *CHECK, "-o", "r.json"], empty)
    assert installed.returncode in (0, 1), installed.stdout + installed.stderr
    # the same folder and the same relative path, so file names in messages read the same
    checkout = run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            "data",
            *CHECK,
            "--policy",
            policy_root,
            "--rules",
            rules_root,
            "-o",
            tmp_path / "c.json",
        ],
        empty,
    )
    assert checkout.returncode == installed.returncode, checkout.stdout + checkout.stderr

    assert findings(empty / "r.json") == findings(tmp_path / "c.json")
    policy = json.loads((empty / "r.json").read_text(encoding="utf-8"))["policy"]
    status = yaml.safe_load(bundle_of(checkout_wheel)["policy/peraturan.yml"])["status"]
    assert status == "rancangan"
    assert policy.get("source") == "bundle", policy
    assert policy.get("status") == status, policy
    assert f"Memakai kebijakan {policy['description']}." in installed.stderr


@pytest.mark.slow
def test_installed_render_template_and_export_work_outside_a_checkout(
    venv: Path, checkout_wheel: Path, tmp_path: Path
) -> None:
    kebijakan = venv / "bin" / "kebijakan"
    text = succeed([kebijakan, "render", "--as-of", "2026-06-30"], tmp_path)
    bundled = bundle_of(checkout_wheel)
    title = yaml.safe_load(bundled["policy/peraturan.yml"])["title"]
    assert title.upper() in text
    succeed([kebijakan, "template", "-o", "templat.xlsx"], tmp_path)
    with zipfile.ZipFile(tmp_path / "templat.xlsx") as book:
        assert "xl/workbook.xml" in book.namelist()
    succeed([kebijakan, "export", "docx", "--as-of", "2026-06-30", "-o", "p.docx"], tmp_path)
    with zipfile.ZipFile(tmp_path / "p.docx") as document:
        core = document.read("docProps/core.xml").decode("utf-8")
    assert "salinan bawaan paket" in core and "(rancangan)" in core


@pytest.mark.slow
def test_bundle_given_explicitly_gives_the_checkouts_findings(
    venv: Path, checkout_wheel: Path, tmp_path: Path
) -> None:
    # Independent of how the installed command finds its bundle: the installed files alone,
    # named with --policy/--rules, judge the data exactly as the checkout's own files do.
    policy_root, rules_root = source_tree(checkout_wheel, tmp_path)
    bundle = Path(
        succeed(
            [
                venv / "bin" / "python",
                "-c",
                "import checker, pathlib; print(pathlib.Path(checker.__file__).parent / '_bundle')",
            ],
            tmp_path,
        ).strip()
    )
    assert bundle.is_relative_to(venv)
    succeed(
        [
            sys.executable,
            "-m",
            "checker",
            "sample",
            "-o",
            tmp_path / "data",
            "--employees",
            "200",
            "--seed",
            "5",
        ],
        ROOT,
    )
    empty = tmp_path / "kosong"
    empty.mkdir()
    installed = run(
        [
            venv / "bin" / "kebijakan",
            "check",
            tmp_path / "data",
            *CHECK,
            "--policy",
            bundle / "policy",
            "--rules",
            bundle / "rules",
            "-o",
            "r.json",
        ],
        empty,
    )
    assert installed.returncode in (0, 1), installed.stdout + installed.stderr
    checkout = run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            tmp_path / "data",
            *CHECK,
            "--policy",
            policy_root,
            "--rules",
            rules_root,
            "-o",
            tmp_path / "c.json",
        ],
        ROOT,
    )
    assert checkout.returncode == installed.returncode, checkout.stdout + checkout.stderr
    assert findings(empty / "r.json") == findings(tmp_path / "c.json")
    assert findings(empty / "r.json")  # the sample's planted faults are found at all
