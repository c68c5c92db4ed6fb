"""The export, versions and diff commands: exact output, exit codes, one clear error each."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from checker.cli.versions import diff, export, versions
from tests.git_fixture import Git
from tests.policy_fixture import PERATURAN, MakePolicy
from tests.versions.fixtures import ENACTED


def test_versions_lists_tags_with_date_and_status(two_versions: Path) -> None:
    result = CliRunner().invoke(versions, [], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "Versi",
        "Tanggal",
        "Status",
        "Versi",
        "peraturan",
        "Nomor",
        "Commit",
    ]
    assert lines[1].split()[:6] == ["v2026.1", "2", "Maret", "2026", "rancangan", "uji-1"]
    assert lines[2].split()[:6] == ["v2026.2", "6", "April", "2026", "rancangan", "uji-1"]
    assert len(lines) == 3


def test_versions_reminds_to_freeze_an_enacted_tag(
    two_versions: Path, make_policy: MakePolicy, git: Git
) -> None:
    make_policy(peraturan_yml=ENACTED)
    git("commit", "-q", "-am", "Penetapan", date="2026-04-20T10:00:00+07:00")
    git("tag", "v2026.3")
    result = CliRunner().invoke(versions, [], catch_exceptions=False)
    assert result.output.splitlines()[3].split()[4:7] == ["ditetapkan", "uji-1", "5"]
    assert result.output.endswith(
        "\nCatatan: v2026.3 berstatus ditetapkan tetapi penomorannya belum dibekukan; "
        "jalankan kebijakan versions bekukan v2026.3.\n"
    )
    frozen = CliRunner().invoke(versions, ["bekukan", "v2026.3"], catch_exceptions=False)
    assert frozen.exit_code == 0
    assert frozen.output == (
        "Penomoran v2026.3 dibekukan di policy/penomoran.yml; commit berkas ini bersama versinya.\n"
    )
    assert "ditetapkan: v2026.3" in Path("policy/penomoran.yml").read_text(encoding="utf-8")
    again = CliRunner().invoke(versions, [], catch_exceptions=False)
    assert "Catatan" not in again.output


def test_freezing_a_draft_is_refused(two_versions: Path) -> None:
    result = CliRunner().invoke(versions, ["bekukan", "v2026.1"])
    assert result.exit_code == 2
    assert result.output == (
        "kebijakan: versi v2026.1 berstatus rancangan; penomoran hanya "
        "dibekukan untuk versi yang berstatus ditetapkan\n"
    )


def test_diff_defaults_to_last_tag_against_working_tree(two_versions: Path) -> None:
    result = CliRunner().invoke(diff, ["--as-of", "2026-12-01"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == (
        "Perubahan dari v2026.2 (rancangan, 6 April 2026) ke salinan kerja (rancangan)\n"
        "Ringkasan: Tidak ada perubahan.\n"
    )


def test_diff_markdown_to_a_file(two_versions: Path) -> None:
    result = CliRunner().invoke(
        diff,
        ["v2026.1", "v2026.2", "--format", "markdown", "-o", "perubahan.md"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert (
        Path("perubahan.md")
        .read_text(encoding="utf-8")
        .startswith("# Perubahan dari v2026.1 ke v2026.2\n")
    )


def test_unknown_ref_is_one_clear_message(two_versions: Path) -> None:
    result = CliRunner().invoke(diff, ["v9"])
    assert result.exit_code == 2
    assert result.output == (
        "kebijakan: versi 'v9' tidak dikenal: bukan tag, cabang, atau "
        "commit di repositori ini; lihat daftar versi dengan kebijakan "
        "versions\n"
    )


def test_outside_git_is_one_clear_message(make_policy: MakePolicy) -> None:
    make_policy()
    result = CliRunner().invoke(diff, [])
    assert result.exit_code == 2
    assert result.output == (
        "kebijakan: folder policy tidak berada di dalam repositori Git; "
        "riwayat versi dan redline memerlukan Git\n"
    )


def test_no_tag_yet_is_one_clear_message(make_policy: MakePolicy, git: Git) -> None:
    make_policy()
    git("init", "-q")
    result = CliRunner().invoke(diff, [])
    assert result.exit_code == 2
    assert result.output == (
        "kebijakan: belum ada versi bertag; beri tag dengan git tag v2026.1 "
        "atau sebutkan versi yang dibandingkan\n"
    )


def test_broken_policy_at_a_ref_names_ref_file_and_line(make_policy: MakePolicy, git: Git) -> None:
    make_policy(peraturan_yml=PERATURAN.replace("status: rancangan", "status: rancang"))
    git("init", "-q")
    git("add", "policy")
    git("commit", "-q", "-m", "rusak")
    git("tag", "v0")
    result = CliRunner().invoke(diff, ["v0"])
    assert result.exit_code == 2
    assert result.output == (
        "kebijakan: kebijakan pada versi v0 rusak: v0:policy/peraturan.yml:"
        "6: nilai tidak dikenal; pilih salah satu dari: rancangan, "
        "ditetapkan\n"
    )


def test_export_docx_writes_the_working_tree(make_policy: MakePolicy) -> None:
    make_policy()
    result = CliRunner().invoke(export, ["docx", "--as-of", "2026-12-01"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == "Dokumen Word ditulis ke peraturan-uji-1.docx.\n"
    assert docx.Document("peraturan-uji-1.docx").core_properties.version == "uji-1"


def test_export_docx_redline_and_accept(two_versions: Path) -> None:
    result = CliRunner().invoke(
        export,
        ["docx", "--ref", "v2026.2", "--redline-from", "v2026.1", "--as-of", "2026-12-01"],
        catch_exceptions=False,
    )
    assert result.output == "Dokumen Word ditulis ke peraturan-uji-1-redline-v2026.1.docx.\n"
    result = CliRunner().invoke(
        export,
        ["docx", "--redline-from", "v2026.1", "--accept", "-o", "bersih.docx"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert Path("bersih.docx").is_file()


def test_accept_needs_a_redline(make_policy: MakePolicy) -> None:
    make_policy()
    result = CliRunner().invoke(export, ["docx", "--accept"])
    assert result.exit_code == 2
    assert result.output == "kebijakan: --accept hanya berlaku bersama --redline-from REF\n"


def test_every_command_and_option_is_documented() -> None:
    for command in (export, export.commands["docx"], versions, versions.commands["bekukan"], diff):
        assert command.help and "Contoh:" in command.help
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), (command.name, param.name)
