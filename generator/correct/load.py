"""Read and check corrections.yml: a list of entries keyed by claim id.

    - claim: ypoe5nx3in
      speaker: Sergei Lavrov        # a speaker id of the site or a name
    - claim: q2b7kd0x9m
      speaker: Amnesty International
      speaker_kind: organisation    # a new name is a person unless said (person | organisation)
    - claim: 6sr2iuvxk7
      drop: true
    - claim: efrfa5liq7
      verified: true
    - claim: a2dcpe567i
      kind: direct                  # direct | indirect | mixed | stance
      text: "It is in this context" # the words the claim covers, found in its article

The file is the editor's own, like an option: anything wrong in it is an error naming the
file, the line and the problem (CorrectionsError), never a correction left out unseen. The
YAML is read on the budget of read/safe_yaml.py (no bombs, no deep nesting).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.model import Problem
from generator.read.clean import strip_invisible
from generator.read.safe_yaml import YamlLimit, describe_value, load_yaml_node, read_config_text

MAX_CORRECTIONS_BYTES = 4 * 1024 * 1024
"""Largest corrections file read (some 60,000 entries)."""
KINDS = ("direct", "indirect", "mixed", "stance")
SPEAKER_KINDS = ("person", "organisation")
KEYS = ("claim", "speaker", "speaker_kind", "drop", "verified", "kind", "text", "note")


class CorrectionsError(ValueError):
    """corrections.yml is malformed; the message is one line: 'file:line: problem'."""


@dataclass
class Correction:
    """One entry: what to do with one claim, and the line it was written on."""

    claim: str
    line: int
    speaker: str | None = None
    speaker_kind: str | None = None  # what a new speaker is; a known speaker keeps their own
    drop: bool = False
    verified: bool = False
    kind: str | None = None
    text: str | None = None
    note: str | None = None


@dataclass
class Corrections:
    entries: list[Correction] = field(default_factory=list)
    source: str = "corrections.yml"  # the path reports name
    notes: list[Problem] = field(default_factory=list)  # values YAML could not build, kept as text

    def __bool__(self) -> bool:
        return bool(self.entries)


def load_corrections(path: Path | None) -> Corrections:
    """The corrections in `path` (none when it is None); CorrectionsError when the file is wrong."""
    if path is None:
        return Corrections()
    path = Path(path)
    try:
        text = read_config_text(path, MAX_CORRECTIONS_BYTES)
    except UnicodeDecodeError as exc:
        raise CorrectionsError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return parse_corrections(text, str(path))


def parse_corrections(text: str, source: str = "corrections.yml") -> Corrections:
    """Corrections from the file's text; CorrectionsError naming the line of the first problem."""
    notes: list[tuple[int, str]] = []
    try:
        data, root = load_yaml_node(text, max_bytes=MAX_CORRECTIONS_BYTES, max_aliases=0, what="corrections file",
                                    notes=notes)
    except YamlLimit as exc:
        raise CorrectionsError(f"{source}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise CorrectionsError(f"{source}{line}: not valid YAML ({exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise CorrectionsError(f"{source}: not valid YAML ({' '.join(str(exc).split())})") from None
    except RecursionError:
        raise CorrectionsError(f"{source}: nested too deeply") from None
    out = Corrections(source=source, notes=[Problem(source, strip_invisible(note)[0], "note", str(line + 1))
                                            for line, note in notes])
    if data is None:
        return out
    if not isinstance(data, list):
        raise CorrectionsError(f"{source}:{root.start_mark.line + 1}: expected a list of entries "
                               f"('- claim: <id>' and what to do), not {describe_value(data)}")
    first_line: dict[str, int] = {}
    for item, node in zip(data, root.value, strict=True):
        line = node.start_mark.line + 1

        def fail(problem: str, at: int = line) -> CorrectionsError:
            return CorrectionsError(f"{source}:{at}: {problem}")

        if not isinstance(item, dict):
            raise fail(f"each entry is a mapping with 'claim' and what to do, not {describe_value(item)}")
        lines = {str(k.value): k.start_mark.line + 1 for k, _v in node.value}
        for key in item:
            if key not in KEYS:
                raise fail(f"unknown key '{str(key)[:60]}' (known: {', '.join(KEYS)})", lines.get(str(key), line))
        claim = item.get("claim")
        if not isinstance(claim, str) or not claim.strip():
            raise fail("each entry needs 'claim: <id>' (the id shown beside the claim and in the review queue)")
        claim = claim.strip()
        if claim in first_line:
            raise fail(f"claim '{claim}' is corrected twice (also on line {first_line[claim]}); "
                       "put everything for it in one entry")
        first_line[claim] = line
        entry = Correction(claim=claim, line=line)
        for key in ("drop", "verified"):
            if key in item:
                if not isinstance(item[key], bool):
                    raise fail(f"'{key}' must be true or false, not {describe_value(item[key])}", lines[key])
                setattr(entry, key, item[key])
        for key in ("speaker", "text", "note"):
            if key in item:
                value = item[key]
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    value = str(value)
                if not isinstance(value, str) or not value.strip():
                    raise fail(f"'{key}' must be a text, not {describe_value(value)}", lines[key])
                cleaned, _removed = strip_invisible(value)
                setattr(entry, key, " ".join(cleaned.split()) if key != "text" else cleaned.strip())
        if "kind" in item:
            if item["kind"] not in KINDS:
                raise fail(f"'kind' must be one of {', '.join(KINDS)}, not {describe_value(item['kind'])}",
                           lines["kind"])
            entry.kind = item["kind"]
        if "speaker_kind" in item:
            if item["speaker_kind"] not in SPEAKER_KINDS:
                raise fail(f"'speaker_kind' must be one of {', '.join(SPEAKER_KINDS)}, not "
                           f"{describe_value(item['speaker_kind'])}", lines["speaker_kind"])
            if not entry.speaker:
                raise fail("'speaker_kind' says what the new speaker named in 'speaker' is; give 'speaker' too",
                           lines["speaker_kind"])
            entry.speaker_kind = item["speaker_kind"]
        if entry.drop and (entry.speaker or entry.kind or entry.text or entry.verified):
            raise fail("'drop: true' leaves nothing to correct; remove the other changes or the drop")
        if not (entry.drop or entry.verified or entry.speaker or entry.kind or entry.text):
            raise fail(f"the entry for claim '{claim}' says nothing to do "
                       "(speaker, drop, verified, kind or text)")
        out.entries.append(entry)
    return out
