"""Where: toponyms found in the text and resolved to coordinates with an offline gazetteer."""

from .gazetteer import Gazetteer, Place, load_gazetteer, read_places

__all__ = ["Gazetteer", "Place", "load_gazetteer", "read_places"]
