"""What several browser tests look for in a page: the fixture's records, readable dates, inert markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

# Records of the fixture archive (tests/web/browser/pages and examples/).
NEAR_A = "nearA-2024-0310"
NEAR_B = "nearB-2024-0311"
HOSTILE = "hostile-2024-0515"
HOST_WITH_STORY = "nile-2024-0412"
EMBEDDED_STORY = "nile-2024-0412/1"
SPEAKER = "عبد الله الشهري"
HOSTILE_SPEAKER = "سامي العتيبي"
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"

GREGORIAN_MONTHS = (
    "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
    "|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول"
    "|جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت|ديسمبر"
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
WESTERN_DIGIT = re.compile(r"[0-9]")
ARABIC_INDIC_DIGIT = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")


def arabic_date(day: int, months: str, year: int) -> re.Pattern[str]:
    """`10 مارس 2024` in Western digits, or the same in Arabic-Indic digits."""
    western = rf"{day}\s+(?:{months})\s+{year}"
    indic = str(day).translate(_TO_INDIC) + rf"\s+(?:{months})\s+" + str(year).translate(_TO_INDIC)
    return re.compile(rf"(?:{western}|{indic})")


_TO_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def href_path(href: str | None) -> str:
    """The decoded path of a link, so `/articles/nile-2024-0412%2F1` and `/articles/nile-2024-0412/1` compare equal."""
    assert href is not None, "a link without href"
    return unquote(urlsplit(href).path)


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def link_paths(locator: Locator) -> list[str]:
    """The decoded paths of every `<a>` inside `locator`."""
    return [href_path(link.get_attribute("href")) for link in locator.locator("a[href]").all()]


def first_link_paths(items: Locator) -> list[str]:
    """For each element of `items` (results, stories), the decoded path of its first link."""
    return [href_path(item.locator("a[href]").first.get_attribute("href")) for item in items.all()]


def injected(page: Page) -> dict[str, Any]:
    """Markup from page text that became live DOM: must all be empty."""
    found: dict[str, Any] = page.evaluate(
        """() => ({
            scripts_with_payload: Array.from(document.scripts)
                .filter(s => (s.textContent || '').includes('alert(1)')).map(s => s.outerHTML),
            onerror_elements: Array.from(document.querySelectorAll('[onerror]')).map(e => e.outerHTML),
            images_to_x: Array.from(document.images)
                .filter(i => i.getAttribute('src') === 'x').map(i => i.outerHTML),
            any_on_attribute: Array.from(document.querySelectorAll('body *'))
                .filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).map(e => e.outerHTML),
        })"""
    )
    return {name: items for name, items in found.items() if items}


def visible_text(page: Page) -> str:
    text: str = page.locator("body").inner_text()
    return text
