"""YAML with positions, parsed once by libyaml: the data and every key's line and column come
from one node tree."""

from __future__ import annotations

import yaml

from checker import yamlsrc
from checker.yamlsrc import parse_yaml

TEXT = """\
# a comment
nama:
  - Pasal
  - BAB
tanggal: 2027-01-01
angka:
  sub: {a: 1, b: [x, y]}
"""


def test_one_parse_gives_data_and_positions(monkeypatch: object) -> None:
    calls = []
    original = yamlsrc._Loader.get_single_node

    def counted(self: yaml.SafeLoader) -> yaml.Node | None:
        calls.append(1)
        return original(self)

    monkeypatch.setattr(yamlsrc._Loader, "get_single_node", counted)  # type: ignore[attr-defined]
    located, problems = parse_yaml(TEXT, "x.yml")
    assert problems == [] and located is not None
    assert calls == [1]  # composed once: the data is built from the same node tree
    assert located.data == {
        "nama": ["Pasal", "BAB"],
        "tanggal": "2027-01-01",  # dates stay text: the model reports a bad one at its line
        "angka": {"sub": {"a": 1, "b": ["x", "y"]}},
    }
    assert located.where(["nama", 1]) == (4, 5)
    assert located.where(["angka", "sub", "b", 1]) == (7, 22)
    assert located.where(["tanggal", "__value__"]) == (5, 10)


def test_libyaml_parses_when_installed() -> None:
    if yaml.__with_libyaml__:
        assert issubclass(yamlsrc._Loader, yaml.CSafeLoader)


def test_a_syntax_error_is_a_problem_at_its_line() -> None:
    located, problems = parse_yaml("a: [1, 2\nb: 3\n", "x.yml", line_offset=10)
    assert located is None
    assert [(p.line, p.code) for p in problems] == [(12, "yaml")]
