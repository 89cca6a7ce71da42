"""Merging as records are stored: which reports become one incident, in any order, any batches, any number of
times, and the same again when rebuilt."""
from __future__ import annotations

import random

import pytest
from incident_helpers import ARMY, BRIGADE, FRONT, GUNMEN, article, copy_of, event, incidents, place, records

from wirecoder.incidents import incident_key
from wirecoder.store import Database


def corpus():
    """Four incidents told by several outlets, and look-alikes that must stay apart."""
    a1 = article("a1", [event(killed=12)], source="Wire One")
    return {
        # A: gunmen attack Adiri on 10 March; a rising toll, a mayor's figure, a district-level report
        "a1": a1,
        "a2": article("a2", [event(killed=14, claimed_by=[{"name": "the mayor", "kind": "official",
                                                          "quote_id": "q1"}])], source="Agence Two"),
        "a3": article("a3", [event(where=place("Adiri District"), actor1=FRONT, killed=15)],
                      source="Kora Times", published="2024-03-12"),
        "a4": article("a4", [event(killed=20)], source="Wire One", published="2024-03-13"),
        "a1copy": copy_of(a1, "a1-copy", source="Daily Reprint"),
        # B: same town, same day, other actors: a battle, its sides told in either order
        "b1": article("b1", [event(etype="Battles", sub="Armed clash", actor1=ARMY, actor2=BRIGADE)],
                      source="Wire One"),
        "b2": article("b2", [event(etype="Battles", sub="Armed clash", actor1=BRIGADE, actor2=ARMY)],
                      source="Kora Times"),
        # C: the same kind of attack the same day, in a town 60 km away
        "c1": article("c1", [event(where=place("Bamsa"), killed=5)], source="Wire One"),
        "c2": article("c2", [event(where=place("Bamsa"), killed=5, precision=3, date="2024-03-12")],
                      source="Agence Two", published="2024-03-12"),
        # D: a follow-up attack on Adiri the next day, in an article that also tells A
        "d1": article("d1", [event(date="2024-03-11", killed=3), event(killed=16)], source="Kora Times",
                      published="2024-03-11"),
        # an event told without a place: too vague to merge
        "e1": article("e1", [event(where={}, killed=12)], source="Agence Two"),
    }


EXPECTED = {("a1", "a2", "a3", "a4", "d1/2"), ("b1", "b2"), ("c1", "c2"), ("d1/1",), ("e1",)}


def groups(db: Database) -> set[tuple[str, ...]]:
    """The incidents as sets of article ids (an article's nth event as "doc/n" when it has several)."""
    out = set()
    for keys in incidents(db).values():
        names = []
        for key in keys:
            event_key = key.split("@")[0]
            doc, number = event_key.rsplit("-e", 1)
            names.append(doc if doc != "d1" else f"d1/{number}")
        out.add(tuple(sorted(names)))
    return out


def store(tmp_path, name, batches):
    with Database(tmp_path / f"{name}.db") as db:
        for batch in batches:
            db.write_batch(run_id=None, documents=batch)
        return incidents(db), records(db), groups(db)


def test_merge_links_reports_of_one_incident_and_keeps_look_alikes_apart(tmp_path):
    _, recs, found = store(tmp_path, "one", [list(corpus().values())])
    assert found == EXPECTED
    (attack,) = [r for r in recs.values() if r["number_of_reports"] == 5]
    assert attack["number_of_sources"] == 3  # Wire One twice, Agence Two, Kora Times; the reprint is no source
    assert attack["actor1"]["name"] == FRONT["name"]  # the named party over the unidentified stand-in
    assert attack["location"]["name"] == "Adiri"  # the most specific place the reports agree on
    assert [s["document_id"] for s in attack["sources"] if s["copy_of"]] == ["a1-copy"]


def test_merge_two_events_of_one_article_are_never_one_incident(tmp_path):
    _, _, found = store(tmp_path, "one", [list(corpus().values())])
    d1_groups = [g for g in found if any(name.startswith("d1") for name in g)]
    assert len(d1_groups) == 2


@pytest.mark.parametrize("seed", range(6))
def test_merge_any_order_and_batching_gives_the_same_incidents(tmp_path, seed):
    documents = list(corpus().values())
    expected = store(tmp_path, "reference", [documents])
    rng = random.Random(seed)
    coded = [d for d in documents if d.status == "coded"]
    rng.shuffle(coded)
    copies = [d for d in documents if d.status == "duplicate"]
    order = coded + copies if seed % 2 else copies[:0] + coded[:3] + copies + coded[3:]
    batches, start = [], 0
    while start < len(order):
        size = rng.randint(1, 4)
        batches.append(order[start:start + size])
        start += size
    assert store(tmp_path, f"shuffled{seed}", batches) == expected


