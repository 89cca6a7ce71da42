"""ACLED's 6 event types and 25 sub-event types, with exactly ACLED's names, and its actor categories.

The names follow ACLED's codebook; the inter codes are the numbers ACLED's exports use in the
``inter1``/``inter2`` columns (1 state forces ... 8 external/other forces).
"""
from __future__ import annotations

from types import MappingProxyType

from .kinds import ActorKind

EVENT_TYPES: MappingProxyType = MappingProxyType({
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
        "Other",
    ),
})

SUB_EVENT_TYPES: MappingProxyType = MappingProxyType(
    {sub: event for event, subs in EVENT_TYPES.items() for sub in subs})

ACTOR_KINDS = tuple(ActorKind)

_INTER_CODES = MappingProxyType({
    ActorKind.STATE_FORCES: 1, ActorKind.REBELS: 2, ActorKind.POLITICAL_MILITIA: 3, ActorKind.IDENTITY_MILITIA: 4,
    ActorKind.RIOTERS: 5, ActorKind.PROTESTERS: 6, ActorKind.CIVILIANS: 7, ActorKind.EXTERNAL_FORCES: 8,
    ActorKind.OTHER: 8,
})

# the event types of political violence (the rest are demonstrations and strategic developments)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# the event types of demonstrations: crowds, peaceful or not
CROWD_TYPES = frozenset({"Protests", "Riots"})

# strategic developments that tell no fighting: a sentence that tells violence as done tells that instead (ACLED
# codes a group's change, an agreement or a base when nothing violent happened)
QUIET_DEVELOPMENTS = frozenset({"Change to group/activity", "Agreement", "Headquarters or base established"})
# ACLED files these under both disorder types: force against a demonstration, and crowds that attack people
_BOTH_DISORDERS = frozenset({"Excessive force against protesters", "Mob violence"})


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to; KeyError names the unknown sub-type."""
    return SUB_EVENT_TYPES[sub_event_type]


def disorder_type(event_type: str | None, sub_event_type: str | None = None) -> str:
    """ACLED's disorder type: Political violence, Demonstrations, both, or Strategic developments."""
    if sub_event_type in _BOTH_DISORDERS:
        return "Political violence; Demonstrations"
    if event_type in VIOLENT_TYPES:
        return "Political violence"
    if event_type in CROWD_TYPES:
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return ""


def civilian_targeting(event_type: str | None, sub_event_type: str | None, actor2_kind: str | None) -> str | None:
    """ACLED's civilian_targeting column: political violence whose target is civilians (looting or burning
    civilians' property is a strategic development, not violence against them)."""
    violent = disorder_type(event_type, sub_event_type).startswith("Political violence")
    return "Civilian targeting" if violent and actor2_kind == ActorKind.CIVILIANS else None


def inter_code(kind: str | None) -> int | None:
    """ACLED's inter code for an actor kind (None when there is no actor)."""
    return _INTER_CODES.get(kind) if kind else None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two inter codes, lower first (10s for a sole actor)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def interaction_code(kind1: str | None, kind2: str | None) -> int | None:
    """The interaction code of two actor kinds."""
    return interaction(inter_code(kind1), inter_code(kind2))
