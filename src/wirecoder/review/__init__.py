"""Review of coded events by analysts: corrections checked, the append-only log folded into what is shown.

The log itself is kept by the store (``store/reviews.py``); this package holds the rules: which fields an
analyst may correct and with what values (``corrections``), how a target's log folds into its review state and
how that state is laid over the coder's event without changing it (``state``), and how reviewed events become
training and evaluation data (``training``).
"""
from __future__ import annotations

from .corrections import ACTIONS, FIELDS, REJECT_REASONS, ReviewInput, check_review
from .state import ReviewState, apply_review, fold_reviews

__all__ = ["ACTIONS", "FIELDS", "REJECT_REASONS", "ReviewInput", "ReviewState", "apply_review", "check_review",
           "fold_reviews"]
