"""Where an event no sentence near it places happened, short of its country (events/story_places.py): the story's
place. Sentences the project writes; real place names, invented events."""


def current(coder, text):
    record = coder.code(text, published="2025-09-15")
    return [e for e in record["events"] if not e["background"]]


def first_place(coder, text, sub_event_type):
    """The location of the article's first current event, which must be of the sub-type given."""
    events = current(coder, text)
    assert events and events[0]["sub_event_type"] == sub_event_type
    return events[0]["location"]


def test_a_named_province_holding_every_place_named_stands_for_an_unplaced_event(coder):
    text = ("Gunmen kidnapped 30 villagers during a night raid on Saturday, community leaders said. Two of the wounded "
            "were taken to the general hospital in Omu-Aran. The Kwara state police command said it had deployed "
            "tactical teams.")
    place = first_place(coder, text, "Abduction/forced disappearance")
    assert (place["name"], place["feature_code"], place["country"]) == ("Kwara", "ADM1", "NG")
    assert place["geo_precision"] == 3


def test_a_province_that_does_not_hold_the_town_named_leaves_the_country(coder):
    text = ("Gunmen kidnapped 30 villagers during a night raid on Saturday, community leaders said. Two of the wounded "
            "were taken to the general hospital in Omu-Aran. The Lagos state police command said it had sent "
            "tactical teams.")
    events = current(coder, text)
    assert events and events[0]["location"]["feature_code"] == "PCLI"


def test_with_no_province_holding_the_places_the_one_the_title_names_stands_for_the_story(coder):
    text = ("The court in Zestaponi on Thursday fined nine workers detained during Wednesday's road blockade, their "
            "lawyers said. Riot police had arrived from Kutaisi in the afternoon.\n\nOn Thursday a smaller group of "
            "workers gathered again near the plant.")

    def regathering(title):
        record = coder.code(text, published="2025-02-13", title=title)
        return next(e["location"] for e in record["events"] if e["sub_event_type"] == "Peaceful protest")

    place = regathering("Zestaponi blockade: fines for detained workers")
    assert (place["name"], place["geo_precision"]) == ("Zestaponi", 3)
    assert regathering(None)["feature_code"] == "PCLI"  # two towns and no title: the country, as before


def test_a_place_of_another_country_does_not_hide_the_one_place_of_the_events_country(coder):
    text = ("An Israeli drone strike killed four people on a motorbike on Tuesday, Lebanon's health ministry said. "
            "Thousands attended their funeral in Nabatieh on Thursday. Hezbollah called one of the dead a martyr on "
            "the road to Jerusalem.")
    place = first_place(coder, text, "Air/drone strike")
    assert place["country"] == "LB" and place["feature_code"] != "PCLI" and place["geo_precision"] == 3


def test_a_name_the_gazetteer_lacks_inside_a_named_town_stands_for_the_story(run_stages):
    """ "the Kisenyi quarter of Kampala": one part of a named town, placed within it, is the story's place (the finer
    of the two); two parts of it leave the town itself."""
    from types import SimpleNamespace

    from wirecoder.events.story_places import only_place

    uganda = SimpleNamespace(country="UG")
    article = run_stages("Residents of the Kisenyi quarter of Kampala blocked roads with burning tyres on Saturday.",
                         until="places", published="2026-03-28")
    place = only_place(article, uganda)
    assert place is not None and (place.name, place.geonameid, place.geo_precision) == ("Kisenyi", None, 3)
    article = run_stages("Residents of the Kisenyi quarter of Kampala blocked roads on Saturday. Traders in the Owino "
                         "market of Kampala closed their stalls.", until="places", published="2026-03-28")
    place = only_place(article, uganda)
    assert place is not None and place.name == "Kampala"


def test_a_country_before_a_lands_word_names_that_land(coder):
    """ "the northern Jordan Valley" is no place of Jordan the country; "the prefect of Toamasina" names the city."""
    record = coder.code("Volunteers were pepper-sprayed near a village in the northern Jordan Valley on Monday. The "
                        "prefect of Toamasina said 34 people had been arrested.", published="2026-03-28")
    assert all(p["country"] != "JO" for p in record["places"])
    assert any(p["name"] == "Toamasina" and p["country"] == "MG" for p in record["places"])

