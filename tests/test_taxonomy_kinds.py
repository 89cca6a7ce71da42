"""Actor kinds, roles and trigger decisions are enums of taxonomy.kinds: every one the data files use is a member,
and a member is its plain string in records and JSON (so the output stays what it was)."""
from __future__ import annotations

import json

from wirecoder.taxonomy import ACTOR_KINDS, SUB_EVENT_TYPES, inter_code
from wirecoder.taxonomy.actor_lexicon import load_actor_lexicon, load_actor_words
from wirecoder.taxonomy.kinds import ARMED_KINDS, NON_STATE_ARMED, ActorKind, ActorRole, Decision
from wirecoder.taxonomy.lexicon import load_triggers


def test_every_kind_has_an_inter_code_and_members_are_plain_strings():
    assert [inter_code(kind) for kind in ActorKind] == [1, 2, 3, 4, 5, 6, 7, 8, 8]
    assert inter_code("rebels") == inter_code(ActorKind.REBELS) == 2
    assert json.dumps({"kind": ActorKind.STATE_FORCES, "role": ActorRole.POLICE}) == \
        '{"kind": "state_forces", "role": "police"}'
    assert "rebels" in NON_STATE_ARMED and ActorKind.STATE_FORCES not in NON_STATE_ARMED
    assert NON_STATE_ARMED < ARMED_KINDS and ActorKind.CIVILIANS not in ARMED_KINDS
    assert list(ACTOR_KINDS) == list(ActorKind)


def test_the_data_files_use_only_known_kinds_roles_and_decisions():
    sets, values = load_actor_words()
    roles = set(values["role_name"])
    head_roles = {value.split(" ")[0] for value in values["head"].values()}
    head_kinds = {value.split(" ")[1] for value in values["head"].values()}
    assert roles | head_roles <= set(ActorRole) and head_kinds <= set(ActorKind)
    lexicon = load_actor_lexicon()
    entries = [form.entry for forms in (*lexicon.folded.values(), *lexicon.exact.values()) for form in forms]
    assert entries and {e.kind for e in entries} <= set(ActorKind) and {e.role for e in entries} <= set(ActorRole)
    decisions = {rule.decision for rules in load_triggers().values() for rule in rules}
    assert decisions - set(SUB_EVENT_TYPES) == set(Decision)
