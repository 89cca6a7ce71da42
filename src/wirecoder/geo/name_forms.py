"""Which candidates a name belongs to by its form: a short form is as good as the place's own name ("Newcastle" for
Newcastle upon Tyne); a small town's former or foreign name gives way to places whose own name it is or spells."""
from __future__ import annotations

from .lexicon import words
from .names import name_key, name_skeleton
from .store import Entry, NameKind

MIN_SKELETON = 3  # shorter consonant skeletons ("Ain", "Una") say too little to call two names one
STRAY_ALTERNATE_POPULATION = 100_000  # a town named by another of its spellings ("Singu" for Shingū, Japan)

SHORT_FORM_JOINERS = words("short_form_joiners")


def short_forms_as_own(text: str, cands: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """An alternate name that opens the place's own name before "upon", "am", "sur"... is its short form, as good
    as its own name: "Newcastle" for Newcastle upon Tyne, "Frankfurt" for Frankfurt am Main (not "Washington" for
    Washington County: a kind word is no part of a short form)."""
    key = name_key(text)
    out = []
    for e in cands:
        rest = name_key(e.name)[len(key):].split() if e.kind == NameKind.ALTERNATE else []
        if rest and name_key(e.name).startswith(key + " ") and rest[0] in SHORT_FORM_JOINERS:
            e = e._replace(kind=NameKind.PRIMARY)
        out.append(e)
    return tuple(out)


def former_names_dropped(text: str, cands: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A small place the name once meant, or means in another language ("Vodyane" for Zymna Voda), gives way to
    places whose own name it is or spells another way ("Vodiane"): transliterations differ in their vowels, not in
    their consonants, and in an Arabic article ("Karak" for Al Karak). A big place keeps its other names
    ("Bombay"), and so does a place that is no town (an airport, "Heathrow")."""
    droppable = [e.kind == NameKind.ALTERNATE and e.feature_class == "P" and e.population < STRAY_ALTERNATE_POPULATION
                 for e in cands]
    if not any(droppable):
        return cands
    skeleton = name_skeleton(text)
    if len(skeleton) < MIN_SKELETON:
        return cands
    key = name_key(text)
    spelled = [e.kind == NameKind.PRIMARY or e.kind == NameKind.ALTERNATE and (
        name_skeleton(e.name) == skeleton or name_key(e.name).startswith(key + " ")) for e in cands]  # "Karak City"
    if not any(spelled):
        return cands
    return tuple(e for e, own, loose in zip(cands, spelled, droppable) if own or not loose)
