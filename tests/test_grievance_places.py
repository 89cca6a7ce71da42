"""What a crowd protests against is told where and when it happened: the crowd's own place and day are those of
the clause it acts in. Sentences the project writes."""


def crowd_events(coder, text, published="2026-05-18"):
    return [e for e in coder.code(text, published=published)["events"] if e["event_type"] in ("Protests", "Riots")]


def test_the_killing_a_crowd_protests_against_lends_it_neither_place_nor_day(coder):
    [event] = crowd_events(coder, "Youths protesting against the killing of villagers in Bwoi on Saturday night "
                                  "blocked the Jos-Mangu road in Mangu town on Sunday afternoon and burned two "
                                  "cars, residents said.")
    assert (event["location"]["name"], event["date"]) == ("Mangu", "2026-05-17")


def test_a_protest_told_after_its_deed_is_placed_by_the_deed_not_the_grievance(coder):
    """ "to protest against the arrest of their leader in Abuja": the march was in Kano, and it is one event."""
    [event] = crowd_events(coder, "Traders shut their shops and marched through Kano on Monday to protest against "
                                  "the arrest of their leader in Abuja.")
    assert event["location"]["name"] == "Kano"
    [event] = crowd_events(coder, "Hundreds of students burned tyres in Mubi on Monday to protest against the "
                                  "killing of two classmates in Uba, police said.")
    assert event["location"]["name"] == "Mubi"


def test_with_no_other_place_the_grievances_place_stands(coder):
    """Residents protesting a killing with no place of their own told: the grievance's town is all there is."""
    [event] = crowd_events(coder, "Residents protested on Sunday against the killing of three farmers in Bokkos, "
                                  "community leaders said.")
    assert (event["location"]["name"], event["date"]) == ("Bokkos", "2026-05-17")


def test_whom_a_crowd_is_in_solidarity_with_is_not_where_it_marched(coder):
    # spaCy hangs "with" on the verb, after "in solidarity": before, Abuja made a second protest of the march
    record = coder.code("Hundreds of students marched in Lagos on Monday in solidarity with protesters in Abuja.",
                        published="2020-05-10")
    assert [e["location"]["name"] for e in record["events"] if not e["background"]] == ["Lagos"]
