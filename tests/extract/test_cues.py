"""cues.py: where a reported clause starts when the parse has hung its subject elsewhere."""

from spacy.tokens import Doc

from generator.extract.cues import _according_to


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
