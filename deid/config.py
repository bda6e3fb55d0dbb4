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
    origin = "any"               # or "keep": a person's pseudonym from the name lists of the
                                 # real name's culture ("Carlos" -> a Spanish name)
    [pools]                      # the study's own fictional names, used first
    places = ["Our Town", "Lakeview"]
    institutions = ["Riverside Clinic"]   # used for an institution of the same kind

Settings without identifiers (style, dates, regions, allow, origin, pools) are remembered in
the study; names, pseudonyms and aliases go into the encrypted key, so the file can be
deleted afterwards.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# identify no one, though NER likes to tag them
DEFAULT_ALLOW = ["Zoom", "Teams", "Skype", "Slack", "Webex", "FaceTime", "Outlook", "Gmail", "COVID", "COVID-19", "Covid", "AAMC", "ACGME", "LCME",
                 "USMLE", "MCAT", "NIH", "CDC", "FDA", "ICU", "NICU", "PICU", "EMR", "EHR", "Epic",
                 "Medicare", "Medicaid", "PGY", "Google", "Facebook", "Instagram", "Twitter", "YouTube",
                 "TikTok", "WhatsApp", "Interviewer", "Respondent", "Participant", "Moderator",
                 "Okay", "OK", "Yeah", "Um", "Uh", "Mm", "Hmm", "God", "Christmas", "Thanksgiving",
                 "Easter", "Ramadan", "English", "Spanish", "American", "IBAN", "SSN", "ATM", "PIN", "TV",
                 "ID", "DOB", "ASAP", "CEO", "HR", "PhD", "MD", "RN", "GP", "ER", "OR", "ICU", "USA", "UK",
                 "OK", "FAQ", "PDF", "URL", "SMS", "GPS", "AI",
                 # conditions named after people
                 "Alzheimer's", "Alzheimer", "Parkinson's", "Parkinson", "Crohn's", "Asperger's",
                 "Tourette's", "Huntington's", "Down syndrome", "Hodgkin's", "Cushing's", "Addison's",
                 "Graves'", "Hashimoto's", "Lou Gehrig's", "Bell's palsy", "Apgar"]


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
    origin: str = "any"
    pools: dict[str, list[str]] = field(default_factory=dict)


POOL_KINDS = ("places", "institutions")


def _pools(doc) -> dict[str, list[str]]:
    """The [pools] table, checked: lists of distinct fictional names."""
    table = doc.get("pools", {})
    if not isinstance(table, dict):
        raise ConfigError("pools must be a table: [pools] places = [...], institutions = [...]")
    out = {}
    for kind, names in table.items():
        if kind not in POOL_KINDS:
            raise ConfigError(f'pools.{kind} is not known: use "places" or "institutions"')
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"pools.{kind} must be a list of names in quotes")
        clean = [" ".join(n.split()) for n in names]
        for n in clean:
            if not re.fullmatch(r"[^\W\d_][\w'’.&\- ]{0,79}", n):
                raise ConfigError(f"pools.{kind}: {n!r} is not a name (letters first, at most 80 characters)")
        seen = [n.lower() for n in clean]
        if len(set(seen)) < len(seen):
            raise ConfigError(f"pools.{kind} lists a name twice")
        out[kind] = clean
    return out


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
                 kinds=dict(doc.get("kinds", {})), origin=doc.get("origin", "any"), pools=_pools(doc))
    if cfg.origin not in ("any", "keep"):
        raise ConfigError('origin must be "any" or "keep"')
    if cfg.style not in ("natural", "bracket"):
        raise ConfigError('style must be "natural" or "bracket"')
    if cfg.dates not in ("keep", "generalise", "generalize", "replace"):
        raise ConfigError('dates must be "keep", "generalise" or "replace"')
    if cfg.regions not in ("replace", "keep"):
        raise ConfigError('regions must be "replace" or "keep"')
    return cfg


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
    if cfg.origin != "any" or study.setting("origin") is None:
        study.set_setting("origin", cfg.origin)
    if cfg.pools or study.setting("pools") is None:
        study.set_setting("pools", cfg.pools)
    return Config(style=study.setting("style", "natural"), dates=study.setting("dates", "keep"),
                  regions=study.setting("regions", "replace"), allow=allow, names=cfg.names, pseudonyms=cfg.pseudonyms, aliases=cfg.aliases,
                  kinds=cfg.kinds, origin=study.setting("origin", "any"), pools=study.setting("pools", {}))
