"""The rows an agency does not speak for: employees of a perangkat daerah other than those the
sending agency is bound to (``policy/opd.yml``, ``kebijakan agency add --opd``).

:func:`checker.rules.helpers.prepare` moves them out of the employee table into
:data:`FOREIGN_ROWS`, so no rule judges them and no count includes them; :func:`set_aside` then
removes every finding naming one of them and reports, per file and perangkat daerah, only how
many rows were set aside (SKEMA-OPD): nothing of their personal data goes back to the sender.
"""

from __future__ import annotations

from dataclasses import replace

from checker.data.intake_checks import SKEMA_OPD, intake_finding
from checker.report.finding import ClauseRef, Finding

FOREIGN_ROWS = "kebijakan_asn_lain"


def set_aside(
    con: object, findings: list[Finding], opd: tuple[str, ...], clause: ClauseRef
) -> list[Finding]:
    """Without the findings about employees of another perangkat daerah (by NIP, and by the
    row of their pegawai record), plus one SKEMA-OPD count per file and such perangkat daerah:
    nothing of their personal data is echoed back to the sender."""
    if not opd:
        return findings
    rows = con.execute(  # type: ignore[attr-defined]
        f"SELECT nip, _file, _row, opd FROM {FOREIGN_ROWS}"
    ).fetchall()
    if not rows:
        return findings
    nips = {nip for nip, _, _, _ in rows if nip}
    places = {(file, row) for _, file, row, _ in rows}
    kept = [
        f
        for f in findings
        if not (f.nip and f.nip in nips)
        and not (f.table == "pegawai" and (f.file, f.row) in places)
    ]
    counts: dict[tuple[str, str], int] = {}
    for _, file, _, label in rows:
        key = (file, label or "(tanpa perangkat daerah)")
        counts[key] = counts.get(key, 0) + 1
    own = ", ".join(opd)
    for (file, label), count in sorted(counts.items()):
        finding = intake_finding(
            SKEMA_OPD,
            f"{count} baris pegawai pada berkas ini tercatat pada perangkat daerah {label}, "
            f"bukan perangkat daerah yang diwakili instansi pengirim ({own}). Baris itu beserta "
            "riwayatnya tidak diperiksa dan tidak dihitung untuk perangkat daerah mana pun. "
            "Kirim data perangkat daerah itu melalui instansinya sendiri.",
            table="pegawai",
            file=file,
            actual=str(count),
        )
        kept.append(replace(finding, clause=clause))
    return kept
