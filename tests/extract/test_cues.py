"""cues.py: where a reported clause starts when the parse has hung its subject elsewhere."""

from spacy.tokens import Doc

from generator.extract.cues import _according_to, reported_candidates


def test_a_clause_whose_subject_the_parse_hung_on_said_starts_after_the_cue(extract_text):
    text = "Friends of the mayor said around twelve other members of the city council were also planning to resign."
    [claim] = extract_text(text).claims
    assert claim.text == "around twelve other members of the city council were also planning to resign"
def test_a_subject_taken_for_the_object_of_a_verb_of_saying_stays_in_the_clause(extract_text):
    text = "She also stressed rise in fuel prices ahead of a busy summer season would not hurt the airline's profits."
    [claim] = extract_text(text).claims
    assert claim.text.startswith("rise in fuel prices ahead of a busy summer season would not hurt")
def test_told_keeps_its_addressee_out_of_the_clause(extract_text):
    [claim] = extract_text("The minister told reporters the new rules would take effect in June.").claims
    assert claim.text == "the new rules would take effect in June"
def parsed(nlp, words, heads, deps):
    """A Doc with the parse given (the one the model sometimes makes), so the rule is tested
    whatever the model's version."""
    return Doc(nlp.vocab, words=words, spaces=[w not in (",",) and nxt not in (",", ".") for w, nxt in
                                              zip(words, words[1:] + [""])], heads=heads, deps=deps)
def test_according_to_with_the_subject_taken_for_the_sources_apposition(nlp):
    words = ["According", "to", "the", "Gazette", ",", "300", "jobs", "-", "a", "third", "-", "could", "be",
             "lost", "."]
    heads = [13, 0, 3, 1, 3, 6, 3, 9, 9, 6, 13, 13, 13, 13, 13]
    deps = ["prep", "prep", "det", "pobj", "punct", "nummod", "appos", "punct", "det", "appos", "punct", "aux",
            "auxpass", "ROOT", "punct"]
    doc = parsed(nlp, words, heads, deps)
    cand = _according_to(doc[0])
    assert doc.text[cand.start:cand.end] == "300 jobs - a third - could be lost"
def test_according_to_keeps_a_clause_with_its_own_subject(nlp):
    words = ["According", "to", "the", "Gazette", ",", "a", "third", "of", "jobs", "could", "be", "lost", "."]
    heads = [11, 0, 3, 1, 11, 6, 11, 6, 7, 11, 11, 11, 11]
    deps = ["prep", "prep", "det", "pobj", "punct", "det", "nsubjpass", "prep", "pobj", "aux", "auxpass", "ROOT",
            "punct"]
    doc = parsed(nlp, words, heads, deps)
    cand = _according_to(doc[0])
    assert doc.text[cand.start:cand.end] == "a third of jobs could be lost"


def test_a_clause_split_by_the_parse_is_one_content(extract_text):
    text = ("The Transport Committee said the ministry should re-draft the Rail Safety Bill after peers "
            "refused to pass it.")
    [claim] = extract_text(text).claims
    assert claim.text == "the ministry should re-draft the Rail Safety Bill after peers refused to pass it"


def full_parse(nlp, rows, spaces=None):
    """A Doc from (word, pos, lemma, head, dep) rows: the parse the model makes of some sentences."""
    words = [r[0] for r in rows]
    spaces = spaces or [nxt not in (",", ".", '"') and w != '"' or (w == '"' and i % 2) for i, (w, nxt) in
                        enumerate(zip(words, words[1:] + [""]))]
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=[r[1] for r in rows], lemmas=[r[2] for r in rows],
               heads=[r[3] for r in rows], deps=[r[4] for r in rows])


def test_two_clauses_the_parse_hangs_on_one_cue_are_one_content(nlp):
    # 'She said he is sure his son lied.': the parse makes 'is' and 'lied' two complements of 'said'
    doc = full_parse(nlp, [("She", "PRON", "she", 1, "nsubj"), ("said", "VERB", "say", 1, "ROOT"),
                           ("he", "PRON", "he", 3, "nsubj"), ("is", "AUX", "be", 1, "ccomp"),
                           ("sure", "ADJ", "sure", 3, "acomp"), ("his", "PRON", "his", 6, "poss"),
                           ("son", "NOUN", "son", 7, "nsubj"), ("lied", "VERB", "lie", 1, "ccomp"),
                           (".", "PUNCT", ".", 1, "punct")])
    [cand] = reported_candidates(doc, [], [])
    assert doc.text[cand.start:cand.end] == "he is sure his son lied"


