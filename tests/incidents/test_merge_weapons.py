"""A report of an act done with guns ("a woman was shot dead by a sniper") and a report of shelling, an air strike
or a bomb in the same town on the same day are two acts; two reports of the shelling, one of them told as an attack
that killed, are one."""
from __future__ import annotations

from incident_helpers import ARMY, CIVILIANS, article, event
from test_merge_vague_places import merged


def triggered(words: str, **kwargs) -> dict:
    report = event(actor1=ARMY, actor2=CIVILIANS, **kwargs)
    return {**report, "evidence": [{"field": "trigger", "start": 0, "end": len(words), "text": words}]}


SHELLING = {"sub": "Shelling/artillery/missile attack", "etype": "Explosions/Remote violence"}


def test_a_sniper_and_a_shelling_of_one_town_and_day_are_two_acts(tmp_path):
    shells = article("shells", [triggered("shells hit", killed=3, **SHELLING)], source="Wire One")
    sniper = article("sniper", [triggered("shot dead", killed=1)], source="Kora Times")
    assert merged(tmp_path, "sniper", [shells, sniper]) == {("shells",), ("sniper",)}


def test_an_attack_told_without_its_weapon_joins_the_shelling(tmp_path):
    shells = article("shells", [triggered("shells hit", killed=3, **SHELLING)], source="Wire One")
    killing = article("killing", [triggered("killed", killed=3)], source="Kora Times")
    assert merged(tmp_path, "killing", [shells, killing]) == {("killing", "shells")}


def test_an_exchange_of_fire_and_a_bombing_of_one_town_and_day_are_two_acts(tmp_path):
    bomb = {"sub": "Remote explosive/landmine/IED", "etype": "Explosions/Remote violence"}
    bombing = article("bombing", [triggered("car bomb", killed=9, **bomb)], source="Wire One")
    for words in ("exchange of fire", "gunfight"):
        clash = article("clash", [triggered(words, killed=1, sub="Armed clash", etype="Battles")], source="Kora Times")
        assert merged(tmp_path / words.replace(" ", "-"), "clash", [bombing, clash]) == {("bombing",), ("clash",)}
