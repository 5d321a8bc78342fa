"""The only module that imports spaCy. No ``Doc`` leaves it: callers get ``kg.model.TextAnalysis``."""

from kg.nlp.pipeline import NlpPipeline, load_pipeline

__all__ = ["NlpPipeline", "load_pipeline"]
