"""Lint for numbering frozen after enactment: nothing enacted may silently disappear or move.

Runs only on what ``policy/penomoran.yml`` records, plus the repeal markers themselves:

- an enacted Pasal that is gone without ``#### Pasal {#id} dihapus`` (error, at its record line);
- an enacted ayat that is gone without ``(#) dihapus`` (error, at its Pasal);
- an enacted Pasal moved out of its enacted order, or an insertion before the first one;
- an ayat added to an enacted Pasal without an id, whose number is only a guess from order;
- a repeal marker on something never enacted, or a repealed Pasal that still has text;
- a regulation marked ``ditetapkan`` whose numbering has not been frozen (or is stale).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.codes import lint_problem
from checker.errors import Problem
from checker.policy.model import Pasal, Peraturan, Span
from checker.policy.numbering import Numbering, ayat_alignment, pasal_alignment

FREEZE_HINT = "jalankan kebijakan versions bekukan lalu commit policy/penomoran.yml"


def repealed_targets(peraturan: Peraturan, numbering: Numbering) -> set[str]:
    """Ids that point into a repealed Pasal or ayat: citing them is an error."""
    repealed_pasal = {p.id for p in peraturan.iter_pasal() if p.dihapus}
    repealed_ayat = {
        (p.id, i) for p in peraturan.iter_pasal() for i, a in enumerate(p.ayat) if a.dihapus
    }
    return {
        ident
        for ident, address in numbering.addresses.items()
        if address.pasal in repealed_pasal or (address.pasal, address.ayat) in repealed_ayat
    }


def _check_markers(peraturan: Peraturan, enacted: set[str]) -> Iterator[Problem]:
    for pasal in peraturan.iter_pasal():
        if pasal.dihapus and pasal.ayat:
            yield lint_problem(
                pasal.ayat[0].span,
                "dihapus-berisi",
                "Pasal yang dihapus tidak berisi teks; hapus teks di bawah judulnya",
            )
        if pasal.dihapus and pasal.id not in enacted:
            yield lint_problem(
                pasal.span,
                "dihapus-rancangan",
                "Pasal ini ditandai dihapus padahal belum pernah ditetapkan; dalam "
                "rancangan, hapus saja Pasal ini",
            )


def _check_ayat(peraturan: Peraturan, pasal: Pasal, numbering: Numbering) -> Iterator[Problem]:
    assert peraturan.penomoran is not None
    frozen = next(f for f in peraturan.penomoran.pasal if f.id == pasal.id)
    aligned = ayat_alignment(frozen, pasal)
    label = numbering.pasal[pasal.id]
    for slot in aligned.vanished:
        enacted = frozen.ayat[slot] if frozen.ayat else None
        if enacted is None or enacted.label is None:
            continue  # a single unnumbered ayat: the Pasal itself is still there
        yield lint_problem(
            pasal.span,
            "ayat-hilang",
            f"ayat ({enacted.label}) Pasal {label} telah ditetapkan dan tidak boleh "
            "hilang; bila dicabut, tulis (#) dihapus di tempatnya",
        )
    for index in aligned.unkeyed_extra:
        if index == 0 and len(pasal.ayat) == 1:
            continue
        yield lint_problem(
            pasal.ayat[index].span,
            "ayat-tanpa-id",
            f"ayat ini ditambahkan pada Pasal {label} yang telah ditetapkan "
            f"tanpa id, sehingga nomornya ({aligned.labels[index]}) hanya ditebak "
            "dari urutan; beri id pada ayat yang disisipkan, misalnya "
            "(#) {#id-ayat}",
        )
    for index in aligned.before_first:
        yield lint_problem(
            pasal.ayat[index].span,
            "sisipan-awal",
            f"ayat tidak dapat disisipkan sebelum ayat pertama Pasal {label} yang "
            "telah ditetapkan; sisipkan sesudahnya",
        )
    for index, ayat in enumerate(pasal.ayat):
        if ayat.dihapus and index not in aligned.matched:
            yield lint_problem(
                ayat.span,
                "dihapus-rancangan",
                "ayat ini ditandai dihapus padahal belum pernah ditetapkan; hapus saja",
            )


def check_penomoran(peraturan: Peraturan, numbering: Numbering) -> Iterator[Problem]:
    """Every freeze problem of one regulation (see the module docstring)."""
    record = peraturan.penomoran
    status_span = peraturan.meta_spans.get("status", Span(f"{peraturan.root}/peraturan.yml", 1))
    if record is None:
        yield from _check_markers(peraturan, set())
        if peraturan.status == "ditetapkan" and peraturan.number is not None:
            yield lint_problem(
                status_span,
                "penomoran-belum-dibekukan",
                "peraturan berstatus ditetapkan tetapi penomorannya belum "
                f"dibekukan; {FREEZE_HINT}",
            )
        return
    enacted = {f.id for f in record.pasal}
    yield from _check_markers(peraturan, enacted)
    if peraturan.status == "ditetapkan" and (record.number, record.year) != (
        peraturan.number,
        peraturan.year,
    ):
        yield lint_problem(
            status_span,
            "penomoran-usang",
            f"penomoran yang dibekukan berasal dari {record.source}, bukan dari "
            f"penetapan ini; {FREEZE_HINT}",
        )
    aligned = pasal_alignment(peraturan)
    assert aligned is not None
    current = peraturan.iter_pasal()
    for slot in aligned.vanished:
        frozen = record.pasal[slot]
        before = [record.pasal[s].label for s in range(slot) if s not in aligned.vanished]
        where = f" sesudah Pasal {before[-1]}" if before else ""
        yield lint_problem(
            frozen.span,
            "pasal-hilang",
            f"Pasal {frozen.label} ({frozen.id}) telah ditetapkan dalam "
            f"{record.source} dan tidak boleh hilang; bila dicabut, tulis "
            f"#### Pasal {{#{frozen.id}}} dihapus di tempatnya{where}",
        )
    highest = -1
    for index, pasal in enumerate(current):
        slot = aligned.matched.get(index, -1)
        if 0 <= slot < highest:
            yield lint_problem(
                pasal.span,
                "pasal-pindah",
                f"Pasal {aligned.labels[index]} telah ditetapkan dan tidak dapat "
                "dipindahkan; tandai dihapus di tempatnya dan sisipkan Pasal baru",
            )
        highest = max(highest, slot)
        if index in aligned.before_first:
            yield lint_problem(
                pasal.span,
                "sisipan-awal",
                "Pasal tidak dapat disisipkan sebelum Pasal pertama yang telah "
                "ditetapkan; sisipkan sesudahnya",
            )
        if slot >= 0 and not pasal.dihapus:
            yield from _check_ayat(peraturan, pasal, numbering)
