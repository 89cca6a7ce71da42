import pytest

from wirecoder.errors import WirecoderError

ENGLISH = "Gunmen attacked a police post in the town of Kidal on Monday, killing two officers."


def test_coder_code_returns_the_documented_record(coder):
    record = coder.code(ENGLISH, published="2023-04-05", id="a1", source="Example Wire")
    assert record["schema"] == "wirecoder.document/1"
    assert list(record) == ["schema", "id", "title", "url", "source", "language", "published", "published_from",
                            "events", "places", "quotes", "framing", "boilerplate", "warnings"]
    assert record["id"] == "a1" and record["published_from"] == "given"
    event_keys = ["id", "event_type", "sub_event_type", "date", "date_end", "time_precision", "actor1", "actor2",
                  "assoc_actors", "location", "fatalities", "injured", "weapons", "background", "referenced", "claimed_by",
                  "confidence", "evidence"]
    assert record["events"] and all(list(e) == event_keys for e in record["events"])


@pytest.mark.parametrize("text, code", [
    ("", "W001"), ("   \n ", "W001"), (b"\xff\xfe\xfa broken", "W002"),
    ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites, malgré les manifestations.", "W004"),
])
def test_coder_bad_input_raises_a_coded_error(coder, text, code):
    with pytest.raises(WirecoderError) as info:
        coder.code(text)
    assert info.value.code == code


def test_coder_rejects_a_20_mb_text_without_coding_it(coder):
    with pytest.raises(WirecoderError) as info:
        coder.code("word " * 4_000_000)
    assert info.value.code == "W003"


def test_coder_bad_published_date(coder):
    with pytest.raises(WirecoderError) as info:
        coder.code(ENGLISH, published="last Tuesday")
    assert info.value.code == "W008"


def test_coder_code_many_keeps_ids_and_order_and_isolates_errors(coder):
    items = [{"id": "ok1", "text": ENGLISH}, {"id": "empty", "text": ""}, {"id": "notext"},
             {"id": "fr", "text": "Les soldats ont attaqué le village hier soir selon les habitants du quartier."},
             WirecoderError("W005", "line 5 is not JSON"), {"id": "ok2", "text": ENGLISH, "published": "2023-04-05"}]
    out = list(coder.code_many(items))
    assert [r["id"] for r in out] == ["ok1", "empty", "notext", "fr", None, "ok2"]
    assert [r.get("error", {}).get("code") for r in out] == [None, "W006", "W006", "W004", "W005", None]
    assert [r["error"]["line"] for r in out if "error" in r] == [2, 3, 4, 5]
    assert out[5]["events"]


def test_coder_code_many_blank_text_is_no_text_and_a_number_is_the_wrong_type(coder):
    out = list(coder.code_many([{"id": "blank", "text": " \n\t "}, {"id": "number", "text": 12}]))
    assert [r["error"]["code"] for r in out] == ["W006", "W008"]
    assert "blank" in out[0]["error"]["message"] and "int" in out[1]["error"]["message"]


def test_coder_lone_surrogates_are_replaced_one_for_one_and_coded(coder):
    text = "Gunmen killed 12 people in Kaduna\ud800 on Monday, police said.\udfff"
    out = list(coder.code_many([{"id": "s\ud83d", "text": text, "title": "x\udc00", "published": "2024-03-12"},
                                {"id": "ok", "text": "Troops shelled Ganja on Monday.", "published": "2024-03-12"}]))
    assert [("error" in r) for r in out] == [False, False]
    assert "W105" in [w["code"] for w in out[0]["warnings"]]
    assert out[0]["id"] == "s\ufffd" and out[0]["title"] == "x\ufffd"
    for event in out[0]["events"]:
        for evidence in event["evidence"]:
            assert text[evidence["start"]:evidence["end"]].replace("\ud800", "\ufffd") == evidence["text"]
    import json

    json.dumps(out, ensure_ascii=False).encode("utf-8")  # no surrogate left to break an encoder
