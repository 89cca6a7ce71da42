"""Names as analysts' notes write them: initials and currencies that are no places, other writings of a name
("Ar-Raqqa", "Zolote-5"), chains with a possessive or two kind words, namesakes of a chain's area, and a province's
seat. Sentences and places are the tests' own (invented names, real country codes)."""
import pytest
from geo_helpers import area, geoparser_over, town

from wirecoder.geo.chains import ChainReader
from wirecoder.geo.store import NameKind

ALT = NameKind.ALTERNATE
GAZETTEER = [
    area("United States", 39.76, -98.5, "US", 327_000_000, code="PCLI", names=[("US", ALT)]),
    town("Is", 58.8, 59.7, "RU", 3_000, admin1_code="71"),
    town("Is-sur-Tille", 47.5, 5.1, "FR", 4_000, admin1_code="27", names=[("Is", ALT)]),
    area("Ravqa", 35.9, 39.0, "SY", 900_000, admin1_code="04"),
    town("Ravqa", 35.95, 39.01, "SY", 530_000, admin1_code="04"),
    town("Zolvote", 48.7, 38.5, "UA", 13_000, admin1_code="14"),
    town("Mansara", 31.0, 31.4, "EG", 620_000, admin1_code="05"),  # a big city abroad
    area("Mopra", 14.6, -3.8, "ML", 2_000_000, admin1_code="06"),
    area("Maldor", 17.0, -4.0, "ML", 19_000_000, code="PCLI"),
    town("Bogara", 4.6, -74.1, "CO", 7_000_000, code="PPLC", admin1_code="34"),
    town("Santa Lucia", 20.0, -99.0, "MX", 2_000, admin1_code="13"),
    town("Ecapan", 19.6, -99.0, "MX", 1_600_000, admin1_code="15", names=[("Santa Lucia", ALT)]),
    area("Santa Lucia", 18.4, -70.1, "DO", 300_000, admin1_code="33"),
    area("Korvat", 11.5, -6.7, "ML", 880_000, admin1_code="07"),
    town("Korvat", 11.3, -5.7, "ML", 350_000, admin1_code="07"),  # its seat, 110 km from the area's point
    area("Velmont", 52.0, -72.0, "CA", 8_000_000, admin1_code="10"),
    town("Velmont", 46.8, -71.2, "CA", 530_000, admin1_code="10"),  # a city of a province's name, a small share
    area("Marjoun", 33.4, 35.6, "LB", 100_000, code="ADM2", admin1_code="06"),
    town("Hulla", 34.9, 36.5, "SY", 21_000, admin1_code="11"),  # a namesake in the next country
    town("Port of Varos", 10.66, -61.51, "TT", 50_000, code="PPLC", admin1_code="05"),
    town("Port-en-Vale", 49.3, -0.7, "FR", 2_000, admin1_code="28", names=[("Port", ALT)]),
    area("Varos", 40.0, -4.0, "ES", 46_000_000, code="PCLI"),
    town("Kut e Abdol", 31.24, 48.65, "IR", 56_000, admin1_code="15"),
    town("Kut", 32.5, 45.8, "IQ", 300_000, admin1_code="08"),
    town("El Campo", 14.7, -92.2, "MX", 645, admin1_code="05"),
    area("Merla", 21.0, -89.6, "MX", 1_200_000, code="ADM2", admin1_code="31"),
    town("Merla", 20.97, -89.62, "MX", 1_200_000, admin1_code="31"),
    town("Merla", 40.9, -6.3, "ES", 60_000, admin1_code="57"),
    area("Merla", 8.4, -71.1, "VE", 820_000, admin1_code="14"),
    town("Merla", 8.6, -71.15, "VE", 300_000, admin1_code="14"),
    town("San Jorge", 18.47, -66.1, "PR", 420_000, code="PPLC", admin1_code="01"),
    town("Lagunas", 8.5, -71.4, "VE", 20_000, admin1_code="14"),
    area("Benito Ruiz", 19.37, -99.16, "MX", 1_000_000, code="ADM2", admin1_code="09"),  # a big district elsewhere
    area("Nueva Loma", 25.6, -99.9, "MX", 4_800_000, admin1_code="19"),
    area("Yemen", 15.5, 47.5, "YE", 28_000_000, code="PCLI"),
    area("Hudda", 14.9, 43.0, "YE", 870_000, admin1_code="08"),
    town("Al Jaha", 43.3, 5.6, "FR", 44_000, admin1_code="93"),  # a namesake abroad
]


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("notes") / "gaz.sqlite", GAZETTEER) as g:
        yield g


def places(geoparser, nlp, text):
    return {p.span.text: p for p in geoparser.places_in_doc(nlp(text), text=text)}


