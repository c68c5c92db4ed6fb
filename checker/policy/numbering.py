"""Numbers computed from order: BAB (Roman), Bagian (Kesatu...), Pasal, ayat, rincian.

Nothing here is typed by a drafter. :class:`Numbering` maps stable ids and positions to labels
so citations and rendering agree. Once a version is enacted, ``peraturan.penomoran`` holds its
labels and :mod:`checker.policy.penomoran` keeps them (Pasal 9A, ayat (2a), "Pasal 9 dihapus.").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.policy.model import Ayat, FrozenPasal, Pasal, Peraturan, Rincian
from checker.policy.penomoran import Alignment, Slot, align

_ORDINAL_UNITS = (
    "",
    "Kesatu",
    "Kedua",
    "Ketiga",
    "Keempat",
    "Kelima",
    "Keenam",
    "Ketujuh",
    "Kedelapan",
    "Kesembilan",
)
_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def roman(number: int) -> str:
    """1 → I, 14 → XIV."""
    table = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for value, letters in table:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def ordinal(number: int) -> str:
    """Bagian ordinals: 1 → Kesatu, 10 → Kesepuluh, 11 → Kesebelas, 21 → Kedua Puluh Satu."""
    if 1 <= number <= 9:
        return _ORDINAL_UNITS[number]
    if number == 10:
        return "Kesepuluh"
    if number == 11:
        return "Kesebelas"
    if number < 20:
        return f"Ke{_UNITS[number - 10]} Belas"
    tens, unit = divmod(number, 10)
    head = f"Ke{_UNITS[tens]} Puluh"
    return head + (f" {_UNITS[unit].capitalize()}" if unit else "")


def letter(index: int) -> str:
    """0 → a, 25 → z, 26 → aa (as drafting practice continues past z)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def rincian_label(style: str, depth: int, index: int) -> str:
    """Label of a list item: huruf lists run a. → 1. → a) → 1) by depth; angka lists (the
    definitions of Pasal 1) run 1. → a. → 1) → a)."""
    pattern = ("1.", "a.", "1)", "a)") if style == "angka" else ("a.", "1.", "a)", "1)")
    kind = pattern[depth % 4]
    token = letter(index) if kind[0] == "a" else str(index + 1)
    return token + kind[1]


@dataclass(frozen=True)
class Address:
    """Where a stable id points: a Pasal, optionally an ayat, optionally a rincian path."""

    pasal: str
    ayat: int | None = None
    items: tuple[int, ...] = ()


@dataclass
class Numbering:
    """Labels for every Pasal and every addressable id of one regulation."""

    pasal: dict[str, str] = field(default_factory=dict)
    bab: dict[str, str] = field(default_factory=dict)  # bab id → roman label ("II", "IIA")
    addresses: dict[str, Address] = field(default_factory=dict)
    ayat_labels: dict[tuple[str, int], str] = field(default_factory=dict)
    item_labels: dict[tuple[str, int, tuple[int, ...]], str] = field(default_factory=dict)

    def citation(self, target: str, context_pasal: str | None = None) -> str | None:
        """Render a reference: "Pasal 9 ayat (2) huruf a", or "ayat (2)" inside Pasal 9 itself."""
        address = self.addresses.get(target)
        if address is None:
            return None
        parts = []
        same_pasal = context_pasal == address.pasal and address.ayat is not None
        if not same_pasal:
            parts.append(f"Pasal {self.pasal[address.pasal]}")
        if address.ayat is not None and (address.pasal, address.ayat) in self.ayat_labels:
            parts.append(f"ayat ({self.ayat_labels[(address.pasal, address.ayat)]})")
        for depth in range(1, len(address.items) + 1):
            label = self.item_labels[(address.pasal, address.ayat or 0, address.items[:depth])]
            word = "huruf" if label[0].isalpha() else "angka"
            parts.append(f"{word} {label.rstrip('.)')}")
        return " ".join(parts)


def _number_items(
    numbering: Numbering, pasal: Pasal, ayat_index: int, items: list[Rincian], path: tuple[int, ...]
) -> None:
    for index, item in enumerate(items):
        item_path = (*path, index)
        numbering.item_labels[(pasal.id, ayat_index, item_path)] = rincian_label(
            items[0].style, len(path), index
        )
        if item.id:
            numbering.addresses[item.id] = Address(pasal.id, ayat_index, item_path)
        _number_items(numbering, pasal, ayat_index, item.children, item_path)


