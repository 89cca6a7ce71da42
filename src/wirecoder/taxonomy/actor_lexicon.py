"""The actor lexicon: the named armed, political and communal actors of the world's conflicts and the words that
build actor phrases, read from data files beside this module by one validated loader.

Four files (their formats are in their header comments and in docs/actors.md):

- ``actor_groups.tsv``: named actors with ACLED's name, kind and home country, their surface forms (names,
  acronyms, side names such as "~Haftar" that name an actor only as "pro-Haftar" or "Haftar's forces") and
  options (``context=`` countries the article must name, ``theatre=`` countries that choose between two actors
  sharing a form, ``from=``/``until=`` the period the coding holds: the Taliban are rebels until August 2021 and
  Afghanistan's state forces after). A name ``@role`` is a role whose country comes from the text ("Defence and
  Security Forces" are the state forces of the country where they act).
- ``communal_groups.tsv``: ethnic, tribal, clan and caste identities, ACLED's group type and their countries:
  "Fulani militias" are ACLED's "Fulani Ethnic Militia (Nigeria)", an identity militia.
- ``actor_words.tsv``: word sets (``set<TAB>term[<TAB>value]``): head nouns with their role and kind, qualifiers,
  member nouns, the name templates of roles.
- ``interventions.tsv``: states whose forces ACLED codes as external forces where they intervene.

The loader refuses a malformed line, an unknown kind, role or country code, a form listed twice for one actor
(a duplicate) and a form two actors share where nothing (context, theatre, period) tells them apart (a
conflict), naming the file and line (W130, the error of every lexicon file). Files are read through the project's
one loader (wirecoder.lexicon).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import WirecoderError
from ..lexicon import lexicon_error, parse_lexicon, read_rows
from .acled import ACTOR_KINDS
from .kinds import ActorRole

FILES = ("actor_groups.tsv", "communal_groups.tsv", "actor_words.tsv", "interventions.tsv")
IDENTITY_TYPES = frozenset({"Ethnic", "Tribal", "Clan", "Communal", "Caste", "Religious"})
WORD_SETS_WITH_VALUES = frozenset({"head", "role_name", "non_state_qualifier", "unit_role", "identity_word",
                                   "feud_word"})
_ISO = re.compile(r"^[A-Z]{2}$")
_NOT_WORD = re.compile(r"[\W_]+")  # also drops the combining accents NFKD splits off


def squash(text: str, *, keep_case: bool = False) -> str:
    """The key a surface form is matched by: letters and digits only, accents folded, lower-cased unless
    ``keep_case`` ("al-Shabaab", "Al shabaab" and "Al Shabaab" share one key; "CPI (Maoist)" and "CPI-Maoist")."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
    kept = _NOT_WORD.sub("", text)
    return kept if keep_case else kept.lower()


def is_acronym(form: str) -> bool:
    """A form written without lower-case letters ("ISWAP", "M23", "SPLA-IO"): matched with its case."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


@dataclass(frozen=True)
class GroupEntry:
    name: str  # ACLED-style; for a role entry ("@military") the name template's role fills it from the text
    role: str  # "group", or a role of ``role_name`` for an entry whose country comes from the text
    kind: str
    country: str | None
    context: frozenset[str]  # the article must name one of these countries for a form to match
    theatre: frozenset[str]  # where the entry is meant, to choose between entries sharing a form
    start: dt.date | None
    end: dt.date | None
    line: int

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None  # no date known: the coding that holds today
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class GroupForm:
    entry: GroupEntry
    text: str
    side_only: bool  # "~Haftar": the actor only as a side ("pro-Haftar", "Haftar's forces", "Haftar forces")
    exact: bool  # an acronym, matched with its case


@dataclass(frozen=True)
class Identity:
    name: str  # "Fulani"
    type: str  # ACLED's group type: Ethnic, Tribal, Clan, Communal, Caste, Religious
    countries: tuple[str, ...]  # the first is where the identity is most often named


@dataclass(frozen=True)
class Intervention:
    force: str  # ISO code of the intervening state
    hosts: frozenset[str]
    name: str | None  # the name ACLED gives the intervention force there, when it has one
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorLexicon:
    folded: Mapping[str, tuple[GroupForm, ...]]  # squash(form) -> forms matched without case
    exact: Mapping[str, tuple[GroupForm, ...]]  # squash(form, keep_case=True) -> acronyms
    prefixes: frozenset[str]  # every beginning of a lower-cased key, to stop extending a span early
    identities: Mapping[str, Identity]  # squash(form) -> identity
    identity_prefixes: frozenset[str]
    words: Mapping[str, frozenset[str]]
    values: Mapping[str, Mapping[str, str]]
    interventions: Mapping[str, tuple[Intervention, ...]]

    def word_set(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def group_names(self) -> frozenset[str]:
        """The written forms of the named groups (not acronyms, not side-only forms): "Taliban", "Wagner"."""
        return frozenset(f.text for forms in self.folded.values() for f in forms
                         if f.entry.role == ActorRole.GROUP and not f.side_only and not f.exact)

    def group_acronyms(self) -> frozenset[str]:
        """The named groups' acronyms, as written, of three letters or more or with a digit ("ISWAP", "M23"; not
        "AA"): matched with their case, they are no word's."""
        return frozenset(f.text for forms in self.exact.values() for f in forms
                         if f.entry.role == ActorRole.GROUP and not f.side_only
                         and (len(f.text) >= 3 or any(c.isdigit() for c in f.text)))

    def value_map(self, name: str) -> Mapping[str, str]:
        return self.values.get(name, MappingProxyType({}))


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    return [(number, [cell.strip() for cell in cells]) for number, cells in read_rows(path)]


