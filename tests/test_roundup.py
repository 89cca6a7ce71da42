"""Round-ups: a brief of several unrelated stories, each under a label in capitals (or capitalised words and a colon),
is read item by item: a riot told between business items is conflict news. Text written by the project."""
from wirecoder.roundup import roundup_sections

BUSINESS = [
    "NORTHLAND - The finance ministry said customs revenue rose by a fifth in the first quarter, helped by higher "
    "imports of machinery through the main port.",
    "SOUTHLAND - The central bank left its policy rate unchanged and said inflation would ease in the second half "
    "of the year as food prices fall.",
    "WESTLAND - The state airline announced two new routes and said it would lease three more aircraft before the "
    "end of the year.",
]
EASTLAND = ("EASTLAND - The telecoms regulator auctioned two blocks of spectrum and said mobile data prices "
            "should fall.")
RIOT = ("NIGER - Rioting broke out in Zinder on Tuesday after a trader died in police custody. Crowds set fire to the "
        "town hall and looted shops, and police fired tear gas, witnesses said.")


def _events(coder, text):
    return [e for e in coder.code(text, published="2024-05-09")["events"] if not e["background"]]


def test_a_riot_in_a_business_roundup_is_an_event(coder):
    text = "\n\n".join(BUSINESS[:2] + [RIOT] + BUSINESS[2:] + [EASTLAND])
    found = _events(coder, text)
    assert [e["event_type"] for e in found] == ["Riots"]
    assert found[0]["location"]["name"] == "Zinder"


def _sections(coder, text):
    article = coder.article(text, published="2024-05-09")
    for stage in coder.pipeline.stages:
        if stage.name == "event_detection":
            break
        article = stage(article)
    return article, roundup_sections(article)


def test_sections_run_from_one_label_to_the_next(coder):
    text = "Our morning brief.\n\n" + "\n\n".join([BUSINESS[0], RIOT, "Shops stayed shut on Wednesday.", BUSINESS[1]])
    article, sections = _sections(coder, text)
    paragraphs = sorted({s.paragraph for s in article.sentences})
    assert paragraphs[0] not in sections  # the introduction belongs to no item
    riot, after = sections[paragraphs[2]], sections[paragraphs[3]]
    assert riot == after  # the unlabelled paragraph after the riot is the riot's item
    assert article.text[riot[0]:riot[1]].startswith("NIGER - ")
    assert article.text[riot[0]:riot[1]].endswith("Wednesday.")
    assert sections[paragraphs[1]] != riot and sections[paragraphs[4]] != riot


def test_a_riot_in_a_roundup_labelled_by_capitalised_names_and_colons_is_an_event(coder):
    # "Minya: ...", "North Kivu: ...": a regional round-up's labels need not be in capitals; read as one article,
    # the crowd's attack drowns among the road, farming and tourism items
    items = ["Kayes: Crowds burned three homes of Fulani herders and damaged others in a village of Kita circle on 2 "
             "March after a quarrel over a water point. Four people were injured and 15 arrested, six of whom were "
             "later released.",
             "Sikasso: A truck collided with a bus on the main road, killing seven passengers, the health service "
             "said.",
             "Segou: The governorate announced new irrigation works for 2,000 hectares of rice.",
             "Mopti: Hotel bookings rose compared with last year, the tourism office said.",
             "Koulikoro: The bridge over the river was closed for two days of repairs."]
    text = "This week's round-up of news from the regions.\n\n" + "\n\n".join(items)
    found = [e for e in coder.code(text, published="2024-03-06")["events"] if not e["background"]]
    assert [e["event_type"] for e in found] == ["Riots"]


def test_one_dateline_is_no_roundup(coder):
    text = ("ZINDER - Rioters burned the town hall on Tuesday, residents said.\n\n"
            "The finance ministry said customs revenue rose in the first quarter.")
    assert _sections(coder, text)[1] == {}


def test_each_item_of_a_roundup_is_filed_from_its_own_label(coder):
    text = ("Main developments of the weekend:\n\n"
            "KHARKIV - Russian drones damaged a power substation overnight on Saturday, the mayor said.\n\n"
            "ZAPORIZHZHIA - Three people were killed when a guided bomb hit a residential block on Sunday "
            "morning, officials said.")
    found = {e["date"]: e["location"]["name"] for e in _events(coder, text) if e["location"]}
    assert found.get("2024-05-05", "").startswith("Zaporizhzh")


def test_a_field_label_is_no_word_of_the_act(coder):
    """ "Situation: On 14 March, an armed group attacked ...": a flash update's field label names its section; the
    detector reads the sentence without it, as it reads a lead without its dateline (with it, the attack was read
    as looting)."""
    text = ("Situation: On 2 May 2026, an armed group attacked rural localities of Mirebalais commune, Centre "
            "department. Local authorities report at least 12 people killed and more than 20 houses burned.\n\n"
            "Needs: Priority needs are food, drinking water and blankets.")
    events = [e for e in coder.code(text, published="2026-05-05")["events"] if not e["background"]]
    assert events[0]["sub_event_type"] == "Attack"