def _ayat_is_numbered(pasal: Pasal, ayat: Ayat) -> bool:
    return ayat.numbered and len(pasal.ayat) > 1


def pasal_alignment(peraturan: Peraturan) -> Alignment | None:
    """Current Pasal against the enacted ones, or None before enactment."""
    if peraturan.penomoran is None:
        return None
    slots = [Slot(frozen.id, frozen.label) for frozen in peraturan.penomoran.pasal]
    return align(slots, [pasal.id for pasal in peraturan.iter_pasal()], upper=True)


def ayat_alignment(frozen: FrozenPasal, pasal: Pasal) -> Alignment:
    """The ayat of an enacted Pasal against the ayat it had when enacted."""
    slots = [Slot(ayat.id, ayat.label or "1") for ayat in frozen.ayat] or [Slot(None, "1")]
    return align(slots, [ayat.id for ayat in pasal.ayat], upper=False)


def _bab_labels(peraturan: Peraturan) -> list[str]:
    if peraturan.penomoran is None or not peraturan.penomoran.bab:
        return [roman(index) for index in range(1, len(peraturan.bab) + 1)]
    slots = [Slot(ident, label) for ident, label in peraturan.penomoran.bab]
    return align(slots, [bab.id for bab in peraturan.bab], upper=True, integer=roman).labels


def number(peraturan: Peraturan) -> Numbering:
    """Every label computed from document order, keeping enacted labels once frozen.

    Computed once per loaded regulation and kept on it: lint, the engine, the renderers and
    the site all ask, and must all get the same numbering.
    """
    if peraturan.numbering_cache is None:
        peraturan.numbering_cache = compute_numbering(peraturan)
    numbering: Numbering = peraturan.numbering_cache
    return numbering


def compute_numbering(peraturan: Peraturan) -> Numbering:
    """Compute every label from document order (use :func:`number`, which keeps the result)."""
    numbering = Numbering()
    numbering.bab = dict(
        zip([bab.id for bab in peraturan.bab], _bab_labels(peraturan), strict=True)
    )
    all_pasal = peraturan.iter_pasal()
    frozen = {f.id: f for f in peraturan.penomoran.pasal} if peraturan.penomoran else {}
    aligned = pasal_alignment(peraturan)
    for counter, pasal in enumerate(all_pasal, start=1):
        label = aligned.labels[counter - 1] if aligned else str(counter)
        numbering.pasal.setdefault(pasal.id, label)
        numbering.addresses.setdefault(pasal.id, Address(pasal.id))
        ayat_labels = [str(index + 1) for index in range(len(pasal.ayat))]
        if pasal.id in frozen:
            ayat_labels = ayat_alignment(frozen[pasal.id], pasal).labels
        for index, ayat in enumerate(pasal.ayat):
            if _ayat_is_numbered(pasal, ayat):
                numbering.ayat_labels[(pasal.id, index)] = ayat_labels[index]
            if ayat.id:
                numbering.addresses[ayat.id] = Address(pasal.id, index)
            _number_items(numbering, pasal, index, ayat.items, ())
    return numbering


def penomoran_record(peraturan: Peraturan, source: str, commit: str | None) -> dict[str, Any]:
    """The numbering of an enacted version as the data of ``policy/penomoran.yml``."""
    numbering = number(peraturan)
    pasal: list[dict[str, Any]] = []
    for item in peraturan.iter_pasal():
        entry: dict[str, Any] = {"id": item.id, "label": numbering.pasal[item.id]}
        if item.dihapus:
            entry["dihapus"] = True
        if len(item.ayat) > 1 or any(a.id for a in item.ayat):
            ayat = []
            for index, one in enumerate(item.ayat):
                frozen: dict[str, Any] = {"label": numbering.ayat_labels.get((item.id, index))}
                if one.id:
                    frozen["id"] = one.id
                if one.dihapus:
                    frozen["dihapus"] = True
                ayat.append(frozen)
            entry["ayat"] = ayat
        pasal.append(entry)
    return {
        "ditetapkan": source,
        "commit": commit,
        "nomor": peraturan.number,
        "tahun": peraturan.year,
        "bab": [{"id": bab.id, "label": numbering.bab[bab.id]} for bab in peraturan.bab],
        "pasal": pasal,
    }
