"""ACLED's event taxonomy and actor kinds, and the lexicons the rule stages use."""
from .acled import (
    ACTOR_KINDS,
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    disorder_type,
    event_type_of,
    inter_code,
    interaction,
    interaction_code,
)

__all__ = [
    "ACTOR_KINDS", "EVENT_TYPES", "SUB_EVENT_TYPES", "disorder_type", "event_type_of", "inter_code",
    "interaction", "interaction_code",
]
