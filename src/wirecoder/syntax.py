"""Small helpers over spaCy tokens that several stages share: spans, governing verbs, clause context."""
from __future__ import annotations

from .lexicon import load_lexicon

_WORDS = load_lexicon("clause_words")
HYPOTHETICAL = _WORDS.words("hypothetical_verb")
MODALS = _WORDS.words("modal")
HABITUAL = _WORDS.words("habitual_verb")
SAME_FORM_PAST = _WORDS.words("same_form_past")
KNOWING = _WORDS.words("knowing_verb")
SPEECH = _WORDS.words("speech_verb")
LEGAL = _WORDS.words("legal_word")
PERFECT_PROGRESSIVE = _WORDS.words("perfect_progressive_aux")  # "has been training"
REACTION = _WORDS.words("reaction_verb")
STATE_VERBS = _WORDS.words("state_verb")  # "are believed to be members of": what is, not what was done
REFLEXIVES = _WORDS.words("reflexive_pronoun")  # "calling itself X": a name, not a call for anything
KILLING = load_lexicon("counts").words("killing_verbs")
HARMING = KILLING | _WORDS.words("harming_verb")  # "killed in riots", "died in clashes", "wounded in protests"
HARMED_IN = _WORDS.words("harmed_in_preposition")
ANSWERING = _WORDS.words("answering_verb")  # "arrested ... over the bombing": what the arrest answers
ANSWER_PREPOSITIONS = _WORDS.words("answering_preposition")
ANSWER_NOUNS = _WORDS.words("answering_noun")  # "in connection with", "in relation to"
DEEDS = _WORDS.words("answering_deed_verb")  # "suspected of carrying out the bombing": the deed names the act
DEED_PREPOSITIONS = _WORDS.words("answering_deed_preposition")  # "suspected of", "charged with"
AIDING = _WORDS.words("answering_aid_verb")  # "suspected of helping plan the bombing"
PARTAKING = _WORDS.words("partaking_word")  # "taking part in the attack": a verb, or the object of one


def answered_by(token):
    """The verb of an arrest or a charge whose "over" or "for", or "in connection with", names the token's event
    ("arrested two men over the bombing", "charged for the attack", "detained in connection with the killing"),
    or a deed they are suspected, accused or charged of names ("suspected of carrying out the bombing", "charged
    with taking part in the attack"), or None."""
    deed = deed_of(token)
    while deed is not None and deed.dep_ == "xcomp" and deed.head.lemma_.lower() in AIDING:
        deed = deed.head  # "suspected of helping plan the bombing": the help is the deed the arrest answers
    if deed is not None and deed.dep_ == "pcomp" and deed.head.lower_ in DEED_PREPOSITIONS | ANSWER_PREPOSITIONS \
            and deed.head.head.lemma_.lower() in ANSWERING:
        return deed.head.head
    if token.dep_ != "pobj":
        return None
    preposition, head = token.head, token.head.head
    if preposition.lower_ in ANSWER_PREPOSITIONS and head.lemma_.lower() in ANSWERING:
        return head
    if head.lemma_.lower() in ANSWER_NOUNS and head.dep_ == "pobj" and head.head.head.lemma_.lower() in ANSWERING:
        return head.head.head
    return None


def deed_of(token):
    """The verb of a deed whose object is the token's act ("carrying out the bombing", "taking part in the
    attack", "participating in the killing", "played a role in the attack"), or None."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in DEEDS:
        return token.head
    if token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    verb = token.head.head
    if verb.lemma_.lower() in PARTAKING or any(c.dep_ == "dobj" and c.lemma_.lower() in PARTAKING
                                               for c in verb.children):
        return verb
    return None


def token_span(doc, start_char: int, end_char: int):
    return doc.char_span(start_char, end_char, alignment_mode="expand")


def governing_verb(token):
    """The verb a trigger belongs to: the token itself if a verb, else the nearest verb up its head chain."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def noun_agents(noun) -> list:
    """The doers an event noun names with "by" ("an attack by armed bandits": bandits), whatever verb it hangs from."""
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]


def has_object(token) -> bool:
    """ "after fighting off the attackers", "after shooting a man": a gerund with an object or a particle tells what
    the sentence's subject did, not an event named by its noun."""
    return any(c.dep_ in ("dobj", "prt", "attr") for c in token.children)


