"""The sourcing warning: a document whose contested claims (violence, blame) are heard from one side only, or
from no quoted side, says so in its warnings (the framing stage counts the sides). Last in the pipeline, so the
warning follows every other stage's."""
from __future__ import annotations

from ..article import Article, Warning


class SourcingWarningStage:
    name = "sourcing_warning"
    requires = ("sourcing",)
    assigns = ("warnings",)

    def __call__(self, article: Article) -> Article:
        warning = sourcing_warning(article)
        if warning is not None:
            article.warnings.append(warning)
        return article


def sourcing_warning(article: Article) -> Warning | None:
    """A warning when a document's contested claims are heard from one side only (or from no quoted side)."""
    sourcing = article.sourcing
    if sourcing is None or sourcing.contested_claims == 0 or len(sourcing.sides) > 1:
        return None
    heard = f"only {sourcing.sides[0]} is quoted" if sourcing.sides else "no side is quoted; only the outlet speaks"
    return Warning("W160",
                   f"{sourcing.contested_claims} sentences report violence or blame and {heard}; "
                   "look for the other parties' account before relying on its claims")
