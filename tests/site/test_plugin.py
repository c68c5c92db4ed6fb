"""The MkDocs plugin reports the error it caught: a bad ``as_of`` as such, anything else as
what it is."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from checker.site import plugin as plugin_module
from checker.site.plugin import KebijakanPlugin


def _plugin(**options: Any) -> KebijakanPlugin:
    plugin = KebijakanPlugin()
    errors, _ = plugin.load_config(options)
    assert not errors
    return plugin


def _config(root: Path) -> Any:
    return SimpleNamespace(config_file_path=str(root / "mkdocs.yml"))


def test_bad_as_of_is_named(tmp_path: Path) -> None:
    with pytest.raises(PluginError) as caught:
        _plugin(as_of="31/12/2026").on_config(_config(tmp_path))
    assert str(caught.value) == "kebijakan: as_of bukan tanggal YYYY-MM-DD: 31/12/2026"


def test_other_value_error_is_reported_as_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("nilai rusak di laporan")

    monkeypatch.setattr(plugin_module, "load_context", broken)
    with pytest.raises(PluginError) as caught:
        _plugin(as_of="2026-06-30").on_config(_config(tmp_path))
    assert str(caught.value) == (
        "kebijakan: halaman situs tidak dapat dibuat (ValueError: nilai rusak di laporan)"
    )
    assert "as_of" not in str(caught.value)


def test_unreadable_report_names_the_file(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "rusak.json").write_text("{", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    plugin = _plugin(
        policy=str(root / "policy"),
        rules=str(root / "rules"),
        reports=str(reports),
        as_of="2026-06-30",
    )
    with pytest.raises(PluginError) as caught:
        plugin.on_config(_config(tmp_path))
    assert str(caught.value).startswith(
        f"kebijakan: {reports / 'rusak.json'}: bukan laporan kebijakan yang dapat dibaca ("
    )
