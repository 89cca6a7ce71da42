"""Merging reports whose place is vague: a village the gazetteer lacks, told within an area, and a report the coder
could place no finer than the country."""
from __future__ import annotations

from incident_helpers import FRONT, GUNMEN, article, event, place
from test_merge_incidents import groups

from wirecoder.store import Database


def merged(tmp_path, name, docs):
    with Database(tmp_path / f"{name}.db") as db:
        db.write_batch(run_id=None, documents=docs)
        return groups(db)


def test_village_told_within_another_area_is_not_in_a_nearby_district(tmp_path):
    district = article("dist", [event(where=place("Adiri District"))], source="Wire One")
    inside = article("in", [event(where=place("Kemo", within="Adiri District"))], source="Kora Times")
    elsewhere = article("out", [event(where=place("Kemo", within="Adiri Camp"))], source="Kora Times")
    assert merged(tmp_path, "inside", [district, inside]) == {("dist", "in")}
    # the village's point is the camp's, 6 km from the district's point: near enough, but the text put it elsewhere
    assert merged(tmp_path, "elsewhere", [district, elsewhere]) == {("dist",), ("out",)}


def test_country_level_report_joins_only_on_day_sub_type_named_party_and_toll(tmp_path):
    town = article("town", [event(actor1=FRONT, killed=12)], source="Wire One")
    same = article("same", [event(where=place("Testland"), actor1=FRONT, killed=12)], source="Kora Times")
    other_toll = article("toll", [event(where=place("Testland"), actor1=FRONT, killed=30)], source="Kora Times")
    unnamed = article("anon", [event(where=place("Testland"), actor1=GUNMEN, killed=12)], source="Kora Times")
    assert merged(tmp_path, "same", [town, same]) == {("same", "town")}
    assert merged(tmp_path, "toll", [town, other_toll]) == {("toll",), ("town",)}
    assert merged(tmp_path, "anon", [town, unnamed]) == {("anon",), ("town",)}


def test_an_abduction_and_a_clash_near_one_town_on_one_day_are_two_incidents(tmp_path):
    # reports may tell an attack as a clash, but never a kidnapping as one (incidents/distinct_acts.tsv)
    abduction = article("abd", [event(sub="Abduction/forced disappearance")], source="Wire One")
    clash = article("clash", [event(sub="Armed clash", etype="Battles", actor2=None)], source="Kora Times")
    attack = article("att", [event()], source="Sahel Daily")
    assert merged(tmp_path, "abduction", [abduction, clash]) == {("abd",), ("clash",)}
    assert merged(tmp_path, "attack", [attack, clash]) == {("att", "clash")}


def test_a_part_of_a_town_the_gazetteer_lacks_is_within_that_town(tmp_path):
    # "the Al-Rawdah district of Taiz city": the text puts the place in the town, so the town's report may be its
    town = article("town", [event(where=place("Adiri"))], source="Wire One")
    part = article("part", [event(where=place("Rawda", within="Adiri"))], source="Kora Times")
    assert merged(tmp_path, "part", [town, part]) == {("part", "town")}


def test_a_part_of_a_town_is_within_it_when_the_text_spells_the_town_otherwise(tmp_path):
    # "Satmatha in Bogura": the gazetteer names the town "Bogra", the texts "Bogura"; the part lies within the town
    # the other report was placed at, by the words that report's text gave it
    town = article("town", [event(where={**place("Adiri"), "text": "Adiry"})], source="Wire One")
    part = article("part", [event(where={**place("Rawda", within="Adiri"),
                                         "within": {"text": "Adiry", "start": 0, "end": 5}})], source="Kora Times")
    assert merged(tmp_path, "spelled", [town, part]) == {("part", "town")}


def test_a_part_of_a_town_is_not_a_place_named_after_the_town(tmp_path):
    # "near Donetsk Filtration Station" (a place the gazetteer lacks, placed at Donetsk) is not Donetsk Airport
    camp = article("camp", [event(where=place("Adiri Camp"))], source="Wire One")
    part = article("part", [event(where=place("Rawda", within="Adiri"))], source="Kora Times")
    assert merged(tmp_path, "named-after", [camp, part]) == {("camp",), ("part",)}


def test_a_town_that_is_its_own_districts_seat_is_not_in_a_nearby_district(tmp_path):
    # Bamsa lies 6 km from Adiri District's point, within the reach a district has; but it is the seat of a district
    # of its own name (the coder's `district`), so a report of Adiri District is not a report of Bamsa
    district = article("dist", [event(where=place("Adiri District"))], source="Wire One")
    bamsa = place("Bamsa")
    bamsa.update(lat=14.05, lon=-3.10)
    seat = article("seat", [event(where={**bamsa, "district": "Bamsa"})], source="Kora Times")
    plain = article("plain", [event(where=bamsa)], source="Kora Times")
    assert merged(tmp_path, "plain", [district, plain]) == {("dist", "plain")}
    assert merged(tmp_path, "seat", [district, seat]) == {("dist",), ("seat",)}


