"""`marsad serve`: the analyst's Arabic-first web UI and JSON API over the archive."""

from __future__ import annotations

WEB_INSTALL = "pip install 'marsad[web]'"
# Seconds of app time a request may take (`marsad serve --time-limit`); a search
# of the 31,000-record SaudiNewsNet archive takes a few hundredths of one.
DEFAULT_TIME_LIMIT = 5.0

__all__ = ["DEFAULT_TIME_LIMIT", "WEB_INSTALL"]
