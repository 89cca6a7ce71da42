"""The quotes stage: direct quotations and reported speech, each with its cue, content and speaker.

Direct quotations are found by their marks (quote_marks.py) and tied to a cue verb right after the closing mark
("...,” Akar said") or right before the opening one (Akar said: “..."); a quotation split by its cue
("X,” he said, “Y.”) and a cue-less quotation that goes on in the same paragraph become one quote. Reported speech is
read from the parse: a cue verb with a clause under it ("said that ...", "..., the ministry said"), an accusation
("accused X of ..."), a request ("urged X to ..."), or "according to X". Quoted fragments of fewer than four words
that no cue introduces ("called the attack an “atrocity”") are scare quotes, not quotations.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..article import Article, Quote, Span
from ..lexicon import load_lexicon
from ..quoting.cues import CueVerb, content_children, is_verb, load_cue_verbs, subject_of
from ..quoting.quote_marks import MarkedQuote, find_marked_quotes
from ..quoting.speakers import MentionIndex

_EDGE_PUNCT = " \t\n,;:.“”\"‘’'«»—–-"
_SENTENCE_END = frozenset(".!?")
_MIN_DIRECT_WORDS = 4
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "so-called", "a reported attack": not cues
_CUE_WINDOW = 30  # tokens searched for a cue around a quotation
_NAME_POS = frozenset({"PROPN", "PRON", "DET", "NOUN"})
_OPENING_TOKENS = frozenset({"“", "„", "«", '"', "``", "''"})
_CLOSING_TOKENS = frozenset({"”", "»", "''"})
_CONTINUATION_GAP = 250  # characters between a quotation's cue and the next quotation of the same voice
_SPEAKERS = load_lexicon("speakers")
_NO_SPEAKER = _SPEAKERS.words("no_speaker")
_QUOTE_POINTERS = _SPEAKERS.words("quote_pointer")
# how a quotation hangs from the verb that introduces it: as its object or complement, or through a preposition
_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "ccomp", "xcomp", "pobj", "pcomp", "prep", "acomp", "npadvmod",
                          "appos", "dative"})


@dataclass
class _Found:
    content: Span
    cue: Span
    cue_token: object | None
    subject: object | None
    direct: bool
    parts: tuple[Span, ...] = ()
    embedded: bool = False  # a quotation inside a clause, tied to the verb that governs it


class QuotesStage:
    name = "quotes"
    requires = ("doc", "sentences", "text")
    assigns = ("quotes",)

    def __init__(self, *, min_direct_words: int = _MIN_DIRECT_WORDS):
        self.cue_verbs = load_cue_verbs()
        self.min_direct_words = min_direct_words

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        text = doc.text  # built anew on each access: read it once
        marked = find_marked_quotes(text)
        direct = self._direct(article, doc, text, marked)
        inside = [(f.content.start, f.content.end) for f in direct]
        index = MentionIndex(doc, skip=inside)
        used_cues = {f.cue_token.i for f in direct if f.cue_token is not None and not f.embedded}
        reported = self._reported(article, doc, inside, used_cues)
        reported_spans = [r.content for r in reported]
        direct = [f for f in direct if not (f.embedded or f.cue_token is None)
                  or not any(r.start <= f.content.start and f.content.end <= r.end + 1 for r in reported_spans)]
        found = sorted(direct + reported, key=lambda f: f.content.start)
        quotes = []
        for f in found:
            speaker = index.speaker(f.subject) if f.subject is not None else None
            quotes.append(Quote(id=f"q{len(quotes) + 1}", speaker=speaker, cue=f.cue, content=f.content,
                                direct=f.direct, parts=f.parts))
        article.quotes = quotes
        return article

    # direct quotations -------------------------------------------------------------------------------------------

    def _direct(self, article: Article, doc, text: str, marked: list[MarkedQuote]) -> list[_Found]:
        starts = [t.idx for t in doc]
        found: list[_Found] = []
        for mq in marked:
            words = len(text[mq.start:mq.end].split())
            cue = self._cue_after(doc, text, starts, mq) or self._cue_before(doc, text, starts, mq)
            content = _trimmed(article, mq.start, mq.end, keep_final=True)
            if content is None:
                continue
            previous = found[-1] if found else None
            if previous is not None and self._continues(text, previous, mq, cue):
                merged = Span(previous.content.start, content.end, article.text[previous.content.start:content.end])
                previous.parts = (previous.parts or (previous.content,)) + (content,)
                previous.content = merged
                if previous.cue_token is None and cue is not None:
                    previous.cue, previous.cue_token = _token_span(article, cue), cue
                    previous.subject = self._speaker_head(doc, cue, mq)
                continue
            if cue is None and previous is not None and self._next_paragraph(text, previous, mq):
                found.append(_Found(content, previous.cue, previous.cue_token, previous.subject, True))
                continue
            embedded = False
            if cue is None:
                cue = self._governing_verb(doc, starts, mq, words)
                embedded = cue is not None
            if cue is None and words < self.min_direct_words:
                continue  # a scare quote or a quoted phrase inside someone's sentence
            if cue is None:
                opening = Span(mq.open_at, mq.open_at + 1, article.text[mq.open_at:mq.open_at + 1])
                found.append(_Found(content, opening, None, None, True))
            else:
                cue_span = _token_span(article, cue) if cue.lower_ != "according" else \
                    article.span(cue.idx, doc[cue.i + 1].idx + len(doc[cue.i + 1]))
                found.append(_Found(content, cue_span, cue, self._speaker_head(doc, cue, mq), True,
                                    embedded=embedded))
        return found

    @staticmethod
    def _speaker_head(doc, cue, mq: MarkedQuote):
        """The cue's subject; when the parse put it inside the quotation, the noun beside the cue instead
        ("“Very good reporter,” Trump said": the parser may take "reporter" for the subject)."""
        if cue.lower_ == "according":
            return next((c for c in doc[cue.i + 1].children if c.dep_ == "pobj"), None)
        if cue.text == ":":
            return doc[cue.i - 1]
        subject = subject_of(cue)
        close = mq.close_at if mq.close_at is not None else mq.end
        if subject is None and cue.tag_ in ("VBG", "VBN"):
            # "..., writing “...”", "by saying “...”": the participle's subject is the main clause's
            root = cue.sent.root
            subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < cue.i), None)
        if subject is None and cue.idx > close and cue.i > 0 and doc[cue.i - 1].pos_ in ("PROPN", "PRON", "NOUN") \
                and doc[cue.i - 1].idx > close:
            return doc[cue.i - 1]  # "“Go back,” Trump barked", parsed as anything but a subject
        if subject is None or not (mq.open_at <= subject.idx <= close):
            return subject
        for tok in (doc[cue.i - 1] if cue.i > 0 else None, doc[cue.i + 1] if cue.i + 1 < len(doc) else None):
            if tok is not None and tok.pos_ in ("PROPN", "PRON", "NOUN") and not (mq.open_at <= tok.idx <= close):
                return tok
        return None

    def _next_paragraph(self, text: str, previous: _Found, mq: MarkedQuote) -> bool:
        """A quotation opening a paragraph right after a paragraph that ends with someone's quotation: the
        same voice goes on (news prints a long statement as several quoted paragraphs under one attribution)."""
        if previous.subject is None or previous.cue_token is None:
            return False
        gap = text[max(previous.content.end, previous.cue.end):mq.open_at]
        return gap.count("\n") >= 1 and len(gap.strip()) <= 80 and text[mq.open_at - 1] == "\n" and \
            "“" not in gap and sum(1 for line in gap.split("\n") if line.strip()) <= 1

    def _governing_verb(self, doc, starts: list[int], mq: MarkedQuote, words: int):
        """The verb outside a quotation that its words hang from ("called the attack “an atrocity”"), when it
        has a subject; quotations of few words only count under a cue verb."""
        if mq.close_at is None:
            return None
        first = bisect.bisect_left(starts, mq.start)
        last = bisect.bisect_left(starts, mq.close_at)
        if first >= last:
            return None
        root = next((t for t in doc[first:last] if not (mq.open_at <= t.head.idx < mq.close_at + 1)), None)
        if root is None or root.dep_ not in _OBJECT_DEPS:
            return None
        verb = root.head
        for _ in range(2):
            if is_verb(verb) or verb.dep_ not in _OBJECT_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb is None or not is_verb(verb) or mq.open_at <= verb.idx <= mq.close_at:
            return None
        if subject_of(verb) is None:
            return None
        if words < self.min_direct_words and verb.lower_ not in self.cue_verbs:
            return None
        return verb

    def _continues(self, text: str, previous: _Found, mq: MarkedQuote, cue) -> bool:
        """Whether a quotation goes on from the previous one: split by its cue, or following it in a paragraph."""
        gap = text[previous.content.end:mq.open_at]
        if "\n" in gap.strip(" ”\"»’") or len(gap) > _CONTINUATION_GAP:
            return False
        if previous.cue_token is not None and previous.cue.end <= mq.open_at and previous.cue.start >= \
                previous.content.end:
            # “X,” he said, “Y.” / “X,” he said at the meeting. “Y.”: the rest of the cue's sentence lies between
            between = text[previous.cue.end:mq.open_at].strip()
            for conjunction in (" But", " And", " but", " and"):
                between = between.removesuffix(conjunction)
            if cue is None or cue.i == previous.cue_token.i:
                return not any(c in between for c in "?!“\"") and \
                    (between.endswith((",", ":", ".")) or between == "")
        if cue is not None and (previous.cue_token is None or cue.i != previous.cue_token.i):
            return False
        # a cue-less quotation right after another in the same paragraph: the same voice goes on
        return cue is None and previous.subject is not None and len(gap.strip(" ”\"»’“")) <= 1

    def _cue_after(self, doc, text: str, starts: list[int], mq: MarkedQuote):
        if mq.close_at is None:
            return None
        last_char = text[mq.start:mq.end].rstrip()[-1:]
        i = bisect.bisect_left(starts, mq.close_at + 1)
        between_verbs = 0
        for tok in doc[i:min(len(doc), i + _CUE_WINDOW)]:
            if tok.text in _OPENING_TOKENS or "\n" in tok.text or tok.text in _SENTENCE_END:
                return None
            if tok.lower_ in self.cue_verbs and is_verb(tok) and tok.dep_ not in _MODIFIER_DEPS:
                if between_verbs or (last_char in _SENTENCE_END and tok.i - i > 6):
                    return None
                if any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children) and \
                        last_char in _SENTENCE_END:
                    return None  # a new reported clause, not the cue of this quotation
                return tok
            if is_verb(tok) and tok.dep_ not in ("aux", "auxpass", "amod"):
                speaker_words = doc[i:tok.i]
                if not between_verbs and last_char in (",", "?", "!", "—") and tok.tag_ in ("VBD", "VBZ", "VBN") \
                        and 1 <= len(speaker_words) <= 3 and all(t.pos_ in _NAME_POS for t in speaker_words) and \
                        not any(c.dep_ in ("dobj", "ccomp") and c.i > tok.i for c in tok.children):
                    return tok  # "“Go back,” Trump barked": a verb of any kind, right after the speaker
                between_verbs += 1
        return None

    def _cue_before(self, doc, text: str, starts: list[int], mq: MarkedQuote):
        before = text[:mq.open_at].rstrip()
        lead_char = before[-1:]
        i = bisect.bisect_left(starts, mq.open_at) - 1
        tokens = []
        while i >= 0 and len(tokens) < _CUE_WINDOW:
            tok = doc[i]
            if tok.is_space and "\n" in tok.text:
                if lead_char in (":", ",") and not any(not t.is_space for t in tokens):
                    i -= 1
                    continue
                break
            if tok.text in _SENTENCE_END or tok.text in _CLOSING_TOKENS:
                break
            tokens.append(tok)
            i -= 1
        for tok in tokens:  # nearest first
            if tok.lower_ in self.cue_verbs and is_verb(tok) and tok.dep_ not in _MODIFIER_DEPS:
                between = [t for t in tokens if t.i > tok.i and not t.is_space]
                if any(t.tag_ in _FINITE and t.dep_ not in ("aux", "auxpass") for t in between):
                    break
                if lead_char in (":", ",") or not between or between[-1].lower_ in _QUOTE_POINTERS:
                    return tok
                return None
        according = next((t for t in tokens if t.lower_ == "according" and t.i + 1 < len(doc)
                          and doc[t.i + 1].lower_ == "to"), None)
        if according is not None and lead_char in (":", ","):
            return according  # "According to the ministry: “...”"
        if lead_char == "," and tokens:
            words = [t for t in tokens if not t.is_space and t.text != ","]
            verb = next((t for t in words[:3] if t.tag_ in ("VBD", "VBZ")), None)
            if verb is not None and all(t.pos_ in ("ADP", "ADV", "PART") for t in words[:words.index(verb)]) and \
                    any(c.dep_ == "nsubj" for c in verb.children):
                return verb  # "Hillary shot back, “...”"
        colon = next((t for t in tokens if not t.is_space), None)
        if lead_char == ":" and colon is not None and colon.text == ":" and colon.i > 0 and \
                doc[colon.i - 1].pos_ == "PROPN" and doc[colon.i - 1].ent_type_ not in ("GPE", "LOC", "DATE"):
            return colon  # "Carl Bialik: “...”": a name and a colon, as in transcripts and digests
        if lead_char == ":" and tokens:
            # "Clinton released the following statement: “...”": the introducing clause's subject speaks
            root = tokens[0].sent.root
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if is_verb(root) and subject is not None and subject.lower_ not in _NO_SPEAKER and root.i < tokens[0].i:
                return root
        return None

    # reported speech ---------------------------------------------------------------------------------------------

    def _reported(self, article: Article, doc, inside: list[tuple[int, int]], used_cues: set[int]) -> list[_Found]:
        inside_starts = [s for s, _ in inside]

        def in_direct(offset: int) -> bool:
            k = bisect.bisect_right(inside_starts, offset) - 1
            return k >= 0 and offset < inside[k][1]

        found: list[_Found] = []
        for tok in doc:
            if tok.i in used_cues or in_direct(tok.idx):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                hit = self._according_to(article, doc, tok)
            elif tok.lower_ in self.cue_verbs and is_verb(tok) and self.cue_verbs[tok.lower_].content != "quotation":
                hit = self._reported_clause(article, tok, self.cue_verbs[tok.lower_])
            else:
                continue
            if hit is None or any(s <= hit.content.start < e and hit.content.end <= e for s, e in inside):
                continue
            found.append(hit)
        return found

    def _reported_clause(self, article: Article, verb, cue: CueVerb) -> _Found | None:
        subject = subject_of(verb)
        children = content_children(verb, cue, subject)
        if children:
            start = min(c.left_edge.idx for c in children)
            end = max(c.right_edge.idx + len(c.right_edge) for c in children)
        elif verb.dep_ == "parataxis" and is_verb(verb.head) and subject is not None:
            # "Time, Mr. Pence added, was on their side" / "A wall would stop crime, she said, and drugs": the
            # statement is the clause the cue interrupts or follows
            head = verb.head
            start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
            cue_start, cue_end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
            if not text_between(article.text, cue_end, end).strip(" .,;:!?”\"’\n"):
                end = cue_start
            elif not text_between(article.text, start, cue_start).strip(" ,“\"‘\n"):
                start = cue_end
        elif subject is not None and subject.i < verb.i and _ends_sentence(verb) and subject.left_edge.i > 0 and \
                verb.doc[subject.left_edge.i - 1].text == "," and subject.left_edge.i - 1 > verb.sent.start:
            # "They will pay for it, Turkish Defense Minister says": the parser missed the clause before the comma
            start, end = verb.sent.start_char, verb.doc[subject.left_edge.i - 1].idx
        else:
            return None
        content = _trimmed(article, *_within_paragraph(article.text, verb.idx, start, end))
        if content is None or len(content.text.split()) < 2:
            return None
        return _Found(content, _token_span(article, verb), verb, subject, False)

    def _according_to(self, article: Article, doc, according) -> _Found | None:
        to = doc[according.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None and according.i + 2 < len(doc):
            source = doc[according.i + 2].head if doc[according.i + 2].head.i > according.i + 1 else \
                doc[according.i + 2]
        if source is None:
            return None
        phrase_end = source.right_edge.i + 1
        sent = according.sent
        if according.i - sent.start <= 1:
            start, end = doc[phrase_end].idx if phrase_end < len(doc) else sent.end_char, sent.end_char
        elif phrase_end >= sent.end - 1:
            start, end = sent.start_char, according.idx
        else:
            start, end = sent.start_char, sent.end_char
        content = _trimmed(article, *_within_paragraph(article.text, according.idx, start, min(end, sent.end_char)))
        if content is None or len(content.text.split()) < 2:
            return None
        cue = Span(according.idx, to.idx + len(to), article.text[according.idx:to.idx + len(to)])
        return _Found(content, cue, None, source, False)


def _ends_sentence(token) -> bool:
    return all(t.is_punct or t.is_space for t in token.doc[token.i + 1:token.sent.end])


def text_between(text: str, start: int, end: int) -> str:
    return text[start:end] if end > start else ""


def _token_span(article: Article, token) -> Span:
    return article.span(token.idx, token.idx + len(token))


def _within_paragraph(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Clip a span to the paragraph (line) holding ``anchor``: reported speech never crosses a paragraph."""
    first = text.rfind("\n", 0, anchor) + 1
    last = text.find("\n", anchor)
    return max(start, first), min(end, last if last != -1 else len(text))


def _trimmed(article: Article, start: int, end: int, *, keep_final: bool = False) -> Span | None:
    """A span without the spaces, marks and commas at its edges; ``keep_final`` keeps a closing . ? or !
    (a quotation's own words end with them; a reported clause's end is the reporting sentence's)."""
    text = article.text
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT and not (keep_final and text[end - 1] in _SENTENCE_END):
        end -= 1
    if end <= start:
        return None
    return article.span(start, end)

