"""Every shipped word list and table is checked for duplicate and conflicting entries, within a file and across
files: a term listed twice in one set (or given two values), a set name that means two different lists in two
files (the drift that gave two DIRECTION_WORDS), a list copied whole into another set, and a table key (a trigger,
a weapon, a speech verb and its forms, a country's name form, an alias, a place) given twice."""
from __future__ import annotations

import collections
import csv
import pathlib

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.lexicon import lexicon_names, load_lexicon, read_lexicon
from wirecoder.taxonomy.actor_lexicon import load_actor_lexicon

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "src" / "wirecoder"
# set<TAB>term[<TAB>value] files outside lexicon/ (read by wirecoder.lexicon's loader too, through their packages)
GEO_WORD_LISTS = ("geo/data/words.tsv", "geo/data/chain_words.tsv", "geo/data/postal.tsv",
                  "geo/data/arabic_spellings.tsv", "taxonomy/actor_words.tsv")
# tables: the columns that key a row (each key once a file); keys compared without case unless matched with it
TABLE_KEYS = {
    "taxonomy/triggers.tsv": (0,), "taxonomy/weapons.tsv": (0,), "taxonomy/cue_verbs.tsv": (0,),
    "taxonomy/framing_lexicon.tsv": (0,), "taxonomy/interventions.tsv": (0, 1), "geo/regions.tsv": (0,),
    "geo/features.tsv": (0, 4), "incidents/generic_actors.tsv": (0,), "incidents/kind_classes.tsv": (0,),
    "incidents/sub_type_groups.tsv": (0,), "incidents/distinct_acts.tsv": (0,), "incidents/crowd_nouns.tsv": (0,),
    "incidents/told_alike.tsv": (0, 1), "incidents/day_clock.tsv": (0,), "geo/data/acled_countries.tsv": (0,),
    "incidents/firearm_words.tsv": (0,), "incidents/state_auxiliaries.tsv": (0,),
}
CASED_KEYS = {"geo/aliases.tsv": (0,), "geo/data/country_forms.tsv": (0, 2)}  # "Chad" is a country, "chad" not
# tables whose own loader refuses a form given twice or to two actors (W130; tests/test_actor_lexicon.py)
ACTOR_TABLES = ("taxonomy/actor_groups.tsv", "taxonomy/communal_groups.tsv")


def _word_lists() -> dict[str, frozenset[str]]:
    """Every set of every word-list file, keyed 'file:set'."""
    sets = {}
    for name in lexicon_names():
        lexicon = load_lexicon(name)
        sets.update({f"lexicon/{name}.tsv:{s}": terms for s, terms in lexicon.sets.items()})
    for relative in GEO_WORD_LISTS:
        lexicon = read_lexicon(PACKAGE / relative, fold_case=False)
        sets.update({f"{relative}:{s}": terms for s, terms in lexicon.sets.items()})
    return sets


def _rows(relative: str) -> list[tuple[int, list[str]]]:
    with (PACKAGE / relative).open(encoding="utf-8", newline="") as handle:
        return [(number, row) for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1)
                if row and row[0].strip() and not row[0].startswith("#")]


def test_every_shipped_table_and_word_list_is_checked_here():
    shipped = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.tsv")}
    checked = {f"lexicon/{name}.tsv" for name in lexicon_names()} | set(GEO_WORD_LISTS) | set(TABLE_KEYS) \
        | set(CASED_KEYS) | set(ACTOR_TABLES)
    assert shipped - checked == set(), "add the new data file to this test"


def test_a_set_name_means_one_list_and_no_list_is_a_copy_of_another():
    sets = _word_lists()
    homes = collections.defaultdict(list)
    for key in sets:
        homes[key.split(":", 1)[1]].append(key)
    assert {name: keys for name, keys in homes.items() if len(keys) > 1} == {}
    copies = collections.defaultdict(list)
    for key, terms in sets.items():
        if len(terms) > 1:
            copies[terms].append(key)
    assert [keys for keys in copies.values() if len(keys) > 1] == []


@pytest.mark.parametrize("relative", sorted([*TABLE_KEYS, *CASED_KEYS]))
def test_each_table_key_is_given_once(relative):
    seen: dict[tuple, int] = {}
    twice = []
    for number, row in _rows(relative):
        if relative in CASED_KEYS:
            key = tuple(row[i].strip() for i in CASED_KEYS[relative] if i < len(row))
        else:
            key = tuple(row[i].strip().lower() for i in TABLE_KEYS[relative] if i < len(row))
        if key in seen:
            twice.append(f"{relative} line {number}: {key} (first at line {seen[key]})")
        seen.setdefault(key, number)
    assert twice == []


def test_the_actor_tables_load_with_their_own_checks():
    lexicon = load_actor_lexicon()
    assert lexicon.interventions  # loading refuses a form given twice or to two actors (W130)


def test_a_speech_verb_form_belongs_to_one_verb():
    owners = collections.defaultdict(set)
    for _, row in _rows("taxonomy/cue_verbs.tsv")[1:]:  # the first row names the columns
        for form in row[1].split(","):
            owners[form.strip()].add(row[0])
    assert {form: lemmas for form, lemmas in owners.items() if len(lemmas) > 1} == {}


def test_the_loaders_refuse_a_duplicate_and_a_conflict(tmp_path):
    path = tmp_path / "t.tsv"
    for text in ("place\tbase\nplace\tBase\n", "count\tone\t1\ncount\tone\t2\n", "count\tone\t1\ncount\ttwo\n"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(WirecoderError):
            load_lexicon("t", path=path)
    for text in ("list\tword\nlist\tword\n", "map\tkey\t1\nmap\tkey\t2\n", "list\tword\nlist\tkey\t1\n"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(WirecoderError):
            read_lexicon(path, fold_case=False)
