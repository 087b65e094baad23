"""The words extraction reads: cues of speech and stance, role nouns, pronouns, titles.

Kept apart from the rules that use them, so a list can be read and tuned in one place.
"""

from __future__ import annotations

import re

from generator.bodies import PARTY_NAMES, PRESS_NAMES
from generator.parse import cased
from generator.titles import HONORIFICS, NOBLE_TITLES, is_acronym  # noqa: F401 (the lexicon's words)

# Cues whose content is a clause: "said (that) ...", "believes ...".
CLAUSE_CUES = {
    "say", "tell", "add", "argue", "warn", "promise", "insist", "note", "deny", "believe",
    "state", "claim", "declare", "explain", "announce", "stress", "suggest", "comment", "write",
    "report", "admit", "acknowledge", "confirm", "assert", "maintain", "predict", "reply",
    "respond", "think", "caution", "emphasize", "emphasise", "allege", "concede", "contend",
    "estimate", "vow", "pledge", "threaten", "recall", "observe", "remark", "agree", "hope",
    "fear", "show", "find", "indicate", "reveal", "conclude", "testify", "tweet", "post",
    "know", "feel", "worry", "complain", "boast", "joke", "point", "counter", "continue", "repeat",
    "guarantee", "assure", "reassure", "remind", "inform",
    "disclose", "exclaim", "reiterate", "recount", "whisper", "mutter", "affirm", "grumble",
    "recommend", "propose", "demand", "ask", "urge", "question", "wonder", "doubt", "expect",
    "understand", "signal", "mention", "charge", "accuse", "concur", "speculate", "clarify",
    "proclaim", "highlight", "underline", "underscore", "imply", "hint", "seem",
    "appear", "learn", "discover", "determine", "rule", "forecast", "project", "calculate",
    "decide", "swear", "bet", "figure", "reckon", "suspect", "suppose",
    "read", "muse", "quip", "scoff", "shout", "yell",
    "tout", "brag", "lament", "recognize", "recognise", "demonstrate",
    "prove", "illustrate", "opine", "posit", "presume", "insinuate", "surmise",
    "hop",  # the small English model lemmatises "hoped" as "hop"
}
# Cues whose content is a "to" clause: "promised to ...", "urged X to ...".
XCOMP_CUES = {
    "promise", "vow", "pledge", "threaten", "refuse", "decline", "want", "plan", "hope", "agree",
    "urge", "ask", "call", "tell", "encourage", "warn", "intend", "offer", "propose", "demand",
    "seek", "expect", "aim", "wish", "prefer", "advise", "invite", "challenge", "beg", "order",
    "instruct", "press", "push", "appeal", "plead", "swear", "insist", "claim", "vote", "hop",
    "confess",
}
# Cues of stance whose content is their object: "criticized the plan", "backs Clinton".
OBJECT_CUES = {
    "criticize", "criticise", "praise", "support", "back", "endorse", "oppose", "condemn", "blame",
    "accuse", "call", "announce", "deny", "admit", "acknowledge", "mention", "cite", "propose",
    "demand", "reject", "welcome", "slam", "blast", "defend", "dismiss", "question", "mock",
    "thank", "applaud", "reveal", "express", "describe", "predict", "recommend", "favor",
    "favour", "denounce", "decry", "dispute", "challenge", "ridicule", "lambaste", "laud",
    "hail", "champion", "advocate", "urge", "fault", "attack", "label", "dub", "brand", "term",
    "characterize", "promise", "pledge", "vow", "want", "prefer", "like", "dislike", "hate",
    "love", "fear", "reiterate", "repeat", "recall", "emphasize", "stress", "highlight",
    "claim", "tout", "insist", "estimate", "forecast", "project", "suggest", "show",
    "tell", "ask", "answer", "say", "write", "tweet", "declare", "state", "note", "add",
    "recognize", "concede", "confirm", "rule", "float", "rebuke", "chide", "scold", "assail",
}
# Verb + preposition cues: "called for ...", "warned of ...", "accused X of ...".
PREP_CUES = {
    "call": {"for", "on"}, "ask": {"for", "about"}, "push": {"for"}, "argue": {"for", "against"},
    "talk": {"about", "of"}, "speak": {"about", "of", "out"}, "warn": {"of", "about", "against"},
    "complain": {"about", "of"}, "accuse": {"of"}, "praise": {"for"}, "blame": {"for", "on"},
    "criticize": {"for"}, "criticise": {"for"}, "insist": {"on"}, "comment": {"on"},
    "agree": {"with", "on"}, "vote": {"for", "against"}, "advocate": {"for"}, "lobby": {"for"},
    "campaign": {"for", "against"}, "thank": {"for"}, "apologize": {"for"}, "apologise": {"for"},
    "rail": {"against"}, "lash": {"at"}, "hit": {"at"}, "point": {"to", "at"}, "refer": {},
    "testify": {"about"}, "boast": {"about", "of"}, "joke": {"about"}, "focus": {"on"},
    "fight": {"for", "against"}, "side": {"with"}, "disagree": {"with"}, "object": {"to"},
    "appeal": {"for", "to"}, "plead": {"for"}, "pray": {"for"}, "hope": {"for"},
    "confess": {"to"}, "admit": {"to"},
}
# Nouns of speech or stance: "Trump's remarks about Mexico", "her claim that ...".
NOUN_CUES = {
    "remark", "comment", "statement", "view", "criticism", "denunciation", "praise", "support",
    "opposition", "call", "promise", "pledge", "claim", "warning", "assertion", "accusation",
    "allegation", "argument", "belief", "fear", "concern", "opinion", "stance", "position",
    "attack", "defense", "defence", "endorsement", "vow", "threat", "demand", "suggestion",
    "proposal", "complaint", "insistence", "approval", "condemnation", "refusal", "announcement",
    "prediction", "assessment", "conclusion", "finding", "message", "tweet", "admission",
    "denial", "rejection", "rhetoric", "characterization", "description", "reference", "dismissal",
    "push", "plea", "appeal", "request", "testimony", "answer", "response", "reply", "insult",
    "confirmation", "assurance", "doubt", "worry",
}
NOUN_CUE_LEMMAS = cased(NOUN_CUES)
LIGHT_VERBS = {"make", "issue", "express", "offer", "voice", "deliver", "repeat", "reiterate", "post",
               "send", "give", "publish", "release", "echo", "renew", "air", "lodge", "file", "level"}
