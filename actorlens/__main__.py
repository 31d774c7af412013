"""Entry point for ``python -m actorlens``."""

from actorlens.cli import main

raise SystemExit(main())
