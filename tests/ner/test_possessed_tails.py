"""A noun with its pronoun after a person the article named is the verb's object (possessed_tails.py)."""

from __future__ import annotations

from marsad.enrich.ner.possessed_tails import cut_possessed_tails


def _key(token: str) -> str:
    # as the tagger's name keys read a word: its pronoun cut off (`رضاه` -> `رضا`, `عبده` -> `عبد`)
    return token[:-1] if token.endswith("ه") and len(token) > 3 else token


def test_the_object_after_a_person_the_article_named_is_cut_off() -> None:
    tokens = ["وأبدى", "رانييري", "رضاه", "عن", "المستوى"]
    tags = ["O", "B-PER", "I-PER", "O", "O"]
    names = {("كلاوديو", "رانييري"): "PER", ("رانييري", "رضا"): "PER"}
    assert cut_possessed_tails(tokens, tags, _key, names) == ["O", "B-PER", "O", "O", "O"]


def test_a_name_in_h_or_a_person_the_article_never_named_stays_whole() -> None:
    names = {("كلاوديو", "رانييري"): "PER", ("محمد",): "PER"}
    # the words before it name no one the article names
    assert cut_possessed_tails(["قال", "سامي", "رضاه"], ["O", "B-PER", "I-PER"], _key, names) == ["O", "B-PER", "I-PER"]
    # a short word in ه is a name (`محمد عبده`), and so is God's (`عبد الله`)
    assert cut_possessed_tails(["محمد", "عبده"], ["B-PER", "I-PER"], _key, names) == ["B-PER", "I-PER"]
    assert cut_possessed_tails(["محمد", "عبدالله"], ["B-PER", "I-PER"], _key, names) == ["B-PER", "I-PER"]
    # only persons: a body's last word in ه is left to the body's passes
    assert cut_possessed_tails(["رانييري", "رضاه"], ["B-ORG", "I-ORG"], _key, names) == ["B-ORG", "I-ORG"]
