import pytest
from geo_helpers import area, geoparser_over, town

from wirecoder.article import Article, Boilerplate, Sentence
from wirecoder.geo import Geoparser
from wirecoder.geo.store import NameKind
from wirecoder.stages.places import PlacesStage


@pytest.fixture(scope="module")
def geoparser(shared_small_gazetteer):
    g = Geoparser(gazetteer_path=shared_small_gazetteer)
    yield g
    g.close()


def found(geoparser, nlp, text):
    return [(t.text, t.label) for t in geoparser.toponyms(nlp(text))]


def texts(geoparser, nlp, text):
    return [t for t, _ in found(geoparser, nlp, text)]


def test_recognize_takes_places_spacy_tags_and_gazetteer_knows(geoparser, nlp):
    assert "Basra" in texts(geoparser, nlp, "Protesters gathered in Basra on Friday.")


def test_recognize_leaves_out_nationality_adjectives(geoparser, nlp):
    got = texts(geoparser, nlp, "Iranian drones struck near Basra, Iraqi officials said.")
    assert "Iranian" not in got and "Iraqi" not in got and "Basra" in got


def test_recognize_leaves_out_a_surname_of_a_person_named_in_full(geoparser, nlp):
    got = texts(geoparser, nlp, "Foreign minister Peter Lorca met reporters. Lorca said the talks would go on.")
    assert "Lorca" not in got


def test_recognize_takes_the_same_name_when_the_text_says_it_is_a_place(geoparser, nlp):
    assert "Lorca" in texts(geoparser, nlp, "Floods cut the road to Lorca last week.")


def test_recognize_takes_every_item_of_a_list_of_places(geoparser, nlp):
    got = texts(geoparser, nlp, "Shells fell on the towns of Tovuz, Shamkir and Gadabay overnight.")
    assert {"Tovuz", "Shamkir", "Gadabay"} <= set(got)


def test_recognize_ignores_a_sentence_initial_ordinary_word(geoparser, nlp):
    assert "Reading" not in texts(geoparser, nlp, "Reading the statement aloud, the spokesman left.")


def test_recognize_ignores_lower_case_words_and_titles(geoparser, nlp):
    got = texts(geoparser, nlp, "They spoke to us about paris fashion. President Lorca declined to comment.")
    assert got == []


def test_places_stage_fills_sorted_places_outside_boilerplate(geoparser, nlp):
    text = "Troops entered Basra and Shamkir district.\nFollow us in Paris"
    footer = text.index("Follow")
    article = Article(text=text, id="t1")
    article.boilerplate = [Boilerplate(article.span(footer, len(text)), "footer")]
    article.doc = nlp(text[:footer] + " " * (len(text) - footer))
    article.sentences = [Sentence(article.span(s.start_char, s.end_char), 0, i) for i, s in enumerate(article.doc.sents)]
    stage = PlacesStage(geoparser=geoparser)
    assert (stage.name, stage.requires, stage.assigns) == (
        "places", ("doc", "sentences", "boilerplate", "text", "url", "published"), ("places",))
    places = stage(article).places
    assert [p.span.text for p in places] == ["Basra", "Shamkir"]
    assert all(text[p.span.start:p.span.end] == p.span.text for p in places)
    assert places[0].country == "IQ" and places[0].geo_precision == 1


def test_recognize_leaves_out_a_place_name_that_names_a_disease(geoparser, nlp):
    assert "Basra" not in texts(geoparser, nlp, "Doctors fear that Basra fever is spreading among soldiers.")


def test_recognize_takes_a_place_hyphenated_to_what_it_qualifies(geoparser, nlp):
    got = found(geoparser, nlp, "The Texas-based company denied it.")
    assert ("Texas", "PREFIX") in got or ("Texas", "GPE") in got


def test_recognize_takes_an_unmarked_town_of_a_country_the_article_names(geoparser, nlp):
    got = texts(geoparser, nlp, "Fighting spread across Iraq. Residents of Basra fled. Basra fell silent.")
    assert got.count("Basra") == 2 and "Iraq" in got


def test_recognize_leaves_out_directions_and_degrees(geoparser, nlp):
    got = texts(geoparser, nlp, "Trade in the West slowed, said Peter Jones, M.D., who moved to Basra.")
    assert "West" not in got and "M.D." not in got and "Basra" in got


