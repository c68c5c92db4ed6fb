"""Click's own messages ("Usage:", "Error: ...", "Show this message and exit.") in Indonesian.

Click marks its messages with ``gettext``; each of its modules binds ``_`` and ``ngettext`` at
import. :func:`install` replaces those bindings with lookups in the table below, so every
person-facing line of ``kebijakan`` reads in Bahasa Indonesia whatever the machine's locale.
Messages not in the table pass through unchanged.
"""

from __future__ import annotations

import importlib

MESSAGES = {
    "Usage:": "Pemakaian:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Error: {message}": "Kesalahan: {message}",
    "Try '{command} {option}' for help.": "Jalankan '{command} {option}' untuk bantuan.",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Missing argument": "Argumen wajib tidak diberikan",
    "Missing option": "Opsi wajib tidak diberikan",
    "Missing parameter": "Parameter wajib tidak diberikan",
    "Missing parameter: {param_name}": "Parameter wajib tidak diberikan: {param_name}",
    "Missing {param_type}": "{param_type} wajib tidak diberikan",
    "Missing command.": "Perintah belum diberikan.",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Opsi {name!r} tidak ada.",
    "Aborted!": "Dibatalkan.",
    "default: {default}": "bawaan: {default}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ditemukan.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "file": "Berkas",
    "directory": "Folder",
    "path": "Jalur",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "Could not open file {filename!r}: {message}": (
        "Berkas {filename!r} tidak dapat dibuka: {message}"
    ),
}

PLURALS = {
    "Got unexpected extra argument ({args})": "Ada argumen berlebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen berlebih yang tidak dikenal ({args})",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
}

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.termui",
)


def translate(message: str) -> str:
    """The Indonesian text of one click message (unchanged when unknown)."""
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """The Indonesian text of one click message with a count (Indonesian has no plural)."""
    chosen = singular if count == 1 else plural
    return PLURALS.get(chosen, chosen)


def install() -> None:
    """Point click's message lookups at the Indonesian table."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]
