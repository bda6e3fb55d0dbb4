"""The researcher's settings for a study, from a TOML file (`--config`).

    style = "natural"            # or "bracket": [PERSON 3]
    regions = "replace"          # or "keep": countries and US states stay as they are
    dates = "keep"               # keep | generalise | replace
    allow = ["AAMC", "Zoom"]     # identify no one: never replaced
    names = ["Helen Marsh", "Mizzou"]           # always found, in any case
    [pseudonyms]                 # fix a mapping
    "Feinberg School of Medicine" = "Midtown Medical School"
    [aliases]                    # nicknames and abbreviations of a known entity
    "Mizzou" = "University of Missouri"
    [kinds]                      # kind of a listed name when not a person
    "Feinberg School of Medicine" = "institution"

Settings without identifiers (style, dates, regions, allow) are remembered in the study; names,
pseudonyms and aliases go into the encrypted key, so the file can be deleted afterwards.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

class ConfigError(Exception):
    pass


@dataclass
class Config:
    style: str = "natural"
    dates: str = "keep"
    regions: str = "replace"
    allow: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    pseudonyms: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    speakers: dict[str, str] = field(default_factory=dict)   # speaker label -> role or participant code
    identify: list[str] = field(default_factory=list)         # public vocabulary that does identify here


def load(path: str | Path | None) -> Config:
    if not path:
        return Config()
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read the configuration {path}: {e.strerror}")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"the configuration {path} is not valid TOML: {e}")
    cfg = Config(style=doc.get("style", "natural"), dates=doc.get("dates", "keep"),
                 regions=doc.get("regions", "replace"), allow=list(doc.get("allow", [])), names=list(doc.get("names", [])),
                 pseudonyms=dict(doc.get("pseudonyms", {})), aliases=dict(doc.get("aliases", {})),
                 kinds=dict(doc.get("kinds", {})), speakers=dict(doc.get("speakers", {})),
                 identify=list(doc.get("identify", [])))
    if cfg.style not in ("natural", "bracket"):
        raise ConfigError('style must be "natural" or "bracket"')
    if cfg.dates not in ("keep", "generalise", "generalize", "replace"):
        raise ConfigError('dates must be "keep", "generalise" or "replace"')
    if cfg.regions not in ("replace", "keep"):
        raise ConfigError('regions must be "replace" or "keep"')
    return cfg


def never_replaced(study) -> set[str]:
    """Words and phrases never given a pseudonym, lower case: veil's public vocabulary
    (courts, committees, offices, common acronyms, medicines: deid/lexicon.py) and the
    study's allow-list, less what the study says does identify (`identify`)."""
    from deid import lexicon
    allowed = lexicon.public_vocabulary() | {a.lower() for a in study.setting("allow", [])}
    return allowed - {i.lower() for i in study.setting("identify", [])}


def remember(study, cfg: Config) -> Config:
    """Merge the file's settings into the study's, and return the study's settings."""
    allow = sorted(set(study.setting("allow", [])) | set(cfg.allow))
    study.set_setting("allow", allow)
    if cfg.style != "natural" or study.setting("style") is None:
        study.set_setting("style", cfg.style if study.setting("style") is None else study.setting("style"))
    if cfg.dates != "keep" or study.setting("dates") is None:
        study.set_setting("dates", cfg.dates)
    if cfg.regions != "replace" or study.setting("regions") is None:
        study.set_setting("regions", cfg.regions)
    speakers = study.setting("speakers", {}) | cfg.speakers   # real names: kept in the encrypted key
    study.set_setting("speakers", speakers)
    study.set_setting("identify", sorted(set(study.setting("identify", [])) | set(cfg.identify)))
    return Config(style=study.setting("style", "natural"), dates=study.setting("dates", "keep"),
                  regions=study.setting("regions", "replace"), allow=allow, names=cfg.names, pseudonyms=cfg.pseudonyms, aliases=cfg.aliases,
                  kinds=cfg.kinds, speakers=speakers)
