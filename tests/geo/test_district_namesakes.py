"""Of towns of one name the gazetteer counts no people of (postal villages), the one in the district of its name: a
district's seat, most often (geo/resolve.py, ``RankWeights.district_namesake``). Sentences the project writes."""
from wirecoder.geo.names import names_its_district


def test_a_towns_name_among_the_words_of_its_districts_name():
    assert names_its_district("Amuzgos", "San Pedro Amuzgos")
    assert names_its_district("Kubu", "Kabupaten Kubu Raya")
    assert not names_its_district("Mand", "Mandla")  # a word, not the start of one
    assert not names_its_district("Amuzgos", None)


def test_of_unpeopled_namesakes_the_one_in_the_district_of_its_name(coder):
    record = coder.code("Hundreds of farmers protested outside the town hall in Amuzgos on Thursday.",
                        published="2026-01-16")
    [place] = record["places"]
    assert (place["name"], place["admin2"]) == ("Amuzgos", "San Pedro Amuzgos")
