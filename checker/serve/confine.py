"""What holds one check process in: its memory limit, dying with the server, and the words that
tell the agency which limit stopped its check.

The memory limit is ``RLIMIT_DATA`` (private writable memory: the heap, ``malloc``'s and DuckDB's
anonymous mappings, libraries' data segments), not ``RLIMIT_AS`` (every mapping). Measured with
DuckDB 2.0.1 and python-calamine 0.9.1 on the sample data of ``kebijakan demo``, whole check plus
JSON and XLSX report, no limit set (peak VmData sampled every 10 ms):

===================  ========  ============  =====  ==========================================
sample               VmPeak    peak VmData   VmHWM  under a 1 GiB ``RLIMIT_AS``
===================  ========  ============  =====  ==========================================
60 pegawai, CSV      1.33 GiB  474 MiB       171 M  MemoryError while DuckDB starts
2 000 pegawai, XLSX  1.34 GiB  478 MiB       185 M  calamine aborts ("memory allocation failed")
10 000 pegawai, CSV  1.40 GiB  553 MiB       232 M  (not tried)
===================  ========  ============  =====  ==========================================

About 0.9 GiB of the address space is never memory (shared libraries' code, the 64 MiB arenas
``malloc`` reserves per thread without touching them), so a 1 GiB ``RLIMIT_AS`` stops even the
smallest check. Under a 1 GiB ``RLIMIT_DATA`` all three pass with about half the budget to spare,
and a runaway check still stops: Python raises ``MemoryError`` (or an ``ImportError`` "failed to
map segment" for a library loaded late), DuckDB raises its ``OutOfMemoryException`` (its own
limit is half the budget, :meth:`Limits.duckdb_memory`), and a native allocation that fails
aborts the process. A normal check uses 470–560 MiB of it, so the limit is not for squeezing:
it keeps one upload from taking the server's memory.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys

from checker.limits import Limits, memory_text, seconds_text

# what a failed allocation leaves on stderr: Python, Rust (calamine), C++ (DuckDB), libc, and
# glibc's abort when a thread's thread-local data for a loaded library does not fit
MEMORY_MARKERS = (
    "MemoryError",
    "memory allocation of",
    "bad_alloc",
    "Out of Memory",
    "Cannot allocate memory",
    "cannot allocate memory for thread-local data",
)
PR_SET_PDEATHSIG = 1
CRASHED = (
    "Pemeriksaan terhenti karena kesalahan pada server. Unggah ulang; bila terulang, "
    "hubungi BKD dengan nomor pengajuan ini."
)


def out_of_memory(limits: Limits) -> str:
    """The agency's message for a check stopped by the memory limit, naming it."""
    size = memory_text(limits.memory_bytes) if limits.memory_bytes else "yang tersedia"
    return (
        f"Pemeriksaan dihentikan karena memerlukan memori lebih dari {size}, batas satu "
        "pemeriksaan di layanan ini. Bagi data menjadi beberapa unggahan yang lebih kecil "
        "(misalnya per instansi), atau hubungi BKD dengan nomor pengajuan ini."
    )


def timed_out(limits: Limits) -> str:
    """The agency's message for a check stopped by the time limit, naming it."""
    took = seconds_text(limits.seconds) if limits.seconds else "batas waktunya"
    return (
        f"Pemeriksaan dihentikan karena berjalan lebih dari {took}, batas satu pemeriksaan "
        "di layanan ini. Bagi data menjadi beberapa unggahan yang lebih kecil, atau hubungi "
        "BKD dengan nomor pengajuan ini."
    )


def gave_up(attempts: int) -> str:
    """The message for a check that was interrupted by a dying server again and again."""
    return (
        f"Pemeriksaan sudah dimulai {attempts} kali dan setiap kali terhenti karena layanan "
        "berhenti di tengah pemeriksaan, jadi tidak diulang lagi. Unggah ulang; bila "
        "terulang, hubungi BKD dengan nomor pengajuan ini."
    )


def looks_out_of_memory(returncode: int, stderr: str) -> bool:
    """Whether a check process that printed no outcome died for want of memory: the kernel's
    OOM killer (SIGKILL we did not send) or a failed allocation named on stderr."""
    return returncode == -signal.SIGKILL or any(m in stderr for m in MEMORY_MARKERS)


def limit_memory(limits: Limits) -> None:
    """Cap this process's private writable memory at the budget (see the module docstring)."""
    if limits.memory_bytes is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = limits.memory_bytes if hard == resource.RLIM_INFINITY else min(hard, limits.memory_bytes)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when the server that started it dies, even by
    SIGKILL (Linux ``PR_SET_PDEATHSIG``); exit at once when the server is already gone."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    # the server may have died between fork and prctl: then we were adopted by another process
    if os.getppid() != parent:
        os._exit(1)
