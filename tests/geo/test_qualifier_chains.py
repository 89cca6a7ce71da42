"""Qualifier chains ("X (Y, Z)", "X, Y", "X town (Y)", "the village of X", "X in Y"): the names they make places and
the candidates their areas keep. Sentences and places are the tests' own (invented names, real country codes)."""
import pytest

from geo_helpers import area, geoparser_over, town

from wirecoder.errors import WirecoderError
from wirecoder.geo.chains import ChainReader
from wirecoder.geo.qualify import holds
from wirecoder.geo.store import Entry, NameKind
from wirecoder.geo.writer import PlaceRecord


def chains(text):
    return [([(link.text, link.kind) for link in c.links], c.joins, c.cued) for c in ChainReader().find(text)]


def test_a_bracketed_chain_lists_the_areas_narrowest_first():
    assert chains("Herders protested in Vellor town (Dastra district, Mirrow), demanding water.") == [
        ([("Vellor", "town"), ("Dastra", "district"), ("Mirrow", None)], ("(", "("), True)]


def test_initials_after_a_name_are_its_kind_word_and_a_bracketed_acronym_is_no_chain():
    assert chains("Gunmen attacked Ombara (Keloti LGA, Suna).")[0][0] == [
        ("Ombara", None), ("Keloti", "lga"), ("Suna", None)]
    assert chains("an officer of the agency (NIA) was held") == []


def test_a_comma_chain_after_a_preposition_and_a_kind_word_chain():
    assert chains("Shelling was reported near Tarvik, Dorsk.") == [([("Tarvik", None), ("Dorsk", None)], (",",), True)]
    assert chains("a convoy in the Pelu Dar village of Mantak district, Orsa.")[0][:2] == (
        [("Pelu Dar", "village"), ("Mantak", "district"), ("Orsa", None)], ("of", ","))


def test_the_area_town_of_a_name_makes_no_chain_but_a_village_of_an_area_does():
    # "the West Bank city of Jenin": the city is the name after "of"; the name before it is its area, not a town
    # lying in it. A village or a neighbourhood lies in the area after "of", and "Ipekyolu town of Van" names its own
    # town (no "the" before it: no area's name used as an adjective)
    assert all(links[0] != ("Orsa Bank", "city") for links, _, _ in chains("Forces raided the northern Orsa Bank "
                                                                            "city of Tarvik."))
    assert chains("Gunmen shot a man in the Pelu Dar village of Mantak on Sunday.")[0][:2] == (
        [("Pelu Dar", "village"), ("Mantak", None)], ("of",))
    assert chains("A woman was abducted in Ombara town of Dorsk.")[0][:2] == (
        [("Ombara", "town"), ("Dorsk", None)], ("of",))


def test_a_direction_before_an_area_and_particles_inside_names():
    assert chains("in the outskirts of Tel Marun, northern Qasra province")[0][0] == [
        ("Tel Marun", None), ("Qasra", "province")]
    assert chains("troops shelled the village of Kufra in Jabal al-Hadid.")[0][0] == [
        ("Kufra", None), ("Jabal al-Hadid", None)]


def test_a_list_of_peers_is_no_chain_and_a_cue_alone_names_a_place():
    assert chains("Strikes hit Varna, Tolbo and Mesk.") == []
    assert chains("forces entered the village of Ostrin on Monday.") == [([("Ostrin", None)], (), True)]


def test_a_towns_possessive_before_a_part_it_calls_by_its_kind_makes_a_chain():
    # "Dorsk's Ombara district": the part, then the town whose part it is, as after "in" further along a chain; a
    # word between the name and its kind ("industrial area") and a hyphened adjective before the name ("Shia-majority")
    # leave the kind and the name as they are
    assert chains("Police dispersed workers in Dorsk's Ombara industrial area on Sunday.")[0][:2] == (
        [("Ombara", "area"), ("Dorsk", None)], ("in",))
    assert chains("A bomb went off in Tarvik's Shia-majority Pelu Dar neighbourhood.")[0][:2] == (
        [("Pelu Dar", "neighbourhood"), ("Tarvik", None)], ("in",))
    assert all(links[0][0] != "Ombara" for links, _, _ in chains("Dorsk's Ombara said on Sunday it would rebuild."))