def test_recognize_takes_the_hometown_of_a_person_named_with_an_age(geoparser, nlp):
    assert "Tovuz" in texts(geoparser, nlp, "Police arrested Ali Veliyev, 43, of Tovuz on Friday.")


def test_recognize_takes_the_city_of_a_capitalised_dateline(geoparser, nlp):
    for text in ("SANAA, Jan 18 - Air strikes hit the city overnight, residents said.",
                 "KABUL (Reuters) - A bomb went off near a market on Tuesday."):
        got = found(geoparser, nlp, text)
        assert got and got[0][1] == "DATELINE" and got[0][0] in ("SANAA", "KABUL")


def test_recognize_a_dateline_needs_the_start_of_a_line_and_its_punctuation(geoparser, nlp):
    assert "KABUL" not in texts(geoparser, nlp, "Officials said KABUL was calm.")
    assert "SANAA" not in texts(geoparser, nlp, "SANAA REPORTS are late this week.")


def test_dateline_resolves_to_the_city_not_the_province_of_the_same_name(geoparser, nlp):
    text = "SANAA, Jan 18 - Air strikes hit the city overnight."
    places = geoparser.places_in_doc(nlp(text), text=text)
    assert places[0].span.text == "SANAA" and places[0].feature_code == "PPLC"


def test_recognize_takes_a_name_after_a_kind_of_place_word_even_when_spacy_says_person(geoparser, nlp):
    text = "Saudi-led coalition air strikes hit the Yemeni capital Sanaa overnight, residents said."
    got = texts(geoparser, nlp, text)
    assert "Sanaa" in got
    place = [p for p in geoparser.places_in_doc(nlp(text), text=text) if p.span.text == "Sanaa"][0]
    assert place.feature_code == "PPLC" and place.country == "YE"


def test_recognize_keeps_a_cued_name_when_the_article_names_another_country(geoparser, nlp):
    text = "Iran denied the claim. Strikes hit the Yemeni capital Sanaa overnight."
    assert "Sanaa" in texts(geoparser, nlp, text)


def test_recognize_the_whole_full_article_dateline_and_capital(geoparser, nlp):
    text = "SANAA, Jan 18 - Saudi-led coalition air strikes hit the Yemeni capital Sanaa overnight"
    got = texts(geoparser, nlp, text)
    assert got == ["SANAA", "Sanaa"]


@pytest.mark.parametrize("text", [
    "Police said the blast hit a usually calm industrial hub in Central Anatolia on Monday.",
    "The city, a usually calm industrial hub in Central Anatolia, was shaken by the blast.",
    "Reports came from towns across Central Anatolia and beyond.",
])
def test_recognize_a_direction_word_and_a_region_are_one_toponym(geoparser, nlp, text):
    got = texts(geoparser, nlp, text)
    assert "Central" not in got
    assert "Central Anatolia" in got or "Anatolia" in got
    place = [p for p in geoparser.places_in_doc(nlp(text), text=text) if "Anatolia" in p.span.text][0]
    assert place.name == "Anatolia" and place.country == "TR"


def test_recognize_a_direction_word_before_a_country_places_it_in_the_country(geoparser, nlp):
    text = "Fighting spread across Southern Yemen overnight."
    places = geoparser.places_in_doc(nlp(text), text=text)
    assert [(p.span.text, p.country) for p in places] == [("Southern Yemen", "YE")]


def test_cue_before_reads_the_kind_of_place_a_word_before_a_name_gives():
    from wirecoder.geo.cues import cue_before
    text = "hit the Yemeni capital Sanaa, the province of Idlib and the Adhamiyah district of Baghdad near Basra"
    assert cue_before(text, text.index("Sanaa")) == "settlement"
    assert cue_before(text, text.index("Idlib")) == "area"
    assert cue_before(text, text.index("Baghdad")) is None  # the district is Adhamiyah; Baghdad holds it
    assert cue_before(text, text.index("Basra")) is None


