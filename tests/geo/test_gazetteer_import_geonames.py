import zipfile

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.geo.geonames_import import import_geonames
from wirecoder.geo.store import Gazetteer


def geonames_line(gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, admin1, population, admin2=""):
    cols = [str(gid), name, ascii_name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "", admin1,
            admin2, "", "", str(population), "", "100", "Europe/Madrid", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


def write_dump(path):
    path.write_text(
        geonames_line(2513413, "Murcia", "Murcia", [], 38.0, -1.1667, "A", "ADM1", "ES", "31", 1_500_000)
        + geonames_line(2520000, "Villanueva del Testo", "Villanueva del Testo", ["Villatesto"], 38.1, -1.3,
                        "P", "PPL", "ES", "31", 1200)
        + geonames_line(2514176, "Lorca", "Lorca", [], 37.6771, -1.7005, "P", "PPLA2", "ES", "31", 92_000)
        + geonames_line(9990001, "Rio Testo", "Rio Testo", [], 38.2, -1.4, "H", "STM", "ES", "31", 0),
        encoding="utf-8")
    return path


def test_import_geonames_adds_new_places_with_names_and_admin1(small_gazetteer, tmp_path):
    report = import_geonames(gazetteer=small_gazetteer, dump=write_dump(tmp_path / "ES.txt"))
    assert report.places == 4
    with Gazetteer(small_gazetteer) as gaz:
        [village] = gaz.lookup("Villatesto")
        assert village.geonameid == 2520000 and village.admin1 == "Murcia" and village.source == "geonames-dump ES.txt"
        [river] = gaz.lookup("Rio Testo")
        assert (river.feature_class, river.feature_code) == ("H", "STM")


def test_import_geonames_replaces_fields_of_a_place_already_present(small_gazetteer, tmp_path):
    import_geonames(gazetteer=small_gazetteer, dump=write_dump(tmp_path / "ES.txt"))
    with Gazetteer(small_gazetteer) as gaz:
        [lorca] = gaz.lookup("Lorca")
        assert lorca.feature_code == "PPLA2" and lorca.lat == pytest.approx(37.6771)


def test_import_geonames_reads_zip_and_alternate_names(small_gazetteer, tmp_path):
    dump = write_dump(tmp_path / "ES.txt")
    archive = tmp_path / "ES.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(dump, "ES.txt")
        zf.writestr("readme.txt", "not data")
    alternates = tmp_path / "alternateNames.txt"
    alternates.write_text("1\t2520000\ten\tTesto Village\t\t\t\t\n"
                          "2\t2520000\tlink\thttps://example.org/x\t\t\t\t\n"
                          "3\t2520000\ten\tOld Testo\t\t\t\t1\n", encoding="utf-8")
    import_geonames(gazetteer=small_gazetteer, dump=archive, alternate_names=alternates)
    with Gazetteer(small_gazetteer) as gaz:
        assert [e.geonameid for e in gaz.lookup("Testo Village")] == [2520000]
        assert gaz.lookup("Old Testo") == ()  # historic names are left out


def test_import_geonames_rejects_a_file_in_another_format(small_gazetteer, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("name,lat,lon\nX,1,2\n", encoding="utf-8")
    with pytest.raises(WirecoderError) as err:
        import_geonames(gazetteer=small_gazetteer, dump=bad)
    assert err.value.code == "W021"
    with Gazetteer(small_gazetteer) as gaz:  # nothing half-written
        assert [s[0] for s in gaz.sources()] == ["tests"]


def test_import_geonames_names_the_district_of_its_places_by_their_admin2_code(small_gazetteer, tmp_path):
    # the dump's district row and a hamlet carrying the same admin2 code: the hamlet lies in that district
    dump = tmp_path / "ES.txt"
    dump.write_text(
        geonames_line(9990010, "Comarca del Testo", "Comarca del Testo", [], 38.3, -1.5, "A", "ADM2", "ES", "31", 0,
                      admin2="3001")
        + geonames_line(9990011, "Aldea Testina", "Aldea Testina", [], 38.35, -1.45, "P", "PPL", "ES", "31", 300,
                        admin2="3001")
        + geonames_line(9990012, "Otra Testina", "Otra Testina", [], 38.4, -1.6, "P", "PPL", "ES", "31", 300,
                        admin2="3002"), encoding="utf-8")
    import_geonames(gazetteer=small_gazetteer, dump=dump)
    with Gazetteer(small_gazetteer) as gaz:
        [hamlet], [district], [other] = gaz.lookup("Aldea Testina"), gaz.lookup("Comarca del Testo"), \
            gaz.lookup("Otra Testina")
        assert (gaz.admin2_of(hamlet), gaz.admin2_of(district)) == ("Comarca del Testo", "Comarca del Testo")
        assert gaz.admin2_of(other) is None  # its district is not in the dump
