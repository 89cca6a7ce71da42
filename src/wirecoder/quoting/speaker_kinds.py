"""What kind of source a speaker is: a person, an organisation, a government, an armed force or a news outlet,
from the words of its name and role (lexicon/speaker_kinds.tsv). The claims stage credits events with it; the
framing stage reads it to tell the sides a document hears."""
from __future__ import annotations

import re

from ..article import Speaker
from ..lexicon import load_lexicon

_WORDS = load_lexicon("speaker_kinds")
OUTLET_WORDS = _WORDS.words("outlet_word")
MILITARY_WORDS = _WORDS.words("military_word")
GOVERNMENT_WORDS = _WORDS.words("government_word")
ORGANISATION_WORDS = _WORDS.words("organisation_name_word")
PERSON_PRONOUNS = _WORDS.words("speaking_person_pronoun")
REPORT_CUES = _WORDS.words("report_cue")
REPORT_NOUNS = _WORDS.words("report_noun")  # outlet words that name a report, not an outlet
UNRESOLVED_PRONOUNS = _WORDS.words("unresolved_pronoun")
WORD = re.compile(r"[a-z]+")
_POSSESSIVE = re.compile(r"\w['’]s\b")  # "the victim's brother": someone's relation, not a masthead


def speaker_kind(speaker: Speaker, cue_text: str = "", *, named_person: bool = False) -> str:
    """person | organisation | government | military | outlet, from the words of the speaker's name and role.

    Military words win over government ones ("Defense Ministry", "army spokesman": the armed forces speaking);
    a source that "reports" with a name that looks like a news organisation is an outlet, unless the text names a
    person there (``named_person``: "Jane Roe wrote") or a relation of one ("the victim's brother reported")."""
    words = set(WORD.findall(f"{speaker.name} {speaker.role or ''}".lower()))
    if words & OUTLET_WORDS and (cue_text.lower() in REPORT_CUES or words & (OUTLET_WORDS - REPORT_NOUNS)):
        return "outlet"
    if words & MILITARY_WORDS:
        return "military"
    if words & GOVERNMENT_WORDS:
        return "government"
    if words & ORGANISATION_WORDS:
        return "organisation"
    if cue_text.lower() in REPORT_CUES and speaker.name[:1].isupper() and len(speaker.name.split()) <= 3 \
            and speaker.role is None and speaker.span.text.lower() not in PERSON_PRONOUNS and not named_person \
            and not _POSSESSIVE.search(speaker.name):
        return "outlet"
    return "person"
