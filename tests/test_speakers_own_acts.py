"""A group that tells of its own act is its doer ("Al-Shabaab said its fighters attacked a base", "the Arakan Army
said its troops captured an outpost"); a state's ministry telling of "its forces" names the state's forces; who
arrests men suspected of helping plan an attack did not do it. Text written by the project."""
from __future__ import annotations

import pytest


def actor1(coder, text, published="2024-09-19"):
    events = [e for e in coder.code(text, published=published)["events"] if not e["background"]]
    return (events[0].get("actor1") or {}).get("name")


@pytest.mark.parametrize("text, doer", [
    ("Al-Shabaab said its fighters attacked a military base near Jilib on Sunday.", "Al Shabaab"),
    ("The Arakan Army said its troops had captured a police outpost in Maungdaw on Friday.", "AA: Arakan Army"),
])
def test_a_group_that_tells_of_its_own_act_did_it(coder, text, doer):
    assert actor1(coder, text) == doer


def test_a_states_ministry_telling_of_its_forces_names_the_states_forces(coder):
    assert actor1(coder, "Russia's defence ministry said on Saturday that its forces had struck military targets in "
                         "Kryvyi Rih with drones.") == "Military Forces of Russia"


def test_who_arrests_men_suspected_of_helping_plan_an_attack_did_not_do_it(coder):
    doer = actor1(coder, "Security forces in Galmudug arrested three men suspected of helping plan last Thursday's "
                         "suicide bombing at the army recruitment centre in Dhusamareb.", "2026-06-08")
    assert doer is not None and "Military" not in doer
