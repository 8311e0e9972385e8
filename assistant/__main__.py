"""`python -m assistant`: the same command line as the `assistant` script (useful without the venv's bin/ on PATH)."""

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main())
