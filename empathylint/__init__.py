"""empathylint: a linter for customer-support writing."""

__version__ = "0.1.0"