def test_a_second_clause_with_a_verb_of_saying_of_its_own_is_not_added(nlp):
    # 'She said he is sure, but said his son lied.': the second clause is the second cue's
    doc = full_parse(nlp, [("She", "PRON", "she", 1, "nsubj"), ("said", "VERB", "say", 1, "ROOT"),
                           ("he", "PRON", "he", 3, "nsubj"), ("is", "AUX", "be", 1, "ccomp"),
                           ("sure", "ADJ", "sure", 3, "acomp"), ("but", "CCONJ", "but", 3, "cc"),
                           ("said", "VERB", "say", 3, "conj"), ("his", "PRON", "his", 8, "poss"),
                           ("son", "NOUN", "son", 9, "nsubj"), ("lied", "VERB", "lie", 6, "ccomp"),
                           (".", "PUNCT", ".", 1, "punct")])
    cands = sorted(reported_candidates(doc, [], []), key=lambda c: c.start)
    first, second = (doc.text[c.start:c.end] for c in cands)
    assert first.startswith("he is sure") and "lied" not in first and second == "his son lied"
    assert all(c.subject is not None and c.subject.text == "She" for c in cands)


def test_a_cue_set_between_the_subject_and_its_verb_makes_the_sentence_the_claim(extract_text):
    brief = extract_text("Villages need a link. The answer, says Prof Moyo, is radio.")
    [claim] = brief.claims
    assert claim.text == "The answer, says Prof Moyo, is radio"
    assert {s.id: s.name for s in brief.speakers}[claim.speaker] == "Moyo"


def test_a_subordinate_clause_after_a_closing_quote_mark_stays_in_the_content(extract_text):
    text = ("Scotland coach Matt Williams insisted he was \"delighted\" after his side were awarded two "
            "penalties in Saturday's win over Fiji in Perth.")
    [claim] = extract_text(text).claims
    assert claim.text == ('he was "delighted" after his side were awarded two penalties in Saturday\'s win '
                          'over Fiji in Perth')


def test_when_the_words_were_said_is_no_part_of_them(nlp):
    # 'She said it was "sound" when she left.', the 'when' clause hung on 'said': the occasion
    def rows(mark):
        return [("She", "PRON", "she", 1, "nsubj"), ("said", "VERB", "say", 1, "ROOT"),
                ("it", "PRON", "it", 3, "nsubj"), ("was", "AUX", "be", 1, "ccomp"), ('"', "PUNCT", '"', 5, "punct"),
                ("sound", "ADJ", "sound", 3, "acomp"), ('"', "PUNCT", '"', 5, "punct"),
                (mark, "SCONJ", mark, 9, "mark"), ("she", "PRON", "she", 9, "nsubj"),
                ("left", "VERB", "leave", 1, "advcl"), (".", "PUNCT", ".", 1, "punct")]
    for mark, content in (("when", 'it was "sound"'), ("because", 'it was "sound" because she left')):
        doc = full_parse(nlp, rows(mark), [True, True, True, True, False, False, True, True, True, False, False])
        [cand] = reported_candidates(doc, [], [])
        assert doc.text[cand.start:cand.end] == content, doc.text


def test_according_to_a_record_of_what_someone_said_gives_the_speaker(extract_text):
    # the document reports the saying; the subject of the verb of saying is the speaker
    brief = extract_text('Mr Brown spoke last. According to an advance text released by officials, he told '
                         'delegates: "We must all show unity and strength now."')
    by_id = {s.id: s.name for s in brief.speakers}
    assert [(c.text, by_id.get(c.speaker)) for c in brief.claims] == [
        ('"We must all show unity and strength now."', "Brown")]
    brief = extract_text('According to a transcript, Ms Lane told the panel that the money had been lost.')
    assert [(c.text, c.speaker_mention.text) for c in brief.claims] == [("the money had been lost", "Ms Lane")]


def test_according_to_a_source_of_a_plain_statement_stays(extract_text):
    brief = extract_text('According to the BBC, the minister has resigned.')
    assert [(c.text, c.speaker_mention.text) for c in brief.claims] == [("the minister has resigned", "the BBC")]


def test_what_is_done_according_to_a_rule_is_no_claim(extract_text):
    text = "The remaining tickets will be sold next month according to the rules of the competition."
    assert extract_text(text).claims == []


def test_a_speaker_quoted_as_saying_said_the_clause_before_the_comma(extract_text):
    text = ("Test\n\nPrices will be reviewed every spring, energy minister Olga Petrova was quoted "
            "as saying by a local radio station.")
    brief = extract_text(text)
    by_id = {s.id: s.name for s in brief.speakers}
    got = [(by_id.get(c.speaker), c.text) for c in brief.claims]
    assert got == [("Olga Petrova", "Prices will be reviewed every spring")]
