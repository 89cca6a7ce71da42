"""The sections of a round-up: a brief that tells several unrelated stories, each under a label in capitals.

A news brief ("CAMEROON - The finance ministry said ...", "CHAD - Riots broke out on Monday in Abeche ...",
"GABON - ...") is several stories in one article. What the whole article is about (its topic, which moves every
sentence's bar in event detection) says little of one of its items: a riot told between a budget and an oil field
reads as off-topic news. A round-up is an article of which at least two paragraphs begin with such a label: one
to six words in capital letters, then a dash or a colon, or one to four capitalised words and a colon ("Minya:
Crowds burned ...", a regional weekly's). One labelled paragraph alone is a dateline ("GOMA - Heavy fighting ..."),
not a round-up. A section runs from a labelled paragraph up to the next one.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .article import Article

# a label in capitals ("CHAD", "CENTRAL AFRICAN REPUBLIC", "UASIN GISHU", "D.R. CONGO"), then a dash or a colon; or
# one to four capitalised words and a colon ("Minya: Crowds burned ...", "North Kivu: ...")
_LABEL = re.compile(r"(?:[A-Z][A-Z.'&/-]*\s){0,5}[A-Z][A-Z.'&/-]*\s*(?:-|–|—|:)\s"
                    r"|(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*:\s")
MIN_LABELS = 2


def roundup_sections(article: Article) -> dict[int, tuple[int, int]]:
    """Paragraph index -> the character span of the round-up section it belongs to; empty when the article is
    no round-up (fewer than MIN_LABELS labelled paragraphs). Paragraphs before the first label belong to none."""
    paragraphs: dict[int, list[int]] = {}
    for sentence in article.sentences:
        span = paragraphs.setdefault(sentence.paragraph, [sentence.span.start, sentence.span.end])
        span[0], span[1] = min(span[0], sentence.span.start), max(span[1], sentence.span.end)
    labelled = [index for index, (start, _) in sorted(paragraphs.items()) if _LABEL.match(article.text, start)]
    if len(labelled) < MIN_LABELS:
        return {}
    sections: dict[int, tuple[int, int]] = {}
    for n, first in enumerate(labelled):
        after = labelled[n + 1] if n + 1 < len(labelled) else None
        members = [index for index in paragraphs if index >= first and (after is None or index < after)]
        span = (min(paragraphs[i][0] for i in members), max(paragraphs[i][1] for i in members))
        sections.update({index: span for index in members})
    return sections


def label_end(text: str, start: int) -> int:
    """Where the words of a paragraph opening at ``start`` begin after its label, if it has one ("Situation: On 14
    March, an armed group attacked ...", "CHAD - Riots broke out ..."): the label names a section, not the act."""
    if text[text.rfind("\n", 0, start) + 1:start].strip():
        return start
    match = _LABEL.match(text, start)
    return match.end() if match is not None else start


def section_weights(article: Article, weigh: Callable[[str], float]) -> dict[int, float]:
    """Paragraph index -> ``weigh`` of the text of its round-up section, each section weighed once."""
    sections = roundup_sections(article)
    weights = {span: weigh(article.text[span[0]:span[1]]) for span in set(sections.values())}
    return {paragraph: weights[span] for paragraph, span in sections.items()}
