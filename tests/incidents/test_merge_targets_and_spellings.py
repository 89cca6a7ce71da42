"""Merging reports that disagree the way real reports of one incident do: on whom a strike or a crowd hit, on a party
the text does not name, on how a place is spelled; and reports that must stay apart for all that."""
from __future__ import annotations

from incident_helpers import ARMY, CIVILIANS, FRONT, actor, article, event, place
from test_merge_vague_places import merged

STRIKE = {"sub": "Air/drone strike", "etype": "Explosions/Remote violence"}
RIOT = {"sub": "Violent demonstration", "etype": "Riots"}
RIOTERS = actor("Rioters (Testland)", "rioters")
POLICE = actor("Police Forces of Testland", "state_forces")
CONVENTION = actor("Civilians (Testland)", "civilians", named=False)  # no words of the text: ACLED's default


def test_whom_a_strike_hit_is_disputed_not_a_contradiction(tmp_path):
    residents = article("res", [event(**STRIKE, actor1=ARMY, actor2=CIVILIANS)], source="Wire One")
    army = article("army", [event(**STRIKE, actor1=ARMY, actor2=FRONT)], source="Kora Times")
    assert merged(tmp_path, "strike", [residents, army]) == {("army", "res")}


def test_whom_an_attack_hit_still_parts_two_attacks(tmp_path):
    on_civilians = article("civ", [event(actor2=CIVILIANS)], source="Wire One")
    on_army = article("army", [event(actor2=ARMY)], source="Kora Times")
    assert merged(tmp_path, "attack", [on_civilians, on_army]) == {("civ",), ("army",)}


def test_what_a_crowd_turned_on_is_no_contradiction(tmp_path):
    police = article("pol", [event(**RIOT, actor1=RIOTERS, actor2=POLICE)], source="Wire One")
    shops = article("shops", [event(**RIOT, actor1=RIOTERS, actor2=CIVILIANS)], source="Kora Times")
    assert merged(tmp_path, "riot", [police, shops]) == {("pol", "shops")}


def test_a_party_the_text_does_not_name_contradicts_no_one(tmp_path):
    """An abduction of police officers, told once with them named and once with ACLED's default target."""
    kidnap = {"sub": "Abduction/forced disappearance"}
    named = article("named", [event(**kidnap, actor2=POLICE)], source="Wire One")
    default = article("default", [event(**kidnap, actor2=CONVENTION)], source="Kora Times")
    told = article("told", [event(**kidnap, actor2=CIVILIANS)], source="Sahel Daily")
    assert merged(tmp_path, "default", [named, default]) == {("default", "named")}
    assert merged(tmp_path, "told", [named, told]) == {("named",), ("told",)}


def test_one_place_spelled_two_ways_in_one_region(tmp_path):
    known = article("known", [event(where=place("Adiri"))], source="Wire One")
    spelled = article("spelled", [event(where=place("Adeeri", within="Kora"))], source="Kora Times")
    other = article("other", [event(where=place("Adoro", within="Kora"))], source="Sahel Daily")
    assert merged(tmp_path, "spelled", [known, spelled]) == {("known", "spelled")}
    assert merged(tmp_path, "other", [known, other]) == {("known",), ("other",)}


def test_sh_and_s_are_one_romanisation(tmp_path):
    """ "Bashurhat" and "Basurhat", two names the gazetteer lacks placed in one area: one village."""
    one = article("one", [event(where=place("Basamka", within="Kora"))], source="Wire One")
    two = article("two", [event(where=place("Bashamka", within="Kora"))], source="Kora Times")
    assert merged(tmp_path, "sh", [one, two]) == {("one", "two")}


def test_one_name_with_its_vowels_moved_is_one_place(tmp_path):
    """ "Inzegane" and the gazetteer's "Inezgane": the same four consonants in the same order, in one region."""
    known = article("known", [event(where=place("Tinezgar"))], source="Wire One")
    moved = article("moved", [event(where=place("Tinzegar", within="Kora"))], source="Kora Times")
    other = article("other", [event(where=place("Tinezgal", within="Kora"))], source="Sahel Daily")
    assert merged(tmp_path, "moved", [known, moved]) == {("known", "moved")}
    assert merged(tmp_path, "other", [known, other]) == {("known",), ("other",)}


def test_a_spelling_alike_in_another_region_is_another_place(tmp_path):
    known = article("known", [event(where=place("Adiri"))], source="Wire One")
    far = article("far", [event(where=place("Adeeri", within="Cedo"))], source="Kora Times")
    assert merged(tmp_path, "far", [known, far]) == {("known",), ("far",)}


