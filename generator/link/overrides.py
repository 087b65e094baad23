"""The editor's speakers file (speakers.yml): aliases, merges, names, roles, not-a-speaker list."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Problem


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
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    problems.append(Problem(source, "expected a name or a list of names", "partial", where))
    return []


def parse_overrides(data, source: str = "speakers.yml") -> tuple[Overrides, list[Problem]]:
    """Overrides from parsed YAML; anything malformed is reported and skipped."""
    problems: list[Problem] = []
    out = Overrides(source=source)
    if data is None:
        return out, problems
    if not isinstance(data, dict):
        return out, [Problem(source, "expected a mapping with speakers, merge, apart, not_speakers", "partial")]
    known = {"speakers", "merge", "apart", "not_speakers"}
    for key in sorted(set(data) - known):
        problems.append(Problem(source, f"unknown key '{key}' (known: {', '.join(sorted(known))})", "partial", key))
    for i, entry in enumerate(data.get("speakers") or []):
        where = f"speakers[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(Problem(source, "each speaker needs a name", "partial", where))
            continue
        person = {"name": entry["name"].strip(),
                  "aliases": _strings(entry.get("aliases"), where + ".aliases", problems, source)}
        for key in ("role", "affiliation", "kind"):
            if entry.get(key) is not None:
                person[key] = str(entry[key])
        out.people.append(person)
    for key in ("merge", "apart"):
        for i, group in enumerate(data.get(key) or []):
            names = _strings(group, f"{key}[{i}]", problems, source)
            if len(names) >= 2:
                getattr(out, key).append(names)
            elif names:
                problems.append(Problem(source, "a group needs two names or more", "partial", f"{key}[{i}]"))
    out.not_speakers = _strings(data.get("not_speakers"), "not_speakers", problems, source)
    return out, problems


def load_overrides(path: Path | None) -> tuple[Overrides, list[Problem]]:
    """Read speakers.yml; a missing file means no overrides, a broken one is reported."""
    import yaml

    if path is None or not Path(path).exists():
        return Overrides(), []
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return Overrides(source=Path(path).name), [Problem(str(path), f"not valid YAML: {exc}", "partial")]
    return parse_overrides(data, Path(path).name)
