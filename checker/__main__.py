"""``python -m checker`` runs the ``kebijakan`` command line."""

from checker.cli import main

main()