def head_chain(token, depth: int = 4):
    """The token and up to ``depth`` ancestors, nearest first."""
    chain = [token]
    current = token
    for _ in range(depth):
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


REASON_MARKS = _WORDS.words("reason_mark")


def chain_to(token, verb) -> list:
    """The token and its heads up to the verb, the verb included."""
    chain = [token]
    for head in token.ancestors:
        chain.append(head)
        if head.i == verb.i:
            break
    return chain


def in_reason_clause(token) -> bool:
    """Whether the token sits in an adverbial clause that gives a reason ("because soldiers had occupied a village")."""
    return any(node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in node.children)
               for node in head_chain(token))


CLAUSE_BOUNDARIES = {"ROOT", "relcl", "advcl", "ccomp", "parataxis"}


def _past_of_same_form(verb) -> bool:
    """Whether a verb the tagger read as present is as well the past of the same form told under a past verb:
    "civilians were killed when shells hit a market" ("hit", "put", "cut" are their own past)."""
    if verb.lower_ != verb.lemma_.lower() or verb.lower_ not in SAME_FORM_PAST:
        return False
    head = verb.head
    return head.i != verb.i and (head.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children))


def _simple_present(verb) -> bool:
    """A verb in the simple present, or a bare verb conjoined to one ("bandits, who raid villages, steal cattle and
    abduct people"): what happens, not what did."""
    if verb.tag_ == "VB" and verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and not _past_of_same_form(verb)


