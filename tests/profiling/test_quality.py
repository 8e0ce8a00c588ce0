"""A guard on the labelled set: the bench's numbers must not regress."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quality_bench_meets_goals():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "profiling_quality.py")],
        capture_output=True, text=True, check=True, timeout=240,
    ).stdout  # fmt: skip
    f1 = float(out.split("F1 ")[1].split()[0])
    family = float(out.split("family accuracy: ")[1].split()[0])
    assert f1 >= 0.85, out
    assert family >= 0.85, out
    for field in ("name", "email", "phone", "location"):
        accuracy = float(out.split(f"contact {field}")[1].split("accuracy: ")[1].split()[0])
        assert accuracy >= 0.85, out
