"""Start-up: process start to main window shown (offscreen), beside a bare PySide6 window.

    .venv/bin/python bench/startup.py [--runs 7]

Each sample spawns a fresh process; the child writes the wall-clock time
once its window has been shown and the pending events (the first paint)
processed, then quits. The two kinds of sample are interleaved so that disk cache and CPU
noise hit both alike. Goal (issue 2): at most 1.3 times the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
open(sys.argv[1], "w").write(repr(time.time()))
QTimer.singleShot(0, app.quit)
app.exec()
"""


def sample(command: list[str], probe: Path, env: dict[str, str]) -> float:
    probe.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(
        command,
        env=env,
        check=True,
        timeout=60,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return float(probe.read_text()) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "shown"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "JOBAGENT_HOME": f"{tmp}/home",
            "JOBAGENT_EXIT_AFTER_SHOW": str(probe),
        }
        app_cmd = [sys.executable, "-m", "app"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW, str(probe)]
        sample(app_cmd, probe, env)  # first start creates the database; not counted
        sample(bare_cmd, probe, env)
        app_times, bare_times = [], []
        for _ in range(runs):
            app_times.append(sample(app_cmd, probe, env))
            bare_times.append(sample(bare_cmd, probe, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"runs each:             {runs}")
    print(f"bare PySide6 window:   {bare_median * 1000:.0f} ms (median)")
    print(f"Job Agent main window: {app_median * 1000:.0f} ms (median)")
    print(f"ratio:                 {app_median / bare_median:.2f} (goal <= 1.30)")


if __name__ == "__main__":
    main()