def _entry(name, country, code, admin1_code, lat, lon, population=1000, place_id=1):
    return Entry(place_id, None, name, lat, lon, country, admin1_code, None, "A" if code.startswith(("ADM", "PCL"))
                 else "P", code, population, "tests", NameKind.PRIMARY)


def test_holds_by_codes_for_countries_and_provinces_and_by_reach_below():
    province = _entry("Mirrow", "PK", "ADM1", "05", 26.0, 68.0, place_id=1)
    district = _entry("Dastra", "PK", "ADM2", "05", 27.5, 68.2, place_id=2)
    near = _entry("Vellor", "PK", "PPL", "05", 27.3, 68.0, place_id=3)
    far = _entry("Vellor", "PK", "PPL", "05", 25.0, 67.0, place_id=4)
    abroad = _entry("Vellor", "IN", "PPL", "24", 27.3, 68.0, place_id=5)
    assert holds(province, near) and holds(province, far) and not holds(province, abroad)
    assert holds(district, near) and not holds(district, far) and not holds(district, abroad)


GAZETTEER = [
    area("Mirrow", 26.0, 68.0, "PK", 20_000_000, admin1_code="05"),
    area("Dastra", 27.5, 68.2, "PK", 600_000, code="ADM2", admin1_code="05"),
    town("Dastra", 27.56, 68.21, "PK", 360_000, admin1_code="05"),
    town("Vellor", 24.9, 72.8, "IN", 5_000, admin1_code="24"),  # a namesake abroad
    area("Dorsk", 48.0, 37.8, "UA", 4_000_000, admin1_code="05"),
    town("Tarvik", 47.0, 35.6, "UA", 500, admin1_code="26"),  # a namesake in another province
    town("Tarvik", 48.2, 37.9, "UA", 400, admin1_code="05"),
    town("Tarvik", 52.0, 21.0, "PL", 90_000, admin1_code="78"),  # a big namesake abroad
    town("Kelmar", 40.7, 46.4, "AZ", 330_000, admin1_code="20"),
    town("Oskan", 40.8, 47.0, "AZ", 100_000, admin1_code="36"),
    area("Pakistan", 30.0, 70.0, "PK", 200_000_000, code="PCLI"),
]


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("chains") / "gaz.sqlite", GAZETTEER) as g:
        yield g


def places(geoparser, nlp, text):
    return {p.span.text: p for p in geoparser.places_in_doc(nlp(text), text=text)}


def test_an_unknown_village_goes_within_the_most_specific_area_of_its_chain(geoparser, nlp):
    got = places(geoparser, nlp, "On Monday, herders protested in Bhelu town (Dastra, Mirrow) over water.")
    bhelu = got["Bhelu"]
    assert bhelu.within is not None and bhelu.within.text == "Dastra"
    assert bhelu.country == "PK" and bhelu.geo_precision == 2 and bhelu.geonameid is None
    assert abs(bhelu.lat - got["Dastra"].lat) < 1e-9


def test_a_namesake_abroad_gives_way_to_the_chain(geoparser, nlp):
    vellor = places(geoparser, nlp, "Gunmen attacked Vellor (Dastra, Mirrow) at night.")["Vellor"]
    assert vellor.country == "PK" and vellor.within is not None and vellor.within.text == "Dastra"


def test_a_comma_qualifier_keeps_the_namesake_inside_its_province(geoparser, nlp):
    tarvik = places(geoparser, nlp, "Troops fired mortars near Tarvik, Dorsk, on Tuesday.")["Tarvik"]
    assert (tarvik.country, round(tarvik.lat, 1)) == ("UA", 48.2)


