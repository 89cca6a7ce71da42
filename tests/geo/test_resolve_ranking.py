import pytest
from geo_helpers import resolve

from wirecoder.geo import Geoparser, geo_precision
from wirecoder.geo.points import distance_km
from wirecoder.geo.resolve import Resolver


@pytest.fixture
def geoparser(shared_small_gazetteer):
    g = Geoparser(gazetteer_path=shared_small_gazetteer)
    yield g
    g.close()


def test_resolve_prefers_the_prominent_place_without_context(geoparser):
    [paris] = resolve(geoparser, "Talks opened in Paris.", ["Paris"])
    assert paris.country == "FR" and paris.feature_code == "PPLC"


def test_resolve_prefers_a_place_in_an_admin_area_the_article_names(geoparser):
    paris, texas = resolve(geoparser, "Storms hit Paris, Texas, on Monday.", ["Paris", "Texas"])
    assert (paris.country, paris.admin1) == ("US", "Texas")
    assert texas.feature_code == "ADM1"


def test_resolve_a_name_never_supports_itself(geoparser):
    # two mentions of the same ambiguous name give no context to each other
    places = resolve(geoparser, "Paris. Paris.", ["Paris", "Paris"])
    assert {p.country for p in places} == {"FR"}


def test_resolve_prefers_the_town_over_a_same_name_area_around_it(geoparser):
    [gadabay] = resolve(geoparser, "Shells fell on Gadabay.", ["Gadabay"])
    assert gadabay.feature_class == "P" and gadabay.geo_precision == 1


def test_resolve_takes_the_area_when_the_text_calls_it_one(geoparser):
    [gadabay] = resolve(geoparser, "Shells fell on Gadabay district.", ["Gadabay"])
    assert gadabay.feature_code == "ADM1"


def test_resolve_unknown_span_comes_back_unresolved_not_dropped(geoparser):
    places = resolve(geoparser, "Atlantis sank. The Qwertzuiop tribe mourned.", ["Atlantis", "Qwertzuiop"])
    assert [p.span.text for p in places] == ["Atlantis", "Qwertzuiop"]
    assert all(p.lat is None and p.geonameid is None and p.within is None for p in places)


def test_resolve_reads_demonyms_and_abbreviations_only_as_written(geoparser):
    american, us = resolve(geoparser, "American aid reached the US.", ["American", "US"])
    assert american.country == "US" and us.country == "US"
    [lower] = resolve(geoparser, "give it to us", ["us"])
    assert lower.lat is None


def test_resolve_strips_possessives_and_direction_words(geoparser):
    iraq, basra = resolve(geoparser, "Iraq's oil flows from southern Basra.", ["Iraq's", "southern Basra"])
    assert iraq.country == "IQ" and basra.name == "Basra"


def test_geo_precision_follows_acled():
    from wirecoder.geo.store import Entry, NameKind
    base = dict(place_id=1, geonameid=1, name="x", lat=0.0, lon=0.0, country="AZ", admin1_code=None, admin1=None,
                population=0, source="t", kind=NameKind.PRIMARY)
    assert geo_precision(Entry(feature_class="P", feature_code="PPL", **base)) == 1
    assert geo_precision(Entry(feature_class="A", feature_code="ADM2", **base)) == 2
    assert geo_precision(Entry(feature_class="A", feature_code="ADM1", **base)) == 3
    assert geo_precision(Entry(feature_class="A", feature_code="ADM1", **base), area_word="district") == 2
    assert geo_precision(Entry(feature_class="A", feature_code="PCLI", **base), area_word="district") == 3
    assert geo_precision(None) == 3


def test_distance_km_is_great_circle():
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert distance_km(40.68, 46.36, 40.68, 46.36) == 0


def test_resolver_prior_rewards_population_and_direct_names(shared_small_gazetteer):
    from wirecoder.geo.store import Gazetteer
    with Gazetteer(shared_small_gazetteer) as gaz:
        fr, us = sorted(gaz.lookup("Paris"), key=lambda e: e.country != "FR")
        resolver = Resolver()
        assert resolver.prior(fr) > resolver.prior(us)
        assert resolver.prior(us, "settlement") > resolver.prior(us)


def test_resolve_spans_given_out_of_order_come_back_in_the_given_order(geoparser):
    text = "Storms hit Paris, Texas, on Monday."
    texas, paris = geoparser.resolve_spans(text, [(18, 23), (11, 16)])
    assert (texas.span.text, paris.span.text) == ("Texas", "Paris")
    assert paris.admin1 == "Texas"  # the qualifier is read in text order


