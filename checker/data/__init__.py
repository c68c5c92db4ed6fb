"""Agency data intake: Table Schema, forgiving CSV/XLSX/SIASN ingest, template and sample data.

``ingest(paths) -> Dataset`` (:mod:`checker.data.ingest`, public as ``checker.ingest``) is the
entry point; ``write_template`` and ``generate_sample`` back the ``kebijakan template`` and
``kebijakan sample`` commands.

Names are imported on first use (PEP 562): a light module of this package, such as
:mod:`checker.data.intake_checks` which the report labels read, loads no database or
spreadsheet library. ``ingest`` is not re-exported here, because ``checker.data.ingest`` is the
module of that name once anything has imported it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.lazy import lazy_exports

if TYPE_CHECKING:
    from checker.data.dataset import Dataset, InputFile
    from checker.data.sample import generate_sample
    from checker.data.schema import load_schema
    from checker.data.template import write_template

# public name → the module that defines it
_EXPORTS = {
    "Dataset": "checker.data.dataset",
    "InputFile": "checker.data.dataset",
    "generate_sample": "checker.data.sample",
    "load_schema": "checker.data.schema",
    "write_template": "checker.data.template",
}

__all__ = ["Dataset", "InputFile", "generate_sample", "load_schema", "write_template"]


__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