def modality(token) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, habitual) for the clause a trigger sits in.

    The walk goes up from the trigger to the head of its own clause: a relative or adverbial clause
    asserts on its own ("the early days of which X launched attacks" is not governed by its host verb).
    """
    negated = hypothetical = habitual = False
    if _purpose_of(token):
        # "has been training the opposition forces to fight IS": a purpose is as asserted as the act it serves
        negated, hypothetical, habitual = modality(token.head)
    if token.lemma_.lower() in KNOWING and any(c.dep_ == "ccomp" for c in token.children) and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        hypothetical = True  # "..., Polygraph.info has previously established": a finding, not a base set up
    previous = None
    for node in head_chain(token, 5):
        lemma = node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX", "NOUN") and any(child.dep_ == "neg" or child.lower_ in NOBODY and
                                                        child.dep_ in ("det", "nsubj", "nsubjpass", "dobj")
                                                        for child in node.children):
            negated = True  # "did not attack", "no clashes occurred"
        if node.i == token.i and any(c.lower_ in PLANNED for c in node.children if c.dep_ in ("amod", "compound")):
            hypothetical = True  # "a planned protest", "the scheduled rally"
        if node.i != token.i and node.pos_ == "NOUN" and lemma in NEGATING_NOUNS:
            negated = True
        if node.i != token.i and node.lower_ == "without" and node.dep_ == "prep":
            negated = True  # "without reaching an agreement"
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in node.children):
            negated = True  # "no exchange was agreed"
        if node.i != token.i and node.pos_ == "NOUN" and lemma in REACTION_NOUNS and not (
                lemma in CLAIM_NOUNS and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)):
            hypothetical = True  # "in response to the attack"; not "claimed responsibility for an attack on X"
        if node.i == token.i and any(c.lower_ == "since" and c.dep_ == "prep" for c in node.children):
            habitual = True  # "more than 2,000 arrested since the vote": a running total, not an event
        if node.i != token.i and lemma in LEGAL:
            hypothetical = True  # "charged with assault", "pleaded guilty to attempted murder": a case, not a report
        if node.i != token.i and node.pos_ in ("VERB", "AUX"):
            if (lemma in HYPOTHETICAL and not _names_itself(node)) or lemma == "set" and any(
                    c.dep_ == "xcomp" for c in node.children):
                hypothetical = True  # ... and "set to take place"
            # "continue to target ... and bombard": the trigger sits under a continuing verb's infinitive; a
            # simple past ("on 29 April, forces continued to loot homes") tells what they did that day
            if lemma in HABITUAL and node.tag_ != "VBD" and previous is not None and (
                    previous.dep_ in ("xcomp", "nsubj")
                    or previous.dep_ == "conj" and any(c.dep_ == "xcomp" for c in node.children)):
                habitual = True
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lemma_.lower() in MODALS
                                                for c in node.children):
            hypothetical = True
        if node.i == token.i and _simple_present(node):
            habitual = True
        if node.i == token.i and node.tag_ == "VBG" and {c.lemma_.lower() for c in node.children
                                                         if c.dep_ == "aux"} >= PERFECT_PROGRESSIVE:
            habitual = True  # "has been training the opposition": an activity going on for a while, not an event
        if node.i == token.i and node.dep_ in ("csubj", "csubjpass") and node.tag_ != "VBD":
            habitual = True  # "Attacking churches is ...": a kind of act, not an act  # "terrorism that attacks worshippers": the simple present tells what happens, not what did
        if node.i != token.i and node.dep_ in CLAUSE_BOUNDARIES:
            # "denied that the army had shelled": the verb that embeds the clause decides whether it is asserted
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in HYPOTHETICAL and not _names_itself(node.head):
                hypothetical = True
            break
        if node.dep_ in CLAUSE_BOUNDARIES and node.pos_ in ("VERB", "AUX"):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in HYPOTHETICAL and not _names_itself(node.head):
                hypothetical = True
            break
        if node.dep_ == "conj" and node.tag_ == "VBD" and node.head.pos_ in ("VERB", "AUX"):
            break  # "demanded reforms and blocked the road": a finite past verb in a coordination asserts itself
        if node.i == token.i and node.dep_ == "acl" and node.tag_ in ("VBD", "VBN"):
            # a participle or past verb under a noun asserts on its own: "protesters detained on Monday" were
            # detained whatever the host verb says, and "owners of restaurants protested outside ..., demanding"
            # (the parser's reading of a main verb as a modifier) protested
            break
        previous = node
    if token.pos_ == "NOUN" and any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in token.children):
        # "denied that the group was behind Monday's suicide bombing": a dated event named by its day happened,
        # whatever the verb around it says of who did it
        return False, False, False
    if (negated or hypothetical) and _told_as_killing(token):
        # "denied firing the shells that killed civilians": the killing is told as fact; only who did it is denied
        return False, False, habitual
    return negated, hypothetical, habitual


def _names_itself(verb) -> bool:
    """"a group calling itself the Bui Warriors", "injured during what it called a 'violent rally'": a verb of
    calling for that only gives a name (its object is the subject itself, or "what" with the name as its
    complement), whatever the parser hangs under it."""
    return any(c.dep_ == "dobj" and (c.lower_ in REFLEXIVES or c.tag_ in ("WP", "WDT")) for c in verb.children)


def _told_as_killing(token) -> bool:
    """Whether the act, or what it names as its means ("the shells"), carries a relative clause that tells a killing
    in the past ("the attack that killed five", "the shells that killed civilians")."""
    nouns = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
    return any(c.dep_ == "relcl" and c.tag_ == "VBD" and c.lemma_.lower() in KILLING
               for noun in nouns for c in noun.children)


def _purpose_of(token) -> bool:
    """Whether a verb is the "to" infinitive of another verb's purpose or aim ("training forces to fight")."""
    return token.tag_ == "VB" and token.dep_ in ("advcl", "xcomp") and token.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


# nouns whose object is an event told elsewhere ("in response to the attack") or one that is not happening
# ("a lull in the fighting")
REACTION_NOUNS = _WORDS.words("reaction_noun")
INQUIRY_NOUNS = _WORDS.words("inquiry_noun")  # "ordered an inquiry into ...": the verb reacts to an event told after
INQUIRY_VERBS = _WORDS.words("inquiry_verb")  # not "blocked roads to demand the investigation of a murder": a protest
CLAIM_NOUNS = load_lexicon("speaker_kinds").words("responsibility_word")  # "claimed responsibility", "took credit"
INDEFINITE = _WORDS.words("indefinite_determiner")
NEGATING_NOUNS = _WORDS.words("negating_noun")
NOBODY = _WORDS.words("nobody_subject")
PLANNED = _WORDS.words("planned")
SERIES_NOUNS = _WORDS.words("series_noun")
DEFINITE = _WORDS.words("definite_determiner")  # "the attack", "such kidnappings"
REFERRING = DEFINITE | _WORDS.words("possessive_determiner")  # and "their attack"


