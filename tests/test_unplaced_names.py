"""A place the text names but neither the gazetteer nor the text around it places ("the village of Qorzat") is kept
by its name at the event's country, so that reports that name it alike can be one incident. Sentences the project
writes; the village names are invented."""


def location(coder, text, published):
    [event] = [e for e in coder.code(text, published=published)["events"] if not e["background"]]
    return event["location"]


def test_an_unplaced_village_keeps_its_name_at_the_country_of_its_party(coder):
    found = location(coder, "Al-Shabaab fighters stormed the village of Qorzat on Sunday and killed four elders, "
                            "residents said.", "2024-03-12")
    assert (found["name"], found["country"], found["geonameid"], found["geo_precision"]) == ("Qorzat", "SO", None, 3)
    assert found["within"]["text"] == "Al-Shabaab fighters"  # the words that gave the country


def test_a_follow_up_naming_only_parties_takes_their_country(coder):
    """No place the gazetteer knows: the parties the article names ("anti-balaka militiamen") give the country."""
    found = location(coder, "Anti-balaka militiamen on Wednesday denied any role in the attack on villagers near "
                            "Vokoro. A parish priest in Vokoro said on Wednesday that seven villagers were killed on "
                            "Sunday.", "2025-02-26")
    assert (found["name"], found["country"]) == ("Vokoro", "CF")


def test_with_no_such_name_the_event_stays_at_the_country(coder):
    found = location(coder, "Al-Shabaab fighters killed four elders on Sunday, residents said.", "2024-03-12")
    assert (found["name"], found["feature_code"]) == ("Somalia", "PCLI")


def test_a_notes_field_label_is_no_place(coder):
    """An incident note's "Location:" names its field, not a place the gazetteer lacks in the town after it."""
    note = ("Date and time: Tuesday 27 February 2024, about 13:10 local time.\n\nLocation: Central qat market, Qataba "
            "town, al-Dhale governorate.\n\nWeapon: One explosive drone.")
    places = [p["text"] for p in coder.code(note, published="2024-03-01")["places"]]
    assert "Location" not in places and "Weapon" not in places and "Qataba" in places


def test_a_foreign_town_of_some_size_far_from_the_storys_country_and_area_is_the_storys_village(coder):
    """ "Kani" in a story that names Myanmar and its Sagaing region is not Kani, Japan (100,000 people): a village the
    gazetteer lacks, so the event lies in the story's country."""
    found = location(coder, "Junta jets bombed a monastery in Kani township on Monday, killing 14 people, the "
                            "resistance said. The junta has stepped up air raids across Sagaing region since Myanmar's "
                            "army lost ground there.", "2026-09-16")
    assert (found["name"], found["country"], found["geonameid"]) == ("Kani", "MM", None)


def test_a_regional_capital_abroad_keeps_its_reading(coder):
    """A capital of a country or of a first-level area is a city a story names in passing ("talks in Geneva")."""
    record = coder.code("Talks on the fighting in Myanmar's Sagaing region resumed in Geneva on Monday.",
                        published="2026-09-16")
    assert any(p["text"] == "Geneva" and p["country"] == "CH" for p in record["places"])


def test_another_name_a_place_is_known_by_places_it(coder):
    """ "Kale, also known as Kalay or Kalemyo": the other names are places (the gazetteer knows Kalemyo), and with them
    the place is the town of Myanmar, not a Turkish namesake of "Kale"."""
    record = coder.code("The strike on a village east of Kale, also known as Kalay or Kalemyo, had killed 12 "
                        "civilians, the opposition said on Wednesday.", published="2026-09-03")
    found = {p["text"]: p["country"] for p in record["places"]}
    assert found.get("Kalemyo") == "MM" and found.get("Kale") == "MM"
    record = coder.code("A man known as Kabul Khan was arrested on Wednesday.", published="2026-09-03")
    assert not record["places"]


def test_a_name_the_tagger_calls_a_people_after_in_is_a_place(coder):
    """spaCy tags a village it has never seen as a nationality ("clash in Bashurhat": NORP) or an organisation
    ("homes around Manguredjipa"): after a place preposition, with no noun it could qualify, it is a place the
    gazetteer lacks, placed within the named area that holds the story."""
    record = coder.code("Leaders of the BNP and Jamaat-e-Islami in Noakhali traded accusations on Saturday over "
                        "Friday's clash in Bashurhat, in which about 40 people were injured according to local "
                        "hospitals.", published="2025-10-25")
    [place] = [p for p in record["places"] if p["text"] == "Bashurhat"]
    assert (place["country"], place["within"]["text"]) == ("BD", "Noakhali")
    [event] = record["events"]
    assert event["location"]["name"] == "Bashurhat"


