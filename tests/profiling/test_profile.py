"""build_profile end to end: one CV, several CVs, conflicts and thin documents."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from render import load_specs, render

from app.profiling.errors import DocumentError
from app.profiling.extract import extract_document
from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.json_resume import from_json_resume, to_json_resume
from app.profiling.profile import SourceDocument, build_profile

TODAY = date(2026, 11, 1)
SPECS = {s["id"]: s for s in load_specs()}


def from_spec(spec_id: str, tmp_path: Path, doc_id=1):
    path = render(SPECS[spec_id], tmp_path)
    return SourceDocument(doc_id, path.name, extract_document(path))


def text_doc(doc_id, text, name="cv.txt"):
    return SourceDocument(doc_id, name, ExtractedDocument(TEXT, [text]))


def test_two_column_pdf_profile(tmp_path):
    p = build_profile([from_spec("nurse_uk_2col", tmp_path)], today=TODAY)
    dump = p.model_dump(mode="json")
    for key in ("name", "email", "phone", "location", "links", "profile_text", "years_experience",
                "skills", "experience", "education", "certifications", "languages", "references",
                "suggested_job_titles", "documents", "warnings", "conflicts"):
        assert key in dump
    assert p.name == "Sarah O'Connell" and p.email == "sarah.oconnell@example.com"
    assert [e.title for e in p.experience] == ["Senior Staff Nurse", "Staff Nurse"]
    assert p.experience[0].company == "Leeds Teaching Hospitals NHS Trust"
    assert p.years_experience == pytest.approx(11.2, abs=0.1)  # Sept 2015 .. Nov 2026
    assert p.references.available_on_request
    assert {lang.name for lang in p.languages} == {"English", "Polish"}
    assert p.documents[0].pages == 1 and p.documents[0].media_type == "application/pdf"


def test_every_skill_has_evidence_from_the_cv(tmp_path):
    doc = from_spec("accountant_docx_table", tmp_path)
    p = build_profile([doc], today=TODAY)
    assert len(p.skills) >= 15
    text = " ".join(doc.document.text.split())
    for skill in p.skills:
        assert skill.evidence and " ".join(skill.evidence.split()) in text
        assert skill.source.document_id == 1 and skill.source.line


def test_suggested_titles_ranked_with_reasons(tmp_path):
    p = build_profile([from_spec("it_support_2col", tmp_path)], today=TODAY)
    titles = p.suggested_job_titles
    assert len(titles) >= 3
    assert titles[0].family == "Computer and Mathematical"
    assert [t.score for t in titles] == sorted((t.score for t in titles), reverse=True)
    assert "worked as" in titles[0].reason.lower() and "skills point here" in titles[0].reason


def test_profile_text_is_three_to_five_sentences_of_facts(tmp_path):
    p = build_profile([from_spec("electrician_us_1col", tmp_path)], today=TODAY)
    sentences = [s for s in re.split(r"(?<=[a-z0-9)][.])\s+(?=[A-Z])", p.profile_text) if s]
    assert 3 <= len(sentences) <= 5
    assert "Miguel A. Torres" in p.profile_text
    assert "Southern Power Electrical Contractors" in p.profile_text


def test_several_cvs_make_one_profile_with_conflicts():
    a = text_doc(1, "Jane Doe\njane@example.com | 07700 900111\n\nExperience\n"
                    "Staff Nurse, St Mary's Hospital, 2018 - 2021\n• Wound care\n\n"
                    "Skills\nTriage, Phlebotomy", name="a.txt")
    b = text_doc(2, "Jane Doe\njane@example.com | 07700 900999\n\nExperience\n"
                    "Charge Nurse, St Mary's Hospital, 2019 - 2022\n• IV therapy\n"
                    "Healthcare Assistant, Care Homes Ltd, 2015 - 2017\n\nSkills\nCannulation",
                 name="b.txt")
    p = build_profile([a, b], today=TODAY)
    assert p.phone == "07700 900111"
    phone = next(c for c in p.conflicts if c.field == "phone")
    assert {v.value for v in phone.values} == {"07700 900111", "07700 900999"}
    assert {v.source.filename for v in phone.values} == {"a.txt", "b.txt"}
    job = next(c for c in p.conflicts if c.field == "experience")
    assert "St Mary's Hospital" in job.message
    assert len(p.experience) == 2  # the same job is kept once, the other job is added
    names = {s.name for s in p.skills}
    assert {"Triage", "Phlebotomy", "Cannulation", "Wound care", "IV therapy"} <= names
    assert {s.source.document_id for s in p.skills} == {1, 2}
    assert p.provenance["phone"].document_id == 1


def test_identical_jobs_in_two_cvs_do_not_conflict():
    cv = "Jane Doe\n\nExperience\nStaff Nurse, St Mary's Hospital, 2018 - 2021\n• Wound care"
    p = build_profile([text_doc(1, cv), text_doc(2, cv)], today=TODAY)
    assert len(p.experience) == 1 and not p.conflicts


def test_not_a_cv_gets_a_thin_warning():
    letter = ("Dear Sir or Madam,\nThank you for your letter of 3 March about the parking permit. "
              "We will review the case and reply within ten working days.\n"
              "Yours faithfully,\nCouncil")
    p = build_profile([text_doc(1, letter, name="letter.txt")], today=TODAY)
    assert any("letter.txt" in w and "thin" in w for w in p.warnings)
    assert not p.experience and not p.suggested_job_titles


def test_a_failed_file_does_not_stop_the_others(tmp_path):
    good = from_spec("warehouse_1col", tmp_path)
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    docs, failed = [good], []
    try:
        docs.append(SourceDocument(2, bad.name, extract_document(bad)))
    except DocumentError as exc:  # the caller records the error and goes on
        failed.append(exc)
    p = build_profile(docs, failed=failed, today=TODAY)
    assert p.name == "Tomasz Nowak"
    assert any("empty.pdf" in w and "empty" in w for w in p.warnings)


def test_json_resume_round_trip(tmp_path):
    p = build_profile([from_spec("developer_2col_2pages", tmp_path)], today=TODAY)
    data = to_json_resume(p)
    json.dumps(data)  # serialisable
    assert data["basics"]["name"] == "Alex Chen"
    assert {prof["network"] for prof in data["basics"]["profiles"]} == {"GitHub", "LinkedIn"}
    assert data["work"][0]["position"] == "Senior Software Engineer"
    assert "endDate" not in data["work"][0]  # present
    back = from_json_resume(data, filename="resume.json")
    assert (back.name, back.email, back.phone) == (p.name, p.email, p.phone)
    assert [e.title for e in back.experience] == [e.title for e in p.experience]
    assert back.experience[0].end == "present"
    assert {s.name for s in back.skills} >= {"Python", "Kubernetes", "PostgreSQL"}
    assert all(s.evidence.startswith("JSON Resume skill") for s in back.skills)


def test_json_resume_import_of_a_foreign_file():
    data = {
        "basics": {"name": "Ana Lima", "email": "ana@example.com", "label": "Bookkeeper",
                   "location": {"city": "Lisbon", "countryCode": "PT"}},
        "work": [{"name": "Contas Lda", "position": "Bookkeeper", "startDate": "2019-02",
                  "endDate": "2023-06", "highlights": ["Bank reconciliations"]}],
        "skills": [{"name": "Accounting", "keywords": ["Xero", "QuickBooks", "Excel"]}],
        "languages": [{"language": "Portuguese", "fluency": "Native"}],
    }  # fmt: skip
    p = from_json_resume(data)
    assert p.location == "Lisbon, PT"
    assert {s.name for s in p.skills} >= {"Xero", "QuickBooks", "Excel"}
    assert p.experience[0].end == "2023-06"
    assert p.profile_text


def test_json_resume_export_accepts_a_profile_dict():
    data = to_json_resume({"name": "Ana Lima", "email": "ana@example.com", "skills": ["Xero"],
                           "unknown": 1})  # fmt: skip
    assert data["basics"]["name"] == "Ana Lima"
    assert data["skills"] == [{"name": "Xero", "keywords": ["Other"]}]
