"""Kebijakan ASN Bengkulu: the regulation as code, checked against agency HR data."""

__version__ = "0.1.0"
