"""Keep CPython's full garbage collections from stalling the event loop during a search.

A search holds tens of thousands of postings, scores and row dicts. Each time the
survivors grow by a quarter, CPython runs a full collection that walks every tracked
object of the process: 15-100 ms with 10-20k postings, on the loop the window runs on.
While a search runs, the objects that existed before it are frozen (``gc.freeze``: the
collector skips them) and full collections are put off; young collections still run, so
short-lived cycles are still freed. When the last search ends the thresholds come back
and what survived the search is frozen too: unfreezing instead made the postponed full
collection walk all of it at once, an 80-270 ms freeze of the window right after the
search. Frozen objects are still freed as soon as nothing refers to them; only a
reference cycle among them waits (for the process's end), which a search does not leave.
"""

from __future__ import annotations

import gc

#: Full collections are considered after this many young-generation passes while quiet.
_QUIET_THRESHOLD2 = 1_000_000_000

_holders = 0
_saved: tuple[int, int, int] | None = None


def _acquire() -> None:
    global _holders, _saved
    if _holders == 0:
        _saved = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(_saved[0], _saved[1], _QUIET_THRESHOLD2)
    _holders += 1


def _release() -> None:
    global _holders, _saved
    _holders -= 1
    if _holders == 0 and _saved is not None:
        gc.freeze()
        gc.set_threshold(*_saved)
        _saved = None


class GcQuiet:
    """One holder's share of the quiet period; ``enter``/``exit`` may repeat (idempotent).

    Several searches may hold it at once: the collector comes back when the last exits.
    """

    def __init__(self) -> None:
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def enter(self) -> None:
        if not self._held:
            self._held = True
            _acquire()

    def exit(self) -> None:
        if self._held:
            self._held = False
            _release()
