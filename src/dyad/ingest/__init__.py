"""Reading articles: files and folders in, cleaned :class:`Article` records out."""

from .clean import Cleaned, clean_text
from .readers import SUFFIXES, Article, iter_articles

__all__ = ["SUFFIXES", "Article", "Cleaned", "clean_text", "iter_articles"]
