"""The people of a place name it: "Residents of X", "the people of X" (and not a person whose name X would be).
Sentences the project writes."""


def starts_of(record, text):
    return [p["start"] for p in record["places"] if p["text"] == text]


def test_the_residents_of_a_town_name_the_town(coder):
    record = coder.code("Residents of Bani-Bangou, in the department of the same name, say 34 people died when "
                        "gunmen opened fire on the town's weekly market on Thursday.", published="2024-06-15")
    assert starts_of(record, "Bani-Bangou") == [13]
    [event] = record["events"]
    assert (event["location"]["name"], event["location"]["country"]) == ("Bani Bangou", "NE")


def test_the_people_of_a_town_do_not_make_its_name_a_persons(coder):
    """spaCy tags "Bani-Bangou" a person in "The people of Bani-Bangou blame ..."; its words are no surname to
    reject the town's first mention by."""
    record = coder.code("Residents of Bani-Bangou say 34 people died when gunmen opened fire on the town's weekly "
                        "market on Thursday.\n\nThe people of Bani-Bangou blame fighters loyal to the Islamic State "
                        "group, who have imposed taxes on villages in the area since 2021.", published="2024-06-15")
    assert 13 in starts_of(record, "Bani-Bangou")
