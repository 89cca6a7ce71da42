"""Countries as ACLED names them: in the `country` column of the exports and in the names of state forces, so
that scripts which join on ACLED's names find ours ("Syria", not pycountry's "Syrian Arab Republic")."""
import pytest

from wirecoder.export.acled import acled_row
from wirecoder.geo.countries import CountryNames, acled_country
from wirecoder.store import StoredEvent


@pytest.mark.parametrize("iso, name", [("SY", "Syria"), ("CD", "Democratic Republic of Congo"), ("IR", "Iran"),
                                       ("RU", "Russia"), ("PS", "Palestine"), ("TR", "Turkey"),
                                       ("CI", "Ivory Coast"), ("VE", "Venezuela"), ("NG", "Nigeria")])
def test_acled_names_a_country(iso, name):
    assert acled_country(iso) == name
    assert acled_country(iso.lower()) == name


def test_an_unknown_code_has_no_name():
    assert acled_country("QQ") is None and acled_country(None) is None


def test_state_forces_are_named_with_acled_country_names():
    countries = CountryNames()
    assert countries.name("CD") == "Democratic Republic of Congo"
    assert countries.name("MK") == "North Macedonia"


def test_a_congolese_army_told_two_ways_has_one_name(coder):
    """The lexicon's FARDC and an army named by its country are one actor, named as ACLED names it."""
    def forces(text):
        return {a["name"] for e in coder.code(text, published="2023-11-19")["events"]
                for a in (e["actor1"], e["actor2"]) if a and a.get("kind") == "state_forces"}
    by_country = forces("Fighting broke out on Saturday between M23 rebels and Congo's army near Sake.")
    by_lexicon = forces("Fighting broke out on Saturday between M23 rebels and the FARDC near Sake.")
    assert by_country == by_lexicon == {"Military Forces of the Democratic Republic of Congo"}


def test_the_export_writes_acled_country_names():
    event = {"id": "d-e1", "event_type": "Battles", "sub_event_type": "Armed clash", "date": "2024-03-02",
             "time_precision": 1, "actor1": None, "actor2": None,
             "location": {"name": "Idlib", "country": "SY", "admin1": "Idlib", "lat": 35.9, "lon": 36.6,
                          "geo_precision": 1}}
    row = acled_row(StoredEvent(id=1, document_id="d", document_url=None, document_title=None,
                                document_source="Idlib Post", document_published="2024-03-03",
                                stored_at="2024-03-03T10:00:00+00:00", event=event))
    assert (row["country"], row["iso"], row["event_id_cnty"][:3]) == ("Syria", 760, "SYR")


@pytest.mark.parametrize("name, iso", [("Democratic Republic of Congo", "CD"), ("turkey", "TR"),
                                       ("Ivory Coast", "CI"), ("Republic of Congo", "CG"), ("Nigeria", "NG"),
                                       ("NGA", "NG")])
def test_a_filter_takes_the_names_the_exports_write(name, iso):
    from wirecoder.store.queries import country_code
    assert country_code(name) == iso