def test_resolve_spans_call_an_area_a_district_when_the_text_does(geoparser):
    [gadabay] = resolve(geoparser, "Shells fell on Gadabay district.", ["Gadabay"])
    assert gadabay.geo_precision == 2


def _entry(place_id, name, lat, lon, country, fclass, fcode, population, kind=None, admin1_code=None):
    from wirecoder.geo.store import Entry, NameKind
    return Entry(place_id, None, name, lat, lon, country, admin1_code, None, fclass, fcode, population, "tests",
                 kind if kind is not None else NameKind.PRIMARY)


def test_resolve_an_ocean_by_its_bare_name_beats_small_towns_named_after_it_even_in_their_country():
    from wirecoder.geo.resolve import Mention
    ocean = _entry(1, "Pacific Ocean", 0.0, -160.0, None, "H", "OCN", 0)
    town = _entry(2, "Pacific", 38.48, -90.74, "US", "P", "PPL", 7_000)
    county = _entry(3, "Pacific County", 46.5, -123.7, "US", "A", "ADM2", 22_000)
    country = _entry(4, "United States", 39.76, -98.5, "US", "A", "PCLI", 327_000_000)
    ranked = Resolver().rank([Mention("United States", (country,)), Mention("Pacific", (town, county, ocean))])
    assert ranked[1].entry == ocean
    called_a_town = Resolver().rank([Mention("United States", (country,)),
                                     Mention("Pacific", (town, county, ocean), hint="settlement")])
    assert called_a_town[1].entry == town


def test_resolve_a_big_city_shadows_the_same_name_province_far_from_it_unless_called_an_area():
    from wirecoder.geo.resolve import Mention
    province = _entry(1, "Buenos Aires", -36.7, -60.0, "AR", "A", "ADM1", 15_000_000, admin1_code="01")
    city = _entry(2, "Buenos Aires", -34.61, -58.38, "AR", "P", "PPLC", 3_000_000)
    [plain] = Resolver().rank([Mention("Buenos Aires", (province, city))])
    assert plain.entry == city
    [area] = Resolver().rank([Mention("Buenos Aires", (province, city), hint="area")])
    assert area.entry == province


def test_resolve_a_city_known_only_by_an_alternate_name_leaves_the_area_whose_own_name_it_is():
    from wirecoder.geo.store import NameKind
    from wirecoder.geo.resolve import Mention
    state = _entry(1, "New York", 42.9, -75.5, "US", "A", "ADM1", 19_000_000, admin1_code="NY")
    city = _entry(2, "New York City", 40.71, -74.01, "US", "P", "PPL", 8_800_000, kind=NameKind.ALTERNATE)
    [got] = Resolver().rank([Mention("New York", (state, city))])
    assert got.entry == state


def test_resolve_a_town_qualified_by_an_area_reads_the_qualifier_as_the_area(geoparser):
    paris, texas = resolve(geoparser, "Storms hit Paris, Texas.", ["Paris", "Texas"])
    assert texas.feature_code == "ADM1" and paris.admin1 == "Texas"


def test_resolve_a_small_town_named_after_a_state_of_its_country_gives_way_to_the_state():
    from wirecoder.geo.resolve import Mention
    state = _entry(1, "Oregon", 43.9, -120.6, "US", "A", "ADM1", 4_000_000, admin1_code="OR")
    town = _entry(2, "Oregon", 41.64, -83.49, "US", "P", "PPL", 20_000, admin1_code="OH")
    ohio = _entry(3, "Ohio", 40.3, -82.8, "US", "A", "ADM1", 11_000_000, admin1_code="OH")
    ranked = Resolver().rank([Mention("Ohio", (ohio,)), Mention("Oregon", (state, town))])
    assert ranked[1].entry == state
    [called_a_town] = Resolver().rank([Mention("Oregon", (state, town), hint="settlement")])
    assert called_a_town.entry == town


def test_resolve_a_list_of_towns_is_not_read_as_town_and_qualifying_area(geoparser):
    # "Tovuz, Gadabay": Gadabay (a town, and an area around it) holds no Tovuz, so it is no qualifier
    tovuz, gadabay = resolve(geoparser, "Shells hit Tovuz, Gadabay and villages.", ["Tovuz", "Gadabay"])
    assert gadabay.feature_code == "PPL"


