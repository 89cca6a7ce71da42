"""What the quotes, claims and framing stages share: cue verbs (cues), quotation marks (quote_marks), who speaks
(speakers) and what kind of source a speaker is (speaker_kinds)."""
