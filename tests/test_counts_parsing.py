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
    # the boy is one victim; 13 is his age, 2019 a year and 40 a number of houses
    assert counts(run_stages, "A 13-year-old boy was killed in 2019 when 40 houses burned.") == \
        [("fatalities", Count(1, 1, 1))]
    assert counts(run_stages, "The army deployed 300 troops to the area.") == []


def test_counts_sides_are_summed_and_single_victims_counted(run_stages):
    assert counts(run_stages, "The clashes killed four soldiers and 31 militants.") == \
        [("fatalities", Count(35, 35, 35))]
    assert counts(run_stages, "A soldier and a rebel were killed in the fighting.") == [("fatalities", Count(2, 2, 2))]


def test_counts_none_hurt_is_zero(run_stages):
    found = counts(run_stages, "A rocket hit the depot on Monday, but no casualties were reported.")
    assert ("fatalities", Count(0, 0, 0)) in found and ("injured", Count(0, 0, 0)) in found
    assert counts(run_stages, "Nobody was hurt in the blast.") == [("injured", Count(0, 0, 0))]


def test_counts_shot_dead_before_the_number(run_stages):
    found = counts(run_stages, "Police shot dead three protesters in Kisumu on Friday.")
    assert found == [("fatalities", Count(3, 3, 3))]
