"""Zip-based documents (XLSX, DOCX) with fixed timestamps: the same inputs, the same bytes.

Office libraries stamp every zip entry, and the document properties, with the clock. The
writers build their document in memory, then pass the bytes through :func:`deterministic_zip`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
CORE_PROPERTIES = "docProps/core.xml"
_W3CDTF = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")

Rewrite = Callable[[str, bytes], bytes]


def zip_time(when: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """The zip entry time for ``when``: UTC if it has a time zone, as given if naive, never
    before 1980 (the zip format's epoch), 1980-01-01 when None."""
    stamp = ZIP_EPOCH if when is None else when
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    year, month, day, hour, minute, second = max(stamp, ZIP_EPOCH).timetuple()[:6]
    return year, month, day, hour, minute, second


def deterministic_zip(
    raw: bytes, when: dt.datetime | None = None, rewrite: Rewrite | None = None
) -> bytes:
    """The zip archive ``raw`` rewritten entry by entry, in the same order, every entry dated
    :func:`zip_time` of ``when``, deflated, with the same attributes on every platform.
    ``rewrite(name, data)`` may change an entry's contents on the way (see
    :func:`core_dates`)."""
    date_time = zip_time(when)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            data = source.read(entry.filename)
            if rewrite is not None:
                data = rewrite(entry.filename, data)
            fixed = zipfile.ZipInfo(entry.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0  # not the platform's default, which differs
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    return out.getvalue()


def core_dates(when: dt.datetime | None) -> Rewrite:
    """A rewrite for :func:`deterministic_zip` that sets the created and modified dates in
    ``docProps/core.xml`` to ``when`` (for writers such as openpyxl's ``Workbook.save`` that
    stamp them with the clock)."""
    stamp = dt.datetime(*zip_time(when)).strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")

    def rewrite(name: str, data: bytes) -> bytes:
        return _W3CDTF.sub(stamp, data) if name == CORE_PROPERTIES else data

    return rewrite
