"""`marsad serve`: the analyst's Arabic-first web UI and JSON API over the archive."""

from __future__ import annotations

WEB_INSTALL = "pip install 'marsad[web]'"

__all__ = ["WEB_INSTALL"]
