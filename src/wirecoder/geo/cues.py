"""Place cues read from the text around a name: a news dateline, a kind-of-place word before it ("the Yemeni
capital Sanaa"), and an apposition after it ("Kayseri, a usually calm industrial hub in ..."). They work on
character offsets, so that recognition (over a spaCy Doc) and resolution of given spans read them alike.
"""
from __future__ import annotations

import re

from ..lexicon import load_lexicon
from .lexicon import words

_DATELINE_AFTER = re.compile(r"\s*(,|\(|[-–—]\s)")
_ITEM_LABEL_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?:[ \t]")  # "Kharkiv: ...", "Belgorod (Russia): ..."
# A dateline whose dash an extraction lost opens the article and runs on into its first sentence
# ("WASHINGTON Christopher Steele, who ..."); only the text's opening name, of three letters or more, reads so.
_OPENING_DATELINE_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
# "the Yemeni capital Sanaa", "the port city of Hodeidah", "the province of Idlib": a kind-of-place word right
# before a name (with or without "of") says it is a place and which kind.
def _alternatives(name: str) -> str:
    return "|".join(re.escape(w) for w in sorted(words(name), key=lambda w: (-len(w), w)))


_CUE_BEFORE = re.compile(
    r"(?:(?P<owner>[A-Z][\w'-]*)\s+)?"
    rf"\b(?:(?P<word>{_alternatives('cue_kind_words')})"
    rf"(?P<of>\s+of)?|(?P<ofword>{_alternatives('cue_of_words')})\s+of)\s+$", re.IGNORECASE)
_SETTLEMENT_CUES = words("settlement_cues")
_HOLDER_OF_WORDS = words("holder_of_words")
_ARTICLES = words("articles")
_APPOSITION_AREA_WORDS = words("apposition_area_words")


def dateline_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the place of a news dateline: written in capitals at the start of a line and
    followed by a comma, an agency in brackets or a dash ("SANAA, Jan 18 -", "KABUL (Reuters) -"), or opening the
    whole text straight before its first sentence ("WASHINGTON Christopher Steele, who ...")."""
    name = text[start:end]
    if not name.isupper() or len(name) < 2:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if _DATELINE_AFTER.match(text, end) is not None:
        return True
    return (len(name) >= 3 and not text[:start].strip() and name.replace(" ", "").isalpha()
            and _OPENING_DATELINE_AFTER.match(text, end) is not None)


def item_label_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens a line and a colon follows it: the label of a round-up's item, which names
    where the item happened ("Zaporizhzhia: The toll from Thursday's missile strike ... rose to nine")."""
    return not text[text.rfind("\n", 0, start) + 1:start].strip() and _ITEM_LABEL_AFTER.match(text, end) is not None


# "Kayseri, a usually calm industrial hub in ...", "Tovuz, a small town near the border": an apposition that
# calls the name a place; the kind word must end the phrase (not "Smith, a town councillor").
_APPOSITION_AFTER = re.compile(
    rf"\s*,\s+(?:{_alternatives('articles')})\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"(?P<word>{_alternatives('apposition_kind_words')})"
    rf"(?=\s*[,.;]|\s+(?:{_alternatives('apposition_followers')})\b)", re.IGNORECASE)


# "Dhiban, in the eastern Deir ez-Zor countryside", "Dhiban, on the eastern bank of the Euphrates": an apposition
# that says where the name lies calls it a settlement.
_SITUATING_AFTER = re.compile(
    rf"\s*,\s+(?:{_alternatives('situating_prepositions')})\s+(?:the\s+)?(?:[\w'-]+\s+){{0,4}}?"
    rf"(?:{_alternatives('situating_words')})(?=\s*[,.;]|\s+of\b)", re.IGNORECASE)


# "the attack on Um Talha on Monday 16 September, a farming village east of Singa": the day the act is told on may
# stand between a name and the apposition that calls it a place
_DAY_AFTER_NAME = re.compile(
    rf"\s+on\s+{load_lexicon('dates').alternation('weekday')}"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{_alternatives('month_words')}))?)?(?=\s*,)", re.IGNORECASE)


