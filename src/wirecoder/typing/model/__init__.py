"""The shipped event-typing model (data files only), trained on data/training/train; see docs/typing.md."""
