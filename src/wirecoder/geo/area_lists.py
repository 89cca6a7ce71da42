"""Lists of areas: names listed together that the text or the gazetteer says are areas of one kind ("British
Columbia, Alberta and Ontario", "the Ica and Arequipa regions", "Ghana, Niger, Nigeria and Togo"), each read as such."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .points import distance_km
from .resolve import SHADOW_KM
from .store import Entry, NameKind
from .wording import AREA_WORDS, word_after

_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)\s*")
MIN_AREA_LIST = 3
PLURAL_AREA_WORDS = frozenset(w for w in AREA_WORDS if w.endswith("s"))  # "regions", "provinces", "districts"


def lists_of_areas(text: str, spans: Sequence[tuple[int, int]], candidates: Sequence[tuple[Entry, ...]],
                   hints: Sequence[str | None]) -> list[str | None]:
    """In a list whose every member can be a first-level area of one country ("British Columbia, Alberta,
    Manitoba, Ontario and New Brunswick") each is read as that, not as a far-off town named after it (Ontario,
    California). A member whose own town lies beside the area keeps its reading (the town is the area's seat).
    In a list whose every member can be a country ("Ghana, Niger, Nigeria and Togo") each is read as a country
    (Niger, not Nigeria's Niger State). Names listed before a plural kind word ("the Ica and Arequipa regions")
    are each what that word says, the seat of an area of its name or not."""
    out = list(hints)
    groups: list[list[int]] = [[0]] if spans else []
    for i in range(1, len(spans)):
        gap = text[spans[i - 1][1]:spans[i][0]]
        if _LIST_GAP.fullmatch(gap):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if len(group) > 1 and word_after(text, spans[group[-1]][1]) in PLURAL_AREA_WORDS:
            for i in group:  # "the Ica and Arequipa regions": the plural calls every member one of its areas
                out[i] = out[i] or "area"
            continue
        if len(group) >= MIN_AREA_LIST and all(any(e.feature_code == "PCLI" and e.kind != NameKind.DEMONYM
                                                   for e in candidates[i]) for i in group):
            for i in group:  # "Ghana, Guinea-Bissau, Niger, Nigeria and Togo": a list of countries
                out[i] = out[i] or "country"
            continue
        countries = [{e.country for e in candidates[i] if e.feature_code == "ADM1" and e.kind == NameKind.PRIMARY}
                     for i in group]
        shared = set.intersection(*countries) if countries else set()
        if len(group) < MIN_AREA_LIST or not shared:
            continue  # every member an area of one same country: a list of that country's areas
        for i in group:
            area = next(e for e in candidates[i] if e.feature_code == "ADM1" and e.country in shared)
            seat = any(e.feature_class == "P" and e.lat is not None and area.lat is not None
                       and distance_km(e.lat, e.lon, area.lat, area.lon) <= SHADOW_KM for e in candidates[i])
            if out[i] is None and not seat:
                out[i] = "admin1"
    return out
