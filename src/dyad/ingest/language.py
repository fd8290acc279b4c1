"""Language identification with py3langid's packaged model (no download)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["detect_language"]

# Restricting the candidates keeps short English news text from being read as an English-based
# creole (py3langid otherwise answers "pcm" for some plain English sentences).
_CANDIDATES = [
    "af",
    "ar",
    "az",
    "bg",
    "bn",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "he",
    "hi",
    "hr",
    "hu",
    "hy",
    "id",
    "it",
    "ja",
    "ka",
    "kk",
    "ko",
    "ku",
    "lt",
    "lv",
    "ms",
    "nl",
    "no",
    "pl",
    "ps",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sq",
    "sr",
    "sv",
    "sw",
    "th",
    "tr",
    "uk",
    "ur",
    "uz",
    "vi",
    "zh",
]


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_CANDIDATES)
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence (0..1) for the first 5,000 characters of ``text``."""
    code, confidence = _identifier().classify(text[:5000])
    return code, float(confidence)
