"""The project's feature tables: a lake, an island and a former area resolve to their country and feature code."""
from __future__ import annotations

import pathlib

from wirecoder.geo.build import project_regions
from wirecoder.geo.store import Gazetteer
from wirecoder.geo.writer import GazetteerWriter


def test_lake_island_and_former_area_resolve(tmp_path: pathlib.Path) -> None:
    writer = GazetteerWriter.create(tmp_path / "tables.sqlite")
    source = writer.source("wirecoder-regions", "test", "written by the wirecoder project")
    for record, names in project_regions():
        writer.add(record, names, source_id=source)
    writer.finish({"built_by": "tests"})
    gazetteer = Gazetteer(tmp_path / "tables.sqlite")

    def found(name: str) -> set[tuple[str | None, str | None]]:
        return {(e.country, e.feature_code) for e in gazetteer.lookup(name)}

    assert ("RU", "LK") in found("Lake Baikal")
    assert ("GR", "ISL") in found("Samos")
    assert ("FR", "ADM1H") in found("Rhone-Alpes")
    assert ("CD", "ADM1H") in found("Katanga")
