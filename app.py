"""Serve the bilingual UN/ITU assistant's web UI: `python app.py [--host H] [--port P]`.

Local and offline by default: 127.0.0.1:7860, overridable by the arguments or
by $ASSISTANT_HOST / $ASSISTANT_PORT; the other `ASSISTANT_*` variables choose
corpus, index and model (see assistant/settings.py). A missing or stale index
is built before the server starts. Same as `assistant serve`.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Sequence

# `assistant` before gradio: importing it sets GRADIO_ANALYTICS_ENABLED=False
# and the offline variables that gradio and huggingface_hub read on import.
import assistant  # noqa: F401  (imported for that side effect)
from assistant.ui import DEFAULT_HOST, DEFAULT_PORT, serve


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--host",
        default=os.environ.get("ASSISTANT_HOST", DEFAULT_HOST),
        help="interface to listen on (default: $ASSISTANT_HOST or %(default)s)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("ASSISTANT_PORT", DEFAULT_PORT)),
        help="port (default: $ASSISTANT_PORT or %(default)s)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    serve(host=args.host, port=args.port)


if __name__ == "__main__":
    main()
