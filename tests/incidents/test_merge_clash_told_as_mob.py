"""A fight between two crowds of a town on one day, told by one report as an armed clash ("activists of the two
parties clashed") and by another as mob violence, is one incident: reports disagree on whether the sides were armed
groups, as they do on whether an attack's target was armed. Other crowd acts stay apart from battles."""
from __future__ import annotations

from incident_helpers import GUNMEN, actor, article, event
from test_merge_vague_places import merged

RIOTERS = actor("Rioters (Testland)", "rioters", named=False)
CLASH = {"sub": "Armed clash", "etype": "Battles", "actor1": GUNMEN, "actor2": None}


def test_a_clash_told_as_an_armed_clash_and_as_mob_violence_is_one_incident(tmp_path):
    clash = article("clash", [event(**CLASH)], source="Wire One")
    mob = article("mob", [event(sub="Mob violence", etype="Riots", actor1=RIOTERS, actor2=None)], source="Kora Times")
    assert merged(tmp_path, "mob", [clash, mob]) == {("clash", "mob")}


def test_a_clash_and_a_protest_of_one_town_and_day_stay_two(tmp_path):
    clash = article("clash", [event(**CLASH)], source="Wire One")
    riot = article("riot", [event(sub="Violent demonstration", etype="Riots", actor1=RIOTERS, actor2=None)],
                   source="Kora Times")
    assert merged(tmp_path, "riot", [clash, riot]) == {("clash",), ("riot",)}
