"""The GB/T 4754-2017 section (门类) an association's name points to, from the words of the name.

The name is cut into words by jieba, with every term of `industry_terms.csv` added to its
dictionary so that a term is one word (`建筑材料` stays whole, it does not become `建筑` + `材料`).
The head of a Chinese name comes last, so the last industry word before the kind ending wins over
the words that modify it: `某市建筑材料物流协会` is a logistics association (`G`), not a maker of
building materials (`C`), and `某市汽车维修行业协会` repairs cars (`O`, one word `汽车维修`) rather
than making them (`C`). The locality opening the name is dropped first, so a place never counts as
an industry. A name with no industry word stays null: `某市企业联合会`, `某市工商联合会`, the
`商会` of a place, `某县个体劳动者协会`, `某市企业家协会`.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache

import ahocorasick
import jieba

from normalizers.locality import Locality
from normalizers.name_places import leading_places, locality_scope
from normalizers.memo import CACHE_SIZE
from normalizers.vocabulary import read_table

TERM_FREQUENCY = 1_000_000
"""Dictionary weight of an industry term: high enough that jieba keeps a term whole against its own words."""


@cache
def sections() -> dict[str, str]:
    """Section labels by letter, as the column prints them: `E` → `E 建筑业`."""
    return {row["code"]: f"{row['code']} {row['name']}" for row in read_table("industry_sections.csv")}


@cache
def term_sections() -> dict[str, str]:
    """The section letter of every industry term of `industry_terms.csv`: `物流` → `G`."""
    known = sections()
    terms = {row["term"]: row["section"] for row in read_table("industry_terms.csv")}
    unknown = sorted({section for section in terms.values() if section not in known})
    if unknown:
        raise ValueError(f"industry_terms.csv names sections that GB/T 4754-2017 has not: {unknown}")
    return terms


@cache
def _tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer of its own, loaded once per process, that knows every industry term as one word."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for term in term_sections():
        tokenizer.add_word(term, freq=TERM_FREQUENCY)
    return tokenizer


@cache
def _term_automaton() -> ahocorasick.Automaton:
    """Every industry term, to tell in one scan that a text holds none: no word of it can then have a section,
    as a word's section comes from a term it is or holds."""
    automaton = ahocorasick.Automaton()
    for term in term_sections():
        automaton.add_word(term, term)
    automaton.make_automaton()
    return automaton


def _word_section(word: str) -> str | None:
    """The section of a word that is a term, else of the term inside it ending last (jieba's `建筑业` → `建筑`)."""
    terms = term_sections()
    if word in terms:
        return terms[word]
    for end in range(len(word), 0, -1):
        for start in range(end - 1):
            if word[start:end] in terms:
                return terms[word[start:end]]
    return None


def head_section(text: str) -> str | None:
    """The section letter of the last industry word of a text with no place before it, or None.

    `建筑材料物流` → `G`; `建筑材料` → `C`; `企业` → None. A text holding no term is told without jieba.
    """
    if next(_term_automaton().iter(text), None) is None:
        return None
    words = _tokenizer().lcut(text, HMM=False)
    return next((section for word in reversed(words) if (section := _word_section(word))), None)


@lru_cache(maxsize=CACHE_SIZE)
def industry_section(name: str, locality: Locality) -> str | None:
    """The section label (`G 交通运输、仓储和邮政业`) of a normalised name; None when it names no industry.

    The places opening the name are measured against the document's locality, as for the kind:
    in a 宁夏 roster `宁夏回族自治区物流协会` → `G …`, `宁夏河北商会` → None.
    """
    scope = locality_scope(locality)
    rest = name[leading_places(name, scope.code if scope else None).length :]
    section = head_section(rest)
    return sections()[section] if section else None
