"""Committees of a legislature speak as "MPs", "an all-party committee" and "the report"."""


def speakers(brief):
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


def test_bare_mps_in_the_lede_are_the_one_committee_the_article_names(extract_text):
    text = ('Hospital waiting lists will grow unless funding rises, MPs have warned.\n\n'
            'The Health Select Committee said the targets were unrealistic.')
    got = speakers(extract_text(text))
    assert got["Hospital waiting lists will grow unless funding rises"] == "Health Select Committee"


def test_an_unnamed_committee_is_the_committee_named_later(extract_text):
    text = ('Councils are failing to repair roads, say MPs.\n\n'
            'But an all-party committee said it was "deeply concerned" about the backlog. '
            'The report was published by the Transport Select Committee on Monday.')
    got = speakers(extract_text(text))
    assert got['it was "deeply concerned" about the backlog'] == "Transport Select Committee"


def test_party_mps_or_two_committees_are_no_committee(extract_text):
    text = ('Labour MPs said the bill would fail. The Home Affairs Committee met on Monday.')
    assert speakers(extract_text(text))["the bill would fail"] is None
    text = ('MPs said the bill would fail. The Home Affairs Committee and the Justice Committee met on Monday.')
    assert speakers(extract_text(text))["the bill would fail"] is None


def test_a_report_no_one_issued_is_the_committee_that_spoke(extract_text):
    text = ('The Treasury Select Committee said the benefit system was too complex. '
            'The minister said the report was unfair. '
            'The report said claimants waited too long for payments.')
    got = speakers(extract_text(text))
    assert got["claimants waited too long for payments"] == "Treasury Select Committee"
