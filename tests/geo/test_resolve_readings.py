"""Readings of a name that the words and the article's other places rule out."""
import pytest

from wirecoder.geo import Geoparser
from wirecoder.geo.store import NameKind
from wirecoder.geo.writer import GazetteerWriter, PlaceRecord

PLACES = [
    # (name, lat, lon, country, class, code, geonameid, admin1 code, population, other names)
    ("Indonesia", -5.0, 120.0, "ID", "A", "PCLI", 1643084, None, 270_000_000, []),
    ("Bali", -8.35, 115.12, "ID", "A", "ADM1", 1650535, "02", 4_300_000, []),
    ("Bali", 22.65, 88.34, "IN", "P", "PPL", 1277539, "28", 297_000, []),
    ("Jakarta", -6.21, 106.85, "ID", "P", "PPLC", 1642911, "04", 8_540_000, []),
    ("Houston", 29.76, -95.36, "US", "P", "PPL", 4699066, "TX", 2_300_000, []),
    ("Houston County", 31.32, -95.42, "US", "A", "ADM2", 4699080, "TX", 23_000, [("Houston", NameKind.ALTERNATE)]),
    ("Donetsk", 48.02, 37.80, "UA", "P", "PPL", 709717, "05", 930_000, []),
    ("Donetsk Oblast", 48.10, 37.70, "UA", "A", "ADM1", 709716, "05", 4_100_000, [("Donetsk", NameKind.ALTERNATE)]),
    ("London", 51.51, -0.13, "GB", "P", "PPLC", 2643743, "ENG", 8_900_000, []),
    ("Camden", 51.54, -0.14, "GB", "P", "PPL", 2653981, "ENG", 270_000, []),
    ("Piccadilly", -33.9, 150.1, "AU", "P", "PPL", 2153391, "02", 2_300, []),
    ("Cairo", 30.04, 31.24, "EG", "P", "PPLC", 360630, "11", 9_600_000, []),
    ("Alexandria", 31.20, 29.92, "EG", "P", "PPL", 361058, "06", 5_200_000, []),
    ("Haram", 62.6, 6.2, "NO", "A", "ADM2", 3155000, "15", 2_100, []),
    ("Yehud", 32.03, 34.89, "IL", "P", "PPL", 293100, "02", 30_000, [("Abbasiya", NameKind.ALTERNATE)]),
]


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "readings.sqlite"
    writer = GazetteerWriter.create(path)
    source = writer.source("tests", "1", "written by the tests")
    for name, lat, lon, cc, fclass, fcode, gid, a1code, pop, names in PLACES:
        writer.add(PlaceRecord(name=name, lat=lat, lon=lon, country=cc, feature_class=fclass, feature_code=fcode,
                               geonameid=gid, admin1_code=a1code, admin1=None, population=pop), names,
                   source_id=source)
    writer.finish({"built_by": "tests"})
    g = Geoparser(gazetteer_path=path)
    yield g
    g.close()


def resolve(geoparser, text, names):
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return geoparser.resolve_spans(text, spans)


def test_an_airport_is_an_island_or_a_towns_alike(geoparser):
    jakarta, bali = resolve(geoparser, "She flew from Jakarta and was caught at Bali airport.", ["Jakarta", "Bali"])
    assert bali.country == "ID" and bali.feature_code == "ADM1"


def test_the_region_of_a_big_city_is_around_the_city_not_a_namesake_county(geoparser):
    [houston] = resolve(geoparser, "Nine cases were found in the Houston region.", ["Houston"])
    assert houston.feature_class == "P" and houston.geonameid == 4699066


def test_the_region_of_a_city_is_the_area_that_bears_its_name_around_it(geoparser):
    [donetsk] = resolve(geoparser, "Shelling hit the Donetsk region.", ["Donetsk"])
    assert donetsk.feature_code == "ADM1"


def test_a_far_hamlet_of_an_unnamed_country_gives_way_to_the_articles_places(geoparser):
    text = "Police closed roads in London and Camden. Crowds gathered at Piccadilly."
    london, camden, piccadilly = resolve(geoparser, text, ["London", "Camden", "Piccadilly"])
    assert piccadilly.country == "GB" and piccadilly.within is not None and piccadilly.geonameid is None
    [alone] = resolve(geoparser, "Crowds gathered at Piccadilly.", ["Piccadilly"])
    assert alone.country == "AU" and alone.within is None


def test_a_small_district_abroad_and_a_town_named_by_an_old_spelling_give_way(geoparser):
    text = "Police in Cairo and Alexandria said clashes erupted in Haram and Abbasiya."
    cairo, alexandria, haram, abbasiya = resolve(geoparser, text, ["Cairo", "Alexandria", "Haram", "Abbasiya"])
    assert haram.country == "EG" and haram.within is not None
    assert abbasiya.country == "EG" and abbasiya.within is not None


