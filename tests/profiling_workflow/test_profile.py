"""The stored profile: several CVs into one, the user's edits kept, JSON Resume, cancelling."""

from __future__ import annotations

import asyncio
import json

from app.core.events import RunUpdate
from app.storage.profiles import load_profile, save_profile, update_user
from app.workflows.profiling import ProfilingWorkflow

from .conftest import PHONE, cv_lines, document_count, profile_files


async def test_two_cvs_make_one_profile_with_a_conflict(runtime, files):
    first = files.pdf()
    second = files.docx(cv_lines(phone="+44 7911 123456", extra_skill="Phlebotomy"),
                        name="older.docx")  # fmt: skip
    run, workflow = await profile_files(runtime, [first])
    run, workflow = await profile_files(runtime, [second])  # the stored CV counts as well
    assert run.status == "succeeded"
    profile = workflow.result.profile
    assert [d["filename"] for d in profile["documents"]] == ["cv.pdf", "older.docx"]
    assert profile["phone"] == PHONE  # the first document's value
    [conflict] = [c for c in profile["conflicts"] if c["field"] == "phone"]
    assert [v["value"] for v in conflict["values"]] == [PHONE, "+44 7911 123456"]
    assert [v["source"]["filename"] for v in conflict["values"]] == ["cv.pdf", "older.docx"]
    skills = {s["name"]: s for s in profile["skills"]}
    assert skills["Phlebotomy"]["source"]["filename"] == "older.docx"
    assert skills["Phlebotomy"]["source"]["line"] and skills["Phlebotomy"]["evidence"]
    assert skills["Wound care"]["mentions"] >= 2  # both CVs
    assert len(profile["experience"]) == 2  # the same jobs, merged


async def test_user_edits_survive_a_rerun(runtime, files):
    await profile_files(runtime, [files.text()])
    # The Profile page saves the whole form; the user changed the name and the location.
    edited = await load_profile(runtime.db, runtime.user_id)
    edited.update(name="Jane Q. Doe", location="Leeds")
    edited["skills"].append({"name": "Sign language", "category": "other",
                             "evidence": "Added by you."})  # fmt: skip
    await save_profile(runtime.db, runtime.user_id, edited)

    run, workflow = await profile_files(runtime, [files.pdf(cv_lines(extra_skill="Phlebotomy"))])
    assert run.status == "succeeded"
    profile = workflow.result.profile
    assert (profile["name"], profile["location"]) == ("Jane Q. Doe", "Leeds")
    assert profile["email"] == "jane.doe@example.com"  # not edited: from the CVs
    assert profile["user_overrides"] == {"name": "Jane Q. Doe", "location": "Leeds"}
    assert profile["provenance"]["name"]["filename"] == "your edit"
    assert profile["profile_text"].startswith("Jane Q. Doe is")
    names = {s["name"] for s in profile["skills"]}
    assert {"Sign language", "Phlebotomy"} <= names

    # Another rerun keeps them; clearing a field hands it back to the CVs.
    run, workflow = await profile_files(runtime, [])
    assert workflow.result.profile["name"] == "Jane Q. Doe"
    cleared = dict(workflow.result.profile, location=None)
    await save_profile(runtime.db, runtime.user_id, cleared)
    run, workflow = await profile_files(runtime, [])
    assert workflow.result.profile["location"] == "London"
    assert workflow.result.profile["user_overrides"] == {"name": "Jane Q. Doe"}


async def test_first_run_answers_are_kept(runtime, files):
    """The first-run questions write name and location before any CV is read."""
    await update_user(runtime.db, runtime.user_id, name="Janet Doe", location="Bristol")
    _, workflow = await profile_files(runtime, [files.text()])
    profile = workflow.result.profile
    assert (profile["name"], profile["location"]) == ("Janet Doe", "Bristol")
    assert profile["offline_values"]["name"] == "Jane Doe"


async def test_json_resume_is_a_document_too(runtime, files):
    resume = files.folder / "resume.json"
    resume.write_text(json.dumps({
        "basics": {"name": "Jane Doe", "email": "jane.doe@example.com", "phone": PHONE,
                   "location": {"city": "London"}},
        "work": [{"name": "Kindred Care", "position": "Night Nurse", "startDate": "2012-01",
                  "endDate": "2014-12"}],
        "skills": [{"name": "Phlebotomy"}],
    }), encoding="utf-8")  # fmt: skip
    run, workflow = await profile_files(runtime, [files.text(), resume])
    assert run.status == "succeeded", run.error_message
    profile = workflow.result.profile
    assert [d["media_type"] for d in profile["documents"]] == ["text/plain", "application/json"]
    assert "Kindred Care" in {e["company"] for e in profile["experience"]}
    phlebotomy = next(s for s in profile["skills"] if s["name"] == "Phlebotomy")
    assert phlebotomy["source"]["filename"] == "resume.json"

    bad = files.folder / "bad.json"
    bad.write_text('{"basics": "not an object"}', encoding="utf-8")
    run, workflow = await profile_files(runtime, [bad])
    assert workflow.result.failures[0].message.startswith("“bad.json” is not a valid JSON Resume")
    assert await document_count(runtime) == 2


async def test_cancel_mid_run_leaves_the_profile_unchanged(runtime, files):
    await profile_files(runtime, [files.text()])
    before = await load_profile(runtime.db, runtime.user_id)
    workflow = ProfilingWorkflow([files.docx(cv_lines(name="Someone Else"), name="other.docx")])
    run_ids: list[int] = []

    def stop_at_save(event) -> None:  # the Stop button, pressed as the save step starts
        if isinstance(event, RunUpdate) and event.current_step == "save" and not event.finished:
            runtime.runner.cancel(event.run_id)
            run_ids.append(event.run_id)

    unsubscribe = runtime.events.subscribe(stop_at_save)
    run_id = await runtime.runner.start(workflow, user_id=runtime.user_id)
    try:
        await runtime.runner.wait(run_id)
    except asyncio.CancelledError:
        pass
    finally:
        unsubscribe()
    assert run_ids == [run_id]
    run = await runtime.runner.wait(run_id)
    assert run.status == "cancelled" and run.current_step == "save"
    assert await load_profile(runtime.db, runtime.user_id) == before


async def test_a_profile_typed_in_by_hand_is_kept_when_the_first_cv_arrives(runtime, files):
    await save_profile(runtime.db, runtime.user_id, {
        "name": "Jane Doe",
        "experience": [{"title": "Practice Nurse", "company": "Hillside Surgery",
                        "start": "2010-01", "end": "2013-06", "bullets": []}],
        "skills": [{"name": "Phlebotomy", "category": "other", "evidence": "Added by you."}],
    })  # fmt: skip
    run, workflow = await profile_files(runtime, [files.text()])
    assert run.status == "succeeded", run.error_message
    assert workflow.result.notes == ["Your profile had no CV behind it; it is kept as "
                                     "“profile entered by hand.json” and merged with the CVs."]
    profile = workflow.result.profile
    assert [d["filename"] for d in profile["documents"]] == ["profile entered by hand.json",
                                                             "cv.txt"]  # fmt: skip
    assert {"Hillside Surgery", "St Thomas' Hospital"} <= {e["company"] for e in
                                                         profile["experience"]}  # fmt: skip
    assert "Phlebotomy" in {s["name"] for s in profile["skills"]}
    run, workflow = await profile_files(runtime, [])  # kept: no second copy
    assert len(workflow.result.documents) == 2 and workflow.result.notes == []
