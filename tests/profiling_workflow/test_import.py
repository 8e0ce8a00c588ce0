"""Importing files through the profiling workflow: the store, dedupe, bad input, limits."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from app.storage.models import Document, Run
from app.storage.profiles import load_profile

from .conftest import PHONE, document_count, profile_files, stored_files


@pytest.mark.parametrize("kind", ["pdf", "two_column_pdf", "docx", "text"])
async def test_each_format_is_stored_and_profiled(runtime, files, kind):
    path = getattr(files, kind)()
    run, workflow = await profile_files(runtime, [path])
    assert run.status == "succeeded", run.error_message
    assert run.step_names == ["extract", "parse", "skills_and_titles", "summarize", "save"]
    profile = workflow.result.profile
    assert profile == await load_profile(runtime.db, runtime.user_id)
    assert (profile["name"], profile["email"], profile["phone"]) == (
        "Jane Doe", "jane.doe@example.com", PHONE)  # fmt: skip
    assert {"Wound care", "IV therapy", "Triage"} <= {s["name"] for s in profile["skills"]}
    assert profile["experience"][0]["title"] == "Staff Nurse"
    assert profile["suggested_job_titles"] and profile["profile_text"]
    assert profile["provenance"]["phone"]["filename"] == path.name

    async with runtime.db.session() as session:
        row = (await session.scalars(select(Document))).one()
    data = path.read_bytes()
    assert row.sha256 == hashlib.sha256(data).hexdigest() and row.size_bytes == len(data)
    assert row.original_filename == path.name and "Wound care" in row.extracted_text
    expected_type = {"pdf": "application/pdf", "two_column_pdf": "application/pdf",
                     "text": "text/plain"}.get(kind, "wordprocessingml")  # fmt: skip
    assert expected_type in row.media_type
    copy = runtime.paths.documents / row.stored_path.rsplit("/", 1)[-1]
    assert str(copy) == row.stored_path and copy.read_bytes() == data
    assert copy.stem == row.sha256


async def test_two_column_pdf_keeps_the_columns_apart(runtime, files):
    run, workflow = await profile_files(runtime, [files.two_column_pdf()])
    assert run.status == "succeeded"
    text = (await _only_document(runtime)).extracted_text
    lines = [line for line in text.split("\n") if line.strip()]
    # The sidebar is read whole before the main column: no line of one between the other's.
    assert lines.index("Teamwork") < lines.index("PROFILE")
    assert workflow.result.profile["experience"][0]["company"] == "St Thomas' Hospital"


async def test_same_content_again_reuses_the_row_and_says_so(runtime, files):
    first = files.pdf()
    await profile_files(runtime, [first])
    version = (await load_profile(runtime.db, runtime.user_id))["profile_version"]
    renamed = files.folder / "copy of my cv.pdf"
    renamed.write_bytes(first.read_bytes())
    run, workflow = await profile_files(runtime, [first, renamed])
    assert run.status == "succeeded" and run.warnings == []
    assert await document_count(runtime) == 1 and len(stored_files(runtime)) == 1
    assert [i.reused for i in workflow.result.imported] == [True, True]
    assert any("same content as “cv.pdf”" in note for note in workflow.result.notes)
    # Nothing changed, so nothing was written: scores made against the profile stay valid.
    assert workflow.result.saved is False
    assert workflow.result.profile["profile_version"] == version


async def test_stored_copies_passed_back_are_silent(runtime, files):
    """The window passes the stored copies with the new files on every import."""
    await profile_files(runtime, [files.text()])
    copy = stored_files(runtime)[0]
    run, workflow = await profile_files(runtime, [copy])
    assert run.status == "succeeded" and workflow.result.notes == []


async def test_one_good_file_and_one_corrupt_file(runtime, files):
    bad = files.pdf(name="broken.pdf")
    bad.write_bytes(bad.read_bytes()[:300])
    run, workflow = await profile_files(runtime, [bad, files.docx()])
    assert run.status == "succeeded"
    [failure] = workflow.result.failures
    assert failure.filename == "broken.pdf" and not failure.needs_password
    assert "damaged or truncated" in failure.message
    assert any("broken.pdf" in w and "damaged" in w for w in run.warnings)
    assert workflow.result.profile["name"] == "Jane Doe"
    assert await document_count(runtime) == 1 and len(stored_files(runtime)) == 1


async def test_nothing_readable_fails_the_run_and_stores_nothing(runtime, files, tmp_path):
    empty = files.folder / "empty.txt"
    empty.write_bytes(b"")
    run, workflow = await profile_files(runtime, [empty])
    assert run.status == "failed"
    assert run.error_message == "“empty.txt” is empty (0 bytes)."
    assert workflow.result.failures[0].filename == "empty.txt"
    assert await document_count(runtime) == 0 and stored_files(runtime) == []
    assert (await load_profile(runtime.db, runtime.user_id))["profile_version"] == 0


async def test_a_failed_import_keeps_what_was_stored(runtime, files):
    await profile_files(runtime, [files.text()])
    before = await load_profile(runtime.db, runtime.user_id)
    empty = files.folder / "empty.txt"
    empty.write_bytes(b"")
    run, workflow = await profile_files(runtime, [empty])
    # The stored CV still counts: the run succeeds, with the failure as a warning.
    assert run.status == "succeeded" and run.warnings == ["“empty.txt” is empty (0 bytes)."]
    assert workflow.result.profile == before
    assert await document_count(runtime) == 1 and len(stored_files(runtime)) == 1


async def test_lying_extension_is_read_as_what_it_is(runtime, files):
    docx = files.docx()
    liar = docx.with_name("cv.pdf")
    docx.rename(liar)
    run, workflow = await profile_files(runtime, [liar])
    assert run.status == "succeeded"
    assert any("named as PDF but is really Word (DOCX)" in w for w in run.warnings)
    row = await _only_document(runtime)
    assert "wordprocessingml" in row.media_type and row.stored_path.endswith(".docx")
    assert row.original_filename == "cv.pdf"
    assert workflow.result.profile["name"] == "Jane Doe"


async def test_text_named_docx_is_refused(runtime, files):
    fake = files.folder / "cv.docx"
    fake.write_text("Jane Doe\nNurse\n", encoding="utf-8")
    run, _ = await profile_files(runtime, [fake])
    assert run.status == "failed" and "is not one" in run.error_message
    assert "cv.docx" in run.error_message


async def test_scanned_pdf_says_no_text_layer_and_invents_nobody(runtime, files):
    run, _ = await profile_files(runtime, [files.scanned_pdf()])
    assert run.status == "failed"
    assert "scan.pdf" in run.error_message and "no text layer" in run.error_message
    profile = await load_profile(runtime.db, runtime.user_id)
    assert profile.get("name") is None and not profile.get("skills")
    assert await document_count(runtime) == 0


async def test_scanned_pdf_beside_a_real_cv(runtime, files):
    run, workflow = await profile_files(runtime, [files.scanned_pdf(), files.text()])
    assert run.status == "succeeded"
    assert any("no text layer" in w for w in run.warnings)
    assert [d["filename"] for d in workflow.result.profile["documents"]] == ["cv.txt"]


async def test_a_document_that_is_not_a_cv_gives_a_thin_profile(runtime, files):
    letter = files.text([
        "Dear neighbours,",
        "The summer fair will be held on the village green on Saturday afternoon.",
        "Please bring cakes for the stall and tell your friends about it.",
        "Best wishes, the committee",
    ], name="letter.txt")  # fmt: skip
    run, workflow = await profile_files(runtime, [letter])
    assert run.status == "succeeded"
    assert any("does not look like a CV" in w and "thin" in w for w in run.warnings)
    assert workflow.result.profile["warnings"] == run.warnings


async def test_encrypted_pdf_needs_the_password(runtime, files):
    locked = files.pdf(name="locked.pdf", password="s3cret")
    run, workflow = await profile_files(runtime, [locked])
    assert run.status == "failed"
    [failure] = workflow.result.failures
    assert failure.needs_password and failure.filename == "locked.pdf"
    assert failure.message == "“locked.pdf” is encrypted: a password is needed to open it."

    run, workflow = await profile_files(runtime, [locked], password="wrong")
    assert run.status == "failed" and workflow.result.failures[0].needs_password
    assert run.error_message == "“locked.pdf” is encrypted: the password is wrong."

    run, workflow = await profile_files(runtime, [locked], password="s3cret")
    assert run.status == "succeeded" and workflow.result.failures == []
    assert workflow.result.profile["name"] == "Jane Doe"
    # The stored copy is the file as given; its text is kept, so a rebuild needs no password.
    run, workflow = await profile_files(runtime, [])
    assert run.status == "succeeded" and workflow.result.profile["name"] == "Jane Doe"


async def test_limits_come_from_settings(runtime, files):
    runtime.settings.import_limits.max_pages = 1
    run, _ = await profile_files(runtime, [files.pdf(pages=2)])
    assert run.status == "failed"
    assert "2 pages, above the 1 page limit" in run.error_message
    assert "change this limit in Settings" in run.error_message
    runtime.settings.import_limits.max_file_mb = 0
    run, _ = await profile_files(runtime, [files.text()])
    assert "above the 0 MB limit" in run.error_message


async def test_original_deleted_after_import(runtime, files):
    path = files.pdf()
    run, workflow = await profile_files(runtime, [path])
    path.unlink()
    assert (await load_profile(runtime.db, runtime.user_id))["name"] == "Jane Doe"
    run, workflow = await profile_files(runtime, [])
    assert run.status == "succeeded" and workflow.result.profile["name"] == "Jane Doe"
    assert len(workflow.result.documents) == 1
    # Even the stored copy gone: the text kept at import still rebuilds the profile.
    for copy in stored_files(runtime):
        copy.unlink()
    run, workflow = await profile_files(runtime, [])
    assert run.status == "succeeded" and workflow.result.profile["skills"]


async def test_no_documents_at_all(runtime):
    run, _ = await profile_files(runtime, [])
    assert run.status == "failed" and "There is no CV to profile yet" in run.error_message


async def test_every_run_is_a_row(runtime, files):
    await profile_files(runtime, [files.text()])
    await profile_files(runtime, [])
    async with runtime.db.session() as session:
        kinds = (await session.scalars(select(Run.kind))).all()
    assert kinds == ["profiling", "profiling"]


async def _only_document(runtime) -> Document:
    async with runtime.db.session() as session:
        return (await session.scalars(select(Document))).one()
