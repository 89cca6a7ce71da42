"""Endings of Arabic names written several ways: "Nabatiyeh" and the gazetteer's "Nabatieh", "Diwaniyah" and
"Diwaniya". A name unknown as written is looked up with its ending spelled the other ways (at lookup only: the
gazetteer is not built from these spellings, so changing them needs no rebuild)."""
from __future__ import annotations

import functools

from .lexicon import mapping

MIN_ENDED = 6  # a name this long or more may have its Arabic ending spelled another way ("Nabatiyeh")


def ending_variants(text: str) -> list[str]:
    """The name with its Arabic ending (-iyeh, -ieh, -iyah, -iya) spelled each other way, else nothing."""
    name = text.strip()
    if len(name) < MIN_ENDED:
        return []
    ending = next((e for e in _endings() if name.casefold().endswith(e)), None)
    return [name[:-len(ending)] + spelled for spelled in _endings()[ending]] if ending else []


@functools.cache
def _endings() -> dict[str, tuple[str, ...]]:
    """Ending -> its other spellings (data/words.tsv ``arabic_ending_spellings``), longest ending first."""
    table = mapping("arabic_ending_spellings")
    return {e: tuple(table[e].split("|")) for e in sorted(table, key=len, reverse=True)}
