"""Guard against the PySide6 6.12.0 + Python 3.11 bug that drops references to None/True/False.

That release aborted the app with ``Fatal Python error: none_dealloc`` after
a few seconds of use; pyproject pins below it on 3.11. If a future release
brings the leak back, this test fails before users crash.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 3000


class Emitter(QObject):
    fired = Signal()


def test_void_calls_and_emits_keep_singletons_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    emitter = Emitter()
    emitter.fired.connect(lambda: None)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(CALLS):
        label.setText("x")
        label.setVisible(False)
        emitter.fired.emit()
    after = [sys.getrefcount(x) for x in (None, True, False)]
    drops = [b - a for b, a in zip(before, after, strict=True)]
    assert all(drop < CALLS // 10 for drop in drops), f"reference drops: {drops}"
