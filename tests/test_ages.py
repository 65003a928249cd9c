"""find_ages: ages paired with the birth or founding date written for the same subject.

Sentences are split by hand here (at ". "), and date claims for the years are built by hand,
so the date extractor is not under test.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import Bound, DateClaim, Dimension, Granularity, Sentence
from factcheck.document import Span
from factcheck.extract.ages import find_ages


def sentences_of(text: str) -> list[Sentence]:
    found, start = [], 0
    for match in re.finditer(r"(?<=\.)\s+", text):
        found.append(
            Sentence(
                span=Span(start, match.start()), text=text[start : match.start()], index=len(found)
            )
        )
        start = match.end()
    if start < len(text):
        found.append(Sentence(span=Span(start, len(text)), text=text[start:], index=len(found)))
    return found


def year_claims(text: str, sentences: list[Sentence]) -> list[DateClaim]:
    """A year-long date claim for every four-digit year, as the date extractor gives them."""
    claims = []
    for match in re.finditer(r"\b(1[5-9]\d\d|20\d\d)\b", text):
        year = int(match.group(1))
        index = next(s.index for s in sentences if s.span.start <= match.start() < s.span.end)
        claims.append(
            DateClaim(
                span=Span(match.start(), match.end()),
                text=match.group(1),
                date=dt.date(year, 1, 1),
                end_date=dt.date(year, 12, 31),
                granularity=Granularity.YEAR,
                year_written=True,
                sentence=index,
            )
        )
    return claims


def ages_in(text: str, with_dates: bool = True):
    sentences = sentences_of(text)
    dates = year_claims(text, sentences) if with_dates else []
    return find_ages(text, [], dates, sentences)


def summary(text: str, with_dates: bool = True) -> list[tuple]:
    return [
        (
            a.cue,
            a.age.value,
            a.birth.date.year if a.birth and a.birth.date else None,
            text[a.span.start : a.span.end],
        )
        for a in ages_in(text, with_dates)
    ]


def test_definite_age_refers_back_to_the_birth_before():
    text = "Smith was born in 1978 in Leeds. The 45-year-old said he was delighted."
    (age,) = ages_in(text)
    assert (age.cue, age.age.value, age.birth.date) == ("year-old", 45, dt.date(1978, 1, 1))
    assert age.age.dimension is Dimension.DURATION and age.age.unit == "year"
    assert age.age.precision == 1 and age.sentence == 1
    assert text[age.span.start : age.span.end] == "45-year-old"
    # The birth is the date extractor's own claim when it has one.
    assert age.birth.span == Span(text.index("1978"), text.index("1978") + 4)


def test_appositive_age_and_birth_in_one_sentence():
    assert summary("Jane Smith, 45, who was born in 1978, won the race.") == [
        ("appositive", 45, 1978, "Jane Smith, 45")
    ]


def test_birth_year_is_built_when_no_date_claim_covers_it():
    (age,) = ages_in("Jane Smith, 45, who was born in 1978, won the race.", with_dates=False)
    assert age.birth.granularity is Granularity.YEAR
    assert (age.birth.date, age.birth.end_date) == (dt.date(1978, 1, 1), dt.date(1978, 12, 31))


def test_full_birth_date_from_the_date_extractor_is_kept():
    text = "Born on 12 March 1978 in Leeds, Smith is now a judge. The 40-year-old lives in York."
    sentences = sentences_of(text)
    start = text.index("12 March 1978")
    birth = DateClaim(
        span=Span(start, start + 13),
        text="12 March 1978",
        date=dt.date(1978, 3, 12),
        end_date=dt.date(1978, 3, 12),
        granularity=Granularity.DAY,
        year_written=True,
        sentence=0,
    )
    (age,) = find_ages(text, [], [birth], sentences)
    assert age.birth is birth and age.age.value == 40


def test_death_age_pairs_by_name_across_paragraphs():
    text = (
        "Vanderbilt was born in 1924 into a wealthy family. She was an artist. "
        "Heiress Gloria Vanderbilt died on Monday at the age of 95."
    )
    (age,) = ages_in(text)
    assert (age.cue, age.age.value, age.birth.date.year) == ("died", 95, 1924)
    assert age.subject == "Gloria Vanderbilt"


def test_pronoun_age_pairs_with_the_only_birth_in_the_article():
    text = "Born in 1935 in Mirati, Mukherjee entered politics early. He was aged 84 years."
    assert summary(text) == [("aged", 84, 1935, "aged 84")]
    two = text + " His rival, born in 1940, survives him."
    assert summary(two) == []


def test_years_ago_and_anniversaries():
    assert summary("The club was founded 25 years ago in 1990.") == [
        ("years ago", 25, 1990, "25 years ago")
    ]
    assert summary("Twenty-five years ago, in 1994, the wall came down.") == [
        ("years ago", 25, 1994, "Twenty-five years ago")
    ]
    assert summary("The festival, founded in 1974, celebrates its 50th anniversary.") == [
        ("anniversary", 50, 1974, "50th anniversary")
    ]
    assert summary("It marks the thirtieth anniversary of the 1989 revolution.") == [
        ("anniversary", 30, 1989, "thirtieth anniversary")
    ]


def test_round_years_ago_is_a_rounding_but_anniversaries_are_exact():
    (ago,) = ages_in("The mill closed 30 years ago, in 1991.")
    (anniversary,) = ages_in("The club, founded in 1974, marks its 50th anniversary.")
    assert ago.age.precision == 10 and anniversary.age.precision == 1


def test_hedged_years_ago_keeps_its_bound():
    (age,) = ages_in("The mill closed more than 25 years ago, in 1991.")
    assert age.age.bound is Bound.MORE_THAN and age.age.hedge == "more than"


@pytest.mark.parametrize(
    "text",
    [
        # ages told of a past moment
        "Harris, born in 1964, moved to Montreal at the age of 12.",
        "As a 17-year-old, Smith, who was born in 1978, won the title.",
        "The then-45-year-old Smith, born in 1950, resigned.",
        # an indefinite age beside someone else's birth
        "Smith, who was born in 1978, was attacked by a 45-year-old man on Friday.",
        # a year the date extractor did not resolve: the age may be told as of it
        "In 2010 Smith, 45, who was born in 1965, became mayor.",
        # bounds and ranges of ages are not ages
        "People aged 65 and over, born before 1950, can apply.",
        # no year beside "years ago"
        "Smith joined 25 years ago and retired in 2019.",
    ],
)
def test_no_pair_where_the_text_does_not_give_one(text):
    with_dates = "In 2010" not in text
    assert summary(text, with_dates) == []


def test_indefinite_age_pairs_only_with_a_birth_right_after_it():
    assert summary("A 45-year-old man born in 1950 was arrested.") == [
        ("year-old", 45, 1950, "45-year-old")
    ]


def test_two_people_in_one_sentence_pair_with_the_nearest_birth():
    text = "Bratman, 26, proposed to singer Aguilera, 23, who was born in 1980."
    assert summary(text) == [("appositive", 23, 1980, "Aguilera, 23")]


# --------------------------------------------------------------------------- ages at death


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "was N" after a named subject and its appositive, a death told before it
        (
            "Former governor Ann Whitlow died on Sunday. Whitlow, the state's first female "
            "governor, was 71. Whitlow was born in 1948 in Dayton.",
            ("was", 71, 1948, "was 71"),
        ),
        # ... after a pronoun whose antecedent is the one person born in the article
        (
            "The novelist Peter Corran has died in Lisbon. He was 82. Corran was born in 1937.",
            ("was", 82, 1937, "was 82"),
        ),
        # ... in a relative clause, the death in the same sentence
        (
            "Marta Ilves, who was 64, died at home on Friday. Ilves was born in Tartu in 1955.",
            ("was", 64, 1955, "was 64"),
        ),
        # "was N years old" is read as before, now with a name subject
        (
            "Ivo Brandt died in his sleep on Monday. Brandt was 70 years old. "
            "Brandt was born in 1949.",
            ("year-old", 70, 1949, "70 years old"),
        ),
        # "died ... at N" before a stop or "after ..."
        (
            "Bernard Oakes died on Tuesday at 77. Oakes was born in 1941.",
            ("died", 77, 1941, "died on Tuesday at 77"),
        ),
        (
            "Bernard Oakes died at 77 after a long illness. Oakes was born in 1941.",
            ("died", 77, 1941, "died at 77"),
        ),
        # a name with its title and a lowercase role before it, a birth named by surname
        (
            "Sir Alan Dorne, who led the inquiry, has died aged 93. Dorne was born in 1911.",
            ("died", 93, 1911, "died aged 93"),
        ),
        (
            "Yesterday, retired drummer Ray Coyle died. Coyle was 68. Coyle was born in 1951.",
            ("was", 68, 1951, "was 68"),
        ),
    ],
)
def test_ages_at_death(text, expected):
    assert summary(text) == [expected]


def test_death_age_subject_is_the_name_before_the_appositive():
    (age,) = ages_in(
        "Former governor Ann Whitlow died on Sunday. Whitlow, the wife of actor Tom Reyes, "
        "was 71. Whitlow was born in 1948 in Dayton."
    )
    assert age.subject == "Whitlow"


@pytest.mark.parametrize(
    "text",
    [
        # no death told nearby: "was 45" may be anything
        "Smith was born in 1950. Smith was 45.",
        # not a person
        "The death toll was 45. Smith was born in 1950. Smith died on Monday.",
        "Smith was born in 1950. Smith died on Monday. The estimate was 45, officials said.",
        # an age at a past moment
        "Smith was 45 when he moved to Leeds. He died in March. Smith was born in 1950.",
        "Smith died on Monday. Smith was 45, when the war began. Smith was born in 1950.",
        # a death dated to a year: the age is told as of that year
        "Ana Ruiz was killed in 2016. She was 26. Ruiz was born in 1990.",
        # clock times and addresses are not ages
        "Smith was born in 1950. Smith died at 14:30 on Monday.",
        "Smith was born in 1950. Smith died at 3. Smith died at 10 Downing Street.",
        # figures that are not whole ages
        "Smith was born in 1950. Smith died on Monday. Smith was 5.5.",
        # someone else: a wife named after her husband's birth
        "Parker was born in 1940. Parker died on Monday. His wife Jane was 70.",
    ],
)
def test_bare_was_is_not_an_age_without_a_person_and_a_death(text):
    assert summary(text) == []


# --------------------------------------------------------------------------- same subject only


@pytest.mark.parametrize(
    "text",
    [
        # "the N-year-old" with a noun of its own brings in someone or something new
        "Smith was born in 1978 in Leeds. The 45-year-old actor said he was delighted.",
        # an animal or a thing in the birth's own sentence
        "Born in 1950, Smith rides the 15-year-old elephant.",
        # an unnamed person beside a named birth
        "Smith, born in 1950, said the 45-year-old driver was drunk.",
        # a relative's birth
        "His son was born in 2001. The 45-year-old said he was proud.",
        "Smith, 45, whose son was born in 2001, was at home.",
        # another age in between is the antecedent
        "Smith was born in 1978. A 45-year-old man was arrested nearby. "
        "The 45-year-old said nothing.",
        # the same surname, a different person
        "Robert Cummings was born in 1920. Elijah Cummings died aged 68.",
        # a name inside the appositive is not the subject
        "Tom Jones was born in 1940. Rita Smith, the wife of actor Tom Jones, has died aged 63.",
        # a pronoun whose antecedent is not the person born
        "Ruth Adler was born in 1931. She retired in 1990. Tom Baines died on Monday. He was 79.",
    ],
)
def test_no_pair_across_different_subjects(text):
    assert summary(text) == []


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        (
            "Born in 1978, the 40-year-old has lived in the area since childhood. "
            "The 67-year-old killer had kept a bracelet.",
            "40-year-old",
        ),
        (
            "The 35-year-old was born in 1985. "
            "The 15-year-old elephant's injuries were found on Monday.",
            "35-year-old",
        ),
    ],
)
def test_a_later_age_with_its_own_noun_is_another_referent(text, paired):
    assert [written for _, _, _, written in summary(text)] == [paired]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith was born in 1978 in Leeds. The 45-year-old lives in York.", 45),
        ("The 45-year-old actor, born in 1978, said he was delighted.", 45),
        ("Smith, born in 1978, is a 45-year-old lawyer.", 45),
        # a quotation may end the sentence before an opening "Born in ..."
        ("He said, 'We will talk.' Born in 1977, the 50-year-old has lived here.", 50),
        # the antecedent of "He" is named two sentences back
        (
            "Born in 1935 in Mirati, Mukherjee entered politics early. Mukherjee died on Monday. "
            "He was 84.",
            84,
        ),
    ],
)
def test_same_subject_pairs(text, expected):
    assert [value for _, value, _, _ in summary(text)] == [expected]


def test_bad_input_gives_no_ages():
    assert find_ages("", [], [], []) == []
    text = "Born in 1978."
    assert find_ages(text, [], [], [Sentence(span=Span(0, 13), text=text, index=0)]) == []


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "Smith",
                ",",
                "45",
                "born",
                "in",
                "1978",
                ".",
                "the",
                "45-year-old",
                "aged",
                "died",
                "years",
                "ago",
                "50th",
                "anniversary",
                "founded",
                "He",
                "was",
                "at",
                "age",
                "of",
                "(b.",
                ")",
                "twenty-five",
                "then-45-year-old",
                "2019",
                "68",
                "who",
                "killer",
                "elephant",
                "His",
                "son",
                "Sir",
                '"Eddie"',
            ]
        ),
        min_size=1,
        max_size=16,
    )
)
def test_any_word_salad_gives_ages_without_a_traceback(words):
    text = " ".join(words)
    sentences = sentences_of(text)
    for age in find_ages(text, [], year_claims(text, sentences), sentences):
        assert 0 <= age.span.start <= age.span.end <= len(text)
        assert age.age is not None and age.birth is not None
