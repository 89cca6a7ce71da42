"""The page at /, the API docs at /docs (Swagger UI served from the package: no CDN), and /api/meta."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response

from ..errors import WirecoderError
from ..review import FIELDS, REJECT_REASONS
from ..taxonomy import ACTOR_KINDS, EVENT_TYPES
from .kept import cached_json
from .views import json_bytes

router = APIRouter()
# the files the page cannot work without; a missing one means a broken install (W077 at start)
REQUIRED_ASSETS = ("index.html", "desk.css", "desk.js", "vendor/leaflet/leaflet.js",
                   "vendor/leaflet.markercluster/leaflet.markercluster.js",
                   "vendor/topojson-client/topojson-client.min.js", "vendor/world-atlas/countries-50m.json",
                   "vendor/swagger-ui-dist/swagger-ui-bundle.js")


def static_dir() -> Path:
    """The page's files and the vendored libraries; W077 when any is missing."""
    directory = Path(str(resources.files("wirecoder.api") / "static"))
    missing = [name for name in REQUIRED_ASSETS if not (directory / name).is_file()]
    if missing:
        raise WirecoderError("W077", f"{directory} lacks {', '.join(missing)}")
    return directory


@router.get("/", include_in_schema=False)
def index(request: Request) -> FileResponse:
    return FileResponse(request.app.state.static_dir / "index.html", media_type="text/html; charset=utf-8")


@router.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="wirecoder API",
                               swagger_js_url="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js",
                               swagger_css_url="/static/vendor/swagger-ui-dist/swagger-ui.css",
                               swagger_favicon_url="/static/favicon.svg",
                               swagger_ui_parameters={"validatorUrl": None})  # no call to swagger.io


@router.get("/api/meta", tags=["meta"], summary="The store's counts and the taxonomy the page needs")
async def meta(request: Request) -> Response:
    return await cached_json(request, ("meta",), lambda db: json_bytes({
        "store": db.desk_summary(),
        "event_types": {name: list(subs) for name, subs in EVENT_TYPES.items()},
        "actor_kinds": list(ACTOR_KINDS),
        "review": {"fields": list(FIELDS), "reject_reasons": list(REJECT_REASONS)},
        "incidents": True,
    }))
