"""Charts: deterministic SVG, one colour per speaker, drawn once per distinct data."""

import re
import subprocess
import sys

import pytest

from generator.render import charts

ROWS = [("Sergei Lavrov", {"direct": 4, "indirect": 2}), ("Wang Yi", {"mixed": 1})]
COLOURS = [charts.speaker_colour("sergei-lavrov"), charts.speaker_colour("wang-yi")]


def _all_charts(draw):
    """One SVG of every chart kind, through `draw(function)` (cached or not)."""
    return [
        draw(charts.claims_by_kind)(ROWS, "Claims per speaker", COLOURS),
        draw(charts.share_of_voice)([("Sergei Lavrov", 6), ("Wang Yi", 1)], COLOURS, "Share of voice"),
        draw(charts.counts_over_time)(["2008", "2009"], [2, 3], COLOURS[0], "Claims over time"),
        draw(charts.kinds_over_time)(["2008", "2009"], [{"direct": 1}, {"indirect": 2}], "Claims per year"),
        draw(charts.matrix)(["Sergei Lavrov"], ["Ukraine", "US"], [[1, 2]], COLOURS[:1], "Who talks about whom"),
    ]


@pytest.fixture(scope="module")
def svgs():
    return _all_charts(lambda f: f)


def test_same_data_gives_byte_identical_svg(svgs):
    assert _all_charts(lambda f: f) == svgs
    for svg in svgs:
        assert svg.startswith("<?xml") and "<svg" in svg
        assert "<dc:date>" not in svg  # no build time inside


def test_svg_is_identical_in_a_fresh_process():
    code = ("import sys; from generator.render import charts; "
            "sys.stdout.write(charts.share_of_voice([('A', 2), ('B', 1)], ['#1f77b4', '#d62728'], 'S'))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] == charts.share_of_voice([("A", 2), ("B", 1)], ["#1f77b4", "#d62728"], "S")


def test_svg_loads_nothing_from_outside(svgs):
    for svg in svgs:
        assert not re.search(r"(?:href|src)=\"(?!#|data:image/png;base64,)", svg)  # in-document only
        assert "@font-face" not in svg and "url(http" not in svg


def test_speaker_colour_is_stable_and_from_the_palette():
    assert charts.speaker_colour("sergei-lavrov") == charts.speaker_colour("sergei-lavrov")
    assert all(re.fullmatch(r"#[0-9a-f]{6}", charts.speaker_colour(f"s{i}")) for i in range(50))
    assert len({charts.speaker_colour(f"s{i}") for i in range(50)}) > 10
    # the colour is drawn: the speaker's bar in the share-of-voice chart carries it
    svg = charts.share_of_voice([("A", 2), ("B", 1)], ["#123456", "#abcdef"], "S")
    assert "#123456" in svg and "#abcdef" in svg


def test_drawer_draws_each_distinct_chart_once():
    draw = charts.Drawer()  # memory only
    a = draw(charts.counts_over_time, ["2008", "2009"], [1, 7], "#123456", "cache test")
    b = draw(charts.counts_over_time, ["2008", "2009"], [1, 7], "#123456", "cache test")
    assert a == b == charts.counts_over_time(["2008", "2009"], [1, 7], "#123456", "cache test") and draw.drawn == 1
    draw(charts.counts_over_time, ["2008", "2009"], [1, 8], "#123456", "cache test")
    assert draw.drawn == 2
    assert charts.Drawer().drawn == 0, "no state is shared between drawers"


def test_claims_by_kind_escapes_and_wraps_names():
    """The per-brief chart is written as SVG text: article names must never become markup, and a
    long name is wrapped onto lines, every word of it shown (the heatmap cut "Charles Kenne…")."""
    long = "Mohammed Abdullah Wahidi al-Rashid Bakri al-Something Very Long Indeed"
    svg = charts.claims_by_kind([("<script>x</script>", {"direct": 1}), (long, {"indirect": 3})], "T")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert f"<title>{long}: 3 reported</title>" in svg and "\u2026" not in svg
    label = re.search(r'<text[^>]*>((?:<tspan[^>]*>[^<]*</tspan>)+)</text>\s*(?=<rect[^>]*><title>Mohammed)', svg)
    shown = re.findall(r">([^<]*)</tspan>", label.group(1))
    assert len(shown) > 1 and " ".join(shown) == long
    assert svg.rstrip().endswith("</svg>")


def test_heatmap_and_share_of_voice_show_full_names():
    name = "Charles Kennedy of the Liberal Democrats"
    for svg in (charts.matrix([name, "Tony Blair"], ["Iraq", "Conservative Party"], [[1, 2], [3, 0]],
                              ["#1f5fa8", "#b3261e"], "Who talks about whom"),
                charts.share_of_voice([(name, 5), ("Tony Blair", 3)], ["#1f5fa8", "#b3261e"], "S")):
        words = " ".join(re.findall(r">([^<>]+)<", svg))
        assert "\u2026" not in svg
        assert all(w in words for w in name.split()), words


def test_counts_over_time_shows_each_period_with_its_count():
    svg = charts.counts_over_time(["2001", "2002", "2003"], [3, 0, 5], "#1f77b4", "Claims by <X> over time")
    assert re.findall(r"<title>(\d{4}): (\d+) claims</title>", svg) == [("2001", "3"), ("2003", "5")]
    assert [t for t in re.findall(r">(\d{4})</text>", svg)] == ["2001", "2002", "2003"]
    assert "&lt;X&gt;" in svg and "<X>" not in svg
    heights = [float(h) for h in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"', svg)]
    assert heights[1] / heights[0] == pytest.approx(5 / 3, rel=0.01)  # printed to 0.1 unit
