"""Settings: one packaged ``default.cfg`` that a user file may partially override."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from confection import Config

from .errors import ConfigError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    """Typed view of the merged configuration. ``raw`` keeps the full config for components.

    Code reads a setting through :meth:`value` with its dotted name written out
    (``settings.value("network.k_max")``), never with a fallback: a setting missing from the
    configuration is an error, and tests/test_config.py checks that every name the code reads
    is in default.cfg.
    """

    raw: dict[str, Any]

    def value(self, key: str) -> Any:
        """The setting ``key`` (dotted, e.g. ``"reuse.shingle"``); ConfigError when missing."""
        node: Any = self.raw
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ConfigError(
                    f"setting {key!r} is missing from the configuration (dyad's default.cfg "
                    "should define it): reinstall dyad, or add it to your --config file"
                )
            node = node[part]
        return node

    @property
    def model(self) -> str:
        return self.value("nlp.model")

    @property
    def nlp_batch_size(self) -> int:
        return int(self.value("nlp.batch_size"))

    @property
    def n_process(self) -> int:
        return int(self.value("nlp.n_process"))

    @property
    def max_chars(self) -> int:
        return int(self.value("nlp.max_chars"))

    @property
    def components(self) -> dict[str, dict[str, Any]]:
        return dict(self.value("nlp.components"))

    @property
    def max_file_bytes(self) -> int:
        return int(float(self.value("ingest.max_file_mb")) * 1024 * 1024)

    @property
    def ingest_batch_size(self) -> int:
        return int(self.value("ingest.batch_size"))

    @property
    def language(self) -> str:
        return self.value("ingest.language")

    @property
    def min_words_for_language(self) -> int:
        return int(self.value("ingest.min_words_for_language"))

    @property
    def min_language_confidence(self) -> float:
        return float(self.value("ingest.min_language_confidence"))

    @property
    def earliest_year(self) -> int:
        return int(self.value("ingest.earliest_year"))

    @property
    def db_path(self) -> str:
        return self.value("store.path")

    def with_overrides(self, overrides: dict[str, Any]) -> Settings:
        """Return new settings with dotted keys replaced, e.g. ``{"nlp.n_process": 2}``."""
        return Settings(_apply_overrides(self.raw, overrides))


def _default_config() -> Config:
    text = resources.files("dyad").joinpath("default.cfg").read_text(encoding="utf-8")
    return Config().from_str(text)


def _apply_overrides(raw: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    merged = Config(raw).copy()
    for dotted, value in overrides.items():
        if value is None:
            continue
        *sections, key = dotted.split(".")
        node = merged
        for section in sections:
            if section not in node:
                raise ConfigError(f"unknown setting {dotted!r}: no section {section!r}")
            node = node[section]
        if key not in node:
            raise ConfigError(f"unknown setting {dotted!r}; see `dyad config` for the list")
        node[key] = value
    return dict(merged)


def load_settings(
    path: str | Path | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Packaged defaults, then the user's file (if any), then explicit overrides."""
    config = _default_config()
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist; pass an existing .cfg file")
        try:
            user = Config().from_str(_with_parent_sections(path.read_text(encoding="utf-8")))
        except Exception as err:  # confection raises several parser error types
            raise ConfigError(f"config file {path} cannot be parsed: {err}") from err
        _reject_unknown(config, user, prefix="")
        config = config.merge(user)
    return Settings(_apply_overrides(dict(config), overrides or {}))


def _with_parent_sections(text: str) -> str:
    """Declare missing parent sections, so a user may write ``[nlp.components.x]`` alone:
    each right before the first section that needs it, after the sections above it
    (``[nlp]`` with its settings, then ``[nlp.components.x]``, needs ``[nlp.components]``
    between them, not above ``[nlp]``)."""
    declared = set(re.findall(r"^\[([^\]\n]+)\]", text, flags=re.M))
    added: set[str] = set()

    def with_parents(match: re.Match) -> str:
        parts = match.group(1).split(".")
        missing = []
        for i in range(1, len(parts)):
            parent = ".".join(parts[:i])
            if parent not in declared and parent not in added:
                added.add(parent)
                missing.append(parent)
        return "".join(f"[{name}]\n" for name in missing) + match.group(0)

    return re.sub(r"^\[([^\]\n]+)\]", with_parents, text, flags=re.M)


def _reject_unknown(default: dict, user: dict, prefix: str) -> None:
    # Component sections are open-ended (users add their own); everything else must exist.
    for key, value in user.items():
        dotted = f"{prefix}{key}"
        if dotted.startswith("nlp.components"):
            continue
        if key not in default:
            raise ConfigError(f"unknown setting {dotted!r} in config file; see `dyad config`")
        if isinstance(value, dict):
            _reject_unknown(default[key], value, prefix=f"{dotted}.")
