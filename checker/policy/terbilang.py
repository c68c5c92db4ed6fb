"""Indonesian drafting style for numbers and dates, kept importable from here while callers move
to :mod:`checker.wording`, which now holds all wording (these names are its own, not copies)."""

from __future__ import annotations

from checker.wording import BULAN, digits, tanggal, terbilang, words

__all__ = ["BULAN", "digits", "tanggal", "terbilang", "words"]
