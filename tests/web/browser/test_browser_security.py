"""In Chromium, offline: the pages and the API docs load with no console error and
no Content-Security-Policy violation, and the docs render Swagger UI from this server."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from browser_checks import HOST_WITH_STORY, SPEAKER
from browser_harness import Tab

# The securitypolicyviolation events of the page, kept where the test can read them.
# An init script is injected by the browser itself, so the policy does not stop it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""

PAGES = [
    "/",
    "/?q=" + quote("النيل"),
    f"/articles/{HOST_WITH_STORY}",
    "/entities",
    "/entities/" + quote(SPEAKER),
    "/quotes",
    "/stories",
    "/no/such/page",
    "/?q=" + quote('"عبارة لم تغلق'),
]


@pytest.fixture
def console(tab: Tab) -> Iterator[list[str]]:
    """The tab's console errors and CSP violations, which must stay empty."""
    errors: list[str] = []
    tab.page.add_init_script(RECORD_VIOLATIONS)
    tab.page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield errors


def _violations(tab: Tab) -> list[str]:
    found: list[str] = tab.page.evaluate("() => window.__cspViolations || []")
    return found


def _is_status_report(message: str) -> bool:
    # Chromium reports a page answered with an error status as a console error.
    return message.startswith("Failed to load resource: the server responded with a status of")


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_without_console_errors_or_policy_violations(tab: Tab, console: list[str], path: str) -> None:
    response = tab.page.goto(tab.base + path, wait_until="load")
    assert response is not None
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    tab.page.wait_for_load_state("networkidle")
    assert _violations(tab) == []
    assert [message for message in console if not _is_status_report(message)] == []
    tab.watch.assert_clean()


def test_api_docs_render_swagger_ui_offline(tab: Tab, console: list[str]) -> None:
    tab.open("/api/docs")
    # Swagger UI replaces the plain endpoint list with one block per operation.
    operations = tab.page.locator(".swagger-ui .opblock")
    operations.first.wait_for()
    assert operations.count() >= 6
    assert "/api/search" in tab.page.locator(".swagger-ui").inner_text()
    # Opening an operation renders its parameters and response schemas, under the same policy.
    operations.first.locator(".opblock-summary").click()
    tab.page.locator(".swagger-ui .opblock-body .parameters").first.wait_for()
    tab.page.wait_for_load_state("networkidle")
    assert _violations(tab) == []
    assert console == []
    tab.watch.assert_clean()
    tab.screenshot("api-docs")


def test_api_docs_list_the_endpoints_without_javascript(no_js_tab: Tab) -> None:
    no_js_tab.open("/api/docs")
    endpoints = no_js_tab.page.get_by_test_id("endpoint")
    assert endpoints.count() >= 6
    assert "/api/search" in endpoints.first.inner_text()
    no_js_tab.watch.assert_clean()
