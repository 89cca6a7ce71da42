"""/api/incidents: the route layout for cross-article incidents (wirecoder.incident/1).

Until the store builds incidents, these routes answer W075 in the one error shape; the desk then shows each
article's events as reports of their own.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..errors import WirecoderError

router = APIRouter(prefix="/api", tags=["incidents"])


@router.get("/incidents", summary="Incidents (one event as ACLED counts it, told by one or more reports)")
def list_incidents() -> dict[str, Any]:
    raise WirecoderError("W075")


@router.get("/incidents/{incident_id}", summary="One incident with its reports, evidence and conflicts")
def get_incident(incident_id: str) -> dict[str, Any]:
    raise WirecoderError("W075")
