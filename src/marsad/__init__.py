"""marsad (مرصد): an Arabic-first news observatory."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Article", "ExtractOptions", "Page", "Record", "Removed", "__version__", "extract", "extract_page"]

# Loaded on first use: `import marsad` (and `marsad --help`) should not pay for the
# segmenter and its rule tables.
_LAZY = {
    "ExtractOptions": "marsad.extraction",
    "extract": "marsad.extraction",
    "extract_page": "marsad.extraction",
    "Article": "marsad.records",
    "Page": "marsad.records",
    "Record": "marsad.records",
    "Removed": "marsad.records",
}

if TYPE_CHECKING:
    from marsad.extraction import ExtractOptions, extract, extract_page
    from marsad.records import Article, Page, Record, Removed


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'marsad' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
