"""Names the gazetteer does not know are placed at the named place beside them, and say so; a country's other
name that is one of its first-level areas' own name means the area."""
import pytest

from geo_helpers import area, geoparser_over, resolve, town

from wirecoder.geo import Geoparser
from wirecoder.geo.store import NameKind


@pytest.fixture
def geoparser(shared_small_gazetteer):
    g = Geoparser(gazetteer_path=shared_small_gazetteer)
    yield g
    g.close()


def test_unknown_facility_takes_the_town_of_its_sentence(geoparser):
    hospital, basra = resolve(geoparser, "Doctors at Qwerty General Hospital in Basra treated the wounded.",
                              ["Qwerty General Hospital", "Basra"])
    assert (hospital.lat, hospital.lon, hospital.country) == (basra.lat, basra.lon, "IQ")
    assert hospital.within is not None and hospital.within.text == "Basra"
    assert hospital.geonameid is None and hospital.feature_code is None and hospital.name == "Qwerty General Hospital"
    assert hospital.geo_precision == 2 and basra.within is None


def test_unknown_name_prefers_its_own_sentence_over_an_earlier_town(geoparser):
    text = "Fighting was reported in Basra. Later, shells hit Zyxwv near Kabul."
    zyxwv = resolve(geoparser, text, ["Basra", "Zyxwv", "Kabul"])[1]
    assert zyxwv.country == "AF" and zyxwv.within.text == "Kabul"


def test_unknown_name_without_a_town_takes_the_earlier_one_then_the_country(geoparser):
    text = "Fighting was reported in Basra. Zyxwv was quiet."
    assert resolve(geoparser, text, ["Basra", "Zyxwv"])[1].within.text == "Basra"
    only_country = resolve(geoparser, "Iraq mourned. Zyxwv was quiet.", ["Iraq", "Zyxwv"])[1]
    assert only_country.country == "IQ" and only_country.geo_precision == 3
    two_countries = resolve(geoparser, "Iraq and Iran met. Zyxwv was quiet.", ["Iraq", "Iran", "Zyxwv"])[2]
    assert two_countries.lat is None and two_countries.within is None


def test_given_order_is_kept_when_spans_arrive_out_of_order(geoparser):
    text = "Shells hit Zyxwv near Kabul."
    kabul, zyxwv = geoparser.resolve_spans(text, [(22, 27), (11, 16)])
    assert kabul.span.text == "Kabul" and zyxwv.span.text == "Zyxwv" and zyxwv.within.text == "Kabul"


def test_a_nation_of_a_kingdom_is_the_nation_not_the_kingdom(tmp_path):
    places = [area("United Kingdom", 54.0, -2.0, "GB", 66_000_000, code="PCLI", geonameid=2635167,
                   names=[("Scotland", NameKind.ALTERNATE), ("Britain", NameKind.ALTERNATE)]),
              area("Scotland", 56.5, -4.2, "GB", 5_400_000, admin1_code="SCT", geonameid=2638360)]
    with geoparser_over(tmp_path / "gaz.sqlite", places) as g:
        scotland, britain = resolve(g, "Scotland voted; Britain waited.", ["Scotland", "Britain"])
    assert scotland.feature_code == "ADM1" and scotland.geonameid == 2638360
    assert britain.feature_code == "PCLI"


def test_unknown_name_takes_its_comma_qualifier_or_a_place_inside_it(geoparser):
    text = "Trials ran in Zyxwv, Iraq; later in Basra. Crowds filled Greater Kabul Qwertz."
    zyxwv, iraq, basra, kabul_area = resolve(geoparser, text, ["Zyxwv", "Iraq", "Basra", "Greater Kabul Qwertz"])
    assert zyxwv.within.text == "Iraq" and zyxwv.geo_precision == 3
    assert kabul_area.within.text == "Basra"  # Kabul is named nowhere else: the place named before it hosts it
    text = "Crowds filled Kabul. Traffic jammed Greater Kabul Qwertz and Basra."
    places = resolve(geoparser, text, ["Kabul", "Greater Kabul Qwertz", "Basra"])
    assert places[1].within.text == "Kabul" and places[1].country == "AF"


