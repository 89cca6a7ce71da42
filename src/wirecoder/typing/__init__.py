"""The trained event-type classifier: ACLED sub-event types for sentences, with a calibrated confidence."""
from .corpus import NO_EVENT, Example, read_examples
from .classifier import Prediction, TypingModel, shipped_model_path
from .train import TrainingOptions, TrainingReport, train_model

__all__ = [
    "NO_EVENT", "Example", "Prediction", "TrainingOptions", "TrainingReport", "TypingModel", "read_examples",
    "shipped_model_path", "train_model",
]
