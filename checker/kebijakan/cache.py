"""A compiled copy of a loaded version, so that a check does not parse and lint the same files
again: the :class:`~checker.kebijakan.model.Kebijakan` pickled under the user's cache folder.

The key is the SHA-256 of everything the result depends on: the content of every file of
``policy/`` and ``rules/``, the checker's own code (each module's path, size and modification
time), whether only the text was read, the day (an expired dispensation is a warning from one
day to the next) and the working folder (messages name paths relative to it). Any change gives
another key; a copy that cannot be read is ignored and written anew. A version read from Git
objects (``--ref``) is never cached. ``KEBIJAKAN_CACHE=0`` turns the cache off;
``KEBIJAKAN_CACHE_DIR`` moves it (default ``$XDG_CACHE_HOME/kebijakan`` or
``~/.cache/kebijakan``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import checker
from checker.kebijakan.model import Kebijakan
from checker.kebijakan.source import Source
from checker.provenance import REF

_CODE = Path(checker.__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where compiled versions are kept, or None when the cache is off."""
    if os.environ.get("KEBIJAKAN_CACHE", "1").strip().lower() in ("0", "off", "no", "tidak"):
        return None
    chosen = os.environ.get("KEBIJAKAN_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kebijakan"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _code_stamp() -> bytes:
    """The checker's code as it is installed: every module's path, size and mtime."""
    digest = hashlib.sha256(f"{checker.__version__} {sys.version}".encode())
    for path in sorted(_CODE.rglob("*")):
        if path.suffix in (".py", ".json", ".yml", ".yaml") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(_CODE)} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.digest()


def cache_key(source: Source, text_only: bool, today: dt.date) -> str:
    """The key of ``source`` as loaded today (see the module's docstring)."""
    digest = hashlib.sha256(_code_stamp())
    digest.update(f"{text_only} {today.isoformat()} {Path.cwd()}".encode())
    for folder in (source.policy, source.rules):
        digest.update(f"\0{os.path.abspath(folder)}".encode())
        for path in _files(folder):
            digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cached(
    source: Source, text_only: bool, today: dt.date, load: Callable[[], Kebijakan]
) -> Kebijakan:
    """The version at ``source`` from the cache, or ``load()`` it and keep the result.
    Loading errors are raised by ``load`` and never cached."""
    folder = cache_dir()
    if folder is None or source.kind == REF:
        return load()
    path = folder / f"{cache_key(source, text_only, today)}.pickle"
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
        if isinstance(found, Kebijakan):
            return found
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass  # absent, or written by another version of the code: load it anew
    kebijakan = load()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as written:
            pickle.dump(kebijakan, written, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written.name, path)
    except OSError:
        pass  # a read-only home folder: the check goes on without a cache
    return kebijakan
