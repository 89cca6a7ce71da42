"""The desk in a real browser: markers on the map, filters by type and date, the evidence view, a review seen
after a reload, and an article made of markup and script that must not run."""
from __future__ import annotations

import pytest

expect = pytest.importorskip("playwright.sync_api").expect

from conftest import HOSTILE, SECOND_TELLING, TOKEN, open_desk


def marker_total(page, expected: int | None = None) -> int:
    """Events on the map: single markers plus the number each cluster shows. Leaflet replaces markers and
    clusters over a few frames after a zoom, so when a total is expected, wait (up to 5 s) for the map to settle
    on it and return what it shows then."""
    def count() -> int:
        singles = page.locator(".leaflet-marker-icon.ev-marker").count()
        clusters = sum(int(text) for text in page.locator(".leaflet-marker-icon.ev-cluster").all_inner_texts())
        return singles + clusters

    total = count()
    for _ in range(50):
        if expected is None or total == expected:
            break
        page.wait_for_timeout(100)
        total = count()
    return total


def api(page, path: str) -> dict:
    response = page.request.get(path)
    assert response.ok, response.text()
    return response.json()


def list_types(page) -> list[str]:
    return page.locator("#event-list li .sub-type").all_inner_texts()


def test_browser_map_shows_the_events_as_markers(page, artifacts):
    open_desk(page)
    points = api(page, "/api/events/points")["points"]
    assert len(points) >= 8
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert marker_total(page, len(points)) == len(points)
    assert page.locator("path.country").count() > 150  # the offline outlines are drawn
    assert page.locator("#event-list li").count() == len(api(page, "/api/events?limit=100")["events"])
    page.screenshot(path=str(artifacts / "map.png"))
    assert page.errors == []


