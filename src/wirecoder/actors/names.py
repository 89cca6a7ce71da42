"""ACLED-style names of actors by role ("Military Forces of Armenia", "Fulani Ethnic Militia (Nigeria)"), from the
role templates of taxonomy/actor_words.tsv."""
from __future__ import annotations

import re

from ..taxonomy.actor_lexicon import load_actor_words

_SETS, _VALUES = load_actor_words()
ROLE_NAMES = _VALUES["role_name"]
# the same names when the country is unknown: "Military Forces", "Civilians", "Fulani Ethnic Militia"
ROLE_NAMES_NO_COUNTRY = {role: re.sub(r" of \{country\}| \(\{country\}\)", "", name)
                         for role, name in ROLE_NAMES.items()}
PLACE_HEADS = _SETS["place_head"]  # nouns a place name qualifies as a place: "Mali's Mopti region"
DEFINITE_COUNTRY_STARTS = tuple(sorted(_SETS["definite_country"]))


def actor_name(role: str, country_name: str | None, fallback: str) -> str:
    """ACLED-style name for a role ("Military Forces of Armenia"); ``fallback`` is a named group's own name, which
    a role with ``{name}`` in its template takes ("Fulani Ethnic Militia" -> "Fulani Ethnic Militia (Nigeria)")."""
    if role not in ROLE_NAMES:
        return fallback
    if country_name:
        if " of {country}" in ROLE_NAMES[role] and country_name.lower().startswith(DEFINITE_COUNTRY_STARTS):
            # "Military Forces of the United States", whether "US troops" or a "US air strike" named them
            country_name = "the " + country_name
        return ROLE_NAMES[role].format(country=country_name, name=fallback)
    return ROLE_NAMES_NO_COUNTRY[role].format(name=fallback)
