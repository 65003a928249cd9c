"""Sentence splitting: offsets, blocks, wrapped lines and abbreviations."""

from factcheck.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_spans_point_into_the_text_and_keep_length():
    text = "Published: Monday, May 6, 2024\n\nThe dam is 40 m high.\nIt opened in 1990.\n"
    for sentence in split_sentences(text):
        raw = text[sentence.span.start : sentence.span.end]
        assert len(raw) == len(sentence.text)
        assert raw.replace("\n", " ") == sentence.text


def test_headline_and_dateline_lines_stand_alone():
    text = "Thursday, March 14, 2024\nFloods close the valley road\n\nWater rose overnight."
    assert texts(text) == [
        "Thursday, March 14, 2024",
        "Floods close the valley road",
        "Water rose overnight.",
    ]


def test_wrapped_lines_join_into_one_sentence():
    text = (
        "The surge covered about 40 square kilometres of low ground along the eastern shore\n"
        "kilometres inland, officials said.\n"
    )
    assert len(texts(text)) == 1
    assert "\n" not in texts(text)[0]


def test_plain_boundaries_split():
    assert texts("Rain fell for six hours. Roads closed! Was it the worst? Nobody knows.") == [
        "Rain fell for six hours.",
        "Roads closed!",
        "Was it the worst?",
        "Nobody knows.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    got = texts("Mr. Hale met Dr. Ortiz in the U.S. capital. J. R. Okafor was there too.")
    assert got == ["Mr. Hale met Dr. Ortiz in the U.S. capital.", "J. R. Okafor was there too."]


def test_decimals_do_not_end_sentences():
    assert texts("Prices rose 2.5 percent in May. They fell 0.3 percent in June.") == [
        "Prices rose 2.5 percent in May.",
        "They fell 0.3 percent in June.",
    ]


def test_indexes_are_consecutive():
    sentences = split_sentences("One. Two.\n\nThree. Four.")
    assert [s.index for s in sentences] == list(range(len(sentences)))
