"""Bar charts as SVG, drawn at build time with matplotlib.

Deterministic: the same figures give the same bytes (fixed hash salt, no date, text kept as
text). Drawn on a white card with dark text so they read the same in the light and dark scheme.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

BAR = "#3949ab"  # indigo, the site's primary colour
LOW = "#e65100"  # below the reference line
TEXT = "#1f2937"
GRID = "#d1d5db"
RC: Any = {
    "svg.hashsalt": "kebijakan-asn",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "axes.edgecolor": GRID,
}


def _number(value: float, percent: bool = False) -> str:
    """Indonesian style: 1.234 for counts, 98,0% for shares (as the tables print them)."""
    if percent:
        return f"{value:.1f}".replace(".", ",") + "%"
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def _svg(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, facecolor="white")
    return buffer.getvalue()


def horizontal_bars(
    labels: list[str],
    values: list[float],
    *,
    title: str,
    xlabel: str,
    percent: bool = False,
    reference: float | None = None,
) -> bytes:
    """One bar per label, top to bottom in the given order, each labelled with its value."""
    with rc_context(RC):
        fig = Figure(figsize=(7.5, 0.9 + 0.32 * max(len(labels), 1)), layout="constrained")
        ax = fig.subplots()
        positions = list(range(len(labels)))[::-1]
        colors = [LOW if reference is not None and v < reference else BAR for v in values]
        ax.barh(positions, values, color=colors, height=0.65)
        ax.set_yticks(positions, labels)
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.set_xlabel(xlabel)
        top = 100.0 if percent else max([*values, 1.0]) * 1.15
        ax.set_xlim(0, top * (1.12 if percent else 1.0))
        for y, v in zip(positions, values, strict=True):
            ax.text(v + top * 0.01, y, _number(v, percent), va="center", fontsize=8)
        if reference is not None:
            ax.axvline(reference, color=TEXT, linestyle="--", linewidth=0.8)
        _tidy(ax)
        return _svg(fig)


def vertical_bars(
    labels: list[str], values: list[float], *, title: str, ylabel: str, percent: bool = False
) -> bytes:
    """One bar per label, left to right (for dates)."""
    with rc_context(RC):
        fig = Figure(figsize=(max(3.5, 1.2 + 0.9 * len(labels)), 3.2), layout="constrained")
        ax = fig.subplots()
        positions = list(range(len(labels)))
        ax.bar(positions, values, color=BAR, width=0.6)
        ax.set_xticks(positions, labels)
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.set_ylabel(ylabel)
        top = 100.0 if percent else max([*values, 1.0]) * 1.15
        ax.set_ylim(0, top * (1.1 if percent else 1.0))
        for x, v in zip(positions, values, strict=True):
            ax.text(x, v + top * 0.015, _number(v, percent), ha="center", fontsize=8)
        _tidy(ax)
        return _svg(fig)


def _tidy(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