def test_two_towns_after_a_comma_are_peers_not_a_chain(geoparser, nlp):
    got = places(geoparser, nlp, "Shells fell in Kelmar, Oskan on Sunday.")
    assert got["Kelmar"].within is None and round(got["Kelmar"].lat, 1) == 40.7
    assert got["Oskan"].within is None


def test_a_name_after_the_village_of_is_a_place_even_when_no_one_knows_it(geoparser, nlp):
    got = places(geoparser, nlp, "In Mirrow province, troops shelled the village of Qorzat on Friday.")
    assert "Qorzat" in got and got["Qorzat"].country == "PK"


def test_the_chain_word_lists_load_and_hold_no_duplicates():
    from wirecoder.geo.chains import chain_lexicon
    from wirecoder.lexicon import parse_lexicon

    lex = chain_lexicon()
    assert "lga" in lex.words("kind_words") and "near" in lex.words("head_cues")
    with pytest.raises(WirecoderError):
        parse_lexicon([(1, ["kind_words", "town"]), (2, ["kind_words", "town"])], name="t", source="t.tsv")


def test_initials_after_the_first_area_and_names_in_lower_then_upper_case_belong_to_the_chain():
    assert chains("workers protested in Dorvali town (Kestran, AP) on Monday")[0][0] == [
        ("Dorvali", "town"), ("Kestran", None), ("AP", None)]
    assert chains("residents marched in Umlazi (eMvoti, Kwa-Seko)")[0][0] == [
        ("Umlazi", None), ("eMvoti", None), ("Kwa-Seko", None)]


def test_particles_inside_a_name_and_a_plural_kind_word_opening_a_list():
    assert chains("On Monday, in San Pedro de los Altos, Veralta, police fired.")[0][0] == [
        ("San Pedro de los Altos", None), ("Veralta", None)]
    found = chains("Gunmen attacked the Ruvo villages of Atta, Bemba, Corra and Dessa (Lomo, Tessa).")
    assert found[0] == ([("Atta", None)], (), True)  # a place of a list, not the area of the next one
    assert not any(("Bemba", None) in links[1:] for links, _, _ in found)


def test_a_chain_after_in_goes_on_past_a_kind_word_of():
    assert chains("a camp in the outskirts of Kerry in the northern countryside of Idrab.")[0][0] == [
        ("Kerry", None), ("Idrab", None)]


NAMESAKES = [
    town("Kerry", 38.0, -85.0, "US", 5_000, admin1_code="KY"),
    town("Idrab", 35.9, 36.6, "SY", 160_000, admin1_code="09"),
    area("Idrab", 35.8, 36.7, "SY", 1_500_000, admin1_code="09"),
    town("Santa Lucia", 20.0, -99.0, "MX", 2_000, admin1_code="13"),
    town("Bogara", 4.6, -74.1, "CO", 7_000_000, code="PPLC", admin1_code="34"),
    area("Morabad", 33.7, 73.1, "PK", 2_000_000, admin1_code="08"),
    area("Alvan", 34.8, 70.1, "AF", 100_000, code="ADM2", admin1_code="18"),
    area("Lagmar", 34.7, 70.2, "AF", 450_000, admin1_code="18"),
    (PlaceRecord(name="Acarta", lat=16.86, lon=-99.89, country="MX", feature_class="P", feature_code="PPL",
                 admin1_code="12", admin1="Guerra", population=650_000), []),
    (PlaceRecord(name="Guerra", lat=17.6, lon=-99.9, country="MX", feature_class="A", feature_code="ADM1",
                 admin1_code="12", admin1="Guerra", population=3_500_000), []),
]


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("namesakes") / "gaz.sqlite", NAMESAKES) as g:
        yield g


