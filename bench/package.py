"""The one-folder bundle: its size, and its start time beside the app run from source.

    .venv/bin/python bench/package.py [--runs 7] [--bundle packaging/dist/jobagent]

Build the bundle first (``python3 packaging/build.py``). Start time is measured
with bench/startup.py's probe: process start to the main window shown
(offscreen), each sample a fresh process, frozen and source samples
interleaved, median of ``--runs``. Goals (issue 7): at most 150 MB; frozen
start at most 1.5 times the source start.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = ROOT / "packaging" / "dist" / "jobagent"


def _startup_probe():  # type: ignore[no-untyped-def]
    """bench/startup.py's ``sample``: the same measurement, not a copy of it."""
    spec = importlib.util.spec_from_file_location("bench_startup", ROOT / "bench" / "startup.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.sample


def sizes(bundle: Path) -> tuple[int, Counter[str]]:
    """Total bytes, and bytes per top-level part (a package, a library, the executable)."""
    parts: Counter[str] = Counter()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(bundle).parts
            key = relative[1] if relative[0] == "_internal" and len(relative) > 1 else relative[0]
            parts[key] += path.stat().st_size
    return sum(parts.values()), parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    args = parser.parse_args()
    exe = args.bundle / ("jobagent.exe" if sys.platform.startswith("win") else "jobagent")
    if not exe.exists():
        print(f"No bundle at {args.bundle}: build it with `python3 packaging/build.py`.")
        return 1
    total, parts = sizes(args.bundle)
    sample = _startup_probe()
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "shown"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "JOBAGENT_HOME": f"{tmp}/home",
            "JOBAGENT_EXIT_AFTER_SHOW": str(probe),
        }
        frozen_cmd, source_cmd = [str(exe)], [sys.executable, "-m", "app"]
        sample(frozen_cmd, probe, env)  # the first start creates the database; not counted
        sample(source_cmd, probe, env)
        frozen, source = [], []
        for _ in range(args.runs):
            frozen.append(sample(frozen_cmd, probe, env))
            source.append(sample(source_cmd, probe, env))
    frozen_median, source_median = statistics.median(frozen), statistics.median(source)
    largest = ", ".join(f"{name} {size / 1e6:.0f}" for name, size in parts.most_common(6))
    print(f"bundle:                {args.bundle}")
    print(f"bundle size:           {total / 1e6:.0f} MB (goal <= 150)")
    print(f"largest parts (MB):    {largest}")
    print(f"runs each:             {args.runs}")
    print(f"source start:          {source_median * 1000:.0f} ms to the window (median)")
    print(f"frozen start:          {frozen_median * 1000:.0f} ms to the window (median)")
    print(f"ratio:                 {frozen_median / source_median:.2f} (goal <= 1.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