def test_dateline_at_wants_capitals_opening_a_line_then_a_comma_bracket_or_dash():
    from wirecoder.geo.cues import dateline_at
    text = "Headline here\nSANAA, Jan 18 - Strikes.\nKABUL (Reuters) - Bomb.\nSaid SANAA, later."
    assert dateline_at(text, text.index("SANAA"), text.index("SANAA") + 5)
    assert dateline_at(text, text.index("KABUL"), text.index("KABUL") + 5)
    late = text.rindex("SANAA")
    assert not dateline_at(text, late, late + 5)
    assert not dateline_at("Sanaa, Jan 18 - x", 0, 5)


def test_a_capitalised_name_opening_the_text_before_its_first_sentence_is_a_dateline_that_lost_its_dash():
    from wirecoder.geo.cues import dateline_at
    opening = "WASHINGTON Christopher Steele, who wrote the reports, said."
    assert dateline_at(opening, 0, len("WASHINGTON"))
    assert not dateline_at("Intro line.\nWASHINGTON Christopher Steele said.", 12, 22)  # only the text's opening
    assert not dateline_at("US President Joe Biden said.", 0, 2)  # two letters: initials, not a dateline
    assert not dateline_at("WASHINGTON and London agreed.", 0, 10)  # runs on into no sentence


def test_recognize_takes_a_town_its_people_are_named_after(geoparser, nlp):
    assert "Tovuz" in texts(geoparser, nlp, "Angry Tovuz residents blocked the road on Friday.")


def test_recognize_takes_the_home_town_of_a_person_named_in_full(geoparser, nlp):
    assert "Tovuz" in texts(geoparser, nlp, "The driver, James Kitchens, of Tovuz, was unhurt.")


def test_recognize_takes_a_place_an_organisation_name_swallowed_after_in(geoparser, nlp):
    from spacy.tokens import Span
    doc = nlp("She was flown to the Children's Hospital of Texas in Tovuz for surgery.")
    words = [t.text for t in doc]
    start, end = words.index("the"), words.index("Tovuz") + 1
    doc.ents = [Span(doc, start, end, label="ORG")]  # the run a model can make of it
    assert [t.text for t in geoparser.toponyms(doc)] == ["Tovuz"]


@pytest.mark.parametrize("name, found", [("Shamkir", True), ("Tovuz", False)])
def test_recognize_takes_a_sizeable_town_the_tagger_calls_a_language_after_in(geoparser, nlp, name, found):
    """spaCy tags "Belgorod" a LANGUAGE: after "in", such a name is taken as an organisation's name is, a town of
    20,000 people and more (Shamkir, 42,000), not a smaller one (Tovuz, 14,000), nor a language."""
    from spacy.tokens import Span
    doc = nlp(f"Three people died in hospital in {name} overnight.")
    index = [t.text for t in doc].index(name)
    doc.ents = [Span(doc, index, index + 1, label="LANGUAGE")]
    assert [t.text for t in geoparser.toponyms(doc)] == ([name] if found else [])


def test_recognize_takes_a_name_an_apposition_calls_a_place(geoparser, nlp):
    assert "Tovuz" in texts(geoparser, nlp, "Clashes erupted in the north. Tovuz, a small town near the border, "
                                            "was shelled.")


def test_apposition_after_wants_the_kind_word_to_end_the_phrase_and_no_qualifier_before():
    from wirecoder.geo.cues import apposition_after
    text = "Kayseri, a usually calm industrial hub in Anatolia. Lorca, a town councillor said."
    assert apposition_after(text, 0, len("Kayseri")) == "settlement"
    lorca = text.index("Lorca")
    assert apposition_after(text, lorca, lorca + 5) is None
    qualified = "Alvin, Texas, a Houston suburb near the coast"
    texas = qualified.index("Texas")
    assert apposition_after(qualified, texas, texas + 5) is None


def test_apposition_after_a_name_may_follow_the_day_told_after_it():
    from wirecoder.geo.cues import apposition_after
    text = "the raid on Kelimbara on Sunday 14 April, a farming village near the river"
    assert apposition_after(text, text.index("Kelimbara"), text.index("Kelimbara") + 9) == "settlement"
    person = "He met Adam Idris on Monday, a councillor."
    assert apposition_after(person, person.index("Adam"), person.index("Idris") + 5) is None


def _with_entities(nlp, text, labelled):
    from spacy.tokens import Span
    doc = nlp(text)
    spans = []
    for phrase, label in labelled:
        start_char = text.index(phrase)
        spans.append(doc.char_span(start_char, start_char + len(phrase), label=label))
    doc.ents = spans
    return doc


