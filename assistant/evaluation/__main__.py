"""`python -m assistant.evaluation` = `assistant eval`."""

import sys

from assistant.evaluation.cli import main

if __name__ == "__main__":
    sys.exit(main())
