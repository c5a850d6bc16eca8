"""/api/docs: the API's reference, readable offline. A list of the endpoints
rendered here from the OpenAPI schema, which Swagger UI replaces when the
`fastapi-offline` package (part of the web extra) has its files installed: they
are served from this server, never from a CDN, under a policy that lets no
other script run."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from marsad.web.middleware import DOCS_POLICY, security_headers

__all__ = ["DOCS_PATH", "SWAGGER_STATIC", "Endpoint", "endpoints", "router", "swagger_ui_files"]

DOCS_PATH = "/api/docs"
SWAGGER_STATIC = "/static/swagger-ui"
_SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")

router = APIRouter(include_in_schema=False)


def swagger_ui_files() -> Path | None:
    """The folder of Swagger UI's script and stylesheet as installed, or None without them."""
    spec = importlib.util.find_spec("fastapi_offline")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "static"
        if all((folder / name).is_file() for name in _SWAGGER_FILES):
            return folder
    return None


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str
    summary: str
    parameters: list[tuple[str, bool, str]]
    statuses: list[str]


def endpoints(schema: dict[str, Any]) -> list[Endpoint]:
    """Every operation of an OpenAPI schema, with its parameters (name, required, description)."""
    found = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            parameters = [
                (str(item.get("name")), bool(item.get("required")), str(item.get("description") or ""))
                for item in operation.get("parameters", [])
            ]
            found.append(
                Endpoint(
                    method=method.upper(),
                    path=path,
                    summary=str(operation.get("summary") or ""),
                    parameters=parameters,
                    statuses=sorted(operation.get("responses", {})),
                )
            )
    return found


@router.get(DOCS_PATH, response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    app = request.app
    html = app.state.templates.get_template("api_docs.html").render(
        title=app.title,
        version=app.version,
        description=app.description,
        openapi_url=app.openapi_url,
        endpoints=endpoints(app.openapi()),
        swagger=app.state.swagger_ui is not None,
        swagger_static=SWAGGER_STATIC,
    )
    return HTMLResponse(html, headers=security_headers(DOCS_POLICY))
