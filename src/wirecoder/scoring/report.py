"""Plain-text reports of the real-text scores (bench/acled_dev.py prints them)."""
from __future__ import annotations

from .acled import AcledScores
from .general import FoundEvent


def format_acled(s: AcledScores) -> str:
    lines = [
        f"no event              {s.no_event:.3f}",
        f"event type accuracy   {s.event_type_accuracy:.3f}",
        f"sub-event accuracy    {s.sub_event_accuracy:.3f}   weighted F1 {s.sub_event_weighted_f1:.3f}   "
        f"macro F1 {s.sub_event_macro_f1:.3f}",
        f"calibration error     {s.calibration_error:.3f}   (confidence vs right sub-event, notes with an event)",
        f"fatalities exact      {s.fatalities_exact:.3f}   (all notes; {s.fatalities_exact_with_deaths:.3f} of the "
        f"{s.notes_with_deaths} notes with deaths)",
        f"date exact            {s.date_exact:.3f}",
        f"location within 25 km {s.location_25km:.3f}   within 161 km {s.location_161km:.3f}",
        f"admin2 agrees         {s.admin2_same:.3f}   ({s.admin2_pairs} events within 5 km of ACLED's point where both "
        f"name a second-level area)",
        f"actor1 kind           {s.actor1_kind:.3f}   actor1 name {s.actor1_name:.3f}",
        f"actor2 kind           {s.actor2_kind:.3f}   actor2 name {s.actor2_name:.3f}   "
        "(no target on either side agrees)",
        "reliability (bin, notes, mean confidence, right sub-event):",
    ]
    lines += [f"  {b:<8} {n:>5} {c:>6.3f} {a:>6.3f}" for b, n, c, a in s.reliability]
    lines.append("per sub-event type (ACLED notes, precision, recall, F1):")
    lines += [f"  {label:<38} {n:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}" for label, (n, p, r, f) in s.per_class.items()]
    lines.append("most frequent confusions (ACLED -> coder):")
    lines += [f"  {n:>4}  {g} -> {p}" for g, p, n in s.confusions]
    return "\n".join(lines)


def format_found(name: str, documents: int, found: list[FoundEvent], *, shown_at: float | None = None) -> str:
    pages = len({f.document for f in found})
    lines = [f"{name}: {documents} documents, {len(found)} current events on {pages} of them"]
    if shown_at is not None:
        shown = [f for f in found if f.confidence >= shown_at]
        lines.append(f"  shown at confidence >= {shown_at:g} (the commands' default --min-confidence): {len(shown)} on "
                     f"{len({f.document for f in shown})} documents")
    lines += [f"  {f.document:<14} {f.sub_event_type:<36} {f.confidence:.2f}  {f.sentence[:160]}" for f in found]
    return "\n".join(lines)