def test_resolve_a_short_form_before_upon_counts_as_the_places_own_name_but_not_before_a_kind_word():
    from wirecoder.geo.store import NameKind
    from wirecoder.geo.resolve import Mention
    tyne = _entry(1, "Newcastle upon Tyne", 54.97, -1.61, "GB", "P", "PPL", 192_000, kind=NameKind.ALTERNATE)
    small = _entry(2, "Newcastle", 54.2, -5.9, "GB", "P", "PPL", 7_400)
    [got] = Resolver().rank([Mention("Newcastle", (small, tyne))])
    assert got.entry.name == "Newcastle upon Tyne"
    county = _entry(3, "Delaware County", 40.0, -75.4, "US", "A", "ADM2", 560_000, kind=NameKind.ALTERNATE)
    state = _entry(4, "Delaware", 39.0, -75.5, "US", "A", "ADM1", 970_000, admin1_code="DE")
    [delaware] = Resolver().rank([Mention("Delaware", (county, state))])
    assert delaware.entry == state


@pytest.mark.parametrize("text", ["Storms hit the Texas city of Paris on Monday.",
                                  "Storms hit the American city of Paris on Monday."])
def test_resolve_a_kind_of_place_word_qualified_by_an_area_or_nationality_places_the_name_in_it(geoparser, text):
    [paris] = resolve(geoparser, text, ["Paris"])
    assert paris.country == "US"


def test_resolve_without_a_qualifier_the_kind_of_place_word_leaves_the_prominent_place(geoparser):
    [paris] = resolve(geoparser, "Storms hit the city of Paris on Monday.", ["Paris"])
    assert paris.country == "FR"