def test_a_small_namesake_abroad_gives_way_to_a_city_after_a_comma(namesakes, nlp):
    got = places(namesakes, nlp, "Workers protested in front of a court in Santa Lucia, Bogara, on Tuesday.")
    assert got["Santa Lucia"].country == "CO" and got["Santa Lucia"].within.text == "Bogara"


def test_a_place_outside_its_countryside_or_area_of_is_a_namesake(namesakes, nlp):
    got = places(namesakes, nlp, "A girl was killed in a camp in the outskirts of Kerry in the northern countryside "
                                 "of Idrab.")
    assert got["Kerry"].country == "SY"
    got = places(namesakes, nlp, "Militants shot a farmer in Morabad area of Alvan district, Lagmar.")
    assert got["Morabad"].country == "AF" and got["Morabad"].within.text == "Alvan"


def test_an_unknown_name_takes_the_most_specific_place_of_its_sentence(namesakes, nlp):
    got = places(namesakes, nlp, "In Acarta, Guerra, a crowd protested near Zoltepa park on Monday.")
    assert got["Zoltepa"].within.text == "Acarta" and got["Zoltepa"].geo_precision == 2


PARTS = [
    town("Korvale", -22.8, -43.0, "BR", 1_000_000, admin1_code="21"),
    area("Rio Branco Grande", -22.5, -43.0, "BR", 16_000_000, admin1_code="21"),
    town("Rio Branco Grande", -22.9, -43.2, "BR", 6_000_000, admin1_code="21"),
    town("Santa Vela", -19.8, -43.8, "BR", 200_000, admin1_code="15"),  # a namesake 400 km away
    town("Rapura", 23.57, 70.65, "IN", 26_000, admin1_code="09"),
    area("Kachra", 23.2, 69.7, "IN", 2_000_000, code="ADM2", admin1_code="09"),
    town("Hamira", 25.95, 80.15, "IN", 70_000, admin1_code="36"),  # a bigger namesake afar
    town("Uitvale", -33.76, 25.40, "ZA", 100_000, admin1_code="05"),
    area("Oostkaap", -32.2, 26.6, "ZA", 6_500_000, admin1_code="05"),
    area("Somalia", 6.0, 48.0, "SO", 15_000_000, code="PCLI"),
    town("Dinsor", 2.41, 42.98, "SO", 20_000, admin1_code="04"),
    area("Bayo", 2.88, 43.51, "SO", 180_000, admin1_code="04"),
]


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("parts") / "gaz.sqlite", PARTS) as g:
        yield g


def test_a_neighbourhood_lies_by_the_town_named_before_it(parts, nlp):
    got = places(parts, nlp, "In Korvale, Rio Branco Grande, police raided a house in the Santa Vela neighborhood.")
    assert got["Santa Vela"].within.text == "Korvale" and got["Santa Vela"].geo_precision == 2


def test_a_village_near_a_town_of_a_chain_is_there_not_at_a_namesake(parts, nlp):
    got = places(parts, nlp, "Men attacked a family in Hamira village near Rapura town (Kachra, Gujra), killing two.")
    assert got["Hamira"].within.text == "Rapura"


def test_an_unknown_facility_opening_with_a_town_of_the_chain_is_at_the_town(parts, nlp):
    got = places(parts, nlp, "Nurses protested outside the Uitvale Provincial Hospital (Port Zyx Bay, Oostkaap).")
    assert got["Uitvale Provincial Hospital"].name == "Uitvale"


def test_a_country_before_near_opens_no_chain(parts, nlp):
    got = places(parts, nlp, "A delegate of the Govt of Somalia was killed near Gorrod village (Dinsor, Bayo).")
    assert got["Gorrod"].within.text == "Dinsor" and got["Somalia"].within is None


