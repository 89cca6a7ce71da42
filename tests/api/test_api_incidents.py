"""/api/incidents: the store's incidents, filtered and paged; one incident with its reports; incident reviews."""
from __future__ import annotations


def incidents(client, query=""):
    response = client.get(f"/api/incidents?{query}")
    assert response.status_code == 200, response.text
    return response.json()


def test_api_incidents_list_filters_and_pages(client):
    everything = incidents(client, "limit=100")["incidents"]
    assert len(everything) == 6  # seven reports, the two tellings of the Sanaa strike in one incident
    two = [i for i in everything if i["record"]["number_of_sources"] == 2]
    assert len(two) == 1
    assert [i["id"] for i in incidents(client, "min_sources=2")["incidents"]] == [two[0]["id"]]
    assert len(incidents(client, "country=NG")["incidents"]) == 2
    assert len(incidents(client, "type=Protests")["incidents"]) == 1
    assert len(incidents(client, "since=2024-03-01")["incidents"]) == 2
    assert len(incidents(client, "q=bread")["incidents"]) == 1
    seen, after = [], None
    while True:
        page = incidents(client, "limit=4" + (f"&after={after}" if after else ""))
        seen += [i["id"] for i in page["incidents"]]
        after = page["next_cursor"]
        if after is None:
            break
    assert seen == [i["id"] for i in everything]


def test_api_incident_one_with_its_reports_side_by_side(client):
    incident_id = incidents(client, "min_sources=2")["incidents"][0]["id"]
    body = client.get(f"/api/incidents/{incident_id}").json()
    assert body["id"] == incident_id and body["record"]["schema"] == "wirecoder.incident/1"
    assert sorted(r["source"] for r in body["reports"]) == ["Desk Wire", "Third Wire"]
    assert all(r["evidence"] and r["event_id"] for r in body["reports"])
    assert body["log"] == [] and body["review"] is None


def test_api_incident_review_is_logged_under_the_incident(client, auth):
    incident_id = incidents(client, "min_sources=2")["incidents"][0]["id"]
    before = client.get(f"/api/incidents/{incident_id}").json()["record"]["fatalities"]
    response = client.post("/api/reviews", headers=auth, json={
        "reviewer": "ana", "action": "correct", "incident_id": incident_id, "field": "fatalities", "value": 22,
        "comment": "the ministry's toll"})
    assert response.status_code == 201, response.text
    assert response.json()["review"]["new"]["best"] == 22
    body = client.get(f"/api/incidents/{incident_id}").json()
    assert body["review"]["status"] == "corrected" and body["review"]["values"]["fatalities"]["best"] == 22
    assert body["record"]["fatalities"]["best"] == 22 and body["coded"]["fatalities"] == before
    assert [e["comment"] for e in body["log"]] == ["the ministry's toll"]
    listed = next(i for i in incidents(client, "limit=100")["incidents"] if i["id"] == incident_id)
    assert listed["reviewed"] is True
    assert client.get("/api/reviews", params={"incident_id": incident_id}).json()["reviews"][0]["field"] == \
        "fatalities"


def test_api_incident_reports_carry_their_reviews(client, auth):
    incident_id = incidents(client, "min_sources=2")["incidents"][0]["id"]
    client.post("/api/reviews", headers=auth, json={"reviewer": "ana", "action": "correct", "document_id": "ye-2",
                                                   "event_key": "ye-2-e1", "field": "fatalities", "value": 24})
    reports = {r["report_key"]["event_key"]: r for r in client.get(f"/api/incidents/{incident_id}").json()["reports"]}
    assert reports["ye-2-e1"]["fatalities"]["best"] == 24 and reports["ye-2-e1"]["coded"]["fatalities"]["best"] == 25
    assert reports["ye-1-e1"]["review"] is None


def test_api_incident_review_survives_a_remerge_that_changes_its_id(client, auth, store):
    """A second outlet's report joins the incident and, its key being smaller, gives the incident a new id:
    the review given under the old id stays with the incident."""
    from desk_store import MAIDUGURI, document, make_event
    from wirecoder.store import Database

    old_id = next(i["id"] for i in incidents(client, "country=NG&since=2024")["incidents"])
    client.post("/api/reviews", headers=auth, json={"reviewer": "ana", "action": "accept", "incident_id": old_id})
    with Database(store) as db:
        db.write_batch(run_id=None, documents=[document("aa-0", MAIDUGURI, [
            make_event("aa-0-e1", date="2024-03-04", country="NG", lat=11.85, lon=13.16, place="Maiduguri",
                       actor2="Boko Haram", fatalities=5, text=MAIDUGURI)],
            title="Maiduguri clash, second telling", published="2024-03-05", source="Another Wire")])
    merged = next(i for i in incidents(client, "country=NG&since=2024")["incidents"])
    assert merged["record"]["number_of_sources"] == 2 and merged["id"] != old_id
    body = client.get(f"/api/incidents/{merged['id']}").json()
    assert body["review"]["status"] == "accepted" and len(body["log"]) == 1
    assert client.get(f"/api/incidents/{old_id}").json()["id"] == merged["id"]  # the old id still finds it