def test_resolve_a_list_of_one_countrys_areas_reads_each_member_as_an_area():
    from wirecoder.geo.area_lists import lists_of_areas
    from wirecoder.geo.resolve import Mention
    text = "Cases in Alberta, Manitoba, Ontario and Quebec rose."
    names = ["Alberta", "Manitoba", "Ontario", "Quebec"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    provinces = [_entry(i, n, 50.0 + i, -100.0 - 5 * i, "CA", "A", "ADM1", 4_000_000, admin1_code=str(i))
                 for i, n in enumerate(names)]
    town = _entry(10, "Ontario", 34.06, -117.65, "US", "P", "PPL", 180_000)
    candidates = [(provinces[0],), (provinces[1],), (provinces[2], town), (provinces[3],)]
    hints = lists_of_areas(text, spans, candidates, [None] * 4)
    assert hints[2] == "admin1"
    ranked = Resolver().rank([Mention(n, c, h) for n, c, h in zip(names, candidates, hints)])
    assert ranked[2].entry == provinces[2]
    mixed = lists_of_areas("Clashes in Alberta, Reading and Ontario.", [(11, 18), (20, 27), (32, 39)],
                            [(provinces[0],), (_entry(11, "Reading", 51.4, -0.9, "GB", "P", "PPL", 300_000),),
                             (provinces[2], town)], [None] * 3)
    assert mixed == [None, None, None]


def test_resolve_names_listed_before_a_plural_kind_word_are_each_that_kind():
    """ "camps in the Piura and Tumbes regions": a region whose seat bears its name is still the region when the
    plural after the list calls every member one; two names are enough, and the plural's hint is each one's."""
    from wirecoder.geo.area_lists import lists_of_areas
    text = "miners from camps in the Piura and Tumbes regions"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Piura", "Tumbes")]
    region = _entry(1, "Piura", -5.2, -80.6, "PE", "A", "ADM1", 2_000_000, admin1_code="20")
    seat = _entry(2, "Piura", -5.19, -80.63, "PE", "P", "PPLA", 400_000, admin1_code="20")
    other = _entry(3, "Tumbes", -3.9, -80.4, "PE", "A", "ADM1", 250_000, admin1_code="24")
    assert lists_of_areas(text, spans, [(region, seat), (other,)], [None, "area"]) == ["area", "area"]
    singular = "miners from the Piura and Tumbes region"
    spans = [(singular.index(n), singular.index(n) + len(n)) for n in ("Piura", "Tumbes")]
    assert lists_of_areas(singular, spans, [(region, seat), (other,)], [None, "area"]) == [None, "area"]


def test_resolve_a_nationality_word_before_a_kind_word_is_the_country(geoparser):
    from wirecoder.geo.store import NameKind
    from wirecoder.geo.resolve import Mention
    country = _entry(1, "Canada", 60.1, -113.6, "CA", "A", "PCLI", 37_000_000, kind=NameKind.DEMONYM)
    town = _entry(2, "Canadian", -37.6, 143.9, "AU", "P", "PPL", 2_000)
    [got] = Resolver().rank([Mention("Canadian", (country, town), hint="settlement")])
    assert got.entry == country


def test_resolve_a_landmark_of_the_projects_table_beats_a_small_town_of_its_name():
    from wirecoder.geo.resolve import Mention
    from wirecoder.geo.store import Entry, NameKind
    landmark = Entry(1, None, "White House", 38.8977, -77.0365, "US", None, None, "S", "BLDG", 0,
                     "wirecoder-regions 0.1.0", NameKind.PRIMARY)
    town = _entry(2, "White House", 36.47, -86.65, "US", "P", "PPL", 13_000)
    country = _entry(3, "United States", 39.76, -98.5, "US", "A", "PCLI", 327_000_000)
    ranked = Resolver().rank([Mention("United States", (country,)), Mention("White House", (town, landmark))])
    assert ranked[1].entry == landmark


def test_resolve_a_town_abroad_gives_way_to_its_namesake_in_the_country_whose_capital_the_story_names():
    """ "Harad" beside "Nouakchott": the country's district of that other name, not the town of 40,000 in a country
    4,000 km away; a capital alone (a dateline) does not move a name with no reading in its country."""
    from wirecoder.geo.resolve import Mention
    from wirecoder.geo.store import NameKind
    abroad = _entry(1, "Harad", 33.0, 44.2, "IQ", "P", "PPL", 40_000)
    district = _entry(2, "Harad District", 17.2, -15.4, "MR", "A", "ADM2", 0, kind=NameKind.ALTERNATE)
    capital = _entry(3, "Nouakchott", 18.08, -15.98, "MR", "P", "PPLC", 1_000_000)
    ranked = Resolver().rank([Mention("Harad", (abroad, district)), Mention("Nouakchott", (capital,))])
    assert ranked[0].entry == district
    alone = Resolver().rank([Mention("Harad", (abroad,)), Mention("Nouakchott", (capital,))])
    assert alone[0].entry == abroad


def test_resolve_a_name_told_bare_is_the_town_its_dateline_named():
    """A round-up's item "VELYKOSILKA - Drones hit Velykosilka": the label names the city, and the bare name in its
    line is that city, not a village of the name in the region another item names."""
    from wirecoder.geo.resolve import Mention
    region = _entry(1, "Northmark Oblast", 50.0, 36.2, "UA", "A", "ADM1", 2_600_000, admin1_code="07")
    city = _entry(2, "Velykosilka", 47.57, 34.39, "UA", "P", "PPL", 105_000, admin1_code="04")
    village = _entry(3, "Velykosilka", 49.9, 36.4, "UA", "P", "PPL", 600, admin1_code="07")
    ranked = Resolver().rank([Mention("Northmark Oblast", (region,)), Mention("VELYKOSILKA", (city, village),
                                                                                hint="city"),
                              Mention("Velykosilka", (city, village))])
    assert ranked[1].entry == city and ranked[2].entry == city
    [alone] = Resolver().rank([Mention("Velykosilka", (city, village))])
    assert alone.entry == city  # no other area named: the bigger town


def test_resolve_a_town_word_says_what_kind_of_place_not_which_country():
    """ "the southern edge of Barwa town" beside a bare "Barwa" in a story of Somalia: the town word does not send
    the name to a town of it in another country when the bare name is the Somali district."""
    from wirecoder.geo.resolve import Mention
    capital = _entry(1, "Hamarcade", 2.04, 45.34, "SO", "P", "PPLC", 2_500_000, admin1_code="02")
    district = _entry(2, "Barwa", 2.75, 45.2, "SO", "A", "ADM2", 0, kind=None, admin1_code="03")
    town = _entry(3, "Barwa", 34.0, 44.15, "IQ", "P", "PPL", 80_000, admin1_code="18")
    ranked = Resolver().rank([Mention("Hamarcade", (capital,)), Mention("Barwa", (district, town)),
                              Mention("Barwa", (district, town), hint="settlement")])
    assert ranked[1].entry == district
    assert ranked[2].entry == district
