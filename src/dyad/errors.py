"""Errors dyad raises, each with a code and a message that says what to do next.

The tree::

    DyadError                      anything dyad reports to a user as one line
    ├── InputError                 one input (file, record) cannot be read; the run goes on
    │   ├── UnreadableInput        missing path, binary file, undecodable bytes
    │   ├── EmptyInput             nothing left to analyse after cleaning
    │   ├── TooLargeInput          over the configured size limit
    │   ├── MalformedRecord        a JSONL/CSV/WARC record that cannot be parsed
    │   ├── UnsupportedInput       a file type dyad does not read (skipped, not failed)
    │   ├── NotEnglish             language other than English (skipped, not failed)
    │   └── AnalysisFailed         read, but the analysis failed on it (a fault of dyad's)
    ├── StoreError                 the database cannot be used; the run stops
    │   ├── NotADatabase           the file exists but is not a DuckDB database
    │   ├── StoreLocked            another process holds the write lock
    │   ├── SchemaTooNew           written by a newer dyad
    │   ├── SchemaTooOld           written by an older dyad: a write command upgrades it
    │   └── DiskFull               the disk (or a file-size limit) is full: free space, rerun
    ├── ConfigError                a setting or model name that cannot be used
    ├── NotFound                   no document, actor, event or claim has the id asked for
    └── NotBuilt                   a capability this version does not have yet

Input errors are collected per file and counted in the run summary; store and config errors
stop the command with exit status 2.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AnalysisFailed",
    "ConfigError",
    "DiskFull",
    "DyadError",
    "EmptyInput",
    "InputError",
    "MalformedRecord",
    "NotADatabase",
    "NotBuilt",
    "NotEnglish",
    "NotFound",
    "SchemaTooNew",
    "SchemaTooOld",
    "StoreError",
    "StoreLocked",
    "TooLargeInput",
    "UnreadableInput",
    "UnsupportedInput",
]


class DyadError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""

    code = "D000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(DyadError):
    """One input could not be used. ``where`` names the file (and record) it came from."""

    code = "D100"
    #: "failed" inputs make the exit status non-zero; "skipped" ones do not.
    outcome = "failed"

    def __init__(self, where: str | Path, reason: str) -> None:
        self.where = str(where)
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")


class UnreadableInput(InputError):
    code = "D101"


class EmptyInput(InputError):
    code = "D102"
    outcome = "skipped"


class TooLargeInput(InputError):
    code = "D103"


class MalformedRecord(InputError):
    code = "D104"


class UnsupportedInput(InputError):
    code = "D106"
    outcome = "skipped"


class NotEnglish(InputError):
    code = "D105"
    outcome = "skipped"


class AnalysisFailed(InputError):
    """The document was stored, but the pipeline failed on it: it stays pending, and the
    run analyses every other document."""

    code = "D107"


class StoreError(DyadError):
    code = "D200"


class NotADatabase(StoreError):
    code = "D201"


class StoreLocked(StoreError):
    code = "D202"


class SchemaTooNew(StoreError):
    code = "D203"


class SchemaTooOld(StoreError):
    code = "D205"


class DiskFull(StoreError):
    code = "D204"


class ConfigError(DyadError):
    code = "D300"


class NotBuilt(DyadError):
    code = "D400"


class NotFound(DyadError):
    """The web app answers 404 with its message."""

    code = "D500"
