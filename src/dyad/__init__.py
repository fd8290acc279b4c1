"""dyad: who did what to whom, when and where, and according to whom.

The Python API (the CLI and, later, the web app are thin wrappers over it)::

    from dyad import Store, load_settings, run

    settings = load_settings()                      # packaged defaults (+ a user .cfg)
    with Store("mek.duckdb") as store:
        report = run(store, ["articles/"], settings)
        print(report.stored, report.failed, store.stats())

``dyad.pipeline.ingest`` stores without analysing. Nothing heavy is imported here: spaCy
loads only when a pipeline is built.
"""

from .config import Settings, load_settings
from .errors import ConfigError, DyadError, InputError, StoreError
from .pipeline import Reporter, RunReport, analyse, run
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "DyadError",
    "InputError",
    "Reporter",
    "RunReport",
    "Settings",
    "Store",
    "StoreError",
    "__version__",
    "analyse",
    "load_settings",
    "run",
]
