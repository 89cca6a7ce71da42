"""Word lists and small tables as data: the one module that reads them, validates them and returns frozen results.

Every data file of the coder is a TSV read here: ``read_rows`` gives a table's rows (line number and cells, blank
lines and ``#`` comment lines skipped) for the loaders of tables with their own columns (triggers, actor groups,
interventions, cue verbs, ...), and ``parse_lexicon`` turns rows ``set<TAB>term[<TAB>value]`` into a ``Lexicon``
of frozen word sets and read-only mappings. A lexicon file ``<name>.tsv`` of this package is loaded by name with
``load_lexicon(name)``; one elsewhere in the package (geo/data/words.tsv, taxonomy/actor_words.tsv) with
``package_lexicon(package, filename)``. Both are read once per process (functools.cache on the file's name: the
result is immutable, and nothing else is kept between calls).

``set`` names a group of terms ("fatal_words", "vague_quantities"); ``value`` is optional and, when a set gives one
for any term, it must give one for every term. Terms are lower-cased unless the file (or the set) keeps case. The
loader refuses a term listed twice in one set (a duplicate or, with two values, a conflict), a malformed line and a
missing file with one coded error, W130, naming the file and line, so a lexicon that drifted is caught by its
test and not by a quiet mis-coding.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import WirecoderError

PACKAGE = "wirecoder.lexicon"


def lexicon_error(source: str, number: int | None, message: str) -> WirecoderError:
    """The one error of a data file that cannot be read or is malformed (W130), naming the file and line."""
    where = source if number is None else f"{source} line {number}"
    return WirecoderError("W130", f"{where}: {message}")


@dataclass(frozen=True)
class Lexicon:
    name: str
    sets: Mapping[str, frozenset[str]]
    values: Mapping[str, Mapping[str, str]]

    def words(self, set_name: str) -> frozenset[str]:
        try:
            return self.sets[set_name]
        except KeyError:
            raise WirecoderError("W130", f"the lexicon {self.name!r} has no set {set_name!r}") from None

    def mapping(self, set_name: str) -> Mapping[str, str]:
        try:
            return self.values[set_name]
        except KeyError:
            raise WirecoderError("W130", f"the lexicon {self.name!r} has no valued set {set_name!r}") from None

    def alternation(self, *set_names: str, space: str = r"\s+") -> str:
        """The terms of the named sets as a regex group ``(?:...)`` to build a pattern with, longest first: a space
        in a term matches ``space`` (any run of white space by default), a trailing ``*`` any ending ("kill*":
        killed, killing)."""
        terms = sorted({t for name in set_names for t in self.words(name)}, key=lambda t: (-len(t), t))
        return "(?:" + "|".join(_term_pattern(t, space) for t in terms) + ")"

    def pattern(self, *set_names: str, ignore_case: bool = True) -> re.Pattern:
        """The terms of the named sets as one pattern matched on word boundaries, longest terms first."""
        terms = sorted({t for name in set_names for t in self.words(name)}, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b",
                          re.IGNORECASE if ignore_case else 0)

    def numbers(self, set_name: str) -> Mapping[str, int]:
        return MappingProxyType({term: int(value) for term, value in self.mapping(set_name).items()})


def _term_pattern(term: str, space: str) -> str:
    stem, star = (term[:-1], r"\w*") if term.endswith("*") else (term, "")
    return space.join(re.escape(word) for word in stem.split(" ")) + star


def package_path(package: str, filename: str) -> Path:
    """A data file shipped in a package of wirecoder ("wirecoder.geo", "data/words.tsv")."""
    return Path(str(resources.files(package).joinpath(filename)))


def lexicon_path(name: str) -> Path:
    return package_path(PACKAGE, f"{name}.tsv")


def lexicon_names() -> list[str]:
    return sorted(p.stem for p in Path(str(resources.files(PACKAGE))).glob("*.tsv"))


def read_rows(path: str | Path, *, header: str | None = None) -> list[tuple[int, list[str]]]:
    """The rows of a TSV data file: (line number, cells as written), skipping blank lines, ``#`` comment lines and
    a first row naming the columns (one starting with ``header``). Lines end at "\\n" only."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise lexicon_error(str(path), None, f"cannot read the data file ({err})") from err
    rows = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if header is not None and not rows and line.startswith(header):
            continue
        rows.append((number, line.split("\t")))
    return rows


def parse_lexicon(rows: Iterable[tuple[int, list[str]]], *, name: str, source: str, fold_case: bool = True,
                  keep_case: frozenset[str] = frozenset(), valued: frozenset[str] | None = None) -> Lexicon:
    """Rows ``set<TAB>term[<TAB>value]`` as frozen sets and mappings. Terms are lower-cased when ``fold_case``
    (except in the sets of ``keep_case``); ``valued``, when given, names the sets that must give values (and no
    other set may). Refuses a malformed row, a term twice in one set, and a set with values for some terms only."""
    sets: dict[str, set[str]] = {}
    values: dict[str, dict[str, str]] = {}
    for number, cells in rows:
        cells = list(cells)
        if cells and "#" in cells[-1]:  # "term  # a note": the note is not part of the row
            cells[-1] = cells[-1].split("#", 1)[0].rstrip()
        if len(cells) not in (2, 3) or any(not c or c != c.strip() for c in cells):
            raise lexicon_error(source, number, "want set<TAB>term[<TAB>value]")
        set_name, term = cells[0], cells[1]
        if fold_case and set_name not in keep_case:
            term = term.lower()
        if valued is not None and (len(cells) == 3) != (set_name in valued):
            raise lexicon_error(source, number, f"the set {set_name!r} " + (
                "gives a value for every term" if set_name in valued else "takes no values"))
        terms = sets.setdefault(set_name, set())
        if term in terms:
            old = values.get(set_name, {}).get(term)
            kind = f"given two values ({old!r})" if len(cells) == 3 and old not in (None, cells[2]) else "listed twice"
            raise lexicon_error(source, number, f"{term!r} is {kind} in {set_name!r}")
        if (len(cells) == 3) != (set_name in values) and terms:
            raise lexicon_error(source, number, f"the set {set_name!r} gives values for some terms only")
        terms.add(term)
        if len(cells) == 3:
            values.setdefault(set_name, {})[term] = cells[2]
    return Lexicon(name=name, sets=MappingProxyType({k: frozenset(v) for k, v in sets.items()}),
                   values=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in values.items()}))


def read_lexicon(path: str | Path, *, name: str | None = None, fold_case: bool = True,
                 keep_case: frozenset[str] = frozenset(), valued: frozenset[str] | None = None) -> Lexicon:
    """A word-list file read from ``path`` (not cached: tests and alternative lexicons pass their own files)."""
    path = Path(path)
    return parse_lexicon(read_rows(path), name=name or path.stem, source=path.name, fold_case=fold_case,
                         keep_case=keep_case, valued=valued)


@functools.cache
def package_lexicon(package: str, filename: str, *, fold_case: bool = True) -> Lexicon:
    """A word-list file shipped in a package ("wirecoder.geo", "data/words.tsv"), read once per process."""
    return read_lexicon(package_path(package, filename), name=filename, fold_case=fold_case)


def load_lexicon(name: str, *, path: str | Path | None = None) -> Lexicon:
    """The lexicon ``<name>.tsv`` of this package (read once per process), or the file at ``path`` (read now)."""
    if path is not None:
        return read_lexicon(path, name=name)
    return _shipped(name)


@functools.cache
def _shipped(name: str) -> Lexicon:
    return read_lexicon(lexicon_path(name), name=name)
