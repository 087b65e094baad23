"""The editor's speakers file (speakers.yml): aliases, merges, names, roles, not-a-speaker list.

The file is untrusted input like any article: anything wrong in it (a value of the wrong
type, a YAML bomb, deep nesting, the path being a folder) is a Problem naming the file and
what is wrong; the build goes on, without the parts that are wrong or without the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Problem
from generator.read.clean import removed_note, strip_invisible
from generator.read.safe_yaml import describe_value, read_config_text

MAX_SPEAKERS_BYTES = 1024 * 1024
"""Largest speakers file read."""
MAX_SPEAKERS_ALIASES = 100
"""Most YAML aliases (*name) in a speakers file; their expansion is bounded too (read.safe_yaml)."""


@dataclass
class Overrides:
    """What an editor's speakers.yml says. Names may be given as written or as ids."""

    people: list[dict] = field(default_factory=list)  # name, aliases, role, affiliation, kind
    merge: list[list[str]] = field(default_factory=list)
    apart: list[list[str]] = field(default_factory=list)
    not_speakers: list[str] = field(default_factory=list)
    source: str = "speakers.yml"


def _strings(value, where: str, problems: list[Problem], source: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [name for name in (_name(v, where, problems, source) for v in value) if name]
    problems.append(Problem(source, f"expected a name or a list of names, not {describe_value(value)}", "partial",
                            where))
    return []


def _name(value: str, where: str, problems: list[Problem], source: str) -> str:
    """A name as shown on the site: without control or invisible characters (noted)."""
    cleaned, removed = strip_invisible(value)
    if removed:
        problems.append(Problem(source, removed_note("name", removed), "note", where))
    return " ".join(cleaned.split())


def _list(data: dict, key: str, problems: list[Problem], source: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(source, f"'{key}' should be a list, not {describe_value(value)}; ignored", "partial",
                                key))
        return []
    return value


def parse_overrides(data, source: str = "speakers.yml") -> tuple[Overrides, list[Problem]]:
    """Overrides from parsed YAML; anything malformed is reported and skipped."""
    problems: list[Problem] = []
    out = Overrides(source=source)
    if data is None:
        return out, problems
    if not isinstance(data, dict):
        return out, [Problem(source, f"expected a mapping with speakers, merge, apart, not_speakers, not "
                                     f"{describe_value(data)}", "partial")]
    known = {"speakers", "merge", "apart", "not_speakers"}
    for key in sorted(map(str, set(data) - known)):  # keys may be numbers, dates, ... as well as text
        problems.append(Problem(source, f"unknown key '{key[:80]}' (known: {', '.join(sorted(known))})",
                                "partial", key[:80]))
    for i, entry in enumerate(_list(data, "speakers", problems, source)):
        where = f"speakers[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(Problem(source, "each speaker needs a name", "partial", where))
            continue
        name = _name(entry["name"], where, problems, source)
        if not name:
            problems.append(Problem(source, "each speaker needs a name", "partial", where))
            continue
        person = {"name": name, "aliases": _strings(entry.get("aliases"), where + ".aliases", problems, source)}
        for key in ("role", "affiliation", "kind"):
            value = entry.get(key)
            if value is None:
                continue
            if isinstance(value, (dict, list)):
                problems.append(Problem(source, f"'{key}' should be a text, not {describe_value(value)}; ignored",
                                        "partial", f"{where}.{key}"))
                continue
            person[key] = _name(str(value), f"{where}.{key}", problems, source)
        out.people.append(person)
    for key in ("merge", "apart"):
        for i, group in enumerate(_list(data, key, problems, source)):
            names = _strings(group, f"{key}[{i}]", problems, source)
            if len(names) >= 2:
                getattr(out, key).append(names)
            elif names:
                problems.append(Problem(source, "a group needs two names or more", "partial", f"{key}[{i}]"))
    out.not_speakers = _strings(data.get("not_speakers"), "not_speakers", problems, source)
    return out, problems


def load_overrides(path: Path | None) -> tuple[Overrides, list[Problem]]:
    """Read speakers.yml; a missing file means no overrides, a broken one is reported and ignored."""
    import yaml

    from generator.read.safe_yaml import YamlLimit, load_yaml

    if path is None or not (Path(path).exists() or Path(path).is_symlink()):
        return Overrides(), []
    path = Path(path)
    ignored = "; the speakers file is ignored"
    notes: list[tuple[int, str]] = []
    try:
        text = read_config_text(path, MAX_SPEAKERS_BYTES)
        data = load_yaml(text, max_bytes=MAX_SPEAKERS_BYTES, max_aliases=MAX_SPEAKERS_ALIASES,
                         what="speakers file", notes=notes)
    except YamlLimit as exc:
        return Overrides(source=path.name), [Problem(str(path), f"{exc}{ignored}", "partial")]
    except yaml.YAMLError as exc:
        return Overrides(source=path.name), [Problem(str(path), f"not valid YAML: {exc}{ignored}", "partial")]
    except UnicodeDecodeError as exc:
        return Overrides(source=path.name), [Problem(str(path), f"not UTF-8 text (byte {exc.start}){ignored}",
                                                     "partial")]
    except OSError as exc:
        return Overrides(source=path.name), [Problem(str(path), f"cannot be read ({_os_reason(exc)}){ignored}",
                                                     "partial")]
    kept = [Problem(str(path), strip_invisible(note)[0], "note", f"line {line + 1}") for line, note in notes]
    try:
        overrides, problems = parse_overrides(data, path.name)
        return overrides, kept + problems
    except RecursionError:
        return Overrides(source=path.name), [Problem(str(path), f"nested too deeply{ignored}", "partial")]



def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
