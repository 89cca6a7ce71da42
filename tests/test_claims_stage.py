"""Who asserts each event: quoted sources, the outlet, and competing counts, on hand-built articles."""
from __future__ import annotations

from wirecoder.article import (Article, Count, CountMention, Event, EventMention, Evidence, Place, Quote, Sentence,
                               Span, Speaker)
from wirecoder.quoting.speaker_kinds import speaker_kind
from wirecoder.stages.claims import ClaimsStage


def span_of(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def place(text: str, name: str) -> Place:
    return Place(span_of(text, name), name, None, None, None, None, None, None, None, 1)


def event(text: str, trigger: str, *, location: Place | None = None, fatalities: Count | None = None,
          evidence: list[Evidence] = ()) -> Event:
    mention = EventMention(span_of(text, trigger), 0, "Explosions/Remote violence",
                           "Shelling/artillery/missile attack", 0.9, "test")
    return Event("e1", mention.event_type, mention.sub_event_type, None, None, 3, None, None, [], location,
                 fatalities, None, [], False, 0.9, [Evidence("trigger", mention.trigger), *evidence], mention)


def quote(text: str, qid: str, content: str, speaker: str, role: str | None = None, cue: str = "said") -> Quote:
    content_span = span_of(text, content)
    cue_span = span_of(text, cue, max(0, content_span.start - 30))
    return Quote(qid, Speaker(speaker, role, span_of(text, speaker)), cue_span, content_span, False)


def sentences(article: Article) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(article.text.split(". ")):
        out.append(Sentence(article.span(start, start + len(part)), 0, i))
        start += len(part) + 2
    return out


def test_claims_quoted_source_whose_statement_holds_the_trigger():
    text = "Rockets hit the depot overnight, the Defense Ministry said. The town was calm on Sunday."
    article = Article(text=text, id="a", source="Daily Courier")
    article.quotes = [quote(text, "q1", "Rockets hit the depot overnight", "Defense Ministry")]
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [(c.name, c.kind, c.quote_id) for c in article.events[0].claimed_by] == \
        [("Defense Ministry", "military", "q1")]


def test_claims_outlet_when_no_one_is_quoted_on_the_event():
    text = "Rockets hit the depot overnight. Officials said the town was calm on Sunday."
    article = Article(text=text, id="a", source="Daily Courier")
    article.quotes = [quote(text, "q1", "the town was calm on Sunday", "Officials")]
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [(c.name, c.kind, c.quote_id) for c in article.events[0].claimed_by] == [("Daily Courier", "outlet", None)]


def test_claims_outlet_named_in_the_text():
    text = "Rockets hit the depot overnight, Kavkaz Wire reports."
    article = Article(text=text, id="a")
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [(c.name, c.kind) for c in article.events[0].claimed_by] == [("Kavkaz Wire", "outlet")]


def test_claims_unknown_outlet():
    text = "Rockets hit the depot overnight."
    article = Article(text=text, id="a")
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [(c.name, c.kind) for c in article.events[0].claimed_by] == [("unknown outlet", "outlet")]


def test_claims_two_sources_with_different_counts_are_both_kept():
    text = ("Shelling killed 12 people in Dorvan, the health ministry said. "
            "Rebel commanders said only 3 people died in Dorvan")
    article = Article(text=text, id="a", source="Daily Courier")
    article.sentences = sentences(article)
    own, other = span_of(text, "killed 12 people"), span_of(text, "3 people died")
    article.counts = [CountMention(own, 0, "fatalities", Count(12, 12, 12)),
                      CountMention(other, 1, "fatalities", Count(3, 3, 3))]
    article.quotes = [quote(text, "q1", "Shelling killed 12 people in Dorvan", "health ministry"),
                      quote(text, "q2", "only 3 people died in Dorvan", "Rebel commanders")]
    dorvan = place(text, "Dorvan")
    article.events = [event(text, "Shelling", location=dorvan, fatalities=Count(12, 12, 12),
                            evidence=[Evidence("fatalities", own)])]
    ClaimsStage()(article)
    e = article.events[0]
    assert e.fatalities == Count(12, 12, 12)  # the event's own figure is not averaged or replaced
    assert [(v.field, v.span.text) for v in e.evidence if v.field == "fatalities"] == \
        [("fatalities", "killed 12 people"), ("fatalities", "3 people died")]
    assert [(c.name, c.quote_id) for c in e.claimed_by] == [("health ministry", "q1"), ("Rebel commanders", "q2")]


def test_claims_speaker_kinds():
    def kind(name, role=None, cue="said"):
        return speaker_kind(Speaker(name, role, Span(0, len(name), name)), cue)

    assert kind("Defense Ministry") == "military"
    assert kind("Foreign Ministry") == "government"
    assert kind("Lena Haas", "Governor") == "government"
    assert kind("Tomas Varga", "General") == "military"
    assert kind("Amnesty International") == "organisation"
    assert kind("Reuters", cue="reported") == "outlet"
    assert kind("Kavkaz Wire", cue="reports") == "outlet"
    assert kind("Maria Lopez") == "person"
    assert kind("he") == "person"


def test_claims_a_date_inside_a_quote_does_not_make_a_claim():
    text = "Rockets hit the depot. The governor said the curfew would end on Friday."
    article = Article(text=text, id="a", source="Daily Courier")
    article.quotes = [quote(text, "q1", "the curfew would end on Friday", "governor")]
    article.events = [event(text, "hit", evidence=[Evidence("date", span_of(text, "Friday"))])]
    ClaimsStage()(article)
    assert [c.name for c in article.events[0].claimed_by] == ["Daily Courier"]


def test_claims_the_source_of_a_figure_claims_the_event():
    text = "Shelling hit Dorvan. Officials said 12 people were killed there."
    article = Article(text=text, id="a", source="Daily Courier")
    figure = span_of(text, "12 people were killed")
    article.quotes = [quote(text, "q1", "12 people were killed there", "Officials")]
    article.events = [event(text, "Shelling", fatalities=Count(12, 12, 12), evidence=[Evidence("fatalities", figure)])]
    ClaimsStage()(article)
    assert [(c.name, c.quote_id) for c in article.events[0].claimed_by] == [("Officials", "q1")]


def test_claims_a_ministry_reporting_is_not_an_outlet():
    text = "Rockets hit the depot overnight, Interior Ministry reported."
    article = Article(text=text, id="a")
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [(c.name, c.kind) for c in article.events[0].claimed_by] == [("unknown outlet", "outlet")]


def test_claims_an_unresolved_pronoun_is_no_source():
    text = "They said rockets hit the depot overnight."
    article = Article(text=text, id="a", source="Daily Courier")
    article.quotes = [quote(text, "q1", "rockets hit the depot overnight", "They")]
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [c.name for c in article.events[0].claimed_by] == ["Daily Courier"]


def test_claims_a_group_claiming_responsibility_is_no_source():
    text = "The Islamic State claimed responsibility for the blast that hit the depot."
    article = Article(text=text, id="a", source="Daily Courier")
    article.quotes = [quote(text, "q1", "responsibility for the blast that hit the depot", "The Islamic State",
                            cue="claimed")]
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [c.name for c in article.events[0].claimed_by] == ["Daily Courier"]


def test_claims_described_sources_are_named_as_the_text_describes_them(coder):
    record = coder.code("Police fired tear gas at protesters in Nairobi on Tuesday, witnesses told Reuters.",
                        published="2021-05-05")
    assert [c["name"] for e in record["events"] for c in e["claimed_by"]] == ["witnesses"]
    record = coder.code("Gunmen killed five villagers in Kauru on Sunday, residents said.", published="2021-05-05")
    assert [c["name"] for e in record["events"] for c in e["claimed_by"]] == ["residents"]


def test_claims_speaker_names_lose_stray_punctuation():
    from wirecoder.quoting.speakers import normalise
    assert normalise(". Matt  Harris") == "Matt Harris"
    assert normalise("police,") == "police"


def test_claims_a_relative_pronoun_is_the_noun_it_stands_for_or_no_source(coder):
    record = coder.code("Two farmers who said gunmen had killed four of their neighbours fled to the capital on "
                        "Monday.", published="2021-05-05")
    claimed = [c["name"] for e in record["events"] for c in e["claimed_by"]]
    assert claimed and "who" not in claimed and any("farmers" in name for name in claimed)
    # "who" left unresolved (here the parser hangs the clause on no noun) is no source: the outlet asserts it
    text = "Rockets hit the depot overnight, who said it."
    article = Article(text=text, id="a", source="Daily Courier")
    article.quotes = [quote(text, "q1", "Rockets hit the depot overnight", "who")]
    article.events = [event(text, "hit")]
    ClaimsStage()(article)
    assert [c.name for c in article.events[0].claimed_by] == ["Daily Courier"]


def test_claims_a_person_who_writes_or_reports_is_no_outlet(coder):
    for text in ("Jane Roe wrote that gunmen killed three villagers near Kaduna on Sunday.",
                 "The victim's brother reported that gunmen killed three villagers near Kaduna on Sunday."):
        record = coder.code(text, published="2021-05-05")
        kinds = {c["kind"] for e in record["events"] for c in e["claimed_by"]}
        assert kinds == {"person"}, (text, record["events"])
    # a masthead that reports stays an outlet
    record = coder.code("Gunmen killed three villagers near Kaduna on Sunday, the Kaduna Courier reported.",
                        published="2021-05-05")
    assert {(c["name"], c["kind"]) for e in record["events"] for c in e["claimed_by"]} == {
        ("Kaduna Courier", "outlet")}


def test_claims_another_figure_from_an_unnamed_speaker_keeps_the_outlet_as_its_source():
    text = ("Shelling killed 12 people in Dorvan, the health ministry said. "
            "They said only 3 people died in Dorvan")
    article = Article(text=text, id="a", source="Daily Courier")
    article.sentences = sentences(article)
    own, other = span_of(text, "killed 12 people"), span_of(text, "3 people died")
    article.counts = [CountMention(own, 0, "fatalities", Count(12, 12, 12)),
                      CountMention(other, 1, "fatalities", Count(3, 3, 3))]
    article.quotes = [quote(text, "q1", "Shelling killed 12 people in Dorvan", "health ministry"),
                      quote(text, "q2", "only 3 people died in Dorvan", "They")]
    article.events = [event(text, "Shelling", location=place(text, "Dorvan"), fatalities=Count(12, 12, 12),
                            evidence=[Evidence("fatalities", own)])]
    ClaimsStage()(article)
    assert [c.name for c in article.events[0].claimed_by] == ["health ministry", "Daily Courier"]


def test_claims_a_one_word_masthead_that_reports_stays_an_outlet_even_if_the_parser_calls_it_a_person(run_stages):
    from wirecoder.stages.claims import kind_of

    article = run_stages("The envoy said he discussed the delay in August, after Politico reported the aid had been "
                         "paused.", until="quotes", published="2021-05-05")
    reporting = [q for q in article.quotes if q.cue.text == "reported"]
    assert reporting and kind_of(article, reporting[0]) == "outlet"
