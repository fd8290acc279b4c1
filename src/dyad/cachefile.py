"""Files dyad keeps in its cache folder (~/.cache/dyad): written whole or not at all."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]

log = logging.getLogger(__name__)


def write_atomically(
    path: Path, write: Callable[[BinaryIO], object], prefix: str, failure: str
) -> bool:
    """``write`` called on a temporary file beside ``path``, renamed over it (a reader never
    sees half a file). A folder that cannot be written is logged as ``failure`` with the
    folder and the reason (``failure % (folder, reason)``: say which setting to change), and
    costs the next process the work again, nothing more. Returns whether ``path`` was
    written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError as err:
        log.warning(failure, path.parent, err.strerror or err)
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
