"""What a lint code is: its id, default level, area, meaning, and a passing and a failing
example, as yamllint documents its rules."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("error", "warning")

# area id → Indonesian heading, in the order the catalogue page lists them
AREAS = {
    "peraturan": "Teks peraturan",
    "parameter": "Parameter",
    "penomoran": "Penomoran yang dibekukan",
    "aturan": "Aturan pemeriksaan",
    "skema-tabel": "Skema tabel data",
    "dispensasi": "Dispensasi",
    "konsultasi": "Konsultasi publik",
    "berkas": "Berkas dan YAML",
}


@dataclass(frozen=True)
class LintCode:
    """One lint code. ``level`` is the severity it is reported at; ``varies`` says (in
    Indonesian) when it is reported at the other level instead, and is empty for a code that
    always has its one level. ``file`` is where the examples are written, relative to the
    version's root; ``passing`` and ``failing`` are what an author would write there (only the
    part that matters: other keys and Pasal stay as they are)."""

    id: str
    level: str
    area: str
    description: str
    file: str
    passing: str
    failing: str
    varies: str = ""

    def __post_init__(self) -> None:
        # a malformed entry is a programming error, caught when the registry is imported
        assert self.level in LEVELS, f"{self.id}: level {self.level!r} not in {LEVELS}"
        assert self.area in AREAS, f"{self.id}: area {self.area!r} not in {tuple(AREAS)}"
        assert "\n" not in self.description, f"{self.id}: the description is one line"
        assert self.passing != self.failing, f"{self.id}: the examples are the same"

    @property
    def syntax(self) -> str:
        """The code-block language of the examples: ``markdown`` or ``yaml``."""
        return "markdown" if self.file.endswith(".md") else "yaml"
