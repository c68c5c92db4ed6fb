"""One version of the policy — regulation, parameters, numbering, rules, Table Schema,
dispensations and provenance — loaded once, from a folder, a Git ref or the installed package.

Every command, the impact preview, versions, the site plugin and the upload service receive a
:class:`Kebijakan` from :func:`load_kebijakan`; nothing else reads ``policy/`` or ``rules/``.
Names are imported on first use (PEP 562), so :mod:`checker.kebijakan.source` alone does not
load the policy, rules and data libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.lazy import lazy_exports

if TYPE_CHECKING:
    from checker.kebijakan.choose import load_kebijakan, load_source, opened
    from checker.kebijakan.load import Inspection, inspect
    from checker.kebijakan.model import Kebijakan
    from checker.kebijakan.source import Source, at_ref, bundled, locate

# public name → the module that defines it
_EXPORTS = {
    "Inspection": "checker.kebijakan.load",
    "inspect": "checker.kebijakan.load",
    "load_kebijakan": "checker.kebijakan.choose",
    "load_source": "checker.kebijakan.choose",
    "opened": "checker.kebijakan.choose",
    "Kebijakan": "checker.kebijakan.model",
    "Source": "checker.kebijakan.source",
    "at_ref": "checker.kebijakan.source",
    "bundled": "checker.kebijakan.source",
    "locate": "checker.kebijakan.source",
}

__all__ = [
    "Inspection",
    "Kebijakan",
    "Source",
    "at_ref",
    "bundled",
    "inspect",
    "load_kebijakan",
    "load_source",
    "locate",
    "opened",
]


__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