def test_a_name_the_tagger_calls_a_people_before_an_areas_kind_word_is_a_place(coder):
    """ "in Tabourgani commune": spaCy calls the name a nationality, and a noun follows it, as a noun follows an
    adjective ("in Afghan custody"); an administrative area's kind word after it says it is the area's name. A
    people's settlements ("Fulani villages") and a descriptor of an area told after it ("the Andean province of
    Cotopaxi") stay no place."""
    record = coder.code("Three herders were killed and their cattle taken at a hamlet in Tabourgani commune, in the "
                        "Mopti region of Mali, on Sunday afternoon, a herders' association said.",
                        published="2024-07-01")
    [place] = [p for p in record["places"] if p["text"] == "Tabourgani"]
    assert (place["country"], place["geonameid"]) == ("ML", None)
    [event] = [e for e in record["events"] if not e["background"]]
    assert event["location"]["name"] == "Tabourgani"
    record = coder.code("Gunmen attacked Fulani villages in the Mopti region of Mali on Sunday, and a man was held "
                        "in Afghan custody.", published="2024-07-01")
    assert not {"Fulani", "Afghan"} & {p["text"] for p in record["places"]}
    record = coder.code("Police broke up a blockade by indigenous protesters in the Andean province of Cotopaxi on "
                        "Tuesday.", published="2026-07-08")
    assert "Andean" not in {p["text"] for p in record["places"]}


def test_a_name_placed_at_a_town_takes_the_towns_district(coder):
    """ "Barangay Kalutang, Sumisip": a place the gazetteer lacks, placed at the town the text puts it by, lies in
    that town's second-level area (ACLED's admin2), as the town does."""
    record = coder.code("Soldiers clashed with Abu Sayyaf gunmen in Barangay Kalutang, Sumisip, on Tuesday, the "
                        "military said.", published="2025-10-29")
    places = {p["text"]: p for p in record["places"]}
    assert places["Barangay Kalutang"]["geonameid"] is None
    assert places["Barangay Kalutang"]["admin2"] == places["Sumisip"]["admin2"] is not None


def test_an_institution_or_a_brand_after_in_is_no_place(coder):
    """The same words before a common word that names an institution, an acronym or a brand say nothing."""
    record = coder.code("The bill stalled in Congress on Tuesday after protesters rallied in BitCoin against "
                        "it, officials in Nairobi said.", published="2025-10-25")
    assert {p["text"] for p in record["places"]} == {"Nairobi"}


def test_a_name_called_a_village_is_a_place_whatever_the_tagger_says(coder):
    """ "an attack on Lolwa, a village on the national road": spaCy calls the village an organisation, and no
    preposition of place stands before it; the apposition says what it is."""
    record = coder.code("Rebels killed at least fourteen civilians in an overnight attack on Lolwa, a village on the "
                        "national road between Komanda and Mambasa in north-eastern Congo, local leaders said on "
                        "Saturday.", published="2025-09-20")
    [place] = [p for p in record["places"] if p["text"] == "Lolwa"]
    assert (place["country"], place["within"]["text"]) == ("CD", "Mambasa")


def test_a_name_at_a_site_is_a_place_and_a_name_at_an_employer_is_not(coder):
    """ "a substation at Kabushiya": a site's noun, "at", and a name spaCy calls an organisation tell a place; "a
    engineer at Safaricom" (the tagger's organisation, after a person's noun) does not."""
    record = coder.code("Towns in northern Sudan were without mains electricity on Wednesday after a drone attack on "
                        "a substation at Kabushiya, the state power company said.", published="2026-01-07")
    [event] = record["events"]
    assert (event["location"]["name"], event["location"]["country"]) == ("Kabushiya", "SD")
    record = coder.code("An engineer at Safaricom said on Wednesday that a drone attack had cut power in Kenya.",
                        published="2026-01-07")
    assert "Safaricom" not in {p["text"] for p in record["places"]}


def test_a_proper_noun_no_one_tagged_after_in_is_a_place_and_a_kind_word_is_not(coder):
    """ "Community leaders in Isapa": spaCy tags no entity; the word after "in" is the village. "in the
    Municipality of X" names the kind of X, not a place of its own."""
    record = coder.code("Community leaders in Isapa say 52 of their people were taken by bandits during the attack "
                        "on Saturday evening in Kwara state.", published="2026-09-14")
    [place] = [p for p in record["places"] if p["text"] == "Isapa"]
    assert (place["country"], place["within"]["text"]) == ("NG", "Kwara")
    record = coder.code("On 5 May, in the Municipality of Gomez Palacio, Durango, about 250 workers blocked a "
                        "highway to protest against the closure of a mine.", published="2020-05-06")
    assert "Municipality" not in {p["text"] for p in record["places"]}


