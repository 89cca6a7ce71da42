"""The incident record: conflicting figures kept with who claims them, ACLED's conservative best, sources."""
from __future__ import annotations

from incident_helpers import FRONT, article, copy_of, event, place

from wirecoder.store import Database

MAYOR = [{"name": "the mayor", "kind": "official", "quote_id": "q1"}]
FRONT_CLAIM = [{"name": "Kora Liberation Front", "kind": "rebels", "quote_id": "q2"}]


def one_incident(tmp_path, documents):
    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=documents)
        (incident,) = list(db.iter_incidents(with_reports=True))
        return incident


def test_record_best_is_the_lowest_current_claim_and_a_claimants_update_supersedes(tmp_path):
    incident = one_incident(tmp_path, [
        article("w1", [event(killed=12)], source="Wire One", published="2024-03-11"),
        article("w2", [event(killed=20)], source="Wire One", published="2024-03-13"),  # the toll rose
        article("m1", [event(killed=(None, 14, 14), claimed_by=MAYOR)], source="Agence Two"),
        article("f1", [event(killed=(30, 30, None), claimed_by=FRONT_CLAIM, actor1=FRONT)], source="Kora Times"),
    ])
    record = incident.record
    assert record["fatalities"] == {"low": 14, "best": 14, "high": 30}  # the Front's "at least 30" is the high
    superseded = {(f["document_id"], f["best"]) for f in record["figures"] if f["superseded"]}
    assert superseded == {("w1", 12)}
    claims = {f["document_id"]: f["claimed_by"] for f in record["figures"]}
    assert claims == {"w1": ["Wire One"], "w2": ["Wire One"], "m1": ["the mayor"], "f1": ["Kora Liberation Front"]}
    (deaths,) = [c for c in record["conflicts"] if c["field"] == "fatalities"]
    assert sorted((v["value"], tuple(v["claimed_by"])) for v in deaths["values"]) == [
        (12, ("Wire One",)), (14, ("the mayor",)), (20, ("Wire One",)), (30, ("Kora Liberation Front",))]


def test_record_high_is_the_highest_closed_figure(tmp_path):
    incident = one_incident(tmp_path, [
        article("w1", [event(killed=7, injured=3)], source="Wire One"),
        article("m1", [event(killed=(None, 9, 9), injured=10, claimed_by=MAYOR)], source="Agence Two"),
    ])
    assert incident.record["fatalities"] == {"low": 7, "best": 7, "high": 9}
    assert incident.record["injured"] == {"low": 3, "best": 3, "high": 10}


def test_record_no_figure_reported_is_null_not_zero(tmp_path):
    incident = one_incident(tmp_path, [article("w1", [event()], source="Wire One"),
                                       article("w2", [event()], source="Agence Two")])
    assert incident.record["fatalities"] is None and incident.record["figures"] == []


def test_record_sources_reports_and_evidence_are_reachable(tmp_path):
    first = article("w1", [event(killed=4)], source="Wire One", url="http://wire.invalid/1",
                    published="2024-03-11")
    incident = one_incident(tmp_path, [
        first, copy_of(first, "w1-reprint", source="Daily Reprint"),
        article("k1", [event(killed=4, where=place("Adiri District"))], source="Kora Times", published="2024-03-12"),
    ])
    record = incident.record
    assert record["schema"] == "wirecoder.incident/1"
    assert (record["number_of_sources"], record["number_of_reports"]) == (2, 2)
    assert (record["first_reported"], record["last_reported"]) == ("2024-03-11", "2024-03-12")
    outlets = [(s["source"], s["copy_of"]) for s in record["sources"]]
    assert sorted(outlets, key=str) == sorted([("Wire One", None), ("Daily Reprint", "w1"), ("Kora Times", None)],
                                              key=str)
    assert [r.report_key for r in incident.reports] == record["reports"]
    for report in incident.reports:
        assert report.incident_id == incident.id
        assert report.event["evidence"][0]["field"] == "trigger"
    (wire,) = [r for r in incident.reports if r.document_id == "w1"]
    assert wire.duplicate_copies == ("w1-reprint",) and wire.document_url == "http://wire.invalid/1"


def test_record_disagreeing_types_and_dates_are_listed_as_conflicts(tmp_path):
    incident = one_incident(tmp_path, [
        article("w1", [event(sub="Attack")], source="Wire One"),
        article("w2", [event(sub="Abduction/forced disappearance")], source="Agence Two"),
        article("w3", [event(sub="Attack", date="2024-03-10", date_end="2024-03-11")], source="Kora Times"),
    ])
    record = incident.record
    fields = {c["field"]: sorted(v["value"] for v in c["values"]) for c in record["conflicts"]}
    assert fields["sub_event_type"] == ["Abduction/forced disappearance", "Attack", "Attack"]
    assert fields["date"] == ["2024-03-10", "2024-03-10", "2024-03-10/2024-03-11"]
    assert record["sub_event_type"] == "Attack" and record["date"] == "2024-03-10"


def test_reports_that_only_name_it_as_past_decide_no_merged_field(tmp_path):
    """Two commentary pieces that name the attack as past (background, on or before their day) join the one report
    that tells it; the told report's sub-type and date stand, the pieces are sources and their words conflicts."""
    told = article("told", [event(sub="Armed clash", etype="Battles", actor2=None, killed=4)], source="Wire One")
    named = [article(f"named{n}", [event(date="2024-03-13", precision=3, background=True)], source=outlet,
                     published="2024-03-13") for n, outlet in ((1, "Kora Times"), (2, "Sahel Daily"))]
    record = one_incident(tmp_path, [told, *named]).record
    assert (record["sub_event_type"], record["date"], record["time_precision"]) == ("Armed clash", "2024-03-10", 1)
    assert record["background"] is False and record["number_of_sources"] == 3
    assert {s["document_id"] for s in record["sources"]} == {"told", "named1", "named2"}
    assert any(c["field"] == "sub_event_type" for c in record["conflicts"])
