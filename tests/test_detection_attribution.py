"""A quote's attribution cut off from it by the sentence splitter ("an officer said.") tells no event, whatever
its nouns weigh for the sentence model."""


def events(coder, text):
    return [e["sub_event_type"] for e in coder.code(text, published="2021-05-01")["events"]]


def test_an_attribution_alone_is_no_event(coder):
    assert events(coder, '"Hey, here she is. Got her!"\nan officer said.') == []


def test_a_sentence_that_tells_something_still_is(coder):
    assert events(coder, "Gunmen attacked a police post in the town on Monday, an officer said.") != []
