"""Publication dates as the record contract has them: ISO 8601, and real calendar dates."""

from __future__ import annotations

import datetime
import re

__all__ = ["iso_published"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def iso_published(value: str | None) -> str | None:
    """`value` as an ISO 8601 date or datetime, or None when it is not one (a real calendar
    date and time: `9999-99-99` is not)."""
    if not value:
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        return None
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(" ", "T") if len(value) > 10 else value
