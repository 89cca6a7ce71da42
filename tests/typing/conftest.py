"""Small hand-written corpora for the typing tests (never the project's training data)."""
from __future__ import annotations

import pytest

from wirecoder.typing import Example

SHELLING = [
    "Artillery shells hit the market in the eastern town, wounding several traders.",
    "Government forces shelled rebel-held villages overnight with heavy artillery.",
    "Mortar rounds landed near the school as the bombardment of the district continued.",
    "The army pounded the hills with rockets and howitzers for a second day.",
    "Shelling of the city's northern suburbs damaged homes and a water station.",
    "Rockets fired from across the river struck a fuel depot on the outskirts.",
    "Residents said artillery fire rained down on the village after dusk.",
]
PROTEST = [
    "Hundreds of teachers marched peacefully to the ministry to demand unpaid salaries.",
    "Students held a sit-in outside the university gates over the rise in fees.",
    "Farmers gathered in the main square with banners calling for lower fuel prices.",
    "Women's groups staged a silent march through the capital against gender violence.",
    "Traders closed their shops and rallied outside the town hall over new taxes.",
    "Residents demonstrated peacefully outside the governor's office over water cuts.",
    "Nurses protested in front of the hospital, chanting slogans about working hours.",
]
NONE = [
    "The national team won the final 2-0 in front of a sell-out crowd.",
    "Shares in the carmaker rose 4 percent after strong quarterly results.",
    "Forecasters expect heavy rain and cooler weather across the south this weekend.",
    "The museum opened a new gallery devoted to medieval manuscripts.",
    "Parliament approved the budget after a long debate on Tuesday evening.",
    "The central bank kept its main interest rate unchanged at 5 percent.",
    "A new rail line between the two cities opened to passengers on Monday.",
]


@pytest.fixture
def small_examples() -> list[Example]:
    return ([Example(t, "Shelling/artillery/missile attack") for t in SHELLING]
            + [Example(t, "Peaceful protest") for t in PROTEST]
            + [Example(t, None) for t in NONE])
