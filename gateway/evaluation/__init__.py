"""Measuring answer quality: a labelled question set run through the real pipeline, its metrics, and A/B reports."""