def is_reference(token) -> bool:
    """'the attack', 'such kidnappings', 'attacks in Turkey', 'days of protests': a noun that names an event
    told elsewhere or a kind of event, rather than reporting one. Whether the sentence still reports one (a date,
    a toll of its own) is for the event_reports stage to weigh."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss", "predet", "amod")}
    if determiners & REFERRING:
        return True
    if token.tag_ == "NNS" and token.dep_ in ("pobj", "dobj", "attr") \
            and not any(c.dep_ in ("det", "nummod") for c in token.children) and harm_in(token) is None:
        return True  # "blamed for attacks", "carried out attacks" (a plural subject, "Clashes ... left 13 dead", reports)
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SERIES_NOUNS


def harm_in(token):
    """The verb of killing or hurting whose event the noun is, or None: "three people were killed in riots", "died in
    clashes", "were wounded during protests" report the events the people were killed or hurt in."""
    if token.dep_ != "pobj" or token.head.lower_ not in HARMED_IN:
        return None
    verb = governing_verb(token.head)
    return verb if verb is not None and verb.lemma_.lower() in HARMING else None


def is_predicate(token) -> bool:
    """'This is an attack against our country': the event word describes, it does not report."""
    return token.dep_ in ("attr", "acomp") and token.head.lemma_.lower() == "be"


def is_modifier(token) -> bool:
    """'riot police', 'protest movement', 'attack helicopter': the event word only qualifies another noun."""
    return token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i


def sets_up_inquiry(verb) -> bool:
    """ "ordered a judicial inquiry into the police action against a march": a verb that sets up an inquiry reacts
    to the act it looks into; it tells no act of its own."""
    return verb.lemma_.lower() in INQUIRY_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in INQUIRY_NOUNS for c in verb.children)


def is_reaction_object(token) -> bool:
    """'condemned the attack': a definite mention of an event that is the object of a reaction to it."""
    has_definite = any(c.dep_ in ("det", "amod", "predet") and c.lower_ in DEFINITE
                       or c.dep_ == "poss" for c in token.children)  # "condemned Sunday's attack"
    verb = governing_verb(token)
    return has_definite and verb is not None and verb.lemma_.lower() in REACTION


def subject_of(verb):
    """The subject of a verb, looking through passives ('by X'), conjunctions and xcomp chains."""
    current = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in ("nsubj",):
                return child
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if current.dep_ in ("conj", "xcomp", "advcl", "acl") and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def is_speaker(token) -> bool:
    """'residents said', 'police in the UAE said', 'according to police': the subject of a verb of saying is a source,
    not a party."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.lower_ == "to" and current.head.head.lower_ == "according":
            return True  # "according to the police, the massacre ...": a source, however the parser hangs it
        if current.dep_ in ("nsubj", "conj") and current.head.lemma_.lower() in SPEECH \
                and current.head.pos_ in ("VERB", "AUX"):  # not the "State" of "Chin State, Myanmar military"
            return True
        if current.dep_ in ("dobj", "dative") and current.head.lemma_.lower() in SPEECH \
                and current.head.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in current.head.children):
            return True  # "witnesses told police that two men fired": whom a source tells is no party either
        if current.dep_ in ("conj", "compound", "pobj", "prep", "appos", "poss") and current.head.i != current.i:
            # ... and "the armed forces' general staff said": the forces speak through their staff
            current = current.head
            continue
        return False
    return False


def of_state(verb) -> bool:
    """A verb that tells what is ("are believed to be members"), not one that says something was there ("there
    were heavy exchanges of gunfire"): an existential "be" tells of the event its noun names."""
    return verb.lemma_.lower() in STATE_VERBS and not any(c.dep_ == "expl" for c in verb.children)


def without_modifiers(doc, text: str, span) -> str:
    """The text of ``span`` (a sentence's) with its participles and adjectives that qualify a noun blanked out:
    "demanding the return of the looted funds" tells of no looting by the crowd (riot words are read as acts, not
    as a noun's qualities)."""
    out = list(text[span.start:span.end])
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    for token in tokens if tokens is not None else ():
        if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN") and token.idx >= span.start:
            for i in range(token.idx - span.start, min(len(out), token.idx - span.start + len(token.text))):
                out[i] = " "
    return "".join(out)
