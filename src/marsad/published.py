"""Publication dates as the record contract has them: ISO 8601, and real calendar dates.

Dumps and page metadata write them many ways: ISO with a space or a `T`, `2015/07/21`,
`21/07/2015`, `21-07-2015 14:05`, RFC 2822 (`Tue, 21 Jul 2015 02:51:32 GMT`), Unix seconds
or milliseconds, English or Arabic month names (`July 21, 2015`, `21 يوليو 2015`), in Latin
or Arabic-Indic digits. `parse_published` reads all of them or says it cannot.
"""

from __future__ import annotations

import datetime
import email.utils
import re
from functools import lru_cache

__all__ = ["iso_published", "parse_published"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TIME = r"(?:[T ,]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?\s*(?P<half>[AaPp][Mm]|ص|م)?)?"
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})\s*[-/.]\s*(?P<month>\d{1,2})\s*[-/.]\s*(?P<day>\d{1,2})" + _TIME + r"\s*$")
_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})\s*[-/.]\s*(?P<month>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})" + _TIME + r"\s*$")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")
# Unix times from 2001 to 2100: a bare number outside them is no date.
_EPOCH_RANGE = (978_307_200, 4_102_444_800)
_ENGLISH_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_NAMED = re.compile(
    r"^(?:(?P<weekday>[^\W\d_]+),?\s+)?(?:(?P<day1>\d{1,2})\s*[/-]?\s*(?P<month1>[^\W\d_]+)\.?|(?P<month2>[^\W\d_]+)\.?\s+"
    r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?)\s*[,/-]?\s*(?P<year>\d{4})\s*م?" + _TIME + r"\s*$"
)


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """English names and abbreviations, and the Arabic month series of `gregorian_months.tsv`
    (Syriac, Egyptian, Maghreb), folded as the date finder folds them."""
    from marsad.arabic.normalize import fold_word
    from marsad.enrich.data import read_table

    months = {name: number for number, name in enumerate(_ENGLISH_MONTHS, 1)}
    months.update({name[:3]: number for number, name in enumerate(_ENGLISH_MONTHS, 1)})
    months["sept"] = 9
    months.update({fold_word(row[0]): int(row[1]) for row in read_table("gregorian_months.tsv")})
    return months


def _month_number(name: str) -> int | None:
    from marsad.arabic.normalize import fold_word

    lowered = name.lower()
    found = _month_numbers().get(lowered)
    if found is None:
        found = _month_numbers().get(fold_word(lowered.removeprefix("ل")))
    return found


def _build(year: int, month: int, day: int, match: re.Match[str]) -> str | None:
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    if match.group("hour") is None:
        return date.isoformat()
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    half = (match.group("half") or "").lower()
    if half in ("pm", "م") and hour < 12:
        hour += 12
    elif half in ("am", "ص") and hour == 12:
        hour = 0
    try:
        moment = datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return moment.isoformat()


def parse_published(value: object) -> str | None:
    """`value` (a string, or a Unix time as a number) as an ISO 8601 date or datetime, or None
    when it is not a real date in any of the forms this module names. A datetime keeps the
    offset it was given; a Unix time is given in UTC."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip().translate(_DIGITS)
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return text.replace(" ", "T") if len(text) > 10 else text
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    for pattern in (_YEAR_FIRST, _DAY_FIRST):
        match = pattern.match(text)
        if match:
            day, month = int(match.group("day")), int(match.group("month"))
            if month > 12 >= day:
                day, month = month, day  # `7/23/2012`: written month first
            return _build(int(match.group("year")), month, day, match)
    named = _NAMED.match(text)
    if named:
        month_name = named.group("month1") or named.group("month2")
        number = _month_number(month_name)
        if number is not None:
            written_day = int(named.group("day1") or named.group("day2"))
            return _build(int(named.group("year")), number, written_day, named)
    return _from_rfc2822(text)


def _from_epoch(seconds: float) -> str | None:
    if seconds > _EPOCH_RANGE[1] * 10:
        seconds /= 1000  # milliseconds
    if not _EPOCH_RANGE[0] <= seconds < _EPOCH_RANGE[1]:
        return None
    moment = datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def _from_rfc2822(text: str) -> str | None:
    if "," not in text and not re.search(r"[A-Za-z]{3}\s+\d", text):
        return None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return moment.isoformat()


def iso_published(value: str | None) -> str | None:
    """`value` as an ISO 8601 date or datetime, or None when it is not one (a real calendar
    date and time: `9999-99-99` is not)."""
    return parse_published(value)
