"""Watch rules as data: a TOML file of ``[[rule]]`` tables (what to alert on) and ``[deliver.NAME]`` tables
(where alerts go). A rule matches an incident (the ``wirecoder.incident/1`` record) when every criterion it
gives holds; within a list, any value will do. See docs/watch.md."""
from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import WirecoderError
from ..store.queries import country_code
from ..taxonomy import acled

_RULE_KEYS = {"name", "countries", "bbox", "event_types", "actors", "min_fatalities", "min_sources", "keywords",
              "deliver"}
_SINK_KEYS = {"webhook", "secret", "secret_env", "command", "jsonl", "timeout"}


@dataclass(frozen=True)
class Rule:
    name: str
    countries: frozenset[str] = frozenset()
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    event_types: frozenset[str] = frozenset()  # casefolded event or sub-event types
    actors: tuple[str, ...] = ()  # casefolded: part of an actor's name, or an actor kind
    min_fatalities: int | None = None
    min_sources: int | None = None
    keywords: tuple[re.Pattern[str], ...] = ()
    deliver: tuple[str, ...] = ()

    def matches(self, incident: dict[str, Any], *, texts: Sequence[str] = ()) -> bool:
        """Whether ``incident`` meets every criterion; ``texts`` are its reports' titles and texts."""
        location = incident.get("location") or {}
        if self.countries and location.get("country") not in self.countries:
            return False
        if self.bbox is not None:
            lat, lon = location.get("lat"), location.get("lon")
            west, south, east, north = self.bbox
            if lat is None or lon is None or not south <= lat <= north:
                return False
            if not (west <= lon <= east if west <= east else lon >= west or lon <= east):  # across 180°
                return False
        if self.event_types and not {str(incident.get("event_type") or "").casefold(),
                                     str(incident.get("sub_event_type") or "").casefold()} & self.event_types:
            return False
        if self.actors and not any(self._actor_matches(incident.get(role) or {}) for role in ("actor1", "actor2")):
            return False
        if self.min_fatalities is not None:
            best = (incident.get("fatalities") or {}).get("best")
            if best is None or best < self.min_fatalities:
                return False
        if self.min_sources is not None and int(incident.get("number_of_sources") or 0) < self.min_sources:
            return False
        if self.keywords and not any(pattern.search(text) for pattern in self.keywords for text in texts if text):
            return False
        return True

    def _actor_matches(self, actor: dict[str, Any]) -> bool:
        name, kind = str(actor.get("name") or "").casefold(), str(actor.get("kind") or "").casefold()
        return any(wanted == kind or (wanted and wanted in name) for wanted in self.actors)


@dataclass(frozen=True)
class SinkSpec:
    name: str
    webhook: str | None = None
    secret: str | None = None
    command: tuple[str, ...] = ()
    jsonl: Path | None = None
    timeout: float = 10.0


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...] = ()
    sinks: dict[str, SinkSpec] = field(default_factory=dict)
    link_base: str | None = None

    @classmethod
    def load(cls, path: str | Path) -> "RuleSet":
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as err:
            raise WirecoderError("W087", f"cannot read the rules file {path}: {err.strerror}") from err
        except tomllib.TOMLDecodeError as err:
            raise WirecoderError("W087", f"{path} is not valid TOML: {err}") from err
        return cls.parse(data, origin=str(path))

    @classmethod
    def parse(cls, data: dict[str, Any], *, origin: str = "the rules") -> "RuleSet":
        unknown = set(data) - {"rule", "deliver", "link_base"}
        if unknown:
            raise WirecoderError("W087", f"{origin}: unknown top-level key(s) {', '.join(sorted(unknown))}")
        deliver = data.get("deliver") or {}
        if not isinstance(deliver, dict):
            raise WirecoderError("W087", f"{origin}: [deliver.NAME] must be tables")
        sinks = {name: _sink(name, spec, origin) for name, spec in deliver.items()}
        raw_rules = data.get("rule") or []
        if not isinstance(raw_rules, list) or not raw_rules:
            raise WirecoderError("W087", f"{origin}: give at least one [[rule]] table")
        rules = tuple(_rule(raw, sinks, origin, number) for number, raw in enumerate(raw_rules, start=1))
        names = [rule.name for rule in rules]
        if len(set(names)) != len(names):
            raise WirecoderError("W087", f"{origin}: two rules have the same name")
        link_base = data.get("link_base")
        if link_base is not None and not (isinstance(link_base, str) and link_base.startswith(("http://", "https://"))):
            raise WirecoderError("W087", f"{origin}: link_base must be an http(s) URL")
        return cls(rules=rules, sinks=sinks, link_base=link_base)


def _fail(origin: str, where: str, message: str) -> WirecoderError:
    return WirecoderError("W087", f"{origin}: {where}: {message}")


