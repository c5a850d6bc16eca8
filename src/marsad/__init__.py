"""marsad (مرصد): an Arabic-first news observatory."""

from __future__ import annotations

from marsad.extraction import ExtractOptions, extract, extract_page
from marsad.records import Article, Page, Record, Removed

__version__ = "0.1.0"

__all__ = ["Article", "ExtractOptions", "Page", "Record", "Removed", "__version__", "extract", "extract_page"]