def test_a_district_seat_named_alone_holds_a_village_the_other_text_puts_in_its_district(tmp_path):
    # "in Salvatierra" (the seat of Salvatierra municipality) and "in Urireo, Salvatierra municipality", 4 km apart
    seat = article("seat", [event(where={**place("Adiri"), "district": "Adiri District"})], source="Wire One")
    village = article("vil", [event(where={**place("Dalo"), "district": "Adiri District"})], source="Kora Times")
    other = article("oth", [event(where={**place("Eni"), "district": "Adiri District"})], source="Sahel Daily")
    unplaced = article("unp", [event(where=place("Dalo"))], source="Kora Times")
    assert merged(tmp_path, "seat", [seat, village]) == {("seat", "vil")}
    # two villages of one district are two spots; a village no text puts in the district is only near the seat
    assert merged(tmp_path, "villages", [village, other]) == {("vil",), ("oth",)}
    assert merged(tmp_path, "unplaced", [seat, unplaced]) == {("seat",), ("unp",)}


def test_a_capital_told_at_its_point_holds_a_town_of_its_outskirts(tmp_path):
    # a country's capital is a city whose districts are towns of their own ("in the capital" and "in Dalo", 7 km
    # from its centre); two towns 7 km apart are two places
    capital = article("cap", [event(where={**place("Adiri"), "feature_code": "PPLC"})], source="Wire One")
    town = article("town", [event(where=place("Adiri"))], source="Wire One")
    outskirts = article("dalo", [event(where=place("Dalo"))], source="Kora Times")
    far = article("far", [event(where=place("Tinezgar"))], source="Kora Times")
    assert merged(tmp_path, "capital", [capital, outskirts]) == {("cap", "dalo")}
    assert merged(tmp_path, "town", [town, outskirts]) == {("dalo",), ("town",)}
    assert merged(tmp_path, "far", [capital, far]) == {("cap",), ("far",)}


def test_a_town_the_gazetteer_puts_in_a_district_lies_within_it_however_far_its_point(tmp_path):
    # "in Tinezgar" and "in Adiri District": the town's point lies some 65 km from the district's, beyond the reach
    # a district has, but the gazetteer's second-level area of the town (the coder's `admin2`) is that district
    district = article("dist", [event(where={**place("Adiri District"), "admin2": "Adiri District"})],
                       source="Wire One")
    inside = article("in", [event(where={**place("Tinezgar"), "admin2": "Adiri District"})], source="Kora Times")
    unknown = article("unk", [event(where=place("Tinezgar"))], source="Kora Times")
    assert merged(tmp_path, "inside", [district, inside]) == {("dist", "in")}
    assert merged(tmp_path, "unknown", [district, unknown]) == {("dist",), ("unk",)}
    # the district by another name (a GeoNames dump imported over the gazetteer renames it): still the district
    renamed = article("ren", [event(where={**place("Adiri District"), "name": "Adiri Cercle",
                                           "admin2": "Adiri District"})], source="Wire One")
    assert merged(tmp_path, "renamed", [renamed, inside]) == {("in", "ren")}
    # a third-level area of that district does not hold every town of it
    commune = article("com", [event(where={**place("Adiri District"), "name": "Adiri Commune",
                                           "feature_code": "ADM3", "admin2": "Adiri District"})], source="Wire One")
    assert merged(tmp_path, "commune", [commune, inside]) == {("com",), ("in",)}


def test_a_district_holds_its_towns_whatever_region_each_was_filed_under(tmp_path):
    # regions redrawn: the gazetteer files the province under its old region and its towns under the new one
    # (Basilan and Sumisip); the town's second-level area is the district, so the district holds it (rules 40)
    district = article("dist", [event(where={**place("Adiri District"), "admin2": "Adiri District"})],
                       source="Wire One")
    moved = article("in", [event(where={**place("Tinezgar"), "admin1": "New Region", "admin2": "Adiri District"})],
                    source="Kora Times")
    assert merged(tmp_path, "moved", [district, moved]) == {("dist", "in")}
    other = article("out", [event(where={**place("Tinezgar"), "admin1": "New Region", "admin2": "Kemo District"})],
                    source="Kora Times")
    assert merged(tmp_path, "other", [district, other]) == {("dist",), ("out",)}


def test_a_village_placed_at_a_town_lies_in_the_towns_district(tmp_path):
    # "Barangay Tumahubong, Sumisip" and "Basilan province": the village the gazetteer lacks takes the district of
    # the town it was placed at (the coder's `admin2`), so the district holds it (rules 40)
    district = article("dist", [event(where={**place("Adiri District"), "admin2": "Adiri District"})],
                       source="Wire One")
    village = article("vil", [event(where={**place("Kemo", within="Tinezgar"), "admin2": "Adiri District"})],
                      source="Kora Times")
    assert merged(tmp_path, "village", [district, village]) == {("dist", "vil")}
    untold = article("unt", [event(where=place("Kemo", within="Tinezgar"))], source="Kora Times")
    assert merged(tmp_path, "untold", [district, untold]) == {("dist",), ("unt",)}
