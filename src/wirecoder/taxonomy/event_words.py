"""Word lists the event rules read: lower-cased lemmas that signal a weapon, a target, a scene.

Written by the wirecoder project (Apache-2.0). Each set answers one question the rules ask of a sentence
("is a protest going on?", "is the object ground or goods?"); events/type_rules.py says which.
"""
from __future__ import annotations

EVENT_HEADS = frozenset({
    'accord', 'agreement', 'attack', 'blast', 'deal', 'explosion', 'fire', 'incident', 'offensive',
    'operation', 'pact', 'raid', 'strike', 'treaty', 'violence'
})
CIVILIAN_VICTIMS = frozenset({
    'activist', 'ambassador', 'businessman', 'candidate', 'chief', 'child', 'civilian', 'councillor',
    'councilor', 'diplomat', 'doctor', 'elder', 'farmer', 'imam', 'journalist', 'judge', 'lawmaker', 'mayor',
    'nurse', 'official', 'passenger', 'pastor', 'pilgrim', 'politician', 'priest', 'resident', 'student',
    'teacher', 'trader', 'villager', 'woman', 'worker', 'worshipper'
})
DISRUPTING = frozenset({
    'cache', 'confiscate', 'defuse', 'detect', 'disarm', 'discover', 'dismantle', 'find', 'foil', 'hideout',
    'intercept', 'neutralise', 'neutralize', 'recover', 'safe', 'seize', 'thwart', 'uncover'
})
CHEMICAL = frozenset({
    'chemical', 'chlorine', 'choking', 'mustard', 'nerve', 'phosgene', 'poison', 'sarin', 'toxic'
})
SPORT = frozenset({
    'midfielder', 'defender', 'goalkeeper', 'football', 'soccer', 'rugby', 'cricket', 'basketball', 'tennis',
    'club', 'fixture', 'scorer', 'referee', 'semi-final', 'quarter-final',
    'batsman', 'bowler', 'championship', 'coach', 'cup', 'derby', 'final', 'game', 'goal', 'inning', 'league',
    'match', 'player', 'season', 'stadium', 'striker', 'team', 'tournament', 'wicket'
})
BASE_WORDS = frozenset({
    'base', 'camp', 'checkpoint', 'garrison', 'headquarters', 'office', 'outpost', 'position', 'post'
})
CIVILIAN_TARGETS = frozenset({
    'bus', 'camp', 'child', 'church', 'civilian', 'community', 'displacement', 'family', 'farm', 'farmer',
    'funeral', 'home', 'hospital', 'hotel', 'house', 'idp', 'man', 'market', 'mosque', 'neighborhood',
    'neighbourhood', 'passenger', 'residence', 'resident', 'restaurant', 'school', 'settlement', 'shop',
    'town', 'village', 'villager', 'wedding', 'woman', 'worshipper'
})
NON_VIOLENT = frozenset({
    'abandon', 'arrangement', 'departure', 'evacuate', 'flee', 'hand', 'handover', 'leave', 'peacefully',
    'pull', 'retreat', 'vacate', 'vacated', 'withdraw', 'withdrawal', 'without'
})
VIOLENT = frozenset({
    'assault', 'attack', 'battle', 'clash', 'fight', 'fighting', 'firefight', 'gunfight', 'kill', 'offensive',
    'shelling', 'storm'
})
PROTEST_SCENE = frozenset({
    'banner', 'chant', 'demonstration', 'demonstrator', 'encampment', 'gather', 'march', 'picket', 'placard',
    'protest', 'protester', 'rally', 'sit-in', 'slogan'
})
FORCE_WORDS = frozenset({
    'army', 'force', 'gendarme', 'guard', 'officer', 'police', 'security', 'soldier', 'troop'
})
MARKET_WORDS = frozenset({
    'bond', 'currency', 'dollar', 'euro', 'exchange', 'gold', 'index', 'market', 'oil', 'peso', 'price',
    'rupee', 'share', 'stock', 'yen'
})
CONFLICT_WORDS = frozenset({
    'armed', 'army', 'ceasefire', 'clan', 'combatant', 'conflict', 'demobilisation', 'demobilization',
    'detainee', 'disarmament', 'faction', 'fighter', 'fighting', 'firearm', 'force', 'hostage', 'hostility',
    'insurgent', 'integrate', 'junta', 'militant', 'militia', 'peace', 'prisoner', 'rebel', 'reconciliation',
    'separatist', 'surrender', 'troop', 'truce', 'war', 'weapon'
})
NOUN_ONLY = frozenset({
    'accord', 'agreement', 'counter-offensive', 'counteroffensive', 'deal', 'offensive', 'settlement'
})
NOT_OPERATIONS = frozenset({
    'contract', 'delivery', 'demonstration-fire', 'drill', 'exercise', 'export', 'parade', 'purchase',
    'simulation', 'test', 'training'
})
TERRITORY_SHARES = frozenset({
    'half', 'most', 'much', 'part', 'percent', 'quarter', 'third'
})
VERB_ONLY = frozenset({
    'bombard', 'demonstrate', 'kill', 'march', 'shell', 'stab'
})
ABSTRACT_OBJECTS = frozenset({
    'approach', 'bill', 'budget', 'campaign', 'candidate', 'claim', 'comment', 'critic', 'decision',
    'handling', 'idea', 'law', 'leadership', 'management', 'media', 'move', 'opponent', 'performance', 'plan',
    'policy', 'press', 'proposal', 'record', 'reform', 'remark', 'report', 'rival', 'rule', 'ruling',
    'speech', 'stance', 'statement', 'strategy', 'view'
})
ARREST_CONTEXT = frozenset({
    'activist', 'anti-war', 'armed', 'attack', 'blast', 'blogger', 'bomb', 'bombing', 'candidate', 'civil',
    'commander', 'coup', 'critic', 'demonstration', 'demonstrator', 'dissent', 'dissident', 'espionage',
    'explosion', 'extremist', 'fighter', 'general', 'governor', 'gunman', 'gunmen', 'insurgency', 'insurgent',
    'intelligence', 'jihadist', 'journalist', 'junta', 'kidnapper', 'kidnapping', 'killing', 'lawmaker',
    'lawyer', 'leader', 'mayor', 'militant', 'militia', 'minister', 'official', 'opposition', 'party', 'plot',
    'politician', 'protest', 'protester', 'rally', 'rebel', 'regime', 'rights', 'riot', 'rioter', 'sedition',
    'separatist', 'shooting', 'soldier', 'spy', 'strike', 'student', 'supporter', 'terror', 'terrorism',
    'terrorist', 'treason', 'union', 'unrest'
})
AGREEING = frozenset({
    'accept', 'agree', 'announce', 'broker', 'conclude', 'declare', 'enter', 'establish', 'implement',
    'mediate', 'negotiate', 'reach', 'seal', 'sign', 'strike'
})
AGREEMENT_HEADS = frozenset({
    'accord', 'agreement', 'deal', 'pact', 'treaty'
})
TERRITORY_WORDS = frozenset({
    'airport', 'area', 'base', 'border', 'bridge', 'camp', 'capital', 'checkpoint', 'city', 'control',
    'county', 'crossing', 'district', 'height', 'hill', 'island', 'locality', 'neighborhood', 'neighbourhood',
    'outpost', 'port', 'position', 'province', 'region', 'road', 'settlement', 'stronghold', 'territory',
    'town', 'village'
})
WEAPON_OBJECTS = frozenset({
    'ammunition', 'arm', 'bomb', 'cache', 'drone', 'explosive', 'grenade', 'gun', 'ied', 'mine', 'missile',
    'munition', 'rifle', 'rocket', 'weapon'
})
INTERVENTION = frozenset({
    'arrest', 'baton', 'beat', 'break', 'cannon', 'crackdown', 'detain', 'disperse', 'rubber', 'tear',
    'teargas'
})
LETHAL = frozenset({
    'dead', 'death', 'die', 'kill', 'live', 'shoot'
})
PROTESTER_VIOLENCE = frozenset({
    'arson', 'barricade', 'burn', 'clash', 'loot', 'molotov', 'riot', 'rock', 'smash', 'stone', 'torch',
    'vandalise', 'vandalize'
})
PROTEST_WORDS = frozenset({
    'crowd', 'demonstration', 'demonstrator', 'march', 'marcher', 'mob', 'protest', 'protester', 'protestor',
    'rally', 'riot', 'rioter'
})
# weapon words -> the sub-event type they make of an attack, checked in this order
WEAPON_TYPES = (
    (frozenset({'artillery', 'grad', 'howitzer', 'missile', 'mlrs', 'mortar', 'rocket', 'shell'}),
     'Shelling/artillery/missile attack'),
    (frozenset({'air', 'aircraft', 'airstrike', 'drone', 'helicopter', 'jet', 'uav', 'warplane'}),
     'Air/drone strike'),
    (frozenset({'grenade'}),
     'Grenade'),
    (frozenset({'bomb', 'explosive', 'ied', 'landmine', 'mine'}),
     'Remote explosive/landmine/IED'),
    (frozenset({'chemical', 'chlorine', 'sarin'}),
     'Chemical weapon'),
)