AREAS = [
    town("Santa Rosa", 13.99, -89.56, "SV", 250_000, admin1_code="11"),
    area("Santa Rosa", 14.12, -89.57, "SV", 500_000, admin1_code="11"),
    town("Santa Rosa", 38.44, -122.71, "US", 180_000, admin1_code="CA"),  # a bigger namesake abroad
    town("Marlo", 32.57, -115.0, "MX", 5_000, admin1_code="02"),
    town("Nuevo Campo", 32.41, -115.19, "MX", 3_000, admin1_code="02"),  # a namesake town beside the namesake
    area("Nuevo Campo", 25.5, -99.9, "MX", 5_000_000, admin1_code="19"),
    town("Kerala Vale", 8.49, 76.95, "IN", 950_000, admin1_code="13"),
    town("Kula Lampa", 3.14, 101.69, "MY", 1_500_000, code="PPLC", admin1_code="14", names=[("KL", NameKind.ALTERNATE)]),
    town("Tholo", -16.07, 35.14, "MW", 7_000, admin1_code="S"),
    area("Tholo", -16.08, 35.18, "MW", 600_000, admin1_code="S.05"),
    area("Southland", 31.0, 34.9, "IL", 1_000_000, admin1_code="01"),
    area("Southland", -24.0, 25.0, "BW", 200_000, admin1_code="10"),
    area("Southland", 6.1, 80.5, "LK", 2_500_000, admin1_code="34"),
]


@pytest.fixture(scope="module")
def areas(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("areas") / "gaz.sqlite", AREAS) as g:
        yield g


def test_a_name_in_brackets_after_itself_is_its_area(areas, nlp):
    got = geo_places(areas, nlp, "On Monday, in Santa Rosa (Santa Rosa), workers protested at a factory.")
    assert [(p.country, p.feature_class) for p in got] == [("SV", "P"), ("SV", "A")]


def test_a_qualifier_that_names_an_area_holding_nothing_makes_no_chain_of_namesake_towns(areas, nlp):
    marlo = places(areas, nlp, "On Friday, in Marlo, Nuevo Campo, a man was shot.")["Marlo"]
    assert marlo.within is not None and marlo.within.text == "Nuevo Campo"


def test_a_kind_word_written_small_after_an_unknown_name_is_not_part_of_it(areas, nlp):
    for text, name in (("Fishermen protested in Rakuna village (Kerala Vale, KL) on Monday.", "Rakuna"),
                       ("Police fired on protesters in Kelimba city on Sunday.", "Kelimba")):
        got = places(areas, nlp, text)
        assert name in got and not any(key.endswith(("village", "city")) for key in got), got


def test_initials_alone_prove_nothing_of_a_chain(areas, nlp):
    got = places(areas, nlp, "Fishermen protested in Pullavi village (Kerala Vale, KL) on Monday.")
    assert got["Pullavi"].country == "IN" and got["Pullavi"].within.text == "Kerala Vale"  # the name, its kind after it
    assert "KL" not in got
    alone = places(areas, nlp, "Fishermen protested in Pullavi village (Tiruvaram, KL) on Monday.")
    assert all(p.country != "MY" for p in alone.values())


def test_an_area_holds_its_own_seat_and_a_name_of_areas_in_many_countries_proves_no_namesake(areas, nlp):
    got = geo_places(areas, nlp, "Supporters were assaulted in Tholo (Tholo, Southland) on Sunday.")
    assert got[0].country == "MW" and got[0].feature_class == "P" and got[0].within is None


def geo_places(geoparser, nlp, text):
    return geoparser.places_in_doc(nlp(text), text=text)


def test_local_government_area_in_words_is_the_kind_lga_and_not_part_of_the_name():
    assert chains("Gunmen stormed a church in Awon, Keloti Local Government Area of Suna State.")[0][0] == [
        ("Awon", None), ("Keloti", "lga"), ("Suna State", "state")]
    assert chains("Gunmen attacked Ombara in Keloti local government area on Sunday.")[0][0] == [
        ("Ombara", None), ("Keloti", "lga")]


