"""A past act of violence named by its place ("the Orlando shooting", "the attacks in Paris") with nothing dating it
is a background event of the article that names it, and joins the incident that a dated report tells. Reaction and
commentary pieces tell incidents this way (PolNeAR's political news). Text written by the project; real places,
invented events."""
import hashlib

from wirecoder.store import Database, DocumentRow

TOLD = ("KANO, Nigeria - Gunmen opened fire on worshippers at a mosque in Kano on Friday, killing 11 people, "
        "police said.")
NAMED = ("Lawmakers on Tuesday called for tighter controls on the sale of firearms. The shooting at a mosque in "
         "Kano has divided the assembly, and a vote is expected next week.")


def _events(coder, text, published):
    return coder.code(text, published=published)["events"]


def test_a_past_attack_named_by_its_place_is_a_background_event(coder):
    events = _events(coder, NAMED, "2024-05-14")
    named = [e for e in events if e["location"] and e["location"]["name"] == "Kano"]
    assert len(named) == 1
    event = named[0]
    assert event["background"] and event["referenced"]
    assert event["event_type"] == "Violence against civilians"
    assert event["date"] <= "2024-05-14" and event["time_precision"] == 3


def test_a_named_attack_told_as_news_stays_current(coder):
    events = _events(coder, "The shooting at a mosque in Kano on Friday killed 11 worshippers, police said.",
                     "2024-05-11")
    assert events and not any(e["background"] for e in events)


def test_what_only_a_year_or_a_person_names_is_no_event(coder):
    for text in ("The 2001 attacks in New York changed the debate for a generation.",
                 "He called the attack on Clinton in Iowa unfair."):
        assert _events(coder, text, "2024-05-14") == []


def test_the_reaction_joins_the_incident_the_news_tells(coder, tmp_path):
    incidents = _incidents_of_the_news(coder, tmp_path, named_on="2024-05-14")
    assert len(incidents) == 1
    assert {s["document_id"] for s in incidents[0].record["sources"]} == {"told", "named"}


def _incidents_of_the_news(coder, tmp_path, *, named_on):
    """Store the news of 10 May and the article that names it, published ``named_on``; the incidents of the news."""
    rows = []
    for doc_id, text, published, outlet in (("told", TOLD, "2024-05-10", "Kano Daily"),
                                            ("named", NAMED, named_on, "Capital Post")):
        record = coder.code(text, published=published)
        rows.append(DocumentRow(doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                                origin=f"{doc_id}.txt", text=text, status="coded", record=record, source=outlet,
                                published=published))
    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=rows)
        return [i for i in db.iter_incidents() if any(s["document_id"] == "told" for s in i.record["sources"])]


def test_a_named_attack_weeks_later_lies_in_the_month_before_and_still_joins(coder, tmp_path):
    """Named 18 days after the news, with no day of its own: the month up to publication, which reaches it."""
    events = _events(coder, NAMED, "2024-05-28")
    (event,) = [e for e in events if e["location"] and e["location"]["name"] == "Kano"]
    assert (event["date"], event["date_end"], event["time_precision"]) == ("2024-04-28", "2024-05-28", 3)
    incidents = _incidents_of_the_news(coder, tmp_path, named_on="2024-05-28")
    assert [{s["document_id"] for s in i.record["sources"]} for i in incidents] == [{"told", "named"}]


def test_the_act_people_fled_on_a_day_happened_that_day(coder):
    """ "families who fled the fighting in Batangafo on Saturday": one flees an act as it happens, so the fighting is
    the day's news, not a past act the article only names."""
    events = _events(coder, "Hundreds of families who fled the fighting in Batangafo on Saturday were still sleeping "
                            "in the compound of the mission on Monday, aid workers said.", "2024-05-13")
    [event] = [e for e in events if e["location"] and e["location"]["name"] == "Batangafo"]
    assert not event["background"]
    assert (event["date"], event["time_precision"]) == ("2024-05-11", 1)