def test_merge_writing_again_changes_nothing(tmp_path):
    documents = list(corpus().values())
    with Database(tmp_path / "s.db") as db:
        first = db.write_batch(run_id=None, documents=documents)
        before = records(db)
        again = db.write_batch(run_id=None, documents=documents)
        assert len(first.incidents.created) == len(EXPECTED)
        assert (again.incidents.created, again.incidents.updated, again.incidents.removed) == ([], [], [])
        assert records(db) == before
        rebuilt = db.rebuild_incidents()
        assert (rebuilt.created, rebuilt.updated, rebuilt.removed) == ([], [], [])
        assert records(db) == before


def test_merge_rebuild_gives_what_incremental_merging_gave(tmp_path):
    documents = list(corpus().values())
    with Database(tmp_path / "s.db") as db:
        for document in documents:
            db.write_batch(run_id=None, documents=[document])
        incremental = (incidents(db), records(db))
        changes = db.incident_changes()
        db.rebuild_incidents()
        assert (incidents(db), records(db)) == incremental
        assert db.incident_changes() == changes  # nothing changed, nothing logged


def test_merge_incident_id_is_derived_from_its_smallest_report_key(tmp_path):
    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=[corpus()["a2"]])
        (early,) = incidents(db)
        db.write_batch(run_id=None, documents=[corpus()["a1"]])
        (grown,) = incidents(db).items()
        assert grown[0] == incident_key(min(grown[1]))
        assert grown[0] != early  # a1's key sorts first: the id changed ...
        found = db.incident(early)  # ... and the old id still finds the incident
        assert found is not None and found.id == grown[0] and found.requested_id == early


def test_merge_vague_report_between_two_incidents_stays_apart(tmp_path):
    """A region-level report that agrees as well with two towns' attacks that day (no toll to tell them apart) joins
    neither; alone with one of them it joins it; with the toll one town gives, it joins that town (a point more)."""
    docs = corpus()
    region = article("r1", [event(where=place("Kora"), killed=None)], source="Radio Kora")
    _, _, found = store(tmp_path, "s", [[docs["a1"], docs["c1"], region]])
    assert found == {("a1",), ("c1",), ("r1",)}
    _, _, alone = store(tmp_path, "t", [[docs["a1"], region]])
    assert alone == {("a1", "r1")}
    tolled = article("r2", [event(where=place("Kora"), killed=12)], source="Radio Kora")
    _, _, found = store(tmp_path, "u", [[docs["a1"], docs["c1"], tolled]])
    assert found == {("a1", "r2"), ("c1",)}


def test_merge_unidentified_attackers_do_not_chain_two_named_parties(tmp_path):
    front = article("f1", [event(actor1=FRONT)], source="Wire One")
    brigade = article("f2", [event(actor1={**BRIGADE}, killed=None)], source="Agence Two")
    unnamed = article("f3", [event(actor1=GUNMEN)], source="Kora Times")
    _, _, found = store(tmp_path, "s", [[front, brigade, unnamed]])
    assert ("f1", "f2") not in found and ("f1", "f2", "f3") not in found
    assert len(found) == 3  # the unnamed report matches both: ambiguous, so it joins neither


def test_merge_report_touching_two_incidents_joins_the_one_it_agrees_with_by_a_clear_margin(tmp_path):
    """A district-level report of an unnamed party's attack, on the day, with the toll one town's report gives (6
    points) against another party's attack in the camp beside it on one of two days (4 points): it tells the
    town's. With no toll (5 against 4) the town's day still puts it a point ahead: it tells the town's too."""
    town = article("town", [event(actor1=FRONT, killed=12)], source="Wire One")
    camp = article("camp", [event(actor1=BRIGADE, killed=5, where=place("Adiri Camp"), date_end="2024-03-11",
                                  precision=2)], source="Agence Two")
    same_toll = article("toll", [event(actor1=GUNMEN, killed=12, where=place("Adiri District"))], source="Kora Times")
    no_toll = article("none", [event(actor1=GUNMEN, killed=None, where=place("Adiri District"))], source="Kora Times")
    _, _, found = store(tmp_path, "clear", [[town, camp, same_toll]])
    assert found == {("toll", "town"), ("camp",)}
    _, _, found = store(tmp_path, "unclear", [[town, camp, no_toll]])
    assert found == {("none", "town"), ("camp",)}


