"""How the read commands print what the read API (:class:`dyad.corpus.Corpus`) returns.

Every read command (``dyad documents``, ``actors``, ``events``, ``reuse``, ``claims``,
``framing``, ``network``) takes the same output options, as sqlite-utils does:

- ``--table`` (the default): a table for people;
- ``--json``: exactly the JSON the web API's route answers for the same filters
  (a page is ``{"items", "total", "limit", "offset", "next_offset"}``);
- ``--jsonl``: one item a line;
- ``--csv``: one item a row, lists and objects as JSON text (they read back with any JSON
  parser), columns in the order of the first item.

The JSON is written by the same encoder as the web API's, so the two can be compared byte
for byte once parsed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from .errors import DyadError
from .export import json_default

__all__ = ["FORMATS", "choose", "dumps", "write"]

FORMATS = ("table", "json", "jsonl", "csv")


def choose(**flags: bool) -> str:
    """The one output format the flags ask for (``table`` when none is given)."""
    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise DyadError(
            "choose one output: " + " or ".join(f"--{name}" for name in chosen) + ", not both"
        )
    return chosen[0] if chosen else "table"


def dumps(value: Any) -> str:
    """``value`` as the web API writes it."""
    return json.dumps(value, ensure_ascii=False, default=json_default)


def write(
    fmt: str, whole: Any, items: Iterable[dict[str, Any]], handle: IO[str] | None = None
) -> None:
    """Write ``whole`` (``--json``) or its ``items`` (``--jsonl``, ``--csv``) to ``handle``."""
    handle = handle or sys.stdout
    if fmt == "json":
        handle.write(dumps(whole) + "\n")
    elif fmt == "jsonl":
        for item in items:
            handle.write(dumps(item) + "\n")
    elif fmt == "csv":
        rows = list(items)
        columns = list(dict.fromkeys(k for row in rows for k in row))
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    else:
        raise DyadError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return dumps(value)
    if value is None:
        return ""
    return json_default(value) if not isinstance(value, (str, int, float, bool)) else value
