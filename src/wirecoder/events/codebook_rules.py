"""ACLED's codebook rules that decide a sub-event type by what was used or done, which a bag of words cannot weigh.

The event detector's sentence model gives a sub-type; ``CodebookRules.sub_type`` corrects it where the codebook
decides by the weapons and acts a sentence names (an exchange of fire is a clash, fire with heavy weapons alone is
shelling, a demonstration whose crowd burns tyres is violent), or says it is no event at all (a "suicide" with no
bomber). The word lists live in ``lexicon/battle_weapons.tsv``, ``crowd_violence.tsv`` and ``sexual_violence.tsv``.
"""
from __future__ import annotations

import re

from ..lexicon import load_lexicon
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.acled import CROWD_TYPES

CLASH, SHELLING = "Armed clash", "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
IED, SUICIDE = "Remote explosive/landmine/IED", "Suicide bomb"
SEXUAL, ATTACK = "Sexual violence", "Attack"
PEACEFUL, INTERVENTION, VIOLENT_DEMONSTRATION = "Peaceful protest", "Protest with intervention", "Violent demonstration"
EXCESSIVE_FORCE = "Excessive force against protesters"
CHEMICAL = "Chemical weapon"


class CodebookRules:
    def __init__(self) -> None:
        self._sexual = re.compile(rf"\b{load_lexicon('sexual_violence').alternation('sexual_act', space=' ')}\b",
                                  re.IGNORECASE)
        weapons, crowd = load_lexicon("battle_weapons"), load_lexicon("crowd_violence")
        self._words = {name: lexicon.pattern(name, ignore_case=False) for lexicon, name in (
            (weapons, "small_arms"), (weapons, "exchange"), (weapons, "heavy"), (weapons, "device"),
            (weapons, "armed_target"), (weapons, "suicide_attack"), (weapons, "drone"), (weapons, "bomber"),
            (crowd, "riot"), (crowd, "funeral"), (crowd, "protest_voice"), (crowd, "protest_within"),
            (crowd, "crowd_weapon"), (crowd, "grievous_harm"), (crowd, "chemical_agent"))}

    def crowd_act(self, sub: str | None, text: str) -> bool:
        """Whether a crowd's sub-type is read in a text that tells a crowd's act of violence or destruction ("burned
        tyres", "threw stones"): what makes a demonstration violent in ACLED's codebook, and a crowd's event however
        unsure the detector."""
        return SUB_EVENT_TYPES.get(sub) in CROWD_TYPES and self.riot_told(text)

    def riot_told(self, text: str) -> bool:
        """Whether a text tells a crowd's act of violence or destruction ("burned tyres", "threw stones")."""
        return bool(self._words["riot"].search(text.casefold()))

    def sub_type(self, text: str, sub: str, *, acts: str | None = None) -> str | None:
        """ACLED's rules where the codebook decides by what was used or done, which a bag of words cannot weigh:
        an exchange of fire, or fire with small arms (at armed positions when heavy weapons were fired too), is an
        armed clash; fire with heavy or remote weapons alone (mortars, artillery, heavy machine guns, rockets,
        explosions observed), or at villages and farms, is shelling, and so is an
        "explosion" with no planted device named; a demonstration whose crowd throws stones, burns tyres or
        vandalises is a violent demonstration, whatever its first verb. A "suicide" with no bomber, blast or attack
        named is no suicide bombing (None: no event), and a "kamikaze" drone with no bomber is a drone strike; a
        funeral ("mourners marched behind the coffins") with no demand, slogan or protest named is no protest. An
        attack told within a protest with a weapon of crowd control ("hit by a tear gas canister during a protest") is
        excessive force against protesters, and force with such a weapon that neither kills nor gravely hurts ("injured
        by a rubber bullet") is an intervention. A chemical weapon needs a chemical agent named: tear gas or smoke bombs
        are an intervention at a protest, an attack elsewhere."""
        lowered = text.casefold()
        light = self._words["heavy"].sub(" ", lowered)  # "heavy machine guns" are no small arms

        def said(name: str) -> bool:
            return bool(self._words[name].search(light if name == "small_arms" else lowered))

        at_positions = said("armed_target") or not said("heavy")
        if sub == SHELLING and (said("exchange") or (said("small_arms") and at_positions)):
            return CLASH
        if sub == CLASH and not said("small_arms") and not said("exchange") and said("heavy"):
            return SHELLING
        if sub == IED and not said("device") and said("heavy"):
            return SHELLING
        if sub in (PEACEFUL, INTERVENTION) and self._words["riot"].search((acts or text).casefold()):
            return VIOLENT_DEMONSTRATION
        if sub == PEACEFUL and said("funeral") and not said("protest_voice"):
            return None  # "mourners marched behind the coffins": a funeral, which ACLED codes only as a protest
        if sub == ATTACK and said("protest_within") and said("crowd_weapon"):
            return EXCESSIVE_FORCE  # "hit in the head by a tear gas canister during a protest": a protester hit
        if sub == EXCESSIVE_FORCE and said("crowd_weapon") and not said("grievous_harm"):
            return INTERVENTION  # "another protester was injured by a rubber bullet": force neither lethal nor grave
        if sub == CHEMICAL and not said("chemical_agent"):  # tear gas or smoke: force, not chemical warfare
            return INTERVENTION if said("protest_voice") or said("protest_within") else ATTACK
        if sub == SEXUAL and not self._sexual.search(text):
            return ATTACK  # "assaulted a qat seller": an assault that names no sexual act is an attack
        if sub == SUICIDE and said("drone") and not said("bomber"):
            return AIR  # a "kamikaze" or "suicide" drone is a drone strike: a suicide bombing needs a bomber
        if sub == SUICIDE and "suicide" in lowered and not said("suicide_attack") and not said("device"):
            return None  # "his suicide prompted a shakeup": a death by one's own hand, no bombing
        return sub
