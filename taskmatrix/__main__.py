"""``python -m taskmatrix``: the same as ``python main.py``."""

import sys

from taskmatrix.launcher import main

sys.exit(main())
