"""The compiled copy of a loaded version (checker.kebijakan.cache): a second load of the same
files by the same code reads the cache; any change to a file loads anew; a ref, a broken
version and an unreadable cache file are never served from it."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from checker.errors import PolicyError
from checker.kebijakan import load as kebijakan_load
from checker.kebijakan.cache import cache_dir, cached
from checker.kebijakan.source import Source, locate
from checker.provenance import REF

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[int]]:
    """A copy of the project's version, the cache on in a folder of its own, and a count of
    the real loads (calls of inspect)."""
    shutil.copytree(ROOT / "policy", tmp_path / "policy")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KEBIJAKAN_CACHE", "1")
    monkeypatch.setenv("KEBIJAKAN_CACHE_DIR", str(tmp_path / "cache"))
    loads: list[int] = []
    real = kebijakan_load.inspect

    def counted(*args: object, **kwargs: object) -> kebijakan_load.Inspection:
        loads.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kebijakan_load, "inspect", counted)
    return tmp_path, loads


def test_the_same_files_load_once(version: tuple[Path, list[int]]) -> None:
    root, loads = version
    first = kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    second = kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    assert loads == [1]
    assert second.peraturan == first.peraturan and second.rules == first.rules
    assert [p.name for p in (root / "cache").iterdir()] == [next((root / "cache").iterdir()).name]


def test_a_changed_file_loads_anew(version: tuple[Path, list[int]]) -> None:
    root, loads = version
    kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    meta = root / "policy" / "peraturan.yml"
    meta.write_text(
        meta.read_text("utf-8").replace("version: 2026.1-rancangan", "version: 2026.2-rancangan"),
        "utf-8",
    )
    again = kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    assert loads == [1, 1]
    assert again.version == "2026.2-rancangan"


def test_where_it_was_read_is_todays(version: tuple[Path, list[int]]) -> None:
    """A hit keeps the content but names the source it was read from now (a commit made
    since does not change the files, but the report must name it)."""
    root, loads = version
    source = locate(root / "policy", root / "rules")
    kebijakan_load.load_source(source)
    later = dataclasses.replace(source, commit="abc1234", dirty=True)
    again = kebijakan_load.load_source(later)
    assert loads == [1]
    assert (again.provenance.commit, again.provenance.dirty) == ("abc1234", True)


def test_a_broken_version_is_never_cached(version: tuple[Path, list[int]]) -> None:
    root, loads = version
    (root / "policy" / "peraturan.yml").write_text("kind: [\n", "utf-8")
    for _ in range(2):
        with pytest.raises(PolicyError):
            kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    assert loads == [1, 1]
    assert not (root / "cache").exists() or not list((root / "cache").iterdir())


def test_an_unreadable_cache_file_is_replaced(version: tuple[Path, list[int]]) -> None:
    root, loads = version
    kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    (entry,) = (root / "cache").iterdir()
    entry.write_bytes(b"not a pickle")
    kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    kebijakan_load.load_kebijakan(root / "policy", root / "rules")
    assert loads == [1, 1]


def test_a_ref_is_never_cached(version: tuple[Path, list[int]]) -> None:
    root, loads = version
    source = Source(root / "policy", root / "rules", kind=REF, ref="v1")
    for _ in range(2):
        cached(
            source,
            False,
            kebijakan_load.jakarta_today(),
            lambda: kebijakan_load._load(source, False),
        )
    assert loads == [1, 1]


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KEBIJAKAN_CACHE", "0")
    assert cache_dir() is None
    monkeypatch.setenv("KEBIJAKAN_CACHE", "1")
    monkeypatch.setenv("KEBIJAKAN_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
