"""The data downloads: every claim as JSON Lines and CSV, speakers and Voices figures as CSV."""

import csv
import io
import json

import pytest

from generator.link import link
from generator.model import Article, Brief, Claim, Span, Speaker
from generator.render import export
from generator.render.pages import SiteData, render_site

HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def _corpus():
    text = "Ann Smith said it. =HYPERLINK was typed by Acme."
    claims = [
        Claim(kind="indirect", text="it", start=15, end=17, speaker="ann-smith", confidence=0.9,
              cue=Span("said", 10, 14), speaker_mention=Span("Ann Smith", 0, 9), paragraph=1,
              topics=["place:Iraq"], id="c1"),
        Claim(kind="direct", text=HOSTILE[0], start=19, end=28, speaker="acme", confidence=0.3, paragraph=1, id="c2",
              corrected=["speaker"]),
        Claim(kind="direct", text="nobody's words", start=0, end=3, speaker=None, confidence=0.45, paragraph=1,
              id="c3", verified=True),
    ]
    brief = Brief(article=Article(path="a.txt", id="a", title="+cmd title", text=text, date="2005-01-10",
                                  source="@source", url="https://example.org/a"),
                  speakers=[Speaker("ann-smith", "Ann Smith", affiliation="=Evil Corp"),
                            Speaker("acme", "Acme", kind="organisation")], claims=claims)
    return link([brief])


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_a_spreadsheet_would_run_is_text(value):
    assert export.safe_cell(value) == "'" + value


def test_plain_cells_lists_and_empty_values():
    assert export.safe_cell("Ann said 2+2=4") == "Ann said 2+2=4"
    assert export.safe_cell(["Iraq", "Iran"]) == "Iraq; Iran"
    assert export.safe_cell(None) == "" and export.safe_cell(True) == "true" and export.safe_cell(0.5) == "0.5"


def _rows(text):
    assert text.startswith(export.BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(export.BOM))))


def test_claims_csv_and_jsonl_carry_every_claim_with_its_columns():
    files = export.render_data(SiteData(_corpus()))
    assert sorted(files) == ["data/claims.csv", "data/claims.jsonl", "data/speakers.csv", "data/voices.csv"]
    rows = _rows(files["data/claims.csv"])
    lines = [json.loads(line) for line in files["data/claims.jsonl"].splitlines()]
    assert len(rows) == len(lines) == 3
    assert list(rows[0]) == list(export.CLAIM_COLUMNS) == list(lines[0])
    assert [r["id"] for r in rows] == ["c1", "c2", "c3"]
    first = lines[0]
    assert first["speaker_name"] == "Ann Smith" and first["start"] == 15 and first["cue"] == "said"
    assert first["topics"] == ["Iraq"] and first["speaker_group"] == "person" and first["flagged"] is False
    # corrections applied, flagged as the brief flags it
    assert [r["corrections"] for r in rows] == ["", "speaker", "verified"]
    assert [r["flagged"] for r in rows] == ["false", "false", "false"]  # reattributed, verified: settled
    assert lines[2]["speaker_group"] == "unnamed" and lines[2]["speaker_id"] is None


def test_csv_defuses_formulas_jsonl_keeps_the_words():
    files = export.render_data(SiteData(_corpus()))
    rows = _rows(files["data/claims.csv"])
    assert rows[1]["text"] == "'" + HOSTILE[0] and rows[0]["title"] == "'+cmd title"
    assert rows[0]["source"] == "'@source" and rows[0]["affiliation"] == "'=Evil Corp"
    for row in rows:
        assert not any(v.startswith(tuple(export.FORMULA_STARTS)) for v in row.values())
    assert json.loads(files["data/claims.jsonl"].splitlines()[1])["text"] == HOSTILE[0]


def test_speakers_and_voices_match_the_claims():
    files = export.render_data(SiteData(_corpus()))
    speakers = _rows(files["data/speakers.csv"])
    claims = _rows(files["data/claims.csv"])
    assert {s["speaker_id"]: int(s["claims"]) for s in speakers} == {"ann-smith": 1, "acme": 1}
    assert sum(int(s["claims"]) for s in speakers) == sum(1 for c in claims if c["speaker_id"])
    overall = {r["group"]: int(r["claims"]) for r in _rows(files["data/voices.csv"]) if r["breakdown"] == "overall"}
    assert overall == {g: sum(1 for c in claims if c["speaker_group"] == g) for g in ("person", "organisation",
                                                                                       "unnamed")}


def test_the_site_publishes_the_data_and_the_voices_page():
    pages = render_site(_corpus())
    assert {"data/claims.jsonl", "data/claims.csv", "data/speakers.csv", "data/voices.csv",
            "voices/index.md"} <= set(pages)
    assert pages["data/claims.csv"] == export.render_data(SiteData(_corpus()))["data/claims.csv"]
