"""An event's two sides are two parties: a sentence that names the doer and again its own dead ("four ELN fighters
were killed in a firefight between the ELN and an army patrol"), or two retellings joined into one event where one
names the party as the doer and the other as the one hit, does not make one party fight itself."""
from wirecoder.article import ActorMention, Event, EventMention, Span
from wirecoder.stages.event_merge import _absorb


def test_a_party_counted_among_its_own_dead_is_not_the_other_side(coder):
    text = "On 3 March 2024, four ELN fighters were killed in a firefight between the ELN and an army patrol near Saravena, Arauca."
    event = coder.code(text, published="2024-03-05")["events"][0]
    assert event["actor1"]["name"] != event["actor2"]["name"]
    assert {event["actor1"]["kind"], event["actor2"]["kind"]} == {"rebels", "state_forces"}


def test_civilians_told_twice_are_still_the_victims_not_officials(coder):
    """A raid's families who appeal to the government: the government is no side of the raid."""
    text = ("Families of children kidnapped during last Thursday's raid on Mazeze called on the government on "
            "Monday to do more to bring them home.")
    for event in coder.code(text, published="2025-06-02")["events"]:
        assert "Government" not in ((event.get("actor2") or {}).get("name") or "")


def actor(name: str, kind: str, start: int) -> ActorMention:
    return ActorMention(Span(start, start + 5, "words"), name, kind, "ID", 0)


def event(actor1: ActorMention | None, actor2: ActorMention | None) -> Event:
    mention = EventMention(Span(0, 5, "fight"), 0, "Battles", "Armed clash", 0.9, "test")
    return Event("e1", "Battles", "Armed clash", None, None, 1, actor1, actor2, [], None, None, None, [], False, 0.9,
                 [], mention)


def test_joining_two_tellings_keeps_the_other_side():
    soldiers = actor("Military Forces of Indonesia", "state_forces", 10)
    wounded = event(None, actor("Military Forces of Indonesia", "state_forces", 40))  # "another soldier was wounded"
    gunfight = event(soldiers, actor("Rebels (Indonesia)", "rebels", 20))  # "a soldier killed in a gunfight with rebels"
    _absorb(wounded, gunfight)
    assert wounded.actor1.name == "Military Forces of Indonesia"
    assert wounded.actor2.name == "Rebels (Indonesia)"
