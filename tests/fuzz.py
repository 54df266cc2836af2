"""How many examples property tests run: ``FUZZ_SCALE=30 pytest`` runs thirty times as many."""

import os

SCALE = max(1, int(os.environ.get("FUZZ_SCALE", "1")))


def examples(n: int) -> int:
    return n * SCALE
