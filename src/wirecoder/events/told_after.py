"""The sentences that go on telling an event: those after its own sentence in its paragraph, up to the next sentence
that tells another event. Stages that read what a report says after its event's sentence (how a protest ended, who
the victim was) share this one reading."""
from __future__ import annotations

import re
from collections.abc import Container

from ..article import Article, Event
from ..lexicon import load_lexicon

_WORDS = load_lexicon("counts")
# "Separately, ...", "In another attack, ...", "Also on Tuesday, ...": a sentence that opens as another event's
OTHER_EVENT = re.compile(rf"\s*{_WORDS.alternation('other_event_opener', space=' ')}\b", re.IGNORECASE)
# "a separate protest", "another rally", "a counter-rally": the words right before an event's noun (a word may
# part them)
SEPARATE_ACT = re.compile(rf"\b{_WORDS.alternation('separate_act_word', space=' ')}(?:\s*|\s+[\w-]+\s+)$",
                          re.IGNORECASE)


def told_after(article: Article, event: Event, *, ignoring: Container[str] = ()) -> list[int]:
    """The indexes of the sentences after the event's own, in its paragraph, up to one that tells another event
    (events of the sub-types in ``ignoring`` do not end it: an arrest told after a protest may be the protest's)."""
    own = article.sentences[event.mention.sentence]
    others = {e.mention.sentence for e in article.events if e is not event and e.sub_event_type not in ignoring}
    out = []
    for sentence in article.sentences[own.index + 1:]:
        if sentence.paragraph != own.paragraph or sentence.index in others:
            break
        out.append(sentence.index)
    return out