def test_browser_filters_by_type_and_by_date(page, artifacts):
    open_desk(page)
    page.select_option("#f-type", "Explosions/Remote violence")
    page.click("#f-apply")
    expected = api(page, "/api/events?type=Explosions/Remote%20violence")["events"]
    expect(page.locator("#event-list li")).to_have_count(len(expected))
    subs = {e["event"]["sub_event_type"] for e in expected}
    assert set(list_types(page)) == subs and marker_total(page, len(expected)) == len(expected)
    assert "type=Explosions" in page.url

    page.click("#f-reset")
    dated = sorted(e["event"]["date"] for e in api(page, "/api/events?limit=100")["events"] if e["event"]["date"])
    since, until = dated[len(dated) // 2], dated[-1]
    page.fill("#f-since", since)
    page.fill("#f-until", until)
    page.click("#f-apply")
    inside = api(page, f"/api/events?since={since}&until={until}&limit=100")["events"]
    expect(page.locator("#event-list li")).to_have_count(len(inside))
    shown = [text.split()[0] for text in page.locator("#event-list li strong").all_inner_texts()]
    assert shown and all(since <= day <= until for day in shown)
    assert page.locator("#histogram rect.brush").count() == 1

    # brushing: drag across the left half of the histogram picks dates there
    page.click("#f-reset")
    expect(page.locator("#f-since")).to_have_value("")
    expect(page.locator("#histogram rect.brush")).to_have_count(0)
    box = page.locator("#histogram svg").bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    expect(page.locator("#histogram rect.brush")).to_have_count(1)
    assert "since=" in page.url
    assert page.input_value("#f-since") and page.input_value("#f-until") < dated[-1]
    page.screenshot(path=str(artifacts / "filtered.png"))


def test_browser_evidence_view_highlights_each_field(page, artifacts):
    open_desk(page)
    def district(e):  # the district the gazetteer puts the event's place in, when it is not the place itself
        location = e["event"].get("location") or {}
        return location.get("admin2") if location.get("admin2") != location.get("name") else None

    item = max((e for e in api(page, "/api/events?limit=100")["events"] if e["document"]["id"] != HOSTILE["id"]),
               key=lambda e: (district(e) is not None, len({ev["field"] for ev in e["event"]["evidence"]}), -e["id"]))
    assert {"trigger", "location"} <= {ev["field"] for ev in item["event"]["evidence"]}
    page.click(f"#event-list li[data-event-id='{item['id']}']")
    page.wait_for_selector("#evidence:not([hidden])")
    triggers = sorted((ev for ev in item["event"]["evidence"] if ev["field"] == "trigger"), key=lambda ev: ev["start"])
    marked = page.locator("#ev-text .ev[data-fields~='trigger']").all_inner_texts()
    assert "".join(marked) == "".join(ev["text"] for ev in triggers)  # a merged event has a trigger per mention
    labels = set(page.locator("#ev-text .ev-label").all_inner_texts())
    assert {ev["field"] for ev in item["event"]["evidence"]} <= labels
    location = page.locator("#ev-fields td[data-field='location']").inner_text()
    assert location.startswith(item["event"]["location"]["name"])
    assert district(item) and district(item) in location  # the district tells namesakes apart
    assert page.locator("#ev-reports .report").count() >= 1
    assert f"#event={item['id']}" in page.url
    page.screenshot(path=str(artifacts / "evidence.png"))


def test_browser_review_is_kept_and_shown_after_reload(page, artifacts):
    open_desk(page)
    item = next(e for e in api(page, "/api/events?limit=100")["events"] if e["review"] is None
                and e["event"]["fatalities"] and e["event"]["fatalities"]["best"]
                and e["document"]["id"] != HOSTILE["id"])
    new = item["event"]["fatalities"]["best"] + 3
    page.click(f"#event-list li[data-event-id='{item['id']}']")
    page.wait_for_selector("#evidence:not([hidden])")
    page.fill("#rv-reviewer", "browser test")
    page.fill("#rv-token", TOKEN)
    page.select_option("#rv-field", "fatalities")
    page.fill("#rv-value", str(new))
    page.fill("#rv-comment", "the mayor's count")
    page.click("#rv-correct")
    page.wait_for_selector("#ev-log li")
    page.reload()
    page.wait_for_selector("#evidence:not([hidden])")
    cell = page.locator("#ev-fields td[data-field='fatalities']")
    assert "reviewed" in cell.get_attribute("class") and cell.inner_text().startswith(str(new))
    assert page.locator("#ev-fields td[data-field='fatalities'] .was").inner_text() == \
        str(item["event"]["fatalities"]["best"])
    assert "the mayor's count" in page.locator("#ev-log").inner_text()
    assert page.locator(f"#event-list li[data-event-id='{item['id']}'] .badge").inner_text() == "corrected"
    page.screenshot(path=str(artifacts / "reviewed.png"))

    page.fill("#rv-token", "not-the-token")
    page.click("#rv-accept")
    page.wait_for_selector("#rv-message.error")
    assert "W072" in page.inner_text("#rv-message")


def test_browser_hostile_article_runs_nothing_and_shows_as_written(page, artifacts):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_desk(page)
    events = api(page, "/api/articles/" + HOSTILE["id"])["events"]
    assert events, "the coder found no event in the hostile article"
    page.click(f"#event-list li[data-event-id='{events[0]['id']}']")
    page.wait_for_selector("#evidence:not([hidden])")
    page.hover("#ev-text")
    text = page.inner_text("#ev-text")
    assert "<script>window.__pwned = 'script'</script>" in text and "<img src=x onerror=" in text
    assert "<img src=x" in page.inner_text("#ev-source")
    assert page.evaluate("window.__pwned") is None and dialogs == []
    for selector in ("#ev-text", "#ev-source", "#ev-title", "#event-list", "#ev-reports", "#ev-quotes"):
        assert page.locator(f"{selector} img, {selector} script, {selector} iframe, {selector} svg").count() == 0
    page.screenshot(path=str(artifacts / "hostile.png"))
    assert page.errors == []


def test_browser_incident_reports_side_by_side(page, artifacts):
    open_desk(page)
    second = api(page, "/api/articles/" + SECOND_TELLING["id"])["events"][0]
    page.goto(f"/#event={second['id']}")
    page.wait_for_selector("#evidence:not([hidden])")
    cards = page.locator("#ev-reports .report")
    expect(cards).to_have_count(2)
    assert "2 sources" in page.inner_text("#ev-incident")
    assert "Second Wire" in cards.all_inner_texts()[0] + cards.all_inner_texts()[1]
    other = page.locator("#ev-reports .report button.open-report")
    expect(other).to_have_count(1)
    other.click()
    expect(page.locator("#ev-source")).not_to_contain_text("Second Wire")
    assert f"#event={second['id']}" not in page.url
    page.screenshot(path=str(artifacts / "incident.png"))
