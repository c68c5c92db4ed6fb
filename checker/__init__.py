"""Kebijakan ASN Bengkulu: the regulation as code, checked against agency HR data.

The public API; the ``kebijakan`` command line is a thin layer over these functions.
"""

__version__ = "0.1.0"

from checker.demo import run_demo
from checker.policy import lint_policy, load_policy, render

__all__ = ["__version__", "lint_policy", "load_policy", "render", "run_demo"]
