"""The GitHub Pages workflows (this repository's and the `quotebrief new` one): actions pinned by
commit SHA, least permissions, tests before the build, deploys from main only, never from a pull request."""

import re

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = [ROOT / ".github" / "workflows" / "pages.yml",
             ROOT / "templates" / "scaffold" / ".github" / "workflows" / "pages.yml"]
WRITE = {"pages": "write", "id-token": "write"}


@pytest.fixture(params=WORKFLOWS, ids=["repository", "scaffold"])
def workflow(request):
    return yaml.safe_load(request.param.read_text("utf-8"))


def test_every_action_is_pinned_by_full_commit_sha(workflow):
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses
    for use in uses:
        assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", use), use


def test_token_reads_by_default_and_only_the_deploy_job_may_publish(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == WRITE
    for name, job in jobs.items():
        if name != "deploy":
            assert "write" not in (job.get("permissions") or {}).values(), name


def test_deploy_runs_after_the_build_on_main_and_never_for_a_pull_request(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "github.ref == 'refs/heads/main'" in deploy["if"] and "github.event_name != 'pull_request'" in deploy["if"]
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]
    assert any("mkdocs build --strict" in step.get("run", "") for step in build["steps"])


def test_the_repository_tests_before_it_builds():
    jobs = yaml.safe_load(WORKFLOWS[0].read_text("utf-8"))["jobs"]
    assert jobs["build"]["needs"] == "test"
    runs = " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert "ruff check" in runs and "pytest" in runs


def test_checkout_leaves_no_token_behind(workflow):
    """actions/checkout keeps the job's token in .git/config unless told not to; a later step
    (or an uploaded artifact) could then read it (zizmor's artipacked finding)."""
    checkouts = [step for job in workflow["jobs"].values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, step


@pytest.mark.parametrize("path", WORKFLOWS, ids=["repository", "scaffold"])
def test_zizmor_finds_nothing_above_low(path):
    """The workflows' static check (zizmor, offline audits): no finding of medium or high severity."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    zizmor = shutil.which("zizmor") or str(Path(sys.executable).with_name("zizmor"))
    if not Path(zizmor).exists():
        pytest.skip("zizmor is not installed (pip install zizmor)")
    proc = subprocess.run([zizmor, "--offline", "--min-severity", "medium", "--format", "plain", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
