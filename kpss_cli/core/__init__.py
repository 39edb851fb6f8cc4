"""The domain: records, names, dates, Czech vocabulary and order, errors. No input or output:
nothing here reads a file, prints, or imports a package above it."""

__version__ = "0.1.0"