def test_merge_store_of_older_rules_is_merged_again_when_opened_for_writing(tmp_path):
    import sqlite3

    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=list(corpus().values()))
        expected = incidents(db)
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("UPDATE store_meta SET value = 'older' WHERE key = 'merge_rules'")
    conn.execute("UPDATE reports SET features = '[]'")  # a digest of another form
    conn.commit()
    conn.close()
    with Database(tmp_path / "s.db") as db:
        assert incidents(db) == expected
        db.write_batch(run_id=None, documents=[article("late", [event(killed=30)], source="Late Wire")])
        assert len(incidents(db)) == len(expected)  # it joined the Adiri attack


def test_merge_bulk_load_unmerged_then_linked_gives_the_same_incidents(tmp_path):
    documents = list(corpus().values())
    expected = store(tmp_path, "reference", [documents])
    with Database(tmp_path / "bulk.db") as db:
        for document in documents:
            assert db.write_batch(run_id=None, documents=[document], merge=False).incidents.created == []
        assert incidents(db) == {}
    with Database(tmp_path / "bulk.db") as db:  # opening it for writing merges what was left unmerged
        assert (incidents(db), records(db), groups(db)) == expected


def test_merge_two_events_of_one_article_are_no_rivals_for_a_report_of_both(tmp_path):
    """An article that told one raid as two attacks at one town on one day (the killing, and the houses burned): a
    later report of the raid matches both and joins the one it agrees with best; two articles' attacks there
    stay rivals."""
    raid = article("raid", [event(killed=3), event(injured=5)], source="Wire One")
    later = article("later", [event(killed=3, where=place("Adiri District"))], source="Kora Times",
                    published="2024-03-12")
    _, _, found = store(tmp_path, "one", [[raid, later]])
    assert ("later", "raid") in found
    other = article("other", [event(actor1=FRONT, killed=3)], source="Agence Two")
    first = article("first", [event(actor1=BRIGADE, killed=3)], source="Wire One")
    _, _, found = store(tmp_path, "two", [[first, other, later]])
    assert ("later",) in found  # one article each: which of the two it reports is a guess


def test_merge_a_report_with_no_day_joins_the_incident_most_articles_tell(tmp_path):
    """'The Adiri attack' in a later article, with no day of its own, agrees as well with the attack three outlets
    date to 10 March and with the one article that dated it a day earlier: it joins the incident the three tell, and
    one two articles tell against one (rules 33: the incident more articles tell). Against one article and one, it
    stays apart."""
    told = [article(f"t{n}", [event()], source=f"Outlet {n}") for n in range(1, 4)]
    odd = article("odd", [event(date="2024-03-09")], source="Outlet 9")
    later = article("later", [event(date="2024-03-12", precision=3, background=True)], source="Weekly",
                    published="2024-03-12")
    _, _, found = store(tmp_path, "three", [told + [odd, later]])
    assert found == {("later", "t1", "t2", "t3"), ("odd",)}
    _, _, found = store(tmp_path, "two", [told[:2] + [odd, later]])
    assert found == {("later", "t1", "t2"), ("odd",)}
    _, _, found = store(tmp_path, "one", [told[:1] + [odd, later]])
    assert found == {("t1",), ("odd",), ("later",)}


def test_merge_a_past_event_named_at_its_town_may_lie_a_month_back(tmp_path):
    """'The Adiri attack' named 20 days later with no day: the coder gives it the month up to publication, and at a
    town that is no window too vague to merge; a region's is."""
    first = article("f1", [event()], source="Wire One")
    second = article("f2", [event()], source="Agence Two")
    named = article("n1", [event(date="2024-02-29", date_end="2024-03-30", precision=3, background=True)],
                    source="Weekly", published="2024-03-30")
    region = article("r1", [event(date="2024-02-29", date_end="2024-03-30", precision=3, background=True,
                                  where=place("Kora"))], source="Monthly", published="2024-03-30")
    _, _, found = store(tmp_path, "named", [[first, second, named, region]])
    assert ("f1", "f2", "n1") in found and ("r1",) in found


def test_merge_an_article_that_told_one_strike_as_two_is_no_rival_for_a_report_of_it(tmp_path):
    """An article that told one strike on Adiri twice (a drone strike, and shelling: the coder's two events at one
    town on one day): a third outlet's report of the shelling joins the incident the article and another outlet tell,
    though it agrees best with the article's second telling, which no other article tells."""
    strike = dict(etype="Explosions/Remote violence", actor1=ARMY, actor2=None)
    first = article("first", [event(sub="Air/drone strike", **strike, killed=3)], source="Wire One")
    both = article("both", [event(sub="Air/drone strike", **strike, killed=3),
                            event(sub="Shelling/artillery/missile attack", **strike, killed=2)], source="Kora Times")
    third = article("third", [event(sub="Shelling/artillery/missile attack", **strike)], source="Agence Two")
    _, _, found = store(tmp_path, "one", [[first, both, third]])
    assert ("both", "first", "third") in found