def test_recognize_keeps_a_town_spacy_calls_a_person_in_a_region_the_article_names(geoparser, nlp):
    text = "Iran denied the claim. A bomb went off in Kayseri, in Central Anatolia."
    doc = _with_entities(nlp, text, [("Iran", "GPE"), ("Kayseri", "PERSON"), ("Central Anatolia", "LOC")])
    assert "Kayseri" in [t.text for t in geoparser.toponyms(doc)]


def test_resolve_lower_before_an_unknown_name_is_not_the_bare_name(geoparser, nlp):
    text = "Fighting spread to Lower Nile and Upper Nile on Monday."
    places = geoparser.places_in_doc(nlp(text), text=text)
    assert all(p.name != "Nile" for p in places)
    assert any(p.name == "Upper Nile" for p in places)


def test_recognize_reads_a_hyphenated_name_with_lower_case_particles_whole(geoparser, nlp):
    doc = nlp("Police in Port-au-Prince said gangs stormed a suburb.")
    doc.ents = []  # as when the model tags none: the capitalised words alone must hold it together
    got = [t.text for t in geoparser.toponyms(doc)]
    assert "Port" not in got and "Port-au-Prince" in got


def test_recognize_leaves_out_an_alternate_name_opening_a_longer_unknown_name(geoparser, nlp):
    got = texts(geoparser, nlp, "Troops torched homes in the village of Let Yet Kone on Monday.")
    assert "Let" not in got


def test_recognize_leaves_out_a_nationality_word_qualifying_a_noun_but_takes_the_named_region(geoparser, nlp):
    assert "Somali" not in texts(geoparser, nlp, "A bomb exploded in the Somali capital on Saturday.")
    assert "Somali" in texts(geoparser, nlp, "Floods hit the Somali region of Ethiopia in May.")


def test_recognize_takes_no_group_initials_by_listing(geoparser, nlp):
    got = texts(geoparser, nlp, "In Yemen, ELN guerrillas attacked a police station.")
    assert "Yemen" in got and "ELN" not in got


def test_recognize_takes_a_village_spacy_calls_a_person_when_a_place_qualifies_it(geoparser, nlp):
    from spacy.tokens import Span
    doc = nlp("Gunmen abducted pupils in Qwertyville, in Iraq's south, on Friday.")
    words = [t.text for t in doc]
    i = words.index("Qwertyville")
    doc.ents = [Span(doc, i, i + 1, label="PERSON"), Span(doc, words.index("Iraq"), words.index("Iraq") + 1,
                                                           label="GPE")]
    assert "Qwertyville" in [t.text for t in geoparser.toponyms(doc)]
    doc = nlp("The minister thanked Qwertyville, a veteran, on Friday.")
    i = [t.text for t in doc].index("Qwertyville")
    doc.ents = [Span(doc, i, i + 1, label="PERSON")]
    assert "Qwertyville" not in [t.text for t in geoparser.toponyms(doc)]


def test_recognize_a_nationality_word_names_its_country_for_a_town_spacy_calls_a_person(tmp_path, nlp):
    from spacy.tokens import Span
    places = [area("Ukraine", 49.0, 32.0, "UA", 41_000_000, code="PCLI", names=[("Ukrainian", NameKind.DEMONYM)]),
              area("Belgorod Oblast", 50.7, 37.4, "RU", 1_500_000, admin1_code="09",
                   names=[("Belgorod", NameKind.ALTERNATE)]),
              town("Kherson", 46.64, 32.61, "UA", 290_000)]
    with geoparser_over(tmp_path / "gaz.sqlite", places) as g:
        doc = nlp("Ukrainian drones hit a depot in Belgorod region while artillery shelled Kherson.")
        words = [t.text for t in doc]
        doc.ents = [Span(doc, 0, 1, label="NORP"), Span(doc, words.index("Belgorod"), words.index("Belgorod") + 1,
                                                        label="GPE"),
                    Span(doc, words.index("Kherson"), words.index("Kherson") + 1, label="PERSON")]
        found = [t.text for t in g.toponyms(doc)]
    assert "Kherson" in found


