"""`AnswerContext` holds hits and what lets an answer reach beyond them."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from assistant.answering.context import AnswerContext


def test_defaults_are_empty_and_the_context_is_immutable():
    ctx = AnswerContext(hits=[], documents={}, idf=lambda t: None, min_support=0.3)
    assert ctx.chunks == () and ctx.analysis is None and dict(ctx.translations) == {} and ctx.glosses is None
    assert ctx.similarity is None  # added clauses then have no dense score
    with pytest.raises(FrozenInstanceError):
        ctx.min_support = 0.5  # type: ignore[misc]
