"""What the event stages share: ACLED's conventions for an event's actors (actor_roles), how the places an article
names relate (place_relations), and which dates a sentence gives (report_dates). The stages that make events of
the mentions are in stages/: event_reports, event_dates, event_actors, event_locations, event_tolls, events,
event_merge and responsibility."""
