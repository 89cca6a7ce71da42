"""The home country of an actor the text names by a form only it has counts when the text's toponyms are resolved
(stages/places.py): a town named in a story about a country's armed group is that country's namesake."""
import pytest


@pytest.mark.parametrize("text, country", [
    ("ELN guerrillas attacked a military base in San Pablo on Sunday.", "CO"),
    ("The CJNG attacked police in San Pedro on Sunday.", "MX"),
    ("Members of the Gran Grif gang attacked Liancourt on Sunday and took hostages to Saint-Marc.", "HT"),
])
def test_a_town_in_a_story_about_a_named_group_is_its_countrys(coder, text, country):
    places = coder.code(text, published="2025-08-19")["places"]
    assert places and all(p["country"] == country for p in places)


def test_a_form_two_actors_share_implies_no_country(coder):
    groups = next(s for s in coder.pipeline.stages if s.name == "places").groups
    article = coder.article("Fighters of the ADF killed nine villagers on Sunday.", published="2025-08-19")
    for stage in coder.pipeline.stages[:2]:
        article = stage(article)
    assert groups.home_countries(article.doc, day=article.published) == frozenset()
    article = coder.article("Fighters of Boko Haram killed nine villagers on Sunday.", published="2025-08-19")
    for stage in coder.pipeline.stages[:2]:
        article = stage(article)
    assert groups.home_countries(article.doc, day=article.published) == {"NG"}
