import sqlite3

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.geo.names import name_key
from wirecoder.geo.store import Gazetteer, NameKind


def test_names_key_folds_case_diacritics_and_punctuation():
    assert name_key("Côte d’Ivoire") == name_key("COTE D'IVOIRE") == "cote divoire"
    assert name_key("Nagorno-Karabakh") == name_key("Nagorno Karabakh")
    assert name_key("St. Petersburg") == name_key("St Petersburg")
    assert name_key("the Gaza Strip") == "gaza strip"
    assert name_key("Gəncə") == "ganca"


def test_gazetteer_lookup_returns_every_place_of_a_name_with_its_source(small_gazetteer):
    with Gazetteer(small_gazetteer) as gaz:
        paris = gaz.lookup("PARIS")
        assert {e.country for e in paris} == {"FR", "US"}
        assert all(e.source == "tests 1" and e.kind == NameKind.PRIMARY for e in paris)
        assert [e.name for e in gaz.lookup("Al-Basrah")] == ["Basra"]
        assert gaz.lookup("Atlantis") == ()


def test_gazetteer_is_read_only(small_gazetteer):
    with Gazetteer(small_gazetteer) as gaz:
        with pytest.raises(sqlite3.OperationalError):
            gaz._db.execute("DELETE FROM places")


def test_gazetteer_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(WirecoderError) as err:
        Gazetteer(tmp_path / "none.sqlite")
    assert err.value.code == "W020"


def test_gazetteer_rejects_a_file_that_is_not_one(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)")
    with pytest.raises(WirecoderError) as err:
        Gazetteer(other)
    assert err.value.code == "W020"


def test_gazetteer_survives_pickling_into_another_worker(small_gazetteer):
    import pickle
    with Gazetteer(small_gazetteer) as gaz:
        copy = pickle.loads(pickle.dumps(gaz))
        assert [e.geonameid for e in copy.lookup("Basra")] == [99532]
        copy.close()


def _gazetteer_with_meta(path, meta, *, imported=False):
    from wirecoder.geo.writer import GazetteerWriter, PlaceRecord
    writer = GazetteerWriter.create(path)
    source = writer.source("geonames-dump" if imported else "tests", "1", "written by the tests")
    writer.add(PlaceRecord(name="Basra", lat=30.5, lon=47.8, country="IQ", feature_class="P", feature_code="PPL"),
               [], source_id=source)
    writer.finish(meta)
    return path


def test_gazetteer_built_from_older_project_tables_is_stale_unless_it_holds_an_import(tmp_path):
    from wirecoder.geo.build import _stale_tables, project_tables_fingerprint
    current = project_tables_fingerprint()
    assert _stale_tables(_gazetteer_with_meta(tmp_path / "a.sqlite", {"built_by": "wirecoder 0", "project_tables": "0"}))
    assert _stale_tables(_gazetteer_with_meta(tmp_path / "b.sqlite", {"built_by": "wirecoder 0"}))
    assert not _stale_tables(_gazetteer_with_meta(tmp_path / "c.sqlite",
                                                  {"built_by": "wirecoder 0", "project_tables": current}))
    assert not _stale_tables(_gazetteer_with_meta(tmp_path / "d.sqlite", {"built_by": "tests"}))
    assert not _stale_tables(_gazetteer_with_meta(tmp_path / "e.sqlite", {"built_by": "wirecoder 0"}, imported=True))


def test_the_fingerprint_covers_every_word_list_making_the_gazetteer_reads():
    """The fingerprint reads only the lists of data/words.tsv the build reads (a recognition word such as "prefect"
    leaves a built gazetteer current): every list a module of the build names must be among them."""
    import pathlib
    import re

    from wirecoder.geo import build

    geo = pathlib.Path(build.__file__).parent
    lists = {line.split("\t", 1)[0] for line in (geo / build.WORDS_TABLE).read_text("utf-8").splitlines()
             if line and not line.startswith("#")}
    named = set()
    for module in ("build", "sources", "names", "writer", "postal", "store", "countries", "geonames_import"):
        named |= set(re.findall(r"""["']([a-z_]+)["']""", (geo / f"{module}.py").read_text("utf-8"))) & lists
    assert named and named <= build.BUILD_WORD_LISTS
    text = "part_words\tmayor\narea_name_suffixes\tDistrict\npart_words\tprefect"
    assert build.build_words(text) == "area_name_suffixes\tDistrict"


def test_a_build_removes_the_half_written_files_of_builds_killed_outright(tmp_path):
    import os
    import subprocess
    import sys

    from wirecoder.geo.build import _remove_abandoned_partials

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process that has ended: its partial file was abandoned
    out = tmp_path / "gazetteer.sqlite"
    abandoned = tmp_path / f"gazetteer.sqlite.partial-{gone.pid}"
    running = tmp_path / f"gazetteer.sqlite.partial-{os.getpid()}"
    for path in (abandoned, running):
        path.write_bytes(b"half")
    _remove_abandoned_partials(out)
    assert not abandoned.exists() and running.exists()