def test_unknown_name_opened_by_a_big_citys_name_is_placed_at_the_city(tmp_path):
    places = [town("Korvask", 48.0, 37.8, "XA", 900_000, admin1_code="05"),
              town("Oldport", 36.0, 140.0, "XB", 300_000, admin1_code="01"),
              town("San", 13.3, -4.9, "XC", 200_000, admin1_code="02"),
              town("Tesk", 50.0, 30.0, "XA", 2_000, admin1_code="07")]
    with geoparser_over(tmp_path / "opening.sqlite", places) as g:
        [station] = resolve(g, "Shells fell near Korvask Filtration Station.", ["Korvask Filtration Station"])
        [quarter] = resolve(g, "Shots were heard in Korvask-Petrivskyi.", ["Korvask-Petrivskyi"])
        [village] = resolve(g, "Shots were heard in San Juan de los Cerros.", ["San Juan de los Cerros"])
        [bay] = resolve(g, "A seal was seen at Oldport Bay.", ["Oldport Bay"])
        [small] = resolve(g, "Shots were heard in Tesk Mine.", ["Tesk Mine"])
    assert station.lat == 48.0 and station.geonameid is None and station.within.text == "Korvask"
    assert quarter.lat == 48.0 and quarter.within.text == "Korvask"
    # a name of its own joined by small words, a feature named after a far city, a small town: no such host
    assert village.lat is None and bay.lat is None and small.lat is None


def test_a_stray_namesake_gives_way_to_the_namesake_beside_the_storys_places(tmp_path):
    """Two districts share a name: the bigger lies 250 km from every place the story names, in a country it never
    names outright, the other (of no recorded people) beside the city it names. The near one is meant; only
    when no namesake lies near, and two places or more of the story lie far from it, is the name left to its
    context: one far place (the city the wounded were flown to) tells which namesake, not that none is."""
    entries = [town("Qorvat", 9.93, 8.89, "NG", 1_000_000, admin1_code="49"),
               area("Zembla", 7.80, 6.92, "NG", 15_000, code="ADM2", admin1_code="41"),
               area("Zembla", 9.94, 8.74, "NG", 0, code="ADM2", admin1_code="49"),
               town("Qorvat North", 10.0, 8.9, "NG", 400_000, admin1_code="49")]
    text = "Gunmen attacked a village in Zembla on Sunday, officials in Qorvat said."
    with geoparser_over(tmp_path / "g.sqlite", entries) as geoparser:
        zembla, qorvat = resolve(geoparser, text, ["Zembla", "Qorvat"])
        assert zembla.feature_code == "ADM2" and zembla.within is None and abs(zembla.lat - 9.94) < 0.01
    with geoparser_over(tmp_path / "h.sqlite", [entries[0], entries[1], entries[3]]) as geoparser:
        zembla = resolve(geoparser, text.replace("Qorvat said", "Qorvat and Qorvat North said"),
                         ["Zembla", "Qorvat", "Qorvat North"])[0]
        assert zembla.within is not None and zembla.within.text == "Qorvat"
        alone = resolve(geoparser, text, ["Zembla", "Qorvat"])[0]
        assert alone.feature_code == "ADM2" and alone.within is None and abs(alone.lat - 7.80) < 0.01
    abroad = [entries[0], area("Zembla", 7.80, 6.92, "XB", 15_000, code="ADM2", admin1_code="41")]
    with geoparser_over(tmp_path / "i.sqlite", abroad) as geoparser:  # of another country: the name is left
        zembla = resolve(geoparser, text, ["Zembla", "Qorvat"])[0]
        assert zembla.within is not None and zembla.within.text == "Qorvat"
