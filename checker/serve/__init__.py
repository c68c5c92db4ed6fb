"""The agency upload service: agencies upload HR data through a page or the API, the same
checker judges it in separate processes, and the accepted reports feed the site's dashboard.

``create_app`` builds the FastAPI application; ``add_agency``/``revoke_agency`` manage who may
send; ``publish`` writes the dashboard's report files. Names are imported on first use, so a
check process (:mod:`checker.serve.runner`) does not load the web framework.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.serve.access import (
        Agency,
        add_agency,
        list_agencies,
        revoke_agency,
        rotate_token,
    )
    from checker.serve.app import create_app
    from checker.serve.publishing import Published, publish
    from checker.serve.storage import Storage

_EXPORTS = {
    "Agency": "access",
    "add_agency": "access",
    "list_agencies": "access",
    "revoke_agency": "access",
    "rotate_token": "access",
    "create_app": "app",
    "Published": "publishing",
    "publish": "publishing",
    "Storage": "storage",
}

__all__ = [
    "Agency",
    "Published",
    "Storage",
    "add_agency",
    "create_app",
    "list_agencies",
    "publish",
    "revoke_agency",
    "rotate_token",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'checker.serve' has no attribute {name!r}")
    return getattr(importlib.import_module(f"checker.serve.{_EXPORTS[name]}"), name)
