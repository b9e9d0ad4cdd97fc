"""`python -m generator`: the command line, with no traceback even for a bug at import time."""

import os
import sys

from .errors import internal_error

try:
    from .cli import main
except Exception as exc:  # a broken module is a bug; cli.main() handles the rest
    if os.environ.get("GENERATOR_DEBUG", "") not in ("", "0"):
        raise
    print(internal_error(exc), file=sys.stderr)
    sys.exit(2)

sys.exit(main())
