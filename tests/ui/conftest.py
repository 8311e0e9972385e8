"""UI fixtures: a writable copy of the bundled corpus, and a PDF and a Word file to upload."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PDF_LINES = [
    "Lunar Frequency Coordination Group meets in Geneva",
    "Geneva, 3 May 2026 – The Lunar Frequency Coordination Group agreed to keep the far side of the Moon "
    "quiet for radio astronomy.",
    "The group will publish its frequency plan for lunar missions by March 2031.",
    "Delegates from forty administrations took part in the meeting.",
]
PDF_QUESTION = "When will the Lunar Frequency Coordination Group publish its frequency plan?"
DOCX_PARAGRAPHS = [
    "海洋观测数据共享说明",
    "各成员国应当在每年六月底前向秘书处提交海洋观测数据。",
    "秘书处应当每两年汇编一次海洋观测数据报告。",
]
DOCX_QUESTION = "成员国应当在什么时候提交海洋观测数据？"


def writable_settings(root: Path, **overrides):
    """Settings over a copy of the bundled corpus in `root`: uploads, removals and feedback write only there."""
    from assistant.settings import Settings

    corpus = root / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    return Settings.from_env(
        corpus_dir=corpus,
        index_dir=root / "index",
        data_dir=root / "data",
        show_progress=False,
        **overrides,
    )


@pytest.fixture(scope="module")
def upload_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from tests.samples import write_docx, write_pdf

    folder = tmp_path_factory.mktemp("uploads")
    pdf = write_pdf(folder / "lunar-frequencies.pdf", [PDF_LINES], wrap=90)
    docx = write_docx(folder / "海洋观测.docx", DOCX_PARAGRAPHS)
    return pdf, docx


@pytest.fixture
def full_page(assistant):
    """A `layout.Page` with every component built (top bar and both tabs) over the session's assistant."""
    import gradio as gr

    from assistant.ui import layout
    from assistant.ui.warmup import Warmup

    page = layout.Page(Warmup.already_ready(assistant), read_only=False)
    with gr.Blocks():
        layout.build_topbar(page)
        with gr.Tabs():
            layout.build_ask_tab(page, assistant.documents)
            layout.build_documents_tab(page, assistant.documents)
    return page
