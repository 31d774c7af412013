"""actorlens: actor-centric analysis of news coverage."""

__version__ = "0.1.0"
