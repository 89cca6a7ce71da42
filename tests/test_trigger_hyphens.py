"""Trigger and weapon patterns written with a hyphen match as the tokenizer splits them ("shoot - out")."""
from wirecoder.taxonomy.lexicon import load_triggers, load_weapons


def test_hyphenated_patterns_are_split_like_the_text():
    triggers = load_triggers()
    patterns = {rule.lemmas for rules in triggers.values() for rule in rules}
    assert ("shoot", "-", "out") in patterns and ("sit", "-", "in") in patterns
    assert not any("-" in part and part != "-" for pattern in patterns for part in pattern)
    weapons = {lemmas for entries in load_weapons().values() for lemmas, _ in entries}
    assert not any("-" in part and part != "-" for pattern in weapons for part in pattern)


def test_a_hyphenated_trigger_keeps_its_written_name():
    rule = next(r for r in load_triggers()["shoot"] if r.lemmas == ("shoot", "-", "out"))
    assert rule.name == "shoot-out"


def test_a_shoot_out_is_a_clash(run_stages):
    article = run_stages("A shoot-out broke out between police officers and drug traffickers in the Vila Nova "
                         "neighbourhood on Friday.", until="mentions", published="2020-05-10")
    rules = [m for m in article.mentions if m.rule == "shoot-out"]
    assert rules and rules[0].sub_event_type == "Armed clash"