def test_a_country_naming_a_currency_and_a_groups_initials_are_no_places(geoparser, nlp):
    got = places(geoparser, nlp, "Protesters angry at the US dollar exchange rate blocked a road in Ravqa.")
    assert "US" not in got and "Ravqa" in got
    got = places(geoparser, nlp, "Militias destroyed five IS hideouts near Ravqa on Monday.")
    assert "IS" not in got
    assert "US" in places(geoparser, nlp, "The envoy flew back to the US on Monday.")
    assert "IS" not in places(geoparser, nlp, "Troops shelled IS positions near Ravqa.")


def test_a_hyphened_article_and_a_numbered_part_are_other_writings_of_a_name(geoparser, nlp):
    got = places(geoparser, nlp, "Gunmen killed a fighter near the traffic office in Ar-Ravqa city.")
    assert got["Ar-Ravqa"].country == "SY" and got["Ar-Ravqa"].feature_class == "P"
    got = places(geoparser, nlp, "Monitors recorded two explosions near Zolvote-5 on Monday.")
    assert got["Zolvote-5"].name == "Zolvote"


def test_a_city_said_to_lie_in_an_area_that_holds_none_of_its_namesakes_is_missing(geoparser, nlp):
    got = places(geoparser, nlp, "Gunmen shot a fighter in the town of Mansara in the western countryside of "
                                 "Ar-Ravqa on Friday.")
    assert got["Mansara"].country == "SY" and got["Mansara"].within is not None


def test_a_namesake_known_only_by_another_name_or_as_a_province_abroad_gives_way(geoparser, nlp):
    got = places(geoparser, nlp, "On Tuesday, in Santa Lucia, Bogara, a crowd demonstrated for food aid.")
    assert got["Santa Lucia"].country == "CO" and got["Santa Lucia"].within.text == "Bogara"


def test_a_region_named_with_its_country_in_the_possessive_holds_the_place(geoparser, nlp):
    reader = ChainReader()
    chain = reader.find("On Saturday, gunmen raided Ogossa, in Maldor's Mopra region, killing 30 villagers.")[0]
    assert [link.text for link in chain.links] == ["Ogossa", "Mopra", "Maldor"] and chain.joins == ("in", "in")
    got = places(geoparser, nlp, "On Saturday, gunmen raided Ogossa, in Maldor's Mopra region, killing 30 people.")
    assert got["Ogossa"].country == "ML" and got["Ogossa"].within.text == "Mopra"


def test_two_kind_words_after_a_name_and_an_area_word_inside_a_qualifier(geoparser, nlp):
    chain = ChainReader().find("Troops exchanged fire in Nausra sector area (Rajori district, Kashmir).")[-1]
    assert [link.text for link in chain.links][-3:] == ["Nausra", "Rajori", "Kashmir"]
    got = places(geoparser, nlp, "Soldiers built a post overlooking the town of Hulla in the Marjoun District.")
    assert got["Hulla"].country == "LB" and got["Hulla"].within is not None


def test_a_province_named_after_its_seat_means_the_seat_unless_the_city_is_a_small_share(geoparser, nlp):
    korvat = places(geoparser, nlp, "Police fired tear gas at demonstrators in Korvat on Monday.")["Korvat"]
    assert korvat.feature_class == "P"
    velmont = places(geoparser, nlp, "Teachers went on strike across Velmont on Monday.")["Velmont"]
    assert velmont.feature_class == "A"
    assert places(geoparser, nlp, "Fighting spread across Korvat province.")["Korvat"].feature_class == "A"


def test_a_name_that_runs_on_past_its_entity_is_one_place(geoparser, nlp):
    got = places(geoparser, nlp, "On Tuesday, in Port of Varos city, a man was shot by masked gunmen.")
    assert "Port of Varos" in got and got["Port of Varos"].country == "TT" and "Varos" not in got
    got = places(geoparser, nlp, "On Tuesday, workers in Kut e Abdol protested against unpaid wages.")
    assert got["Kut e Abdol"].country == "IR"


def test_an_outer_qualifier_settles_the_middle_one_and_a_capital_abroad_is_a_namesake(geoparser, nlp):
    got = places(geoparser, nlp, "On Monday, in El Campo, Merla, Merla state, residents burnt tyres.")
    assert got["El Campo"].country == "VE" and got["El Campo"].within is not None
    got = places(geoparser, nlp, "On Monday, inmates protested in San Jorge (Lagunas, Merla).")
    assert got["San Jorge"].country == "VE" and got["San Jorge"].within.text == "Lagunas"


def test_a_place_named_with_a_state_lies_in_it_whatever_its_namesakes_elsewhere(geoparser, nlp):
    got = places(geoparser, nlp, "On Saturday, in Benito Ruiz, Nueva Loma, a man was shot dead.")
    assert got["Benito Ruiz"].within is not None and got["Benito Ruiz"].within.text == "Nueva Loma"


def test_a_chain_after_to_names_a_place(geoparser, nlp):
    got = places(geoparser, nlp, "Fighters moving from the coast to Al Jaha in western Yemen (Hudda) clashed with "
                                 "troops.")
    assert got["Al Jaha"].country == "YE" and got["Al Jaha"].within is not None
