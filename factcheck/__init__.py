"""factcheck: a linter for the numbers in prose."""

__version__ = "0.1.0"
