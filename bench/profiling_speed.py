"""Profiling speed: a two-page CV from file to built profile, beside raw extraction.

The floor is raw PDFium text extraction of the same file (open, every page's
text in stream order, close). The pipeline is `extract_document` (reading
order, limits) plus `build_profile` (parse, skills, titles, summary). Saving to
the database is not included: the integration pass adds it.

    .venv/bin/python bench/profiling_speed.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "cvs"))

import pypdfium2 as pdfium  # noqa: E402
from render import load_specs, render  # noqa: E402

from app.profiling.extract import extract_document  # noqa: E402
from app.profiling.profile import SourceDocument, build_profile  # noqa: E402
from app.profiling.taxonomy import load_taxonomy  # noqa: E402

RUNS = 60


def raw_extract(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        doc.close()


def pipeline(path: Path):
    doc = extract_document(path)
    return build_profile([SourceDocument(1, path.name, doc)])


def timed(fn, path: Path) -> float:
    start = time.perf_counter()
    fn(path)
    return (time.perf_counter() - start) * 1000


def measure(fns, path: Path) -> list[list[float]]:
    """Run the functions in turn, RUNS rounds: on a shared machine load then hits all alike."""
    for fn in fns:
        fn(path)  # warm up (taxonomy load, imports, caches)
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(RUNS):
        for i, fn in enumerate(fns):
            times[i].append(timed(fn, path))
    return times


def main() -> int:
    spec = next(s for s in load_specs() if s["id"] == "developer_2col_2pages")
    start = time.perf_counter()
    load_taxonomy()
    load_ms = (time.perf_counter() - start) * 1000
    with tempfile.TemporaryDirectory() as tmp:
        path = render(spec, Path(tmp))
        pages = len(pdfium.PdfDocument(str(path)))
        raw_t, extract_t, full_t = measure([raw_extract, extract_document, pipeline], path)
    floor, extract_only, full = (statistics.median(t) for t in (raw_t, extract_t, full_t))
    ratio = statistics.median(f / r for f, r in zip(full_t, raw_t, strict=True))
    print(f"file: {spec['id']}.pdf, {pages} pages, two columns; median of {RUNS} runs")
    print(f"raw text extraction (floor):        {floor:7.2f} ms")
    print(f"extract_document (reading order):   {extract_only:7.2f} ms")
    print(f"file to built profile:              {full:7.2f} ms   "
          f"({full / floor:.1f}x the floor; goal <= 300 ms and <= 3x)")
    print(f"median of per-round ratios:         {ratio:7.2f} x")
    print(f"taxonomy load (once per process):   {load_ms:7.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
