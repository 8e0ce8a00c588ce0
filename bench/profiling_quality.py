"""Profiling quality on the labelled CVs in tests/data/cvs.

Renders each spec to its file type (PDF one/two columns, DOCX, DOCX table,
TXT, Markdown), runs extraction and `build_profile`, and compares with the
hand-written labels. Prints micro precision/recall/F1 of skills, accuracy of
the top suggested title's family and accuracy per contact field.

    .venv/bin/python bench/profiling_quality.py [-v]
"""

from __future__ import annotations

import re
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "cvs"))

from render import load_specs, render  # noqa: E402

from app.profiling.extract import extract_document  # noqa: E402
from app.profiling.profile import SourceDocument, build_profile  # noqa: E402
from app.profiling.taxonomy import load_taxonomy  # noqa: E402

TODAY = date(2026, 11, 1)
FIELDS = ("name", "email", "phone", "location")


def norm(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def field_key(field: str, value: str | None) -> str:
    if field == "phone":
        return re.sub(r"\D", "", value or "")[-9:]
    return norm(value)


def skill_key(name: str, taxonomy) -> str:
    skill = taxonomy.skill_by_name(name)
    return skill.id if skill else norm(name)


def main() -> int:
    verbose = "-v" in sys.argv
    taxonomy = load_taxonomy()
    tp = fp = fn = 0
    family_ok = 0
    field_ok = dict.fromkeys(FIELDS, 0)
    specs = load_specs()
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            labels = spec["labels"]
            path = render(spec, Path(tmp))
            doc = extract_document(path)
            profile = build_profile([SourceDocument(spec["id"], path.name, doc)], today=TODAY)
            got = {s.id or norm(s.name) for s in profile.skills}
            gold = {skill_key(name, taxonomy) for name in labels["skills"]}
            hits = got & gold
            tp, fp, fn = tp + len(hits), fp + len(got - gold), fn + len(gold - got)
            top = profile.suggested_job_titles[0] if profile.suggested_job_titles else None
            fam = top is not None and top.family == labels["family"]
            family_ok += fam
            marks = []
            for field in FIELDS:
                ok = field_key(field, getattr(profile, field)) == field_key(field, labels[field])
                field_ok[field] += ok
                if not ok:
                    marks.append(f"{field}={getattr(profile, field)!r}")
            p = len(hits) / len(got) if got else 0.0
            r = len(hits) / len(gold) if gold else 0.0
            print(f"{spec['id']:26} {spec['layout']:11} skills P={p:.2f} R={r:.2f}  "
                  f"top={top.title if top else None!r} {'ok' if fam else 'WRONG FAMILY'}  "
                  f"{' '.join(marks)}")
            if verbose:
                print("    missed:", sorted(gold - got))
                print("    extra: ", sorted(got - gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = len(specs)
    print()
    print(f"CVs: {n}")
    print(f"skills (micro): precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
          "  (goal F1 >= 0.85)")
    print(f"top suggested title family accuracy: {family_ok / n:.3f}")
    for field in FIELDS:
        print(f"contact {field:8} accuracy: {field_ok[field] / n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
