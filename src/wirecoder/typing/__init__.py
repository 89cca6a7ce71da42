"""The trained event-type classifier: ACLED sub-event types for sentences, with a calibrated confidence."""
from .corpus import NO_EVENT, Example, read_examples
from .classifier import Prediction, TypingModel, shipped_model_path
from .detector import DetectorModel, shipped_detector_path
from .topic import TopicModel
from .train import TrainingOptions, TrainingReport, train_model

__all__ = [
    "DetectorModel", "NO_EVENT", "Example", "TopicModel", "shipped_detector_path", "Prediction", "TrainingOptions", "TrainingReport", "TypingModel", "read_examples",
    "shipped_model_path", "train_model",
]
