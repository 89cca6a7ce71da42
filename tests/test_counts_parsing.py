from wirecoder.article import Count


def counts(run_stages, text):
    article = run_stages(text, until="counts", published="2021-05-01")
    return [(c.kind, c.count) for c in article.counts]


def test_counts_plain_and_lower_bound(run_stages):
    found = counts(run_stages, "As a result, 13 people died and more than 45 people were injured.")
    assert found == [("fatalities", Count(13, 13, 13)), ("injured", Count(46, 46, None))]


def test_counts_participles_after_the_event(run_stages):
    found = counts(run_stages, "Gunmen attacked the village, killing 14 civilians and wounding at least six others.")
    assert found == [("fatalities", Count(14, 14, 14)), ("injured", Count(6, 6, None))]


def test_counts_vague_quantities_are_read_conservatively(run_stages):
    assert counts(run_stages, "Dozens of people were killed in the clashes.") == [("fatalities", Count(12, 12, None))]
    assert counts(run_stages, "Hundreds were wounded.") == [("injured", Count(100, 100, None))]


def test_counts_number_words_and_toll(run_stages):
    assert counts(run_stages, "The death toll rose to 27 on Friday.") == [("fatalities", Count(27, 27, 27))]
    assert counts(run_stages, "Three protesters were shot dead.") == [("fatalities", Count(3, 3, 3))]


def test_counts_ignore_ages_years_and_unrelated_numbers(run_stages):
    assert counts(run_stages, "A 13-year-old boy was killed in 2019 when 40 houses burned.") == []
    assert counts(run_stages, "The army deployed 300 troops to the area.") == []
