"""The cycle collector held off while a pass builds or reads many objects that hold no cycles.

Python's cycle collector runs after every few hundred new objects, and its oldest generation walks every
object alive: with a corpus's claims in memory (180,000 at 10,000 articles), a pass that makes a few
hundred thousand claims, verdicts or findings spends most of its time walking them (measured by
benchmarks/scale.py: reading 10,000 cached articles 5.4 s -> 3.4 s, canonicalization 3.7 s -> 2.5 s,
comparison 6.4 s -> 4.5 s with it held off). The passes held off make no cycles of their own (claims,
verdicts and findings are trees of values), and reference counting frees what they drop as usual.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def held_off() -> Iterator[None]:
    """Run the block with the cycle collector off, turning it back on after if it was on (blocks nest)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def spare(into: list, *objs) -> None:
    """Keep `objs` in `into` (held by a caller about to leave its process with os._exit: cli.entry) rather
    than free them, and freeze every object alive (gc.freeze): once the collector is back on, its passes no
    longer walk them. Freeing a corpus state of a million objects one by one, or walking it, costs a
    check against 10,000 articles a few tenths of a second each time (measured)."""
    into.append(objs)
    gc.freeze()
