"""Compare two versions of the regulation: units by key, blocks by id or text, words inside.

The result serves two readers. :attr:`Comparison.document` is the whole document in print
order with every change in place (what Word shows as tracked changes: a moved Pasal is deleted
where it was and inserted where it is). :attr:`Comparison.clauses` lists only what changed,
one entry per unit, a moved Pasal once at its new place, for the terminal and the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher

from checker.diff.words import Segment, similarity, word_diff
from checker.policy.document.blocks import Block, Unit
from checker.policy.document.walk import walk
from checker.policy.model import Peraturan
from checker.provenance import Provenance

SAME, CHANGED, INSERTED, DELETED = "same", "changed", "inserted", "deleted"
PASAL_CHANGES = ("ditambah", "dihapus", "ditandai dihapus", "dipindah", "diubah", "disesuaikan")


@dataclass(frozen=True)
class RevBlock(Block):
    """One paragraph of the redline: a block of the newer version (of the older one when
    deleted) with its word changes, ``segments`` joining to :attr:`Block.content`."""

    status: str = SAME  # same | changed | inserted | deleted
    segments: tuple[Segment, ...] = ()

    @classmethod
    def of(cls, block: Block, status: str, segments: tuple[Segment, ...]) -> RevBlock:
        """``block`` with its changes."""
        return cls(
            **{f.name: getattr(block, f.name) for f in fields(Block)},
            status=status,
            segments=segments,
        )


@dataclass
class RevUnit(Unit):
    """One unit of the redline (a Pasal, Menimbang, a BAB heading, ...): a unit of the walk
    whose blocks carry their changes, so that any layout can lay it out."""

    blocks: list[RevBlock] = field(default_factory=list)
    status: str = SAME  # same | changed | inserted | deleted
    moved: bool = False
    source_changed: bool = False  # False: only renumbered references or parameter values
    label_a: str | None = None  # heading text in each version ("Pasal 9")
    label_b: str | None = None

    @property
    def changed(self) -> bool:
        """Anything to show: text, position or number."""
        return self.status != SAME or self.moved


# A side of a comparison is a policy version: its name, status, version, commit and date.
Side = Provenance


@dataclass
class Comparison:
    """Everything that changed between two versions."""

    a: Side
    b: Side
    document: list[RevUnit]
    clauses: list[RevUnit]
    parameters: list[ParameterChange]

    def counts(self) -> dict[str, int]:
        """How many Pasal were added, removed, repealed, moved, changed; parameters changed."""
        out = dict.fromkeys(PASAL_CHANGES, 0)
        for unit in self.clauses:
            if not unit.key.startswith("pasal:"):
                continue
            kind = pasal_change(unit)
            if kind in out:
                out[kind] += 1
        out["parameter"] = len(self.parameters)
        return out


@dataclass(frozen=True)
class ParameterChange:
    """A parameter added, removed or with other dated values."""

    name: str
    status: str  # inserted | deleted | changed
    unit: str
    before: tuple[tuple[dt.date, object], ...]
    after: tuple[tuple[dt.date, object], ...]


def pasal_change(unit: RevUnit) -> str:
    """What happened to a Pasal: ditambah, dihapus, ditandai dihapus ("Pasal 9 dihapus."),
    dipindah, diubah, or disesuaikan: its text as written is the same, only its number, the
    numbers it cites or a parameter value it shows followed other changes."""
    if unit.status == INSERTED:
        return "ditambah"
    if unit.status == DELETED:
        return "dihapus"
    if any(x.kind == "pasal-dihapus" and x.status == INSERTED for x in unit.blocks):
        return "ditandai dihapus"
    if unit.moved:
        return "dipindah"
    return "diubah" if unit.source_changed else "disesuaikan"


def _match_key(block: Block) -> str:
    return f"id:{block.key}" if block.key else f"t:{block.kind}\0{block.text}"


def _pair(a: Block, b: Block) -> RevBlock:
    segments = tuple(word_diff(a.content, b.content))
    return RevBlock.of(b, SAME if a.content == b.content else CHANGED, segments)


def compare_blocks(a: Sequence[Block], b: Sequence[Block]) -> list[RevBlock]:
    """Pair the blocks of one unit in two versions; unpaired ones are deleted or inserted."""
    out: list[RevBlock] = []
    matcher = SequenceMatcher(
        None, [_match_key(x) for x in a], [_match_key(x) for x in b], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs: list[tuple[int, int]] = (
            list(zip(range(i1, i2), range(j1, j2), strict=True)) if tag == "equal" else []
        )
        if tag == "replace":
            start = j1
            for i in range(i1, i2):
                for j in range(start, j2):
                    if a[i].kind == b[j].kind and similarity(a[i].content, b[j].content) >= 0.4:
                        pairs.append((i, j))
                        start = j + 1
                        break
        pa, pb = i1, j1
        for i, j in [*pairs, (i2, j2)]:
            out += [RevBlock.of(x, DELETED, (("-", x.content),)) for x in a[pa:i]]
            out += [RevBlock.of(x, INSERTED, (("+", x.content),)) for x in b[pb:j]]
            if i < i2:
                out.append(_pair(a[i], b[j]))
            pa, pb = i + 1, j + 1
    return out


def compare_unit(a: Unit | None, b: Unit | None) -> RevUnit:
    """One unit across two versions (None where it does not exist)."""
    if a is None or b is None:
        unit = a or b
        assert unit is not None
        status, op = (INSERTED, "+") if a is None else (DELETED, "-")
        blocks = [RevBlock.of(x, status, ((op, x.content),)) for x in unit.blocks]
        head = unit.blocks[0].text if unit.blocks else None
        return RevUnit(
            unit.key,
            blocks,
            unit.part,
            unit.bab,
            unit.source,
            status,
            source_changed=True,
            label_a=head if b is None else None,
            label_b=head if a is None else None,
        )
    blocks = compare_blocks(a.blocks, b.blocks)
    status = SAME if all(x.status == SAME for x in blocks) else CHANGED
    return RevUnit(
        b.key,
        blocks,
        b.part,
        b.bab,
        b.source,
        status,
        source_changed=a.source != b.source,
        label_a=a.blocks[0].text if a.blocks else None,
        label_b=b.blocks[0].text if b.blocks else None,
    )


def _parameters(a: Peraturan, b: Peraturan) -> list[ParameterChange]:
    out = []
    for name in sorted(set(a.parameters) | set(b.parameters)):
        pa, pb = a.parameters.get(name), b.parameters.get(name)
        before = tuple((v.since, v.value) for v in pa.values) if pa else ()
        after = tuple((v.since, v.value) for v in pb.values) if pb else ()
        either = pb or pa
        unit = either.unit if either else ""
        if pa is None or pb is None or before != after or pa.unit != pb.unit:
            status = INSERTED if pa is None else DELETED if pb is None else CHANGED
            out.append(ParameterChange(name, status, unit, before, after))
    return out


def compare(a: Peraturan, b: Peraturan, as_of: dt.date, side_a: Side, side_b: Side) -> Comparison:
    """Compare version ``a`` (older) with ``b`` (newer), both rendered as on ``as_of``."""
    units_a, units_b = walk(a, as_of), walk(b, as_of)
    by_key_a = {u.key: u for u in units_a}
    by_key_b = {u.key: u for u in units_b}
    document: list[RevUnit] = []
    clauses: list[RevUnit] = []
    matcher = SequenceMatcher(
        None, [u.key for u in units_a], [u.key for u in units_b], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for ua, ub in zip(units_a[i1:i2], units_b[j1:j2], strict=True):
                unit = compare_unit(ua, ub)
                document.append(unit)
                clauses += [unit] if unit.changed else []
            continue
        for ua in units_a[i1:i2]:
            document.append(compare_unit(ua, None))
            if ua.key not in by_key_b:
                clauses.append(document[-1])
        for ub in units_b[j1:j2]:
            document.append(compare_unit(None, ub))
            if ub.key in by_key_a:  # moved: compared in place, shown once where it is now
                moved = compare_unit(by_key_a[ub.key], ub)
                moved.moved = True
                clauses.append(moved)
            else:
                clauses.append(document[-1])
    return Comparison(side_a, side_b, document, clauses, _parameters(a, b))