def apposition_after(text: str, start: int, end: int) -> str | None:
    """ "settlement" or "area" when an apposition right after a name (or after the day told after it) calls it a
    place, else None. Not after a qualifier: in "Alvin, Texas, a Houston suburb" the suburb is Alvin."""
    if text[max(0, start - 3):start].rstrip().endswith(","):
        return None
    day = _DAY_AFTER_NAME.match(text, end)
    end = day.end() if day is not None else end
    match = _APPOSITION_AFTER.match(text, end)
    if match is None:
        return "settlement" if _SITUATING_AFTER.match(text, end) is not None else None
    return "area" if match.group("word").casefold() in _APPOSITION_AREA_WORDS else "settlement"


def cue_owner(text: str, start: int) -> str | None:
    """The country or area a kind-of-place word before a name is qualified by: "Yemeni" in "the Yemeni capital
    Sanaa", "Hunan" in "the Hunan city of Yueyang" (None when there is none, or it is only "The")."""
    match = _CUE_BEFORE.search(text, max(0, start - 40), start)
    if match is None or match.group("ofword") or not match.group("owner"):
        return None
    owner = match.group("owner")
    return None if owner.casefold() in _ARTICLES or not owner[:1].isupper() else owner


def cue_before(text: str, start: int) -> str | None:
    """ "settlement" or "area" when a kind-of-place word stands right before a name ("the capital Sanaa", "the
    city of Aleppo", "the province of Idlib"), else None."""
    match = _CUE_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return None
    if match.group("ofword"):
        return "area"  # "the state of Washington", "the county of Kent" (never "Secretary of State X": no "of")
    word = match.group("word").casefold()
    if match.group("of") and word in _HOLDER_OF_WORDS:
        return "area"  # "the capital of Honduras": the country that holds the capital
    settlement = word in _SETTLEMENT_CUES
    owner = match.group("owner")
    if not settlement and match.group("of") and owner and owner[:1].isupper() and owner.casefold() != "the":
        return None  # "the Adhamiyah district of Baghdad": the district is Adhamiyah, Baghdad holds it
    return "settlement" if settlement else "area"


_BASED_AFTER = re.compile(rf"[-‐‑–](?:{_alternatives('based_words')})\b", re.IGNORECASE)


def based_after(text: str, end: int) -> bool:
    """ "New York-based", "a Washington-headquartered firm": organisations are based in a city, so the name is one."""
    return _BASED_AFTER.match(text, end) is not None


_PART_DIRECTIONS = words("part_directions")
# "Eastern and Southern Europe", "North and South Carolina": a direction word coordinated with another that opens
# a name shares that name's head.
_SHARED_HEAD_AFTER = re.compile(rf"\s+{load_lexicon('place_names').alternation('coordinator')}\s+"
                                r"([A-Z][a-z-]+)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def shared_head_after(text: str, start: int, end: int) -> str | None:
    """The head a lone direction word shares with the direction word coordinated after it: "Eastern" in "Eastern
    and Southern Europe" is Eastern Europe, so this returns "Europe"; None for anything else."""
    if text[start:end].casefold() not in _PART_DIRECTIONS or not text[start:start + 1].isupper():
        return None
    match = _SHARED_HEAD_AFTER.match(text, end)
    if match is None or match.group(1).casefold() not in _PART_DIRECTIONS:
        return None
    return match.group(2)


# "Kale, also known as Kalay or Kalemyo": the other names a place goes by, told right after it
_ALIAS_BEFORE = re.compile(r"[A-Z][\w'-]*(?:\s+(?:township|town|city|district|village))?,?\s+(?:also\s+|locally\s+)?"
                           r"known\s+as\s+(?:[A-Z][\w'-]*\s+or\s+)?$")


def alias_before(text: str, start: int) -> bool:
    """Whether a name is told as another name of the name before it ("Kale township, also known as Kalay or
    Kalemyo"): a place the gazetteer knows by that name is the same place, so the words call it one."""
    return _ALIAS_BEFORE.search(text, max(0, start - 80), start) is not None
