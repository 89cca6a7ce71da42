from wirecoder.geo.outlet import outlet_country


def test_outlet_country_reads_country_code_domains():
    assert outlet_country("https://www.cbc.ca/news/canada/x") == "CA"
    assert outlet_country("news.bbc.co.uk/2/hi") == "GB"
    assert outlet_country("https://en.trend.az/azerbaijan/politics") == "AZ"


def test_outlet_country_is_none_for_generic_domains_and_nothing():
    assert outlet_country("https://www.nytimes.com/2020/x") is None
    assert outlet_country("https://example.tv/x") is None
    assert outlet_country("https://en.wikinews.org/wiki/x") is None
    assert outlet_country(None) is None and outlet_country("") is None


def test_outlet_country_of_an_address_that_is_no_url_is_none():
    # urlsplit raises ValueError ("Invalid IPv6 URL") on a stray bracket: the places stage failed (W099), found by
    # bench/fuzz.py with the item {"url": "]\U000850cc\x88", "text": ...}
    assert outlet_country("]\U000850cc\x88") is None
    assert outlet_country("http://[x/news") is None
