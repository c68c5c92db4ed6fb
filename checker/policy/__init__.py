"""The regulation: model, loading, numbering, parameters, rendering and lint."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import PolicyError, Problem
from checker.lazy import lazy_exports

# render is imported here, not on first use: its module has the same name, and a lazy name
# would be shadowed by the module once anything imports checker.policy.render (render.py
# itself imports its layouts only when asked to render)
from checker.policy.render import render

if TYPE_CHECKING:
    from checker.policy.model import Peraturan

__all__ = ["Peraturan", "lint_policy", "load_policy", "render"]

# loading and lint are imported on first use: a model module (checker.policy.model) must not
# bring them in, a cached policy version needs only the model
__getattr__, __dir__ = lazy_exports(__name__, globals(), {"Peraturan": "checker.policy.model"})


def lint_policy(root: str | Path = "policy") -> list[Problem]:
    """Every problem in ``policy/``: loading, schema, references, drafting rules; sorted."""
    from checker.policy.lint import lint_peraturan
    from checker.policy.load import load_policy_unchecked

    peraturan, problems = load_policy_unchecked(root)
    if peraturan is not None:
        problems = problems + lint_peraturan(peraturan)
    return sorted(set(problems))


def load_policy(root: str | Path = "policy") -> Peraturan:
    """Load ``policy/``; raise :class:`PolicyError` carrying every error if any was found."""
    from checker.policy.lint import lint_peraturan
    from checker.policy.load import load_policy_unchecked

    peraturan, problems = load_policy_unchecked(root)
    if peraturan is not None:
        problems = problems + lint_peraturan(peraturan)
    if peraturan is None or any(p.severity == "error" for p in problems):
        raise PolicyError(sorted(set(problems)))
    return peraturan
