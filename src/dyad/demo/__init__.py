"""The built-in demo corpus: articles written for dyad, shipped inside the package.

They report real, checkable events about the People's Mojahedin (MEK) and Iraq, 1965-2018,
from made-up outlets with opposite slants, and carry on purpose the hard features of real
partisan news: copied paragraphs, conflicting dates and tolls, relative dates, a headline
question, many spellings of one name, page chrome and a reference list. ``ABOUT.md`` beside
this file lists them and where each feature is.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["demo_dir", "demo_files"]


def demo_dir() -> Path:
    """Folder holding the demo articles (a real directory: the package is installed unzipped)."""
    return Path(str(resources.files("dyad.demo").joinpath("articles")))


def demo_files() -> list[Path]:
    return sorted(p for p in demo_dir().iterdir() if p.is_file() and not p.name.startswith("."))
