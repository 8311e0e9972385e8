"""Fakes for the retrieval tests: an index's term statistics."""

from __future__ import annotations


class Terms:
    """The BM25 index as translation sees it: which tokens it holds (`in`) and their document frequency."""

    def __init__(self, tokens, df=None):
        self.tokens = set(tokens)
        self.dfs = df or {}

    def __contains__(self, token):
        return token in self.tokens

    def df(self, token):
        return self.dfs.get(token, 1)
