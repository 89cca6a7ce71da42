"""Scoring the coder on real text written by others (ACLED notes, general news pages)."""
