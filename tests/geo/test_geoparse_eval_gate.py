"""Quality gate: toponym resolution with gold spans on the public corpora beside the checkout (read by path,
never copied). Floors sit a little under today's figures so that a regression fails the build."""
import pathlib

import pytest

from wirecoder.geo import Geoparser
from wirecoder.geo.evaluate import evaluate, read_corpus

DATA = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "geoparsing"

# corpus: (accuracy within 161 km, candidate recall, candidate recall within 161 km or by id)
FLOORS = {"GeoVirus": (0.77, 0.95, 0.76), "TR-News": (0.82, 0.94, 0.94)}  # measured 0.787/0.961/0.775, 0.835/0.947/0.947


@pytest.fixture(scope="module")
def geoparser():
    g = Geoparser()
    yield g
    g.close()


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_geoparse_eval_gate_floors(geoparser, corpus):
    path = DATA / f"{corpus}.xml"
    if not path.is_file():
        pytest.skip(f"{path} is not beside the checkout")
    scores = evaluate(geoparser, read_corpus(path), corpus=corpus)
    accuracy, recall, recall_161 = FLOORS[corpus]
    assert scores.accuracy_161 >= accuracy
    assert scores.candidate_recall >= recall
    assert scores.candidate_recall_161 >= recall_161