def test_two_crowds_told_by_who_they_are_are_two_protests(tmp_path):
    protest = {"sub": "Protest with intervention", "etype": "Protests"}

    def crowd(words):
        return {**actor("Protesters (Testland)", "protesters"), "text": words}

    students = article("stu", [event(**protest, actor1=crowd("University of Adiri students"), actor2=POLICE)],
                       source="Wire One")
    traders = article("tra", [event(**protest, actor1=crowd("traders"), actor2=POLICE)], source="Kora Times")
    told_as_protesters = article("pro", [event(**protest, actor1=crowd("hundreds of protesters"), actor2=POLICE)],
                                 source="Sahel Daily")
    assert merged(tmp_path, "two", [students, traders]) == {("stu",), ("tra",)}
    assert merged(tmp_path, "one", [students, told_as_protesters]) == {("pro", "stu")}
    # one crowd told by nouns reports trade for it (crowd_nouns.tsv), or by an irregular plural, is one crowd
    fishermen = article("fm", [event(**protest, actor1=crowd("hundreds of fishermen"), actor2=POLICE)],
                        source="Wire One")
    fishers = article("fs", [event(**protest, actor1=crowd("1,500 fishers"), actor2=POLICE)], source="Kora Times")
    fisherman = article("fn", [event(**protest, actor1=crowd("a fisherman"), actor2=POLICE)], source="Sahel Daily")
    assert merged(tmp_path, "fishers", [fishermen, fishers]) == {("fm", "fs")}
    assert merged(tmp_path, "fisherman", [fishermen, fisherman]) == {("fm", "fn")}
    assert merged(tmp_path, "others", [fishermen, traders]) == {("fm",), ("tra",)}
    # a crowd told by sex or age says no more who it was than "people" ("fishers, women and young people")
    women = article("wo", [event(**protest, actor1=crowd("women"), actor2=POLICE)], source="Sahel Daily")
    assert merged(tmp_path, "women", [fishermen, women]) == {("fm", "wo")}


def test_a_day_carried_from_a_sentence_before_agrees_on_the_day(tmp_path):
    """An attack told as a grenade attack (two event types of one family, no more alike than that): the same town
    and a day one report dates in the sentence before (precision 2) agree on the day; a window of a week does not."""
    clash = {"sub": "Grenade", "etype": "Explosions/Remote violence", "actor2": None}
    attack = article("att", [event()], source="Wire One")
    carried = article("car", [event(**clash, precision=2)], source="Kora Times")
    week = article("week", [event(**clash, date="2024-03-10", date_end="2024-03-16", precision=2)],
                   source="Sahel Daily")
    assert merged(tmp_path, "carried", [attack, carried]) == {("att", "car")}
    assert merged(tmp_path, "week", [attack, week]) == {("att",), ("week",)}


def test_a_region_told_by_the_town_that_stands_for_it_is_that_region(tmp_path):
    """"somewhere in Kora", placed at its town Adiri (geo_precision 3), and "in Kora": one region, as the same day's
    attack told twice; a region told by a town of another region is another region."""
    regional = {**place("Adiri"), "geo_precision": 3}
    by_town = article("town", [event(where=regional)], source="Wire One")
    by_name = article("name", [event(where=place("Kora"))], source="Kora Times")
    elsewhere = article("else", [event(where={**place("Cedo"), "geo_precision": 3})], source="Sahel Daily")
    assert merged(tmp_path, "region", [by_town, by_name]) == {("name", "town")}
    assert merged(tmp_path, "other", [by_name, elsewhere]) == {("name",), ("else",)}


def test_an_attack_told_as_a_clash_is_one_raid_within_its_district(tmp_path):
    """"Gunmen attacked a community" by one report (an attack on civilians at a village the gazetteer lacks, within
    its district), "gunmen clashed there" by another (an armed clash at the district), the same day, neither naming
    who did it: reports disagree this way on whether the target was armed, so the two agree as much as two
    sub-types of one group; a grenade attack told the same way, with a toll that does not agree (4 against 11),
    stays apart (two event types of one family)."""
    village = place("Kwiri", within="Adiri District")
    attack = article("att", [event(where=village, killed=11)], source="Wire One")
    clash = article("cla", [event(sub="Armed clash", etype="Battles", actor2=None, where=place("Adiri District"),
                                  killed=8)], source="Kora Times")
    grenade = article("gre", [event(sub="Grenade", etype="Explosions/Remote violence", actor2=None,
                                    where=place("Adiri District"), killed=4)], source="Sahel Daily")
    assert merged(tmp_path, "clash", [attack, clash]) == {("att", "cla")}
    assert merged(tmp_path, "grenade", [attack, grenade]) == {("att",), ("gre",)}


def test_a_group_and_its_branch_are_one_party_two_branches_two(tmp_path):
    """One report names the movement ("Kora Front"), another its province ("Kora Front North Province"): one party,
    loosely named; the movement's two provinces are two parties."""
    clash = {"sub": "Armed clash", "etype": "Battles"}
    movement = actor("Kora Front", "rebels")
    north, south = actor("Kora Front North Province", "rebels"), actor("Kora Front South Province", "rebels")
    whole = article("whole", [event(**clash, actor1=movement, actor2=ARMY)], source="Wire One")
    branch = article("branch", [event(**clash, actor1=north, actor2=ARMY)], source="Kora Times")
    other = article("other", [event(**clash, actor1=south, actor2=ARMY)], source="Sahel Daily")
    assert merged(tmp_path, "branch", [whole, branch]) == {("branch", "whole")}
    assert merged(tmp_path, "branches", [branch, other]) == {("branch",), ("other",)}


