"""How a place name is turned into the key the gazetteer indexes, so that spellings news writes alike meet.

"Côte d'Ivoire", "Cote d’Ivoire" and "COTE D'IVOIRE" share one key; so do "St. Petersburg" and "St Petersburg",
and "Nagorno-Karabakh" and "Nagorno Karabakh". A leading "the" is dropped ("the Gaza Strip").
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from ..lexicon import load_lexicon
from .lexicon import geo_lexicon, words
from .name_endings import ending_variants

_DROPPED = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "´": None, ".": None, "ʼ": None, "ʻ": None})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,;:()\"“”]+")
_LATIN = re.compile(r"[a-z]")
SKELETON_CACHE = 65_536  # names whose skeletons are kept (a pure function of the name)
_NOT_CONSONANTS = re.compile(r"[^bcdfghjklmnpqrstvwxz]+")  # vowels and "y": letters transliterations disagree on
_REPEATS = re.compile(r"(.)\1+")
_ARTICLES = words("arabic_articles")  # "al", "el": an article transliterations keep or drop
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                                  "ð": "d", "ə": "a", "ŀ": "l", "ħ": "h"})


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, without diacritics, apostrophes or full stops, one space apart."""
    folded = name.casefold().translate(_SPECIAL_LETTERS)
    stripped = folded if folded.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    key = _SEPARATORS.sub(" ", stripped.translate(_DROPPED)).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


@functools.lru_cache(maxsize=SKELETON_CACHE)
def name_skeleton(name: str) -> str:
    """A name's consonants in order, doubled ones once: what transliterations of one name share ("Vodyane" and
    "Vodiane", "Pervomaisk" and "Pervomaysk" give "vdn", "prvmsk"), without an Arabic article before them."""
    words = name_key(name).replace("-", " ").split(" ", 1)
    key = words[1] if len(words) > 1 and words[0] in _ARTICLES else words[0] if len(words) == 1 else " ".join(words)
    return _REPEATS.sub(r"\1", _NOT_CONSONANTS.sub("", key))  # "Al Karak" and "Karak": "krk"


def is_latin_key(key: str) -> bool:
    """Whether a key can appear in English text at all (keys in other scripts only bloat the gazetteer)."""
    return bool(_LATIN.search(key)) and key.isascii()


ARABIC_NAMING_COUNTRIES = words("arabic_naming_countries")
_ARABIC_ARTICLES = tuple(f"{w} " for w in sorted(words("arabic_articles")))
MIN_BARE_NAME = 4


ARABIC_SPELLINGS_FILE = "data/arabic_spellings.tsv"
MAX_SPELLINGS = 8  # word-spelling combinations of one name, at most
MIN_SINGLED = 7  # a name with its doubled consonants written once is kept at this length or more
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")  # a doubled consonant (Arabic shadda)


@functools.cache
def _arabic_word_spellings() -> dict[str, tuple[str, ...]]:
    table = geo_lexicon(ARABIC_SPELLINGS_FILE).mapping("arabic_word_spellings")
    return {word: tuple(value.split("|")) for word, value in table.items()}


def arabic_name_variants(key: str) -> list[str]:
    """The spellings news gives a transliterated Arabic place name: without its article ("Al-Hawija District" ->
    "Hawija District", "Ar Raqqah" -> "Raqqah"), with the common words as Levantine and local reporting write them
    ("'Ayn al 'Arab" -> "Ain al Arab", "Tall Tamr" -> "Tal Tamr", data/arabic_spellings.tsv), and with doubled
    letters written once ("Ash Shaddadah" -> "Shadadah")."""
    spellings = _arabic_word_spellings()
    options = [(word, *spellings.get(word, ())) for word in key.split()]
    forms = {" ".join(combo) for combo in itertools.islice(itertools.product(*options), MAX_SPELLINGS)}
    # a short name written with one letter less is another word too often ("Akkar" -> "Akar", a surname)
    forms |= {single for form in forms if len(single := _DOUBLED.sub(r"\1", form)) >= MIN_SINGLED}
    out = set(forms)
    for form in forms:
        bare = next((form[len(a):] for a in _ARABIC_ARTICLES if form.startswith(a)), form)
        if len(bare) >= MIN_BARE_NAME:
            out.add(bare)
    out.discard(key)
    return sorted(out)


_HYPHENATED = re.compile(r"[-‐‑]")
_CENTRE_SUFFIX = re.compile(rf"^(.+?)[-‐‑\s]+{load_lexicon('place_names').alternation('centre_word')}$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(.+?)[-‐‑]\d{1,2}$")
_PAIRED = re.compile(r"^([A-Z][^\W\d_]+)[-‐‑]([A-Z][^\W\d_]+)$")  # "Sistan-Baluchestan"
_HYPHENED_ARTICLE = re.compile(r"^(?:" + "|".join(sorted(words("arabic_articles"), key=len, reverse=True))
                               + r")[-‐‑](?=\w{4})", re.IGNORECASE)


def written_variants(text: str) -> list[str]:
    """Other ways a name written in news may stand in a gazetteer: hyphenated parts joined ("Petion-Ville" ->
    "Petionville"), a town's centre named as the town ("Walikale-centre" -> "Walikale"), a numbered part named as
    the place it is numbered after ("Zolote-5" -> "Zolote"), and an Arabic name without its hyphened article
    ("Ar-Raqqa" -> "Raqqa"), two names a hyphen pairs as the pair's own name joins them ("Sistan-Baluchestan"
    -> "Sistan and Baluchestan", "Bosnia-Herzegovina"), and an Arabic ending spelled the other ways ("Nabatiyeh" ->
    "Nabatieh"; geo/name_endings.py)."""
    out = []
    if _HYPHENATED.search(text):
        out.append(_HYPHENATED.sub("", text))
    paired = _PAIRED.match(text.strip())
    if paired:
        out.append(f"{paired.group(1)} and {paired.group(2)}")
    for suffixed in (_CENTRE_SUFFIX.match(text.strip()), _NUMBERED.match(text.strip())):
        if suffixed:
            out.append(suffixed.group(1))
    article = _HYPHENED_ARTICLE.match(text.strip())
    if article:
        out.append(text.strip()[article.end():])
    return out + ending_variants(text)


def close_spellings(a: str, b: str, *, max_edits: int = 2) -> bool:
    """Whether two keys differ by at most ``max_edits`` letters (insertions, deletions or substitutions): the
    romanisations of one name ("kostiantynivka" and "kostyantynivka"), not two names."""
    if abs(len(a) - len(b)) > max_edits:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > max_edits:
            return False
        previous = current
    return previous[-1] <= max_edits


def written_as_abbreviation(text: str) -> bool:
    """ "US", "U.K.", "Ky.": only a name written this way may be read as an abbreviation ("us", "ill" may not)."""
    return text.isupper() or ("." in text and text[:1].isupper())


def names_its_district(name: str, district: str | None) -> bool:
    """Whether a town's name is a word, or the words, of the name of the district the gazetteer puts it in (the
    district's seat, most often): "Ketapang" in "Kabupaten Ketapang"."""
    words, own = name_key(district).split() if district else [], name_key(name).split()
    return bool(own) and any(words[i:i + len(own)] == own for i in range(len(words)))
