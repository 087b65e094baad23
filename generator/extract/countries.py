"""Countries by the words news names them with, to say whose "the government" an article means.

A reader knows that "the government" in a story about Kiev's privatisations is Ukraine's and in
one about MPs and the Tories is the UK's. The table holds each country's name for its government
("Ukrainian government") and the capitalised words and phrases that name the country or its
people; the UK and the US also have the words of their own politics (parties, parliament), which
a story about their politics uses more often than the country's name.
"""

from __future__ import annotations

from collections import Counter

# government's name: words that name the country (matched capitalised, as written in running text)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "UK government": ("UK", "U.K.", "Britain", "British", "United Kingdom", "Briton", "Britons"),
    "US government": ("US", "U.S.", "USA", "United States", "America", "American", "Americans"),
    "Irish government": ("Ireland", "Irish", "Dublin"),
    "French government": ("France", "French", "Paris"),
    "German government": ("Germany", "German", "Germans", "Berlin"),
    "Italian government": ("Italy", "Italian", "Italians", "Rome"),
    "Spanish government": ("Spain", "Spanish", "Madrid"),
    "Portuguese government": ("Portugal", "Portuguese", "Lisbon"),
    "Dutch government": ("Netherlands", "Holland", "Dutch"),
    "Belgian government": ("Belgium", "Belgian"),
    "Swiss government": ("Switzerland", "Swiss"),
    "Austrian government": ("Austria", "Austrian"),
    "Swedish government": ("Sweden", "Swedish"),
    "Norwegian government": ("Norway", "Norwegian"),
    "Danish government": ("Denmark", "Danish"),
    "Finnish government": ("Finland", "Finnish"),
    "Polish government": ("Poland", "Polish", "Warsaw"),
    "Czech government": ("Czech Republic", "Czech", "Prague"),
    "Hungarian government": ("Hungary", "Hungarian", "Budapest"),
    "Greek government": ("Greece", "Greek", "Athens"),
    "Turkish government": ("Turkey", "Turkish", "Ankara"),
    "Russian government": ("Russia", "Russian", "Russians", "Moscow", "Kremlin"),
    "Ukrainian government": ("Ukraine", "Ukrainian", "Kiev", "Kyiv"),
    "Israeli government": ("Israel", "Israeli", "Israelis"),
    "Iraqi government": ("Iraq", "Iraqi", "Iraqis", "Baghdad"),
    "Iranian government": ("Iran", "Iranian", "Tehran"),
    "Syrian government": ("Syria", "Syrian", "Damascus"),
    "Lebanese government": ("Lebanon", "Lebanese", "Beirut"),
    "Saudi government": ("Saudi Arabia", "Saudi", "Riyadh"),
    "Egyptian government": ("Egypt", "Egyptian", "Cairo"),
    "Libyan government": ("Libya", "Libyan", "Tripoli"),
    "Moroccan government": ("Morocco", "Moroccan"),
    "Algerian government": ("Algeria", "Algerian"),
    "Sudanese government": ("Sudan", "Sudanese", "Khartoum"),
    "Ethiopian government": ("Ethiopia", "Ethiopian"),
    "Kenyan government": ("Kenya", "Kenyan", "Nairobi"),
    "Nigerian government": ("Nigeria", "Nigerian", "Lagos"),
    "Ghanaian government": ("Ghana", "Ghanaian"),
    "South African government": ("South Africa", "South African", "Pretoria"),
    "Zimbabwean government": ("Zimbabwe", "Zimbabwean", "Harare"),
    "Ugandan government": ("Uganda", "Ugandan", "Kampala"),
    "Indian government": ("India", "Indian", "Indians", "Delhi", "New Delhi"),
    "Pakistani government": ("Pakistan", "Pakistani", "Islamabad"),
    "Afghan government": ("Afghanistan", "Afghan", "Kabul"),
    "Bangladeshi government": ("Bangladesh", "Bangladeshi", "Dhaka"),
    "Sri Lankan government": ("Sri Lanka", "Sri Lankan", "Colombo"),
    "Chinese government": ("China", "Chinese", "Beijing"),
    "Japanese government": ("Japan", "Japanese", "Tokyo"),
    "South Korean government": ("South Korea", "South Korean", "Seoul"),
    "North Korean government": ("North Korea", "North Korean", "Pyongyang"),
    "Taiwanese government": ("Taiwan", "Taiwanese", "Taipei"),
    "Thai government": ("Thailand", "Thai", "Bangkok"),
    "Vietnamese government": ("Vietnam", "Vietnamese", "Hanoi"),
    "Indonesian government": ("Indonesia", "Indonesian", "Jakarta"),
    "Malaysian government": ("Malaysia", "Malaysian", "Kuala Lumpur"),
    "Philippine government": ("Philippines", "Philippine", "Filipino", "Manila"),
    "Australian government": ("Australia", "Australian", "Australians", "Canberra"),
    "New Zealand government": ("New Zealand", "Wellington"),
    "Canadian government": ("Canada", "Canadian", "Canadians", "Ottawa"),
    "Mexican government": ("Mexico", "Mexican"),
    "Brazilian government": ("Brazil", "Brazilian", "Brasilia"),
    "Argentine government": ("Argentina", "Argentine", "Argentinian", "Buenos Aires"),
    "Chilean government": ("Chile", "Chilean", "Santiago"),
    "Colombian government": ("Colombia", "Colombian", "Bogota"),
    "Venezuelan government": ("Venezuela", "Venezuelan", "Caracas"),
    "Peruvian government": ("Peru", "Peruvian", "Lima"),
    "Cuban government": ("Cuba", "Cuban", "Havana"),
}
# the words of a country's own politics: its parties, its parliament, its seat of government
POLITICS: dict[str, tuple[str, ...]] = {
    "UK government": ("Labour", "Tory", "Tories", "Conservatives", "Lib Dem", "Lib Dems", "Liberal Democrats",
                      "SNP", "Plaid Cymru", "UKIP", "MPs", "MP", "Commons", "House of Lords", "Whitehall",
                      "Downing Street", "Westminster", "Number 10", "No 10", "NHS"),
    "US government": ("Republican", "Republicans", "Democrat", "Democrats", "Congress", "Senate", "White House",
                      "Capitol Hill", "Washington"),
}
LONGEST = 3  # words in the longest phrase above


def _phrases() -> dict[str, str]:
    out = {}
    for table in (COUNTRIES, POLITICS):
        for government, words in table.items():
            for w in words:
                out[w] = government
    return out


PHRASES = _phrases()


def home_government(words: list[str]) -> str | None:
    """The government an article's "the government" means, from its words in order: the country
    it names most (by name, people, capital, or its own politics); at a tie, the one named first.
    None when it names no country at all. "Liberal Democrats" is one phrase, not the US's."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    i = 0
    while i < len(words):
        for n in range(LONGEST, 0, -1):
            phrase = " ".join(words[i:i + n])
            government = PHRASES.get(phrase)
            if government is not None:
                counts[government] += 1
                first.setdefault(government, i)
                i += n
                break
        else:
            i += 1
    if not counts:
        return None
    return max(counts, key=lambda g: (counts[g], -first[g]))