def test_a_name_after_a_part_of_a_place_and_of_is_a_place(coder):
    """ "the streets of Kfarroummane": a part of a place, "of", and a name no one tagged or knows."""
    record = coder.code("Hundreds of mourners marched through the streets of Kfarroummane on Wednesday behind the "
                        "coffins of three people killed in Lebanon.", published="2025-05-28")
    [place] = [p for p in record["places"] if p["text"] == "Kfarroummane"]
    assert place["country"] == "LB"


def test_the_target_of_an_attacks_noun_is_a_place_unless_a_person_of_the_article(coder):
    """ "The attack on Karshiwa": spaCy tags an organisation and the gazetteer lacks the village; "attack ... on"
    tells a place. "the attack on Obi", where "Peter Obi" is named, is a person."""
    record = coder.code("The attack on Karshiwa on Sunday killed five people in Kaduna state.", published="2026-09-16")
    assert "Karshiwa" in {p["text"] for p in record["places"]}
    record = coder.code("Peter Obi condemned the attack on Obi on Saturday evening in Niger state.",
                        published="2026-09-16")
    assert "Obi" not in {p["text"] for p in record["places"]}


def test_a_name_the_tagger_calls_a_person_is_a_place_when_an_apposition_calls_it_a_village(coder):
    """ "the attack on Dogo Kere, a village of about 600 inhabitants": spaCy takes the two words for a person's name,
    no gazetteer knows them; the apposition after them says what they are, and the attack is placed there."""
    record = coder.code("Survivors of Tuesday's attack on Dogo Kere, a village of about 600 inhabitants some 20 km "
                        "east of Djenne, said on Thursday that the death toll had risen to 12.", published="2024-05-09")
    assert "Dogo Kere" in {p["text"] for p in record["places"]}
    [event] = record["events"]
    assert (event["location"]["name"], event["location"]["country"]) == ("Dogo Kere", "ML")


def test_a_direction_between_a_country_and_its_state_keeps_the_state(coder):
    """ "the village of Tudun Bawa in Nigeria's northwestern Sokoto state": the direction word does not end the
    chain at the country; the village lies in the state, and the state is no event of its own."""
    record = coder.code("Armed men abducted 20 people in a raid on the village of Tudun Bawa in Nigeria's northwestern "
                        "Sokoto state on Tuesday, residents said.", published="2025-08-13")
    [event] = record["events"]
    assert (event["location"]["name"], event["location"]["admin1"]) == ("Tudun Bawa", "Sokoto")


def test_a_name_the_gazetteer_lacks_lies_by_the_storys_town_not_by_the_dateline(coder):
    """ "NAIROBI ... in the Sudanese town of Umm Kurdus ... died in Kadugli": the reporter files from Nairobi; the
    town the story itself names hosts the name the gazetteer lacks."""
    record = coder.code("NAIROBI, Apr 6 (Tallow Wire) - A drone struck a clinic in the Sudanese town of Umm Kurdus "
                        "late on Saturday, killing seven people, a medical group said on Monday, after a wounded man "
                        "died in Kadugli.", published="2026-04-06")
    [place] = [p for p in record["places"] if p["text"] == "Umm Kurdus"]
    assert (place["country"], place["within"]["text"]) == ("SD", "Kadugli")


def test_a_name_before_a_sites_word_is_the_sites_not_a_district_of_that_other_name(coder):
    """ "the violence at Mutasa shopping centre" names a site of the story's town; Mutasa District (the
    gazetteer knows "Mutasa" only as another name of the district) is not meant, so it is placed by the town."""
    record = coder.code("Police in Chitungwiza have arrested 46 people in connection with yesterday's violence at "
                        "Mutasa shopping centre, in which a council truck was torched, a police statement said.",
                        published="2025-04-25")
    [place] = [p for p in record["places"] if p["text"] == "Mutasa"]
    assert place["geonameid"] is None and place["within"]["text"] == "Chitungwiza"


def test_a_district_abroad_known_only_at_its_provinces_point_is_no_reading_of_a_part_of_the_named_city(coder):
    # "Al Mansuriyah", a district of Kuwait that the gazetteer places at its province's point, is no reading of a
    # district of the Libyan capital: no place the story names lies in Kuwait, so the name is left to its context
    record = coder.code("Students marched in Tripoli's eastern suburbs on Friday and then towards the Mansuriyah "
                        "district.", published="2024-05-06")
    places = {p["text"]: p for p in record["places"]}
    assert places["Tripoli"]["country"] == "LY"
    assert places["Mansuriyah"]["country"] != "KW"