NOUN_PREPS = {"about", "of", "on", "for", "to", "against", "over", "that"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MIN_QUOTE_WORDS = 4
MIN_CONTENT_CHARS = 8
TRAILING = " \t\n,;:\u2014\u2013-"
HEADLINE_RE = re.compile(
    r"(?P<who>(?:[A-Z][\w.'\u2019\-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w.'\u2019\-]*|of|de|van|von|al-\w+)){0,4}):"
    r"[ \t]+(?P<what>\S)")
NOT_SPEAKERS = {"update", "note", "editor", "photo", "related", "read", "watch", "video", "source",
                "sources", "credit", "image", "caption", "breaking", "exclusive", "analysis",
                "opinion", "live", "q", "a", "question", "answer", "warning", "correction", "tags",
                "topics", "share", "partial", "transcript", "comment", "example", "via", "see",
                "by", "and", "but", "so", "then", "now", "here", "there", "this", "that", "also",
                "after", "before", "when", "today", "yesterday", "tomorrow", "first", "second",
                "third", "finally", "still", "meanwhile", "plus", "bottom", "background", "reporting",
                "edited", "contact", "email", "phone", "monday", "tuesday", "wednesday", "thursday",
                "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
                "june", "july", "august", "september", "october", "november", "december"}


PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Words that say whether someone is a man or a woman: forms of address and gendered nouns,
# before a name ("Mrs. Bush", "Queen Elizabeth") or in a title or apposition ("a spokeswoman").
GENDER_WORDS = {
    **dict.fromkeys(("mr", "mr.", "sir", "lord", "king", "prince", "duke", "baron", "monsieur", "herr",
                     "senor", "señor", "spokesman", "congressman", "businessman", "councilman",
                     "sportsman", "statesman", "man", "father", "son", "husband", "brother", "uncle",
                     "nephew", "grandfather", "boy", "actor", "waiter", "emperor"), "m"),
    **dict.fromkeys(("mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "duchess",
                     "baroness", "madame", "mme", "mme.", "frau", "senora", "señora", "spokeswoman",
                     "chairwoman", "congresswoman", "businesswoman", "councilwoman", "sportswoman",
                     "stateswoman", "woman", "mother", "daughter", "wife", "sister", "aunt", "niece",
                     "grandmother", "girl", "actress", "waitress", "empress"), "f"),
}
GROUP_PRONOUNS = {"they", "it", "we", "their", "its"}
FIRST_PERSON = {"i", "me", "we", "us", "you"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
# Nouns that name a person by what they do; a definite description headed by one of
# these ("the veteran diplomat", "the spokeswoman") refers to a person.
ROLE_NOUNS = {
    "diplomat", "minister", "president", "premier", "chancellor", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "official", "senator", "governor", "mayor", "leader",
    "candidate", "nominee", "lawmaker", "congressman", "congresswoman", "representative",
    "chairman", "chairwoman", "chair", "director", "chief", "head", "ambassador", "envoy",
    "general", "commander", "judge", "justice", "attorney", "lawyer", "prosecutor", "king",
    "queen", "prince", "pope", "prime", "economist", "analyst", "expert", "professor",
    "author", "activist", "pollster", "strategist", "adviser", "advisor", "aide", "founder",
    "executive", "ceo", "manager", "coach", "player", "officer", "inspector", "businessman",
    "businesswoman", "billionaire", "host", "anchor", "columnist", "reporter", "writer",
    "politician", "counterpart", "mogul", "rival", "opponent", "incumbent", "challenger",
    "veteran", "sheriff", "commissioner", "researcher", "scientist", "doctor", "physician",
    "negotiator", "delegate", "speaker", "treasurer", "deputy", "vice",
    "legislator", "republican", "democrat", "conservative", "liberal", "woman", "man",
    "cardinal", "archbishop", "bishop", "rabbi", "imam", "cleric", "priest", "vicar", "pastor",
}
ROLE_LEMMAS = cased(ROLE_NOUNS)
# more nouns for a person, whom "the X said" describes ("the singer", "the DJ", "the Scot"); a
# noun ending like an agent ("presenter", "hacker", "correspondent", "novelist") is one too
PERSON_NOUNS = {
    "dj", "star", "boss", "tycoon", "mp", "peer", "lord", "actor", "actress", "artist", "musician", "singer",
    "rapper", "comedian", "celebrity", "model", "designer", "entrepreneur", "magnate", "banker", "priest",
    "bishop", "cleric", "imam", "rabbi", "nurse", "surgeon", "pilot", "soldier", "victim", "suspect",
    "defendant", "witness", "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
    "chef", "athlete", "skipper", "captain", "striker", "midfielder", "defender", "keeper", "goalkeeper",
    "winger", "forward", "batsman", "bowler", "jockey", "trainer", "boxer", "golfer", "champion", "cyclist",
    "sprinter", "veteran", "youngster", "teenager", "man", "woman", "boy", "girl", "pensioner", "mum", "dad",
    "critic", "campaigner", "spokesman", "spokeswoman", "spokesperson", "academic", "guru", "entertainer",
    "icon", "legend", "frontman", "frontwoman", "diva", "maestro", "virtuoso", "filmmaker", "policymaker",
    "playmaker", "peacemaker", "troublemaker",
    # people by where they are from: "the Scot admitted", "said the Kiwi"
    "scot", "scotsman", "kiwi", "aussie", "brit", "briton", "englishman", "welshman", "irishman", "frenchman",
    "dutchman", "spaniard", "swede", "dane", "finn", "pole", "norwegian", "argentine", "yank",
    "correspondent", "student", "agent", "consultant", "assistant", "accountant", "attendant", "applicant",
    "claimant", "servant", "tenant", "migrant", "immigrant", "resident", "president",
    "opponent", "dissident", "regent", "presenter", "heir", "pupil", "graduate", "chief", "head", "hero",
}
AGENT_ENDINGS = ("er", "or", "ist", "ian", "eer")
# common nouns with an agent's ending that are no agents ("the answer, says X, is ...")
NOT_AGENTS = {"answer", "number", "paper", "letter", "order", "matter", "power", "water", "error", "sector",
              "factor", "center", "centre", "computer", "other", "corner", "border", "chapter", "winter",
              "summer", "quarter", "weather", "register", "filter", "cancer", "disaster", "barrier", "character",
              "layer", "theatre", "theater", "meter", "monitor", "motor", "mirror", "horror", "honor", "honour",
              "favor", "favour", "labor", "labour", "humour", "humor", "terror", "rumour", "rumor", "tumor",
              "colour", "color", "flavour", "behaviour", "behavior", "vigour", "harbour", "tier"}
# words that make a role another one: "the chancellor" is not the shadow chancellor
QUALIFIERS = {"shadow", "former", "deputy", "vice", "assistant", "junior", "ex", "acting", "interim", "late"}
# Words that, capitalised before a name, are a title: "Spokeswoman", "Senator", "Queen".
TITLE_WORDS = (ROLE_NOUNS - {"man", "woman"}) | {
    "king", "queen", "prince", "princess", "duke", "duchess", "baron", "baroness", "lord", "lady",
    "emperor", "empress", "spokeswoman", "chairwoman", "congresswoman", "councilman", "councilwoman",
    "businesswoman", "father", "mother", "sister", "brother", "miss", "madame", "monsieur", "herr",
    "frau", "senor", "senora", "señor", "señora",
    # military and academic ranks, written out or cut short ("Lt Col", "Cpl.", "Prof")
    "lt", "lt.", "col", "col.", "cpl", "cpl.", "sgt", "sgt.", "gen", "gen.", "maj", "maj.", "capt", "capt.",
    "brig", "brig.", "adm", "adm.", "cmdr", "lieutenant", "colonel", "corporal", "sergeant", "major",
    "captain", "private", "professor", "prof", "prof.", "dr", "dr."}
ROLE_LINKS = ("of", "for", "to")  # inside a title: "Secretary of State", "Ambassador to the UN"
# Relational nouns say how someone relates to another person, not what they are.
RELATIONAL = {"counterpart", "colleague", "rival", "ally", "friend", "wife", "husband", "son",
              "daughter", "father", "mother", "brother", "sister", "predecessor", "successor",
              "opponent", "partner"}
STOP = {"the", "a", "an", "of", "for", "and", "in", "at", "to", "on", "his", "her", "its", "their",
        "'s", "\u2019s", "-", "former", "then", "new", "top", "senior"}
MENTION_CUT = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"}
NEGATIONS = {"no", "nobody", "none", "neither"}

# ---------------------------------------------------------------- speech, stance, finding
# The speech convention (see README "How extraction works"): a claim is an act of
# communication. Cues outside these lists (believe, want, plan, hope, expect, back, ...)
# give claims of kind "stance", kept only with extract(stances=True).
SPEECH_CUES = {
    "say", "tell", "add", "argue", "warn", "promise", "insist", "note", "deny", "state", "claim",
    "declare", "explain", "announce", "stress", "suggest", "comment", "write", "report", "admit",
    "acknowledge", "confirm", "assert", "maintain", "predict", "reply", "respond", "caution", "emphasize",
    "emphasise", "allege", "concede", "contend", "vow", "pledge", "threaten", "recall", "observe", "remark",
    "testify", "tweet", "post", "complain", "boast", "joke", "point", "counter", "repeat", "guarantee",
    "assure", "reassure", "remind", "inform", "recommend", "propose", "demand", "ask", "urge", "question",
    "mention", "charge", "accuse", "speculate", "clarify", "proclaim", "highlight", "underline",
    "underscore", "hint", "forecast", "reveal", "conclude", "rule", "swear", "read", "muse", "quip",
    "scoff", "shout", "yell", "tout", "brag", "lament", "opine", "insinuate", "call", "advise",
    "instruct", "order", "plead", "appeal", "beg", "apologise", "apologize", "confess",
    "protest", "retort", "concur", "describe", "brand", "dub", "label", "continue",
    "disclose", "exclaim", "reiterate", "recount", "whisper", "mutter", "affirm", "grumble",
}
# Verbs that name a thing in someone's words: "called the plan "a disgrace"", "described the
# reports as "idle speculation"": with a quoted complement, what was said is the object and the quote
NAMING_CUES = {"call", "describe", "dub", "label", "brand", "term"}
# Finding verbs and nouns: "the survey found", "figures showed", "research suggests" are not
# speech; "suggest", "reveal", "conclude", "predict" are when a person or body does it.
FINDING_CUES = {"find", "show", "indicate", "discover", "demonstrate", "prove", "illustrate", "seem",
                "appear", "learn", "determine", "calculate", "project", "estimate"}
DATA_NOUNS = {"figure", "figures", "data", "research", "study", "studies", "survey", "poll", "polls",
              "statistic", "statistics", "result", "results", "evidence", "finding", "findings", "number",
              "numbers", "test", "tests", "investigation", "investigations", "calculation", "calculations",
              "experiment", "experiments", "trial", "trials", "analysis", "index", "chart", "table",
              "census", "estimate", "estimates", "model", "forecast", "projection", "projections",
              "poster", "webpage", "page", "picture", "photo", "image", "video", "footage"}
# documents that "say" things: never an epithet for a person ("said the report")
DOCUMENT_NOUNS = {"report", "statement", "letter", "document", "release", "website", "text", "message", "memo",
                  "note", "leaflet", "advert", "advertisement", "book", "article", "editorial", "paper", "review",
                  "submission", "briefing", "guidance", "manifesto", "blog", "email", "notice", "filing",
                  "booklet", "pamphlet", "dossier", "lawsuit", "complaint", "petition", "writ"}
# a document the one who sues brings: "Willis is suing the studio ... The lawsuit said"
# Nouns for a made thing whose name the model tags as a body's: "the drug Iressa", "its RipGuard
# technology". Not nouns a body is also called ("network", "service", "label", "brand", "site"),
# nor a person ("model", "player") or a search engine that speaks ("engine").
PRODUCT_NOUNS = {"drug", "pill", "medicine", "medication", "vaccine", "treatment", "technology", "software",
                 "browser", "device", "handset", "phone", "console", "gadget", "game", "film", "movie", "album",
                 "single", "song", "novel", "sitcom", "musical", "car", "vehicle", "product", "format", "chip",
                 "processor", "application", "virus", "worm", "plane", "aircraft", "jet", "satellite", "spacecraft",
                 "probe", "rocket", "tablet", "laptop", "computer", "camera", "system"}
LEGAL_NOUNS = {"lawsuit", "complaint", "petition", "writ"}
# members of a parliament: "the MEP said" is a person; "the MP for Birkenhead" sits for a place
LEGISLATORS = {"mp", "mep", "msp", "peer", "senator", "lawmaker", "legislator", "congressman", "congresswoman"}
# the last word of a newspaper's name ("the Financial Times", "the Daily Mail"): "the paper said"
# means the paper the article last named; and the papers British news names by letters
MASTHEAD_WORDS = {"times", "post", "journal", "telegraph", "guardian", "herald", "mail", "express", "mirror",
                  "independent", "observer", "standard", "gazette", "chronicle", "tribune", "sun", "star",
                  "record", "echo", "courier", "inquirer", "examiner", "globe", "scotsman", "economist"}
PAPER_NOUNS = {"newspaper", "paper", "daily", "tabloid", "broadsheet"}
# small words inside a body's name ("Consumers Against Supermarket Privacy Invasion and Numbering")
NAME_LINKS = {"and", "of", "the", "for", "&", "on", "de", "against", "in", "to"}
PAPER_LETTERS = {short: name for name, shorts in PRESS_NAMES.items() for short in shorts}
# a party by any of its names or its members' adjective, lower case ("liberal democrat", "tory")
PARTY_OF = {alias.lower(): name for name, aliases in PARTY_NAMES.items() for alias in (name, *aliases)}
# a party's everyday name -> its full name, the speaker's name in a brief ("the Tories said": the
# Conservative Party); not the US parties, whose plural ("Republicans said") is mostly lawmakers
PARTY_FULL_NAME = {alias.lower(): name for name, aliases in PARTY_NAMES.items()
                   if name not in ("Republican Party", "Democratic Party") for alias in aliases}
# documents a person writes, which speak for their author ("the book by X"); a body issues reports
AUTHORED_NOUNS = {"book", "letter", "article", "memo", "memoir", "memoirs", "autobiography", "biography", "blog",
                  "email", "e-mail", "column", "diary", "novel", "essay", "note"}
# "said", "told", "warned" with a "to" clause: an instruction or a promise ("urged fans to");
# not "encourage", which names no words ("low rates encouraged firms to borrow"): a stance
SPEECH_XCOMP = {"promise", "vow", "pledge", "threaten", "urge", "ask", "tell", "warn", "call", "insist",
                "claim", "demand", "appeal", "plead", "order", "instruct", "advise", "beg", "propose",
                "swear", "offer", "confess"}
SPEECH_PREP = {"call": {"for", "on"}, "warn": {"of", "about", "against"}, "complain": {"about", "of"},
               "apologise": {"for"}, "apologize": {"for"}, "insist": {"on"}, "comment": {"on"},
               "testify": {"about"}, "boast": {"about", "of"}, "joke": {"about"}, "accuse": {"of"},
               "argue": {"for", "against"}, "plead": {"for"}, "appeal": {"for"}, "confess": {"to"},
               "admit": {"to"}}
# Nouns of speech whose "that" clause is a claim: "his claim that ...", "a statement that ..."
SPEECH_NOUNS = {"claim", "statement", "warning", "assertion", "allegation", "accusation", "announcement",
                "remark", "comment", "promise", "pledge", "insistence", "admission", "denial", "suggestion",
                "argument", "message", "assurance", "prediction", "vow", "threat", "complaint", "testimony",
                "confirmation"}
# Nouns of a feeling or an opinion that are said when a verb of utterance voices them: "expressed
# concern that ...", "concerns have been raised by X that ..." (not "shares the concern that")
VOICED_NOUNS = {"concern", "fear", "doubt", "worry", "view", "belief", "opinion"}
VOICING_VERBS = {"express", "voice", "raise", "air", "repeat", "reiterate"}
# titles written after a name, never part of it: "Ann Lee MP", "Ann Lee QC"
POSTNOMINALS = frozenset({"MP", "MEP", "MSP", "AM", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PhD"})
