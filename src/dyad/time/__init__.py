"""When: temporal expressions normalised against the publication date, precision kept."""

from .normalise import PRECISIONS, TimeValue, normalise

__all__ = ["PRECISIONS", "TimeValue", "normalise"]
