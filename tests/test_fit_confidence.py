"""scripts/fit_confidence.py: the model `confidence` reads, penalised toward the overall rate."""

import importlib.util

from conftest import ROOT
from generator.extract.confidence import probability


def _fit():
    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "scripts" / "fit_confidence.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.fit


def _obs(rule: str, right: int, wrong: int, prefix: str) -> list:
    f = {"bias": 1.0, f"speaker={rule}": 1.0}
    return [(f"{prefix}/{k}", f, k < right) for k in range(right + wrong)]


def test_the_fit_learns_each_rules_rate_and_keeps_a_rare_rule_near_the_overall_one():
    fit = _fit()
    obs = _obs("name", 90, 10, "a") + _obs("nobody", 5, 25, "b") + _obs("rare", 2, 2, "c")
    model = fit(obs)
    name = probability({"bias": 1.0, "speaker=name": 1.0}, model)
    nobody = probability({"bias": 1.0, "speaker=nobody": 1.0}, model)
    assert 0.8 < name < 0.95 and 0.1 < nobody < 0.3
    # four claims, half right: pulled toward the overall rate (97/134), not to a coin toss
    assert 0.5 < probability({"bias": 1.0, "speaker=rare": 1.0}, model) < 97 / 134 + 0.02
    # an indicator seen on fewer claims than MIN_SEEN gets no weight at all
    assert "speaker=once" not in fit(obs + _obs("once", 0, 1, "d"))["weights"]


def test_the_fit_is_deterministic():
    fit = _fit()
    obs = _obs("name", 40, 7, "a") + _obs("pronoun", 20, 9, "b")
    assert fit(obs) == fit(list(obs))


def test_leaving_out_a_batch_that_does_not_exist_is_an_error_naming_it():
    import pytest

    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "scripts" / "fit_confidence.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with pytest.raises(SystemExit) as exc:
        mod.main(["--extra", "--leave-out", "extra99"])
    assert "extra99" in str(exc.value)
