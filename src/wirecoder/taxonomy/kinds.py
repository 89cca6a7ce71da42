"""The closed vocabularies the code branches on: actor kinds (ACLED's actor categories), actor roles (what the
words say an actor is) and trigger decisions (what a trigger leaves the event-type rules to settle).

String enums: a member is its value (``ActorKind.REBELS == "rebels"``, same hash, same JSON), so records, the
store and the data files keep plain strings while code names the members. A test checks that the data files use
no kind, role or decision outside these.
"""
from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    """ACLED's actor categories (the inter codes 1-8 of taxonomy.acled)."""

    STATE_FORCES = "state_forces"
    REBELS = "rebels"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_FORCES = "external_forces"
    OTHER = "other"


class ActorRole(StrEnum):
    """What the words make of an actor: the roles of actor_words.tsv (role_name), and the code's own."""

    MILITARY = "military"
    POLICE = "police"
    GOVERNMENT = "government"
    CIVILIANS = "civilians"
    PROTESTERS = "protesters"
    RIOTERS = "rioters"
    ARMED_GROUP = "armed_group"
    REBELS = "rebels"
    MILITIA = "militia"
    WEAPON = "weapon"
    GANG = "gang"
    PRIVATE_SECURITY = "private_security"
    COALITION = "coalition"
    PEACEKEEPERS = "peacekeepers"
    UNIDENTIFIED_MILITARY = "unidentified_military"
    COMMUNAL = "communal"
    TRIBAL = "tribal"
    CLAN = "clan"
    ETHNIC = "ethnic"
    IDENTITY = "identity"
    NAMED_MILITIA = "named_militia"
    ISLAMIST = "islamist"
    GROUP = "group"  # a named actor of the actor lexicon
    STATE = "state"  # a state named as an actor ("Russia"), not its forces
    NAMED = "named"


class Decision(StrEnum):
    """What a trigger of triggers.tsv leaves to the event-type rules (events/type_rules.py) to decide."""

    ABDUCT = "ABDUCT"
    ABDUCT_TAKE = "ABDUCT_TAKE"
    AGREE = "AGREE"
    AGREEMENT_GENERIC = "AGREEMENT_GENERIC"
    AGREEMENT_NOUN = "AGREEMENT_NOUN"
    ARREST = "ARREST"
    ATTACK = "ATTACK"
    BASE = "BASE"
    BEAT = "BEAT"
    CLASH = "CLASH"
    DISAPPEAR = "DISAPPEAR"
    EXECUTE = "EXECUTE"
    EXPLOSION = "EXPLOSION"
    FIGHT = "FIGHT"
    KILL = "KILL"
    MOB = "MOB"
    PROPERTY = "PROPERTY"
    PROTEST = "PROTEST"
    RAID = "RAID"
    SEIZE = "SEIZE"
    TERRITORY = "TERRITORY"
    TERRITORY_REGAIN = "TERRITORY_REGAIN"


# armed groups that are no state's forces
NON_STATE_ARMED = frozenset({ActorKind.REBELS, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})
# armed forces of any kind: a state's, a group's, a foreign one's
ARMED_KINDS = NON_STATE_ARMED | {ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES}
# the sides whose meeting is an armed clash, not an attack on civilians
CLASHING_FORCES = frozenset({ActorKind.STATE_FORCES, ActorKind.REBELS, ActorKind.POLITICAL_MILITIA})
