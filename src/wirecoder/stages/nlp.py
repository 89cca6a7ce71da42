"""NLP: run spaCy once over the coded text (boilerplate blanked, offsets kept) and split sentences.

Paragraph breaks always end a sentence: news paragraphs are units of reporting, and a sentence that
ran across one would join a datelined fact to an unrelated one. And no sentence begins right after a word on
the same line unless a sentence's opening word follows ("..., Istanbul The attack"): the parser sometimes starts
one mid-clause ("killed two persons smuggling illegal | Khat in X town"), cutting the place from its event.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.util import compile_infix_regex

from ..article import Article, Sentence
from ..errors import WirecoderError
from ..lexicon import package_lexicon
from ..settings import DEFAULT_SPACY_MODEL

DEFAULT_MODEL = DEFAULT_SPACY_MODEL
# The components the coder reads: parser (syntax, sentences), ner, tagger/attribute_ruler (POS), lemmatizer.
UNUSED_COMPONENTS = ("senter",)
# capitals whose small letters are an English word ("IS", the Islamic State, is not "is"): their own norm for the
# tagger and the parser, which read tokens by their norms (lexicon/tokens.tsv)
ABBREVIATION_NORMS = package_lexicon("wirecoder.lexicon", "tokens.tsv", fold_case=False).mapping("abbreviation_norm")

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


_CLOSED = re.compile(r"[.!?:;\"”’)\]]$")
# what opens a sentence whose full stop the writer forgot ("..., Istanbul The attack caused"): a determiner, a
# pronoun, a preposition or conjunction, an adverb, a wh-word (Penn tags; the tagger runs before the parser)
SENTENCE_OPENER_TAGS = frozenset({"DT", "PRP", "PRP$", "EX", "WDT", "WP", "WRB", "IN", "CC", "RB"})
SENTENCE_ENDS = frozenset(".!?:;\"”’'“‘)]…*•|-")  # a token after one of these may open a sentence


def paragraph_break(text: str, start: int, end: int) -> bool:
    """Whether the whitespace text[start:end] between two words ends a paragraph: a blank line does, and so does
    a line break after a finished sentence or a short title line; a hard-wrapped line running on does not."""
    gap = text[start:end]
    if "\n" not in gap:
        return False
    if gap.count("\n") > 1:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start].strip()
    if not line or _CLOSED.search(line):
        return True
    if len(line.split()) > 12:
        return False  # a long line that runs on is a hard wrap
    # a short line is a title or subhead when it does not end mid-phrase, or when a capital follows it
    return not line[-1].islower() or len(line) < 70 and text[end:end + 1].isupper()


@Language.component("wirecoder_paragraphs")
def _paragraph_boundaries(doc):
    text = doc.text
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space:
            start = previous.idx
        elif "\n" in previous.whitespace_:
            start = previous.idx + len(previous.text)
        else:
            if previous.text[-1] not in SENTENCE_ENDS and not (token.text[:1].isupper()
                                                               and token.tag_ in SENTENCE_OPENER_TAGS):
                token.is_sent_start = False
            continue
        if paragraph_break(text, start, token.idx):
            token.is_sent_start = True
    return doc


def load_spacy(model: str):
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as err:
        raise WirecoderError("W010", f"the spaCy model {model!r} cannot be loaded ({err})") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("wirecoder_paragraphs", before="parser")
    # 'he said,“Look' glued to one token hides the cue from the quotes stage: split quote marks off punctuation
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[,.;:!?])[“\"‘]", r"(?<=[A-Za-z])[,;:](?=[“\"‘])",
                                            r"[”\"](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for written, norm in ABBREVIATION_NORMS.items():
        nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: norm}])
    return nlp


def coded_text(article: Article) -> str:
    """The article text with boilerplate spans blanked by spaces (same length, same offsets)."""
    if not article.boilerplate:
        return article.text
    chars = list(article.text)
    for item in article.boilerplate:
        for i in range(item.span.start, item.span.end):
            if chars[i] not in "\n":
                chars[i] = " "
    return "".join(chars)


class NlpStage:
    name = "nlp"
    requires = ("text", "boilerplate")
    assigns = ("doc", "sentences")

    def __init__(self, *, nlp, batch_size: int = 16):
        self._nlp = nlp
        self._batch_size = batch_size

    def __call__(self, article: Article) -> Article:
        return self._finish(article, self._nlp(coded_text(article)))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        # Two iterators over one stream: spaCy consumes texts lazily, so articles stay in step.
        buffered: list[Article] = []

        def texts():
            for article in articles:
                buffered.append(article)
                yield coded_text(article)

        for doc in self._nlp.pipe(texts(), batch_size=self._batch_size):
            yield self._finish(buffered.pop(0), doc)

    @staticmethod
    def _finish(article: Article, doc) -> Article:
        article.doc = doc
        paragraph = 0
        previous_end = 0
        sentences = []
        for sent in doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            end = start + len(stripped)
            if paragraph_break(article.text, previous_end, start):
                paragraph += 1
            sentences.append(Sentence(article.span(start, end), paragraph, len(sentences)))
            previous_end = end
        article.sentences = sentences
        return article
