"""An edit of corrections.yml under `mkdocs serve` (a rebuild in the same process, the cache kept in
memory) gives exactly the pages a new build would: the cache holds what the extractor found, never
the corrected briefs."""

from __future__ import annotations

from test_rebuild import fresh, project, rebuild  # noqa: F401 - the project fixture

TRUCE = "2008-12-23-hamas-ends-truce"


def test_a_corrections_edit_applies_at_the_next_rebuild_and_its_removal_undoes_it(project, tmp_path):  # noqa: F811
    folder, build = project
    before = rebuild(build)
    dropped = "rwqckrdpmq"  # "urged the two parties to continue talking", a claim of the truce brief
    assert f'id="claim-{dropped}"' in before[f"briefs/{TRUCE}.md"]
    corrections = tmp_path / "corrections.yml"  # beside the project's (virtual) mkdocs.yml
    corrections.write_text(f"- claim: {dropped}\n  drop: true\n", "utf-8")
    after = rebuild(build)
    assert f'id="claim-{dropped}"' not in after[f"briefs/{TRUCE}.md"]
    assert dropped not in after["review/index.md"]
    assert after == fresh(tmp_path, folder)
    corrections.unlink()
    again = rebuild(build)
    assert again == before
