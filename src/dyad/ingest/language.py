"""Language identification with py3langid's packaged model (no download).

py3langid reads its model from an xz-compressed file: 1 s of CPU in every process that
identifies a language, a tenth of a small run's reading. With ``ingest.language_cache`` the
model's arrays are kept uncompressed in the cache folder (keyed by the model file and the
py3langid version), and a later process reads them from there in a few hundredths of a second.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
import zipfile
from array import array
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..cachefile import write_atomically

__all__ = ["detect_language", "use_language_settings"]

log = logging.getLogger(__name__)

#: the layout of the cached model (change it to leave older files unread)
_CACHE_FORMAT = 1
#: the folder the model is kept in (use_language_settings); None: not kept
_cache: Path | None = None

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


def use_language_settings(settings) -> None:
    """Keep the model where these Settings' ingest.language_cache(_dir) say (none: not kept)."""
    from ..places.gazetteer import cache_folder

    global _cache
    folder = None
    if settings.value("ingest.language_cache"):
        folder = cache_folder(str(settings.value("ingest.language_cache_dir")))
    if folder != _cache:
        _cache = folder
        _identifier.cache_clear()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    path = Path(MODEL_FILE)
    path = path if path.is_absolute() else Path(MODEL_DIR) / path
    ptc, pc, classes, nextmove, row, output = _model(path)
    identifier = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True,
                                    tk_row=row)  # fmt: skip
    identifier.set_languages(_CANDIDATES)
    return identifier


def _model(path: Path) -> tuple:
    """py3langid's model arrays, as its own loader gives them: from the cache when it holds
    them, else read from ``path`` (and kept in the cache for the next process)."""
    import numpy as np
    from py3langid.langid import _load_model_file

    kept = _cache_path(path)
    if kept is not None:
        try:
            with np.load(kept, allow_pickle=False) as data:
                codes = [str(c) for c in data["typecodes"]]
                return (data["ptc"], data["pc"], [str(c) for c in data["classes"]],
                        array(codes[0], data["nextmove"].tobytes()),
                        array(codes[1], data["row"].tobytes()), data["output"].tolist())  # fmt: skip
        except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile):
            pass  # absent or damaged (empty, cut short, not a model): made again
    ptc, pc, classes, nextmove, row, output = _load_model_file(path)
    ptc, pc = np.asarray(ptc), np.asarray(pc)  # as LanguageIdentifier.from_model_file does
    if kept is not None:
        _keep(kept, ptc=ptc, pc=pc, classes=np.asarray(classes), nextmove=np.asarray(nextmove),
              row=np.asarray(row), output=np.asarray(output, dtype=np.int64),
              typecodes=np.asarray([nextmove.typecode, row.typecode]))  # fmt: skip
    return ptc, pc, classes, nextmove, row, output


def _cache_path(path: Path) -> Path | None:
    if _cache is None:
        return None
    try:
        stat = path.stat()
        version = metadata.version("py3langid")
    except (OSError, metadata.PackageNotFoundError):
        return None
    digest = hashlib.sha256()
    for part in (f"format {_CACHE_FORMAT}", str(path), str(stat.st_size), str(stat.st_mtime_ns),
                 f"py3langid {version}"):  # fmt: skip
        digest.update(part.encode() + b"\0")
    return _cache / f"langid-{digest.hexdigest()[:24]}.npz"


def _keep(path: Path, **arrays) -> None:
    """The arrays in ``path`` (uncompressed), written to a temporary file renamed over it; the
    older models and temporary files a killed writer left beside it are removed."""
    import numpy as np

    failure = ("cannot keep the language model in %s (%s); set ingest.language_cache_dir to a "
               "writable folder or ingest.language_cache = false")  # fmt: skip
    if not write_atomically(path, lambda out: np.savez(out, **arrays), ".langid-", failure):
        return
    hour_ago = time.time() - 3600
    with contextlib.suppress(OSError):
        for old in path.parent.glob("langid-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)
        for stale in path.parent.glob(".langid-*.tmp"):
            if stale.stat().st_mtime < hour_ago:
                stale.unlink(missing_ok=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence (0..1) for the first 5,000 characters of ``text``."""
    code, confidence = _identifier().classify(text[:5000])
    return code, float(confidence)