def test_recognize_a_town_no_gazetteer_knows_after_the_town_of(geoparser, nlp):
    from spacy.tokens import Span
    doc = nlp("Gangs attacked the town of Qwerty-Sonde in Iraq on Thursday.")
    words = [t.text for t in doc]
    i = words.index("Qwerty")
    doc.ents = [Span(doc, i, i + 3, label="FAC")]
    assert "Qwerty-Sonde" in [t.text for t in geoparser.toponyms(doc)]


def test_recognize_a_month_before_a_number_is_a_date(tmp_path, nlp):
    places = [town("Decatur", 33.77, -84.3, "US", 25_000, names=[("Dec", NameKind.ALTERNATE)]),
              town("Tbilisi", 41.69, 44.83, "GE", 1_100_000, code="PPLC")]
    with geoparser_over(tmp_path / "gaz.sqlite", places) as g:
        found = [t.text for t in g.toponyms(nlp("TBILISI, Dec 3 - Police dispersed protesters in Tbilisi."))]
    assert "Dec" not in found and "Tbilisi" in found


def test_a_countrys_initials_after_the_are_the_country_not_an_organisation(tmp_path, nlp):
    from wirecoder.geo.writer import PlaceRecord
    korea = (PlaceRecord(name="North Korea", lat=40.0, lon=127.0, country="KP", feature_class="A",
                         feature_code="PCLI", population=25_000_000), [("DPRK", NameKind.ABBREVIATION)])
    nato = (PlaceRecord(name="Nato", lat=9.0, lon=1.0, country="BJ", feature_class="P", feature_code="PPL",
                        population=800), [("NATO", NameKind.ALTERNATE)])
    with geoparser_over(tmp_path / "initials.sqlite", [korea, nato]) as g:
        got = texts(g, nlp, "Envoys of the DPRK met officials of the NATO alliance.")
    assert got == ["DPRK"]


def test_recognize_a_two_word_name_spacy_calls_a_person_is_a_place_when_the_words_call_it_an_area(tmp_path, nlp):
    places = [area("Al Qurmani", 16.8, 43.3, "XA", 20_000, code="ADM2", admin1_code="15"),
              town("Bani Harith", 31.7, 14.0, "XB", 45_000, admin1_code="02"),
              area("Dar Hamdan", 34.2, 36.3, "XC", 160_000, admin1_code="11")]
    with geoparser_over(tmp_path / "gaz.sqlite", places) as g:
        assert "Al Qurmani" in texts(g, nlp, "Airstrikes targeted Al Qurmani district.")
        assert "Bani Harith" in texts(g, nlp, "Airstrikes hit a truck south of Bani Harith.")
        assert "Dar Hamdan" in texts(g, nlp, "Protesters gathered outside the governorate of Dar Hamdan.")
        assert "Bani Harith" not in texts(g, nlp, "Bani Harith said on Monday that he would resign.")


def test_a_word_of_an_areas_name_in_brackets_is_no_place(tmp_path, nlp):
    # "Kamrup (Metro)", "Bengaluru (Urban)": the bracketed word belongs to the district's name; a namesake of it
    # ("Urban", a district of Lesotho; "Metro", a town of Indonesia) is not a place holding it
    places = [town("Bengaluru", 12.97, 77.59, "IN", 8_500_000), area("Urban", -29.3, 27.5, "LS", 0, code="ADM2"),
              town("Metro", -5.11, 105.3, "ID", 150_000), area("Kamrup", 26.2, 91.7, "IN", 1_500_000, code="ADM2")]
    with geoparser_over(tmp_path / "gaz.sqlite", places) as g:
        for text in ("Police detained 40 protesters in Bengaluru (Urban) on Saturday.",
                     "Officials in Kamrup (Metro) district said the rally was peaceful."):
            found_places = [(p.name, p.country) for p in g.places_in_doc(nlp(text), text=text)]
            assert found_places and all(country == "IN" for _, country in found_places), found_places


@pytest.mark.parametrize("before", ["beside", "along", "opposite"])
def test_recognize_takes_a_town_the_tagger_calls_an_organisation_after_beside(geoparser, nlp, before):
    from spacy.tokens import Span
    doc = nlp(f"The drone hit the market {before} Basra's bus station on Tuesday.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Basra"), words.index("Basra") + 1, label="ORG")]  # as the tagger read it
    assert [t.text for t in geoparser.toponyms(doc)] == ["Basra"]