def _fail(path: Path, number: int, message: str) -> WirecoderError:
    return lexicon_error(path.name, number, message)


def _countries(path: Path, number: int, cell: str) -> frozenset[str]:
    codes = frozenset(c for c in cell.split("|") if c)
    bad = sorted(c for c in codes if not _ISO.match(c))
    if bad:
        raise _fail(path, number, f"{', '.join(bad)} is not an ISO 3166-1 alpha-2 code")
    return codes


def _date(path: Path, number: int, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(path, number, f"{value!r} is not a YYYY-MM-DD date") from None


def _options(path: Path, number: int, cell: str) -> dict[str, str]:
    options = {}
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        key, sep, value = part.partition("=")
        if not sep or key not in ("context", "theatre", "from", "until"):
            raise _fail(path, number, f"unknown option {part!r} (context=, theatre=, from=, until=)")
        options[key] = value.strip()
    return options


def _load_groups(path: Path, roles: frozenset[str]) -> list[GroupForm]:
    forms: list[GroupForm] = []
    for number, row in _rows(path):
        if len(row) not in (4, 5) or not row[0] or not row[3]:
            raise _fail(path, number, "want name<TAB>kind<TAB>country<TAB>forms[<TAB>options]")
        name, kind, country = row[0], row[1], row[2] or None
        if kind not in ACTOR_KINDS:
            raise _fail(path, number, f"unknown kind {kind!r}")
        if country is not None and not _ISO.match(country):
            raise _fail(path, number, f"{country!r} is not an ISO 3166-1 alpha-2 code")
        role = ActorRole.GROUP
        if name.startswith("@"):
            role = name[1:]
            if role not in roles:
                raise _fail(path, number, f"unknown role {role!r} (the roles of role_name in actor_words.tsv)")
        options = _options(path, number, row[4] if len(row) == 5 else "")
        start = _date(path, number, options["from"]) if "from" in options else None
        end = _date(path, number, options["until"]) if "until" in options else None
        if start and end and end < start:
            raise _fail(path, number, "until= is before from=")
        context = _countries(path, number, options.get("context", ""))
        theatre = _countries(path, number, options.get("theatre", "")) or context or (
            frozenset({country}) if country else frozenset())
        entry = GroupEntry(name, role, kind, country, context, theatre, start, end, number)
        seen: set[str] = set()
        for text in row[3].split("|"):
            text = text.strip()
            side_only = text.startswith("~")
            text = text.lstrip("~").strip()
            key = squash(text)
            if not key:
                raise _fail(path, number, f"empty form in {row[3]!r}")
            if key in seen:
                raise _fail(path, number, f"the form {text!r} is listed twice")
            seen.add(key)
            forms.append(GroupForm(entry, text, side_only, is_acronym(text)))
    return forms


def _overlap(a: GroupEntry, b: GroupEntry) -> bool:
    """Whether two entries could both claim a form in one article: same period and no theatre between them."""
    if a.end and b.start and a.end < b.start or b.end and a.start and b.end < a.start:
        return False
    return not (a.theatre and b.theatre and not a.theatre & b.theatre)


def _index(path: Path, forms: list[GroupForm]) -> tuple[dict, dict]:
    folded: dict[str, list[GroupForm]] = {}
    exact: dict[str, list[GroupForm]] = {}
    seen: dict[str, list[GroupForm]] = {}  # lower-cased: "Alpha Front" also matches the text "ALPHA FRONT"
    for form in forms:
        key = squash(form.text, keep_case=form.exact)
        (exact if form.exact else folded).setdefault(key, []).append(form)
        bucket = seen.setdefault(key.lower(), [])
        for other in bucket:
            if (form.exact and other.exact and squash(other.text, keep_case=True) != key):
                continue  # "CAR" and "Car..." acronyms differ in case: both may stand
            if _overlap(other.entry, form.entry):
                raise _fail(path, form.entry.line, f"the form {form.text!r} is also a form of "
                            f"{other.entry.name!r} (line {other.entry.line}); give them distinct theatre= "
                            f"countries or periods, or drop one")
        bucket.append(form)
    return folded, exact


def _load_identities(path: Path) -> dict[str, Identity]:
    identities: dict[str, Identity] = {}
    for number, row in _rows(path):
        if len(row) != 4 or not row[0] or not row[2] or not row[3]:
            raise _fail(path, number, "want identity<TAB>type<TAB>countries<TAB>forms")
        if row[1] not in IDENTITY_TYPES:
            raise _fail(path, number, f"unknown group type {row[1]!r} ({', '.join(sorted(IDENTITY_TYPES))})")
        countries = tuple(c for c in row[2].split("|") if c)
        _countries(path, number, row[2])
        identity = Identity(row[0], row[1], countries)
        for text in row[3].split("|"):
            key = squash(text)
            if not key:
                raise _fail(path, number, f"empty form in {row[3]!r}")
            if key in identities:
                raise _fail(path, number, f"the form {text!r} is also a form of {identities[key].name!r}")
            identities[key] = identity
    return identities


def _load_words(path: Path) -> tuple[Mapping[str, frozenset[str]], Mapping[str, Mapping[str, str]]]:
    words = parse_lexicon(read_rows(path), name="actor_words", source=path.name, keep_case=frozenset({"role_name"}),
                          valued=WORD_SETS_WITH_VALUES)
    for number, row in _rows(path):
        if row[0] == "head":
            role, _, kind = row[2].partition(" ")
            if kind.split(" ")[0] not in ACTOR_KINDS or role not in words.values.get("role_name", {}) \
                    and role != "named":
                raise _fail(path, number, f"a head's value is 'role kind [vague]', got {row[2]!r}")
    return words.sets, words.values


def _load_interventions(path: Path) -> dict[str, tuple[Intervention, ...]]:
    found: dict[str, list[Intervention]] = {}
    for number, row in _rows(path):
        if len(row) not in (2, 3, 4) or not row[0] or not row[1]:
            raise _fail(path, number, "want force<TAB>hosts[<TAB>name[<TAB>options]]")
        force = next(iter(_countries(path, number, row[0])))
        options = _options(path, number, row[3] if len(row) == 4 else "")
        start = _date(path, number, options["from"]) if "from" in options else None
        end = _date(path, number, options["until"]) if "until" in options else None
        found.setdefault(force, []).append(Intervention(force, _countries(path, number, row[1]),
                                                        (row[2] if len(row) > 2 else "") or None, start, end))
    return found


def _prefixes(keys) -> frozenset[str]:
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


def load_interventions(directory: str | Path | None = None) -> Mapping[str, tuple[Intervention, ...]]:
    """Only interventions.tsv: the intervening state's ISO code -> where and when ACLED codes it external."""
    base = Path(str(directory)) if directory is not None else Path(str(resources.files("wirecoder.taxonomy")))
    return MappingProxyType({k: tuple(v) for k, v in _load_interventions(base / "interventions.tsv").items()})


def load_actor_words(directory: str | Path | None = None) -> tuple[Mapping[str, frozenset[str]],
                                                                  Mapping[str, Mapping[str, str]]]:
    """Only the word sets of actor_words.tsv (quick: the role names and place nouns other stages import)."""
    base = Path(str(directory)) if directory is not None else Path(str(resources.files("wirecoder.taxonomy")))
    return _load_words(base / "actor_words.tsv")


def load_actor_lexicon(directory: str | Path | None = None) -> ActorLexicon:
    """Read and check the actor lexicon (the shipped one, or the four files in ``directory``)."""
    base = Path(str(directory)) if directory is not None else Path(str(resources.files("wirecoder.taxonomy")))
    words, values = _load_words(base / "actor_words.tsv")
    groups_path = base / "actor_groups.tsv"
    forms = _load_groups(groups_path, frozenset(values.get("role_name", {})))
    folded, exact = _index(groups_path, forms)
    identities = _load_identities(base / "communal_groups.tsv")
    return ActorLexicon(
        folded=MappingProxyType({k: tuple(v) for k, v in folded.items()}),
        exact=MappingProxyType({k: tuple(v) for k, v in exact.items()}),
        prefixes=_prefixes([*folded, *(k.lower() for k in exact)]),
        identities=MappingProxyType(identities), identity_prefixes=_prefixes(identities),
        words=words, values=values,
        interventions=load_interventions(base))
