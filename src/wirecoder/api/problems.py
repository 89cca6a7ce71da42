"""One JSON shape for every error the API returns, whatever raised it (locked by a test):

    {"error": {"code": "W071", "message": "... How to fix: ...", "status": 404}}
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import WirecoderError

# HTTP status of each coded error the API can return (anything else is a 400)
STATUS = {"W008": 400, "W020": 503, "W030": 503, "W060": 404, "W061": 400, "W070": 400, "W071": 404, "W072": 401, "W073": 422,
          "W074": 413, "W077": 500, "W078": 404, "W099": 500}
_HTTP_CODES = {404: "W071", 405: "W071", 401: "W072", 413: "W074"}

log = logging.getLogger("wirecoder.api")


def error_response(err: WirecoderError, *, status: int | None = None) -> JSONResponse:
    status = status or STATUS.get(err.code, 400)
    return JSONResponse({"error": {"code": err.code, "message": err.message, "status": status}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for problem in exc.errors()[:5]:
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "body", "path"))
        parts.append(f"{where or 'the request'}: {problem.get('msg', 'is not valid')}")
    return "; ".join(parts)


def install(app: FastAPI) -> None:
    """Route every kind of error through the one shape."""

    @app.exception_handler(WirecoderError)
    async def coded(_: Request, exc: WirecoderError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        code = "W073" if request.method == "POST" else "W070"
        return error_response(WirecoderError(code, _validation_message(exc)), status=422 if code == "W073" else 400)

    @app.exception_handler(StarletteHTTPException)
    async def http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "W070")
        detail = exc.detail if isinstance(exc.detail, str) else None
        if exc.status_code == 404:
            detail = "there is no such page or resource"
        elif exc.status_code == 405:
            detail = "this resource does not take that method"
        return error_response(WirecoderError(code, detail), status=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error", exc_info=exc)
        return error_response(WirecoderError("W099", f"{type(exc).__name__} while answering"), status=500)
