"""One version of the policy — regulation, parameters, numbering, rules, Table Schema,
dispensations and provenance — loaded once, from a folder, a Git ref or the installed package.

Every command, the impact preview, versions, the site plugin and the upload service receive a
:class:`Kebijakan` from :func:`load_kebijakan`; nothing else reads ``policy/`` or ``rules/``.
"""

from checker.kebijakan.load import Inspection, inspect, load_kebijakan, load_source, opened
from checker.kebijakan.model import Kebijakan
from checker.kebijakan.source import Source, at_ref, bundled, locate

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