def test_merge_one_articles_two_reports_at_one_spot_do_not_keep_a_report_of_it_out():
    """Two reports of one article never link an incident, but at one spot on one day they may tell one act (a drone
    strike and shelling): another article's report fits an incident holding both. At two spots (Adiri and the
    district around it) they are two acts, and an incident holding one is no place for the other."""
    from wirecoder.incidents.cluster import PairScores, _fit
    from wirecoder.incidents.features import ReportDigester
    from wirecoder.incidents.options import MergeRules
    from wirecoder.incidents.rules import Matcher

    rules = MergeRules()
    digester, scores = ReportDigester(rules=rules), PairScores(Matcher(rules=rules))
    strike = dict(etype="Explosions/Remote violence", actor1=ARMY, actor2=None)

    def report(number, document, sub, where="Adiri"):
        return digester.digest({**event(sub=sub, where=place(where), **strike), "id": f"d{document}-e{number}"},
                               event_id=number, key=f"k{number}", document=document, outlet=f"outlet {document}",
                               published="2024-03-11")

    drone, other = report(1, 1, "Air/drone strike"), report(2, 2, "Air/drone strike")
    shelling = report(3, 1, "Shelling/artillery/missile attack")
    assert _fit(shelling, [drone, other], scores)[1]
    assert not _fit(report(4, 1, "Shelling/artillery/missile attack", "Adiri District"), [drone, other], scores)[1]
    assert _fit(report(5, 3, "Shelling/artillery/missile attack", "Adiri District"), [drone, other], scores)[1]


def test_merge_a_report_that_agrees_as_well_with_a_side_telling_joins_the_incident_most_articles_tell(tmp_path):
    """An outlet's article on another attack also tells the Adiri attack, which that outlet's own report of it that
    day keeps out of the incident three outlets tell (one outlet tells one incident once a day): a later report of
    the attack agrees as well with that side telling as with the three, and joins the three's incident; with two
    outlets telling it, it joins the two's (rules 33); with one, the tie keeps it apart."""
    told = [article(f"a{n}", [event()], source=f"Outlet {n}") for n in range(1, 4)]
    side = article("b", [event(where=place("Bamsa")), event()], source="Outlet 1")
    later = article("c", [event()], source="Outlet 7", published="2024-03-12")
    _, _, found = store(tmp_path, "three", [told + [side, later]])
    assert ("a1", "a2", "a3", "c") in found
    _, _, found = store(tmp_path, "two", [told[:2] + [side, later]])
    assert ("a1", "a2", "c") in found
    _, _, found = store(tmp_path, "one", [told[:1] + [side, later]])
    assert ("c",) in found


def test_merge_a_report_agreeing_weakly_with_one_article_joins_when_two_others_vouch_for_it(tmp_path):
    """Complete linkage over articles, softened: a region-level report of the day (Kora, no toll) agrees under the
    threshold with a report that gives only a window of days (3 points), though it contradicts nothing there, and
    well with the two reports of the town, day and toll: two articles vouch for it, and it joins. Beside one of
    them only, the weak agreement still keeps it apart."""
    town = [article(f"t{n}", [event(killed=12)], source=f"Outlet {n}") for n in (1, 2)]
    window = article("w", [event(killed=12, date="2024-03-07", date_end="2024-03-12", precision=2)],
                     source="Outlet 3", published="2024-03-12")
    region = article("r", [event(where=place("Kora"))], source="Outlet 4")
    _, _, found = store(tmp_path, "two", [town + [window, region]])
    assert ("r", "t1", "t2", "w") in found
    _, _, found = store(tmp_path, "one", [town[:1] + [window, region]])
    assert found == {("t1", "w"), ("r",)}


def test_merge_a_toll_within_twice_another_agrees_with_it(tmp_path):
    """Reports of one act give the toll as each knew it (12 dead by the first count, 14 once two more died): a
    region-level report of 14 dead tells the town whose report gives 12, not the town 60 km away whose gives 5; a
    toll more than twice each (30) tells neither apart, and the report joins neither."""
    docs = corpus()
    risen = article("r3", [event(where=place("Kora"), killed=14)], source="Radio Kora")
    _, _, found = store(tmp_path, "risen", [[docs["a1"], docs["c1"], risen]])
    assert found == {("a1", "r3"), ("c1",)}
    far = article("r4", [event(where=place("Kora"), killed=30)], source="Radio Kora")
    _, _, found = store(tmp_path, "far", [[docs["a1"], docs["c1"], far]])
    assert found == {("a1",), ("c1",), ("r4",)}
