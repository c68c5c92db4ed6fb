"""Agency data intake: Table Schema, forgiving CSV/XLSX/SIASN ingest, template and sample data.

``ingest(paths) -> Dataset`` is the entry point; ``write_template`` and ``generate_sample`` back the
``kebijakan template`` and ``kebijakan sample`` commands.
"""

from checker.data.dataset import Dataset, InputFile
from checker.data.ingest import ingest
from checker.data.sample import generate_sample
from checker.data.schema import load_schema
from checker.data.template import write_template

__all__ = ["Dataset", "InputFile", "generate_sample", "ingest", "load_schema", "write_template"]
