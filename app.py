"""Serve the bilingual UN/ITU assistant's web UI: `python app.py [--host H] [--port P] [--read-only]`.

Local and offline by default: 127.0.0.1:7860. The address comes from the
arguments, else $ASSISTANT_HOST / $ASSISTANT_PORT, else Gradio's own
$GRADIO_SERVER_NAME / $GRADIO_SERVER_PORT. The page is up within seconds; the
index loads (or, if missing or stale, is built) in the background meanwhile.
The other `ASSISTANT_*` variables choose corpus, index and model (see
assistant/settings.py). Same as `assistant serve`.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

# `assistant` before gradio: importing it sets GRADIO_ANALYTICS_ENABLED=False
# and the offline variables that gradio and huggingface_hub read on import.
import assistant  # noqa: F401  (imported for that side effect)
from assistant.cli_args import port_number
from assistant.ui import serve

# At INFO these log every CPU feature FAISS fails to find ("Could not load library with AVX512 support
# due to: ModuleNotFoundError …", which reads as an error) and each of Gradio's own HTTP start-up checks.
QUIET_LOGGERS = ("faiss.loader", "httpx")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--host", help="interface to listen on (default: $ASSISTANT_HOST, $GRADIO_SERVER_NAME or 127.0.0.1)"
    )
    parser.add_argument("--port", type=port_number, help="port (default: $ASSISTANT_PORT, $GRADIO_SERVER_PORT or 7860)")
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=None,
        help="no uploads or removals in the Documents tab (for a shared deployment; or ASSISTANT_READ_ONLY=1)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for chatty in QUIET_LOGGERS:
        logging.getLogger(chatty).setLevel(logging.WARNING)
    serve(host=args.host, port=args.port, read_only=args.read_only)


if __name__ == "__main__":
    main()