def test_a_big_city_at_an_areas_point_is_its_seat_whichever_name_the_text_uses(tmp_path):
    path = tmp_path / "seat.sqlite"
    writer = GazetteerWriter.create(path)
    source = writer.source("tests", "1", "written by the tests")
    writer.add(PlaceRecord(name="Basra", lat=30.495, lon=47.84, country="IQ", feature_class="A", feature_code="ADM1",
                           admin1_code="02", population=2_500_000), [], source_id=source)
    writer.add(PlaceRecord(name="Basrah", lat=30.508, lon=47.78, country="IQ", feature_class="P", feature_code="PPL",
                           admin1_code="02", population=1_300_000), [("Basra", NameKind.ALTERNATE)], source_id=source)
    writer.finish({"built_by": "tests"})
    g = Geoparser(gazetteer_path=path)
    try:
        [basra] = resolve(g, "Protesters gathered in Basra.", ["Basra"])
        [province] = resolve(g, "Protesters gathered across Basra province.", ["Basra"])
    finally:
        g.close()
    assert basra.feature_class == "P" and province.feature_code == "ADM1"


def test_an_oblast_called_after_its_city_gives_way_to_the_city(tmp_path):
    path = tmp_path / "oblast.sqlite"
    writer = GazetteerWriter.create(path)
    source = writer.source("tests", "1", "written by the tests")
    writer.add(PlaceRecord(name="Zaporizka", lat=47.3, lon=35.6, country="UA", feature_class="A", feature_code="ADM1",
                           admin1_code="26", population=1_600_000), [("Zaporizhzhia", NameKind.ALTERNATE)],
               source_id=source)
    writer.add(PlaceRecord(name="Zaporizhzhya", lat=47.84, lon=35.14, country="UA", feature_class="P",
                           feature_code="PPL", admin1_code="26", population=710_000),
               [("Zaporizhzhia", NameKind.ALTERNATE)], source_id=source)
    writer.finish({"built_by": "tests"})
    g = Geoparser(gazetteer_path=path)
    try:
        [city] = resolve(g, "Missiles hit Zaporizhzhia.", ["Zaporizhzhia"])
    finally:
        g.close()
    assert city.feature_class == "P"


def test_a_small_town_of_an_unnamed_country_far_away_is_no_reading(tmp_path):
    path = tmp_path / "homeland.sqlite"
    writer = GazetteerWriter.create(path)
    source = writer.source("tests", "1", "written by the tests")
    for name, lat, lon, cc, pop in (("Homeland", 33.74, -117.11, "US", 7_000), ("Djibo", 14.10, -1.63, "BF", 60_000),
                                    ("Kaya", 13.09, -1.08, "BF", 120_000)):
        writer.add(PlaceRecord(name=name, lat=lat, lon=lon, country=cc, feature_class="P", feature_code="PPL",
                               population=pop), [], source_id=source)
    writer.finish({"built_by": "tests"})
    g = Geoparser(gazetteer_path=path)
    try:
        places = resolve(g, "Convoys left Djibo and Kaya. Volunteers for the Defence of the Homeland escorted them.",
                         ["Djibo", "Kaya", "Homeland"])
    finally:
        g.close()
    assert places[2].country == "BF" and places[2].within is not None


def test_a_small_capital_at_its_provinces_point_is_what_the_name_means(tmp_path):
    path = tmp_path / "jenin.sqlite"
    writer = GazetteerWriter.create(path)
    source = writer.source("tests", "1", "written by the tests")
    writer.add(PlaceRecord(name="Jenin", lat=32.429, lon=35.164, country="PS", feature_class="A", feature_code="ADM1",
                           admin1_code="JEN", population=105_000), [], source_id=source)
    writer.add(PlaceRecord(name="Janin", lat=32.459, lon=35.301, country="PS", feature_class="P", feature_code="PPL",
                           admin1_code="JEN", population=35_000), [("Jenin", NameKind.ALTERNATE)], source_id=source)
    writer.add(PlaceRecord(name="Jenin", lat=52.7, lon=15.1, country="PL", feature_class="P", feature_code="PPL",
                           population=1_100), [], source_id=source)  # a village whose own name it is
    writer.finish({"built_by": "tests"})
    g = Geoparser(gazetteer_path=path)
    try:
        [city] = resolve(g, "Troops raided the refugee camp in Jenin.", ["Jenin"])
    finally:
        g.close()
    assert city.feature_class == "P" and city.country == "PS"


def test_a_region_of_the_projects_table_is_what_its_bare_name_means(tmp_path):
    path = tmp_path / "gaza.sqlite"
    writer = GazetteerWriter.create(path)
    project = writer.source("wirecoder-regions", "1", "Apache-2.0")
    packages = writer.source("tests", "1", "written by the tests")
    writer.add(PlaceRecord(name="Gaza Strip", lat=31.42, lon=34.36, country="PS", feature_class="L",
                           feature_code="RGN"), [("Gaza", NameKind.PRIMARY)], source_id=project)
    writer.add(PlaceRecord(name="Gaza", lat=-23.5, lon=32.8, country="MZ", feature_class="A", feature_code="ADM1",
                           admin1_code="02", population=1_400_000), [], source_id=packages)
    writer.finish({"built_by": "tests"})
    g = Geoparser(gazetteer_path=path)
    try:
        [gaza] = resolve(g, "Israeli strikes hit Gaza on Monday.", ["Gaza"])
    finally:
        g.close()
    assert gaza.name == "Gaza Strip"
