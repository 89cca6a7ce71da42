"""The actor lexicon's loader: the shipped files load, and a drifted file is refused with W130 (the one error of
a lexicon file) naming its line."""
import shutil
from importlib import resources
from pathlib import Path

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.taxonomy.actor_lexicon import load_actor_lexicon, squash

SHIPPED = Path(str(resources.files("wirecoder.taxonomy")))
COMMUNAL = "Tiv\tEthnic\tNG\tTiv\n"
INTERVENTIONS = "TR\tSY|IQ\n"


def _lexicon_dir(tmp_path: Path, groups: str, *, communal: str = COMMUNAL, interventions: str = INTERVENTIONS) -> Path:
    shutil.copy(SHIPPED / "actor_words.tsv", tmp_path / "actor_words.tsv")
    (tmp_path / "actor_groups.tsv").write_text(groups, encoding="utf-8")
    (tmp_path / "communal_groups.tsv").write_text(communal, encoding="utf-8")
    (tmp_path / "interventions.tsv").write_text(interventions, encoding="utf-8")
    return tmp_path


def _refused(directory: Path) -> str:
    with pytest.raises(WirecoderError) as info:
        load_actor_lexicon(directory)
    assert info.value.code == "W130"
    return info.value.detail


def test_actor_lexicon_the_shipped_files_load_without_conflict():
    lexicon = load_actor_lexicon()
    assert len(lexicon.folded) + len(lexicon.exact) > 1500  # forms of the world's armed actors
    assert len(lexicon.identities) > 300
    assert {"TR", "SA", "IL"} <= set(lexicon.interventions)
    for forms in [*lexicon.folded.values(), *lexicon.exact.values()]:
        assert all(f.entry.name for f in forms)


def test_actor_lexicon_keys_ignore_case_accents_and_punctuation_except_for_acronyms():
    assert squash("al-Shabaab") == squash("Al shabaab") == squash("Al Shabaab")
    assert squash("Maï-Maï") == squash("Mai Mai")
    assert squash("CPI (Maoist)") == squash("CPI-Maoist")
    assert squash("ISWAP", keep_case=True) != squash("Iswap", keep_case=True)


def test_actor_lexicon_refuses_a_form_listed_twice_for_one_actor(tmp_path):
    detail = _refused(_lexicon_dir(tmp_path, "Group A\trebels\tNG\tAlpha Front|alpha front\n"))
    assert "line 1" in detail and "twice" in detail


def test_actor_lexicon_refuses_a_form_two_actors_share_with_nothing_to_tell_them_apart(tmp_path):
    groups = "Group A\trebels\tNG\tAlpha Front\nGroup B\tpolitical_militia\tNG\tALPHA FRONT|Bravo\n"
    detail = _refused(_lexicon_dir(tmp_path, groups))
    assert "line 2" in detail and "Group A" in detail


def test_actor_lexicon_a_shared_form_is_allowed_across_theatres_or_periods(tmp_path):
    groups = ("Group A\trebels\tSO\tShared Name\nGroup B\trebels\tMZ\tShared Name\n"
              "Group C\trebels\tAF\tOld Name\tuntil=2021-08-14\nGroup D\tstate_forces\tAF\tOld Name\tfrom=2021-08-15\n")
    lexicon = load_actor_lexicon(_lexicon_dir(tmp_path, groups))
    assert {f.entry.name for f in lexicon.folded[squash("Shared Name")]} == {"Group A", "Group B"}
    assert [f.entry.holds_on(__import__("datetime").date(2020, 5, 1)) for f in lexicon.folded["oldname"]] == [
        True, False]


@pytest.mark.parametrize("groups, words", [
    ("Group A\tfighters\tNG\tAlpha\n", "kind"),
    ("Group A\trebels\tNGA\tAlpha\n", "ISO 3166-1"),
    ("@nobody\trebels\tNG\tAlpha\n", "role"),
    ("Group A\trebels\tNG\tAlpha\tregion=NG\n", "option"),
    ("Group A\trebels\tNG\n", "want"),
])
def test_actor_lexicon_refuses_a_malformed_line(tmp_path, groups, words):
    assert words in _refused(_lexicon_dir(tmp_path, groups))


def test_actor_lexicon_refuses_an_identity_form_of_two_identities(tmp_path):
    detail = _refused(_lexicon_dir(tmp_path, "Group A\trebels\tNG\tAlpha\n",
                                   communal="Tiv\tEthnic\tNG\tTiv\nJukun\tEthnic\tNG\tJukun|Tiv\n"))
    assert "line 2" in detail and "Tiv" in detail
