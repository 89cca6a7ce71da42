"""Both sides of a clash, however the sentence tells them: "clashes took place between A and B", "A and B
clashed" (with a place named just before, so the parser may hang A on it), and a state named "X State"
(whose word "State" is no verb of saying)."""
import pytest


def sides(coder, text):
    event = coder.code(text, published="2020-05-10")["events"][0]
    return (event["actor1"] or {}).get("kind"), (event["actor2"] or {}).get("kind")


@pytest.mark.parametrize("text", [
    "On 6 May 2020, clashes took place between regime forces and opposition rebels on the frontline near Saraqib.",
    "On 8 May 2020, an exchange of fire took place between security forces and Maoists in Sukma district, Chhattisgarh.",
    "On 8 May 2020, in Kyauktaw Town, Rakhine State, Myanmar military and AA clashed with small and heavy weapons.",
])
def test_both_sides_of_a_clash(coder, text):
    assert sides(coder, text) == ("state_forces", "rebels")


def test_allies_attacking_together_are_not_each_others_target(coder):
    assert sides(coder, "Troops and police fought rebels in the hills on Monday.") == ("state_forces", "rebels")
