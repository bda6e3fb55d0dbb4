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

from deid.model import Kind

KINDS = tuple(k.value for k in Kind)


class ConfigError(Exception):
    pass


# allowed values of each setting; the first is the default
CHOICES = {"style": ("natural", "bracket"), "dates": ("keep", "generalise", "generalize", "replace"),
           "regions": ("replace", "keep"), "origin": ("any", "keep")}
LISTS = ("allow", "names", "identify")
TABLES = ("pseudonyms", "aliases", "kinds", "speakers", "pools")


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
    origin: str = "any"                                       # pseudonyms' cultural origin: any | keep
    pools: dict[str, list[str]] = field(default_factory=dict)  # the study's own fictional names


def _what(value) -> str:
    """The type of a wrong value, never the value (it may be a real name)."""
    return {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), "a date or time")


def _unknown(key: str) -> str:
    """An unknown top-level key, named only when it is a near-miss of a setting (a misspelt
    setting is no identifier; a name written outside its table may be)."""
    import difflib
    known = list(CHOICES) + list(LISTS) + list(TABLES)
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.75)
    hint = f"'{key}' (did you mean {close[0]}?)" if close else "(not shown: it may be a name)"
    return (f"unknown setting {hint}; allowed: {', '.join(CHOICES)}, {', '.join(LISTS)} and the "
            f"tables {', '.join(f'[{t}]' for t in TABLES)} (names go inside a table)")


def check(doc: dict) -> Config:
    """The whole document checked at once, before anything loads: one line naming the key
    and its allowed values."""
    for key, value in doc.items():
        if key in CHOICES:
            if value not in CHOICES[key]:
                allowed = ", ".join(f'"{c}"' for c in CHOICES[key])
                raise ConfigError(f"{key} must be one of {allowed} (found {_what(value)})")
        elif key in LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f'{key} must be a list of text, e.g. {key} = ["…", "…"] '
                                  f"(found {_what(value)})")
            if any(not v.strip() for v in value):
                raise ConfigError(f"{key} entry {[v.strip() for v in value].index('') + 1} is empty")
        elif key == "pools":
            _pools(doc)
        elif key in TABLES:
            _check_table(key, value)
        else:
            raise ConfigError(_unknown(key))
    return Config(style=doc.get("style", "natural"), dates=doc.get("dates", "keep"),
                  regions=doc.get("regions", "replace"), allow=list(doc.get("allow", [])),
                  names=list(doc.get("names", [])), pseudonyms=dict(doc.get("pseudonyms", {})),
                  aliases=dict(doc.get("aliases", {})), kinds=dict(doc.get("kinds", {})),
                  speakers=dict(doc.get("speakers", {})), identify=list(doc.get("identify", [])),
                  origin=doc.get("origin", "any"), pools=_pools(doc))


def _check_table(key: str, value) -> None:
    if not isinstance(value, dict):
        raise ConfigError(f'[{key}] must be a table of "name" = "text" lines (found {_what(value)})')
    for n, (name, v) in enumerate(value.items(), 1):
        if not isinstance(v, str):
            raise ConfigError(f'[{key}] entry {n} must be "name" = "text" (found {_what(v)})')
        if not v.strip() or not name.strip():
            raise ConfigError(f"[{key}] entry {n} has an empty {'name' if not name.strip() else 'value'}")
        if key == "kinds" and v not in KINDS:
            raise ConfigError(f"[kinds] entry {n} must be one of {', '.join(KINDS)}")


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
    if Path(path).exists() and not Path(path).is_file():
        raise ConfigError(f"the configuration {path} is not a regular file")
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read the configuration {path}: {e.strerror}")
    except UnicodeDecodeError:
        raise ConfigError(f"the configuration {path} is not UTF-8 text")
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"the configuration {path} is not valid TOML: {e}")
    try:
        return check(doc)
    except ConfigError as e:
        raise ConfigError(f"the configuration {path}: {e}")


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
    if cfg.origin != "any" or study.setting("origin") is None:
        study.set_setting("origin", cfg.origin)
    if cfg.pools or study.setting("pools") is None:
        study.set_setting("pools", cfg.pools)
    return Config(style=study.setting("style", "natural"), dates=study.setting("dates", "keep"),
                  regions=study.setting("regions", "replace"), allow=allow, names=cfg.names, pseudonyms=cfg.pseudonyms,
                  aliases=cfg.aliases, kinds=cfg.kinds, speakers=speakers, origin=study.setting("origin", "any"),
                  pools=study.setting("pools", {}))
