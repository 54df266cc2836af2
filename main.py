"""Task Matrix: ``python main.py [PATH]`` opens the app; ``export``/``sheets`` run headless."""

import sys

from taskmatrix.launcher import main

if __name__ == "__main__":
    sys.exit(main())
