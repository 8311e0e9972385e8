from pathlib import Path

import pytest

from assistant.settings import Settings


def test_env_overrides_and_types():
    s = Settings.from_env({"ASSISTANT_TOP_K": "8", "ASSISTANT_SHOW_PROGRESS": "false", "ASSISTANT_INDEX_DIR": "/tmp/x"})
    assert s.top_k == 8 and s.show_progress is False and s.index_dir == Path("/tmp/x")


def test_keyword_overrides_beat_env():
    assert Settings.from_env({"ASSISTANT_TOP_K": "8"}, top_k=2).top_k == 2


def test_bad_values_are_named():
    with pytest.raises(ValueError, match="ASSISTANT_TOP_K='many'"):
        Settings.from_env({"ASSISTANT_TOP_K": "many"})
    with pytest.raises(ValueError, match="retriever must be one of"):
        Settings(retriever="magic")
    with pytest.raises(ValueError, match="top_k"):
        Settings(top_k=0)


def test_offline_environment_is_set_on_import():
    import os

    import assistant  # noqa: F401

    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert ".cache" in os.environ["TIKTOKEN_CACHE_DIR"]


def test_fusion_weights_come_from_the_models_profile_unless_given():
    from assistant.settings import FUSION_PROFILES

    assert Settings(embedding_model="usem3").fusion_weights() == FUSION_PROFILES["usem3"]
    assert Settings(embedding_model="some/other-model").fusion_weights() == FUSION_PROFILES["usem3"]
    given = Settings.from_env({"ASSISTANT_CROSS_LEXICAL_WEIGHT": "0.5", "ASSISTANT_DENSE_WEIGHT": "auto"})
    assert given.fusion_weights() == (FUSION_PROFILES["usem3"][0], FUSION_PROFILES["usem3"][1], 0.5)
    assert given.retrieval_config().fusion.lexical_cross == 0.5
