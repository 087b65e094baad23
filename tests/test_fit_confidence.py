"""scripts/fit_confidence.py: the rates `confidence` reads, smoothed toward the overall rate."""

import importlib.util

from conftest import ROOT


def _fit():
    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "scripts" / "fit_confidence.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.fit


def test_the_fit_smooths_a_rule_seen_on_few_claims_toward_the_overall_rate():
    fit = _fit()
    obs = [(f"a/{k}", "name", "clause", True) for k in range(90)] + \
          [(f"b/{k}", "name", "clause", False) for k in range(10)] + [("c/1", "rare", "clause", False)]
    rates = fit(obs)
    overall = 90 / 101
    assert rates["speaker"]["*"] == round(overall, 3)
    assert 0.85 < rates["speaker"]["name"] < 0.92
    assert 0.5 < rates["speaker"]["rare"] < overall  # one wrong claim: lower, never 0
    assert rates["span"]["*"] == 1.0
