"""An act told only to say who its people are ("students abducted from a school were released on Thursday") happened
on or before the day its sentence tells, not on it; an act whose scene the sentence goes on with, or whose own
words give a day, keeps its day."""
from __future__ import annotations

import pytest


def current(coder, text, published="2026-02-12"):
    return [e for e in coder.code(text, published=published)["events"] if not e["background"]]


@pytest.mark.parametrize("text", [
    "Three soldiers wounded in an ambush near Diffa died in hospital on Wednesday.",
    "The bodies of two men killed in an attack on Kabo were buried on Friday.",
    "Villagers displaced by fighting in Kidal returned home on Sunday.",
])
def test_an_act_that_says_who_its_people_are_lies_on_or_before_the_day_told(coder, text):
    event = current(coder, text)[0]
    assert event["time_precision"] == 3  # on or before the day the sentence tells, not on it


def test_an_act_with_a_day_of_its_own_or_whose_scene_goes_on_keeps_its_day(coder):
    own = current(coder, "Two soldiers killed in clashes with militants near Diffa on Monday were buried on "
                         "Wednesday.")[0]
    assert (own["date"], own["time_precision"]) == ("2026-02-09", 1)
    scene = current(coder, "Shells fired by the army fell on a market in Diffa on Wednesday, killing three people.")
    assert scene[0]["date"] == "2026-02-11" and scene[0]["time_precision"] == 1


def test_an_act_told_after_what_its_sentence_reports_lies_on_or_before_that_day(coder):
    shutdown = current(coder, "Shops and schools stayed shut in Bishnupur district on Saturday after two farmers "
                              "were shot dead while working in their fields, officials said.", published="2024-08-31")
    assert shutdown[0]["time_precision"] == 3  # the shutdown's Saturday is not the shooting's
    own = current(coder, "Residents fled the village of Kabo on Saturday after gunmen attacked it on Friday.",
                  published="2024-08-31")
    assert (own[0]["date"], own[0]["time_precision"]) == ("2024-08-30", 1)
    # one scene: who was killed, and a clash, on the day told, after the act that began it
    killed = current(coder, "Two farmers were killed in Bishnupur on Thursday after gunmen opened fire on them.",
                     published="2024-08-31")
    assert (killed[0]["date"], killed[0]["time_precision"]) == ("2024-08-29", 1)
    clash = current(coder, "On 5 May 2020, National Resistance forces claimed to have clashed with Houthi forces in "
                           "Tuhayat district after the latter shelled Tuhayta city.", published="2020-05-06")
    assert (clash[0]["date"], clash[0]["time_precision"]) == ("2020-05-05", 1)