def test_recognize_takes_a_name_joined_by_a_hyphen_and_a_particle_that_the_tagger_leaves_untagged(tmp_path, nlp):
    places = [town("Pul-e Khumri", 35.94, 68.71, "AF", 56_000), town("Pul", 36.2, 69.0, "AF", 500)]
    with geoparser_over(tmp_path / "hyphen.sqlite", places) as g:
        doc = nlp("A bomber struck the passport office in Pul-e Khumri on Thursday morning.")
        doc.ents = [e for e in doc.ents if "Pul" not in e.text]  # as the tagger left it
        assert [t.text for t in g.toponyms(doc)] == ["Pul-e Khumri"]


@pytest.mark.parametrize("written, found", [("Petit-Goave", True), ("el-Goave", False), ("Goave", False)])
def test_recognize_takes_a_town_by_another_name_of_several_words_the_tagger_calls_an_organisation_after_in(
        tmp_path, nlp, written, found):
    """The gazetteer knows Petit-Goâve as "Tigwav", "Petit-Goave" being another name of it. spaCy tags it an ORG:
    after "in", such a name of several words, capitalised, is the town's; a single word ("Goave" might be any
    word's other name) or one that opens lower-case ("el Marj") is not."""
    from spacy.tokens import Span
    names = [(n, NameKind.ALTERNATE) for n in ("Petit-Goave", "el-Goave", "Goave")]
    with geoparser_over(tmp_path / "gaz.sqlite", [town("Tigwav", 18.43, -72.87, "HT", 117_000, names=names)]) as g:
        doc = nlp(f"Tension was high in {written} on Saturday after a driver was shot dead.")
        words = [t.text for t in doc]
        start = words.index("in") + 1
        doc.ents = [Span(doc, start, words.index("on"), label="ORG")]
        assert [t.text for t in g.toponyms(doc)] == ([written] if found else [])


@pytest.mark.parametrize("body, found", [("Municipal Corporation", ["Dhule"]), ("Municipal Board", [])])
def test_recognize_takes_the_town_a_municipal_corporation_is_named_after(tmp_path, nlp, body, found):
    """A city's corporation is its government, named after it: "the water march to the Dhule Municipal
    Corporation" is in Dhule, as "Seoul City Hall" is in Seoul; a word of no building or institution of a town
    ("Board") says nothing of where it is."""
    with geoparser_over(tmp_path / "gaz.sqlite", [town("Dhule", 20.90, 74.78, "IN", 375_000)]) as g:
        doc = nlp(f"Police used lathis to disperse the water march at the Dhule {body} on Thursday.")
        assert [t.text for t in g.toponyms(doc)] == found


def test_recognize_takes_an_areas_name_the_tagger_cut_at_and_whole(tmp_path, nlp):
    """spaCy tags "Jammu" and "Kashmir" apart: the gazetteer knows "Jammu and Kashmir" as a territory, which the text
    names, not the city of Jammu and a region. Two towns listed with "and" stay two places."""
    places = [area("India", 22.0, 79.0, "IN", 1_300_000_000, code="PCLI"),
              area("Jammu and Kashmir", 33.5, 75.0, "IN", 12_000_000, admin1_code="12"),
              town("Jammu", 32.73, 74.86, "IN", 550_000, admin1_code="12"),
              town("Kathua", 32.37, 75.52, "IN", 60_000, admin1_code="12")]
    with geoparser_over(tmp_path / "gaz.sqlite", places) as g:
        whole = g.toponyms(nlp("Militants attacked a police post in Jammu and Kashmir on Wednesday."))
        listed = g.toponyms(nlp("Militants attacked police posts in Jammu and Kathua on Wednesday."))
    assert [t.text for t in whole] == ["Jammu and Kashmir"]
    assert [t.text for t in listed] == ["Jammu", "Kathua"]


def test_cue_before_the_capital_of_names_what_holds_the_capital():
    from wirecoder.geo.cues import cue_before
    text = "in Port Ilem, the capital of Vardania, and in the capital Osrik"
    assert cue_before(text, text.index("Vardania")) == "area"  # the country, no town called Vardania
    assert cue_before(text, text.index("Osrik")) == "settlement"
