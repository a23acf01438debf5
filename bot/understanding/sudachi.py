"""SudachiPy's tokenizer, loaded the first time a question needs it: the one dictionary that
reading words, names typed by their sound and people's names share."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def tokenizer():
    """SudachiPy's tokenizer over its core dictionary (about 50 ms, once per process)."""
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    # SudachiPy 0.7 names it tokenizer(); 0.6 (the lowest declared) create().
    make = getattr(dictionary, "tokenizer", None) or dictionary.create
    return make(SplitMode.C)