def test_a_local_government_area_is_the_area_not_the_town_of_its_name(tmp_path, nlp):
    gazetteer = [area("Suna", 10.3, 7.7, "NG", 6_000_000, admin1_code="18"),
                 area("Keloti", 9.9, 7.9, "NG", 30_000, code="ADM2", admin1_code="18"),
                 town("Keloti", 9.87, 7.95, "NG", 30_000, admin1_code="18")]
    with geoparser_over(tmp_path / "gaz.sqlite", gazetteer) as g:
        for text in ("Gunmen abducted 14 worshippers in Awon, a community in Keloti Local Government Area of Suna "
                     "State, on Sunday.", "Gunmen abducted 14 worshippers in Awon, Keloti Local Government Area of "
                     "Suna State, on Sunday."):
            got = {p.span.text: p for p in g.places_in_doc(nlp(text), text=text)}
            assert got["Keloti"].feature_code == "ADM2", text
            assert got["Awon"].within is not None and got["Awon"].within.text == "Keloti", text


def test_a_name_the_tagger_takes_for_a_person_with_an_area_word_stays_a_place(tmp_path, nlp):
    gazetteer = [area("Suna", 10.3, 7.7, "NG", 6_000_000, admin1_code="18"),
                 area("Kassu", 9.9, 7.9, "NG", 30_000, code="ADM2", admin1_code="18")]
    text = ("Gunmen attacked Ombara community in Kassu Local Government Area on Saturday night. The chairman of "
            "Kassu LGA condemned the killings.")
    doc = nlp(text)
    assert any(e.label_ == "PERSON" and e.text == "Kassu LGA" for e in doc.ents)  # what the test is about
    with geoparser_over(tmp_path / "gaz.sqlite", gazetteer) as g:
        got = [p.span.text for p in g.places_in_doc(doc, text=text)]
    assert got.count("Kassu") == 2


def test_a_village_the_tagger_takes_for_a_person_is_placed_by_its_apposition(tmp_path, nlp):
    gazetteer = [area("Suna", 10.3, 7.7, "NG", 6_000_000, admin1_code="18"),
                 area("Kassu", 9.9, 7.9, "NG", 30_000, code="ADM2", admin1_code="18")]
    text = "Gunmen killed 11 people in an attack on Kwall, a community in Kassu Local Government Area of Suna State."
    doc = nlp(text)
    assert any(e.label_ == "PERSON" and e.text == "Kwall" for e in doc.ents)  # what the test is about
    with geoparser_over(tmp_path / "gaz.sqlite", gazetteer) as g:
        got = {p.span.text: p for p in g.places_in_doc(doc, text=text)}
    assert "Kwall" in got and got["Kwall"].within is not None and got["Kwall"].within.text == "Kassu"


def test_a_capitalised_word_that_is_also_a_particle_ends_a_name_and_is_no_particle():
    assert chains("Soldiers clashed with rebels in Vellor, Dastra del Sur.")[0][0] == [
        ("Vellor", None), ("Dastra del Sur", None)]


def test_the_russian_imeni_named_after_is_a_particle_inside_a_name():
    assert chains("Shells fell in the area of Zavod imeni Vellora, Dastra.")[0][0] == [
        ("Zavod imeni Vellora", None), ("Dastra", None)]


def test_a_facility_of_a_town_in_lower_case_names_the_town():
    assert chains("rebels attacked the police station of Ostrin on Sunday.") == [([("Ostrin", None)], (), True)]
    assert chains("strikes hit the market of Tel Marun in the western Qasra countryside.")[0][0] == [
        ("Tel Marun", None), ("Qasra", "countryside")]
    assert chains("a man was shot in Port of Ostrin city on Monday.") == []  # "Port" is the name's own word
    assert chains("a bomb went off near the bazaar of Ostrin as a patrol passed.") == [([("Ostrin", None)], (), True)]