def test_n_and_m_before_b_are_one_romanisation(tmp_path):
    """ "Janbako" and "Jambako", two names the gazetteer lacks placed in one area: one village."""
    one = article("one", [event(where=place("Tanbaro", within="Kora"))], source="Wire One")
    two = article("two", [event(where=place("Tambaro", within="Kora"))], source="Kora Times")
    other = article("other", [event(where=place("Tandaro", within="Kora"))], source="Sahel Daily")
    assert merged(tmp_path, "nb", [one, two]) == {("one", "two")}
    assert merged(tmp_path, "nd", [one, other]) == {("one",), ("other",)}


def test_a_village_told_in_the_region_holding_a_district_may_lie_in_it(tmp_path):
    """ "Janbako in Zamfara state" and "Maradun LGA" of that state: the text puts the village in the region, which
    holds the district; with the same act on the same day they agree, as a report of the region would."""
    village = article("village", [event(where=place("Zurbako", within="Kora"))], source="Wire One")
    district = article("district", [event(where=place("Adiri District"))], source="Kora Times")
    assert merged(tmp_path, "region", [village, district]) == {("district", "village")}
    raid = {"sub": "Abduction/forced disappearance"}
    other_act = article("other", [event(**raid, where=place("Adiri District"))], source="Sahel Daily")
    assert merged(tmp_path, "other", [village, other_act]) == {("village",), ("other",)}


def test_a_town_told_at_it_once_and_once_standing_for_its_region_agrees_as_a_town_within_a_district(tmp_path):
    """ "in Adiri" (the town) and Adiri standing for its region (geo_precision 3): two crowds' reports of one day,
    a protest broken up and a march told as peaceful, agree as a town within its district would (2 points), not as
    a town within a region (1), which with sub-types of one group and the day alone stays under the threshold."""
    crowd = actor("Protesters (Testland)", "protesters")
    protest = {"sub": "Protest with intervention", "etype": "Protests", "actor1": crowd, "actor2": POLICE}
    march = {"sub": "Peaceful protest", "etype": "Protests", "actor1": crowd, "actor2": None}
    town = article("town", [event(**protest, where=place("Adiri"))], source="Wire One")
    standing = article("region", [event(**march, where={**place("Adiri"), "geo_precision": 3})], source="Kora Times")
    assert merged(tmp_path, "standing", [town, standing]) == {("region", "town")}
    other = article("other", [event(**march, where={**place("Bamsa"), "geo_precision": 3})], source="Sahel Daily")
    assert merged(tmp_path, "other", [town, other]) == {("town",), ("other",)}


def _party(name: str, kind: str, country: str) -> dict:
    return {"name": name, "kind": kind, "country": country, "text": name, "start": 0, "end": len(name)}


def test_volunteers_who_fight_beside_a_states_army_and_that_army_are_one_side(tmp_path):
    """One report names the volunteers a state raised to fight beside its army (state_auxiliaries.tsv), another the
    army: one side, loosely named, as two names of a state's forces are. Beside another state's army, or for a group
    the state did not raise, they are two parties."""
    clash = {"sub": "Armed clash", "etype": "Battles"}
    rebels = _party("Kora Liberation Front", "rebels", "BF")
    volunteers = _party("VDP: Volunteers for the Defense of the Homeland", "political_militia", "BF")
    army = _party("Military Forces of Burkina Faso", "state_forces", "BF")
    other_army = _party("Military Forces of Niger", "state_forces", "NE")
    militia = _party("Kora Hunters Militia", "political_militia", "BF")
    told = article("vol", [event(**clash, actor1=rebels, actor2=volunteers)], source="Wire One")
    by_army = article("army", [event(**clash, actor1=rebels, actor2=army)], source="Kora Times")
    by_other = article("other", [event(**clash, actor1=rebels, actor2=other_army)], source="Sahel Daily")
    by_militia = article("mil", [event(**clash, actor1=rebels, actor2=militia)], source="Sahel Daily")
    assert merged(tmp_path, "aux", [told, by_army]) == {("army", "vol")}
    assert merged(tmp_path, "other", [told, by_other]) == {("vol",), ("other",)}
    assert merged(tmp_path, "mil", [by_army, by_militia]) == {("army",), ("mil",)}


def test_each_auxiliary_is_a_group_of_the_actor_lexicon_of_the_state_it_fights_for():
    """state_auxiliaries.tsv names groups as the coder names them (the actor lexicon's ACLED-style names), each with
    the country the lexicon gives it: a name written otherwise would never match a coded event's actor."""
    from wirecoder.incidents.features import read_pairs
    from wirecoder.taxonomy.actor_lexicon import load_actor_lexicon

    lexicon = load_actor_lexicon()
    countries = {f.entry.name: f.entry.country for forms in lexicon.folded.values() for f in forms}
    auxiliaries = read_pairs("state_auxiliaries.tsv")
    assert auxiliaries
    assert [(name, countries.get(name)) for name, _ in auxiliaries] == auxiliaries