def _strings(value: Any, *, origin: str, where: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(origin, where, f"{key} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _rule(raw: Any, sinks: dict[str, SinkSpec], origin: str, number: int) -> Rule:
    where = f"rule {number}"
    if not isinstance(raw, dict):
        raise _fail(origin, where, "must be a table")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(origin, where, f"unknown key(s) {', '.join(sorted(unknown))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(origin, where, "needs a name")
    where = f"rule {name!r}"
    options: dict[str, Any] = {"name": name.strip()}
    if "countries" in raw:
        try:
            options["countries"] = frozenset(country_code(c) for c in _strings(raw["countries"], origin=origin,
                                                                                where=where, key="countries"))
        except WirecoderError as err:
            raise _fail(origin, where, err.detail.replace("--country", "a country")) from err
    if "bbox" in raw:
        box = raw["bbox"]
        if (not isinstance(box, list) or len(box) != 4 or not all(isinstance(v, (int, float)) for v in box)
                or not (-90 <= box[1] <= box[3] <= 90 and -180 <= box[0] <= 180 and -180 <= box[2] <= 180)):
            raise _fail(origin, where, "bbox must be [west, south, east, north] in degrees")
        options["bbox"] = tuple(float(v) for v in box)
    if "event_types" in raw:
        known = {t.casefold() for t in (*acled.EVENT_TYPES, *acled.SUB_EVENT_TYPES)}
        given = _strings(raw["event_types"], origin=origin, where=where, key="event_types")
        wanted = [t.casefold() for t in given]
        strange = [t for t in given if t.casefold() not in known]
        if strange:
            raise _fail(origin, where, f"not ACLED event or sub-event types: {', '.join(strange)} "
                                       "(see docs/taxonomy.md)")
        options["event_types"] = frozenset(wanted)
    if "actors" in raw:
        options["actors"] = tuple(a.casefold() for a in _strings(raw["actors"], origin=origin, where=where,
                                                                 key="actors"))
    for key in ("min_fatalities", "min_sources"):
        if key in raw:
            if not isinstance(raw[key], int) or isinstance(raw[key], bool) or raw[key] < 0:
                raise _fail(origin, where, f"{key} must be a whole number, 0 or more")
            options[key] = raw[key]
    if "keywords" in raw:
        options["keywords"] = tuple(re.compile(rf"(?<!\w){re.escape(k)}(?!\w)", re.IGNORECASE)
                                    for k in _strings(raw["keywords"], origin=origin, where=where, key="keywords"))
    deliver = _strings(raw["deliver"], origin=origin, where=where, key="deliver") if "deliver" in raw else list(sinks)
    missing = [d for d in deliver if d not in sinks]
    if missing:
        raise _fail(origin, where, f"delivers to {', '.join(missing)}, which no [deliver.NAME] table defines")
    if not deliver:
        raise _fail(origin, where, "has nowhere to deliver: add a [deliver.NAME] table")
    options["deliver"] = tuple(deliver)
    return Rule(**options)


def _sink(name: str, spec: Any, origin: str) -> SinkSpec:
    where = f"[deliver.{name}]"
    if not isinstance(spec, dict):
        raise _fail(origin, where, "must be a table")
    unknown = set(spec) - _SINK_KEYS
    if unknown:
        raise _fail(origin, where, f"unknown key(s) {', '.join(sorted(unknown))}")
    kinds = [k for k in ("webhook", "command", "jsonl") if k in spec]
    if len(kinds) != 1:
        raise _fail(origin, where, "give exactly one of webhook, command, jsonl")
    timeout = spec.get("timeout", 10.0)
    if not isinstance(timeout, (int, float)) or timeout <= 0:
        raise _fail(origin, where, "timeout must be a number of seconds")
    if "webhook" in spec:
        url = spec["webhook"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise _fail(origin, where, "webhook must be an http(s) URL")
        secret = spec.get("secret")
        if "secret_env" in spec:
            secret = os.environ.get(str(spec["secret_env"]))
            if not secret:
                raise _fail(origin, where, f"the environment variable {spec['secret_env']} is not set")
        if secret is not None and not isinstance(secret, str):
            raise _fail(origin, where, "secret must be a string")
        return SinkSpec(name, webhook=url, secret=secret, timeout=float(timeout))
    if "command" in spec:
        return SinkSpec(name, command=tuple(_strings(spec["command"], origin=origin, where=where, key="command")),
                        timeout=float(timeout))
    if not isinstance(spec["jsonl"], str) or not spec["jsonl"].strip():
        raise _fail(origin, where, "jsonl must be a file path")
    return SinkSpec(name, jsonl=Path(spec["jsonl"]).expanduser(), timeout=float(timeout))
