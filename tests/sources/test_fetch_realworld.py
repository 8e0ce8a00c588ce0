"""What a fetch reports besides its postings: details that failed, boards that list nothing,
servers that hang, and pages in a legacy encoding."""

from __future__ import annotations

import time

import pytest

from app.sources import FetchPolicy, SourceSpec, fetch_all, fetch_posting_from_url
from app.sources.base import is_incomplete
from app.sources.http import Body
from tests.fakes.job_boards import Fault


def spec(server, kind: str, ident: str) -> SourceSpec:
    return SourceSpec(kind, ident, base_url=server.base_url)


async def test_a_failed_detail_marks_the_posting_and_warns_with_the_count(
    job_boards, client, fast_policy
):
    jobs = job_boards.add_board("smartrecruiters", "umbrella", 3)
    broken = f"/v1/companies/umbrella/postings/sr-{jobs[1].id}"
    job_boards.add_fault(broken, Fault.error(503), times=10)

    report = await fetch_all(client, [spec(job_boards, "smartrecruiters", "umbrella")],
                             policy=fast_policy)  # fmt: skip

    [result] = report.results
    assert result.ok and len(result.postings) == 3
    by_id = {p.external_id: p for p in result.postings}
    assert is_incomplete(by_id[f"sr-{jobs[1].id}"]) and by_id[f"sr-{jobs[1].id}"].description == ""
    assert not any(is_incomplete(by_id[f"sr-{j.id}"]) for j in (jobs[0], jobs[2]))
    [(warned, message)] = report.warnings
    assert warned.key == "smartrecruiters:umbrella"
    assert message.startswith("1 of 3 posting details could not be fetched")
    assert "keep their description and pay" in message and "HTTP 503" in message


async def test_every_detail_fetched_gives_no_warning(job_boards, client, fast_policy):
    job_boards.add_board("smartrecruiters", "umbrella", 2)
    report = await fetch_all(client, [spec(job_boards, "smartrecruiters", "umbrella")],
                             policy=fast_policy)  # fmt: skip
    assert report.warnings == []
    assert not any(is_incomplete(p) for p in report.postings)


@pytest.mark.parametrize(
    ("kind", "what"), [("smartrecruiters", "company id"), ("ashby", "job board name")]
)
async def test_a_board_that_lists_nothing_asks_to_check_its_id(
    job_boards, client, fast_policy, kind, what
):
    """These APIs answer a mistyped id with an empty list, not a 404."""
    job_boards.add_board(kind, "initech-uk", [])
    report = await fetch_all(client, [spec(job_boards, kind, "initech-uk")], policy=fast_policy)
    [result] = report.results
    assert result.ok and result.postings == []
    assert report.warnings == [(result.spec, f"no postings: check the {what} 'initech-uk'")]


async def test_an_ashby_board_with_only_unlisted_postings_exists(job_boards, client, fast_policy):
    job_boards.add_board("ashby", "hooli", 2)
    job_boards.set_raw(
        "/posting-api/job-board/hooli",
        {"jobs": [{"id": "a1", "title": "Internal Auditor", "isListed": False}]},
    )
    report = await fetch_all(client, [spec(job_boards, "ashby", "hooli")], policy=fast_policy)
    assert report.postings == [] and report.warnings == []


async def test_an_empty_greenhouse_board_is_real(job_boards, client, fast_policy):
    """Greenhouse answers an unknown board with a 404, so an empty one is no typo."""
    job_boards.add_board("greenhouse", "quietco", [])
    report = await fetch_all(client, [spec(job_boards, "greenhouse", "quietco")],
                             policy=fast_policy)  # fmt: skip
    assert report.results[0].ok and report.warnings == []


async def test_a_hanging_server_fails_after_one_timeout_not_one_per_attempt(job_boards, client):
    job_boards.add_board("greenhouse", "slowco", 1)
    job_boards.add_fault("/v1/boards/slowco/jobs", Fault.slow(2.0), times=4)
    policy = FetchPolicy(read_timeout=0.3, max_attempts=4, backoff_base=0.05)
    started = time.perf_counter()
    report = await fetch_all(client, [spec(job_boards, "greenhouse", "slowco")], policy=policy)
    elapsed = time.perf_counter() - started
    [(_spec, reason)] = report.failures
    assert elapsed < 1.0  # 4 attempts would take 4 x 0.3 s plus the backoff
    assert job_boards.count("/v1/boards/slowco/jobs") == 1
    assert reason.startswith("timed out: no reply from 127.0.0.1:")
    assert "within 0.3 s (not retried: each retry would wait as long again)" in reason


def test_the_default_policy_matches_the_settings_default():
    from app.core.settings import SearchSettings

    settings = SearchSettings()
    assert FetchPolicy().read_timeout == settings.timeout_s
    assert FetchPolicy().max_attempts == settings.max_retries + 1


@pytest.mark.parametrize(
    ("content_type", "head", "charset"),
    [
        ("text/html; charset=windows-1252", "", "cp1252"),
        ("text/html; charset=ISO-8859-1", "", "cp1252"),  # Latin-1 labels mean cp1252
        ("text/html", '<meta charset="windows-1252">', "cp1252"),
        ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=latin1">',
         "cp1252"),
        ("text/html; charset=utf-8", '<meta charset="windows-1252">', "utf-8"),  # header wins
        ("text/html; charset=no-such-thing", "", None),
        ("text/html", "", None),
    ],
)  # fmt: skip
def test_the_declared_charset(content_type, head, charset):
    body = Body(f"<html><head>{head}</head></html>".encode("ascii"), content_type, "u")
    assert body.charset() == charset


def test_text_decodes_declared_and_undeclared_pages():
    words = "Buchhalter (m/w/d) für Kreditoren – 48.000 € brutto"
    legacy = words.encode("cp1252")
    assert Body(legacy, "text/html; charset=windows-1252", "u").text() == words
    assert Body(legacy, "text/html", "u").text() == words  # not UTF-8: Windows-1252
    assert Body(words.encode(), "text/html", "u").text() == words
    assert Body(b"\xef\xbb\xbf" + words.encode(), "text/html; charset=cp1252", "u").text() == words


async def test_a_page_in_windows_1252_keeps_its_accents(job_boards, client):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        '<script type="application/ld+json">{"@type": "JobPosting", '
        '"title": "Lohnbuchhalter (m/w/d) für Teilzeit", '
        '"hiringOrganization": {"name": "Bäckerei Schäfer GmbH"}, '
        '"jobLocation": {"address": {"addressLocality": "Nürnberg", "addressCountry": "DE"}}, '
        '"description": "Gehalt: 3.400 € brutto im Monat. Teilzeit, 25 Stunden."}'
        "</script></head></html>"
    ).encode("cp1252")
    job_boards.set_raw("/karriere/lohn", page, content_type="text/html")
    posting = await fetch_posting_from_url(client, f"{job_boards.base_url}/karriere/lohn")
    assert posting.title == "Lohnbuchhalter (m/w/d) für Teilzeit"
    assert (posting.company, posting.location) == ("Bäckerei Schäfer GmbH", "Nürnberg, DE")
    assert (posting.salary_min, posting.salary_currency) == (3400, "EUR")
    assert posting.employment_type == "part_time"


async def test_json_with_a_legacy_charset_is_read(job_boards, client, fast_policy):
    body = ('{"jobs": [{"id": 9, "title": "Aktuar", "company_name": "Zürich AG", '
            '"content": "&lt;p&gt;Prämien&lt;/p&gt;"}]}').encode("cp1252")  # fmt: skip
    job_boards.set_raw(
        "/v1/boards/zurich/jobs", body, content_type="application/json; charset=windows-1252"
    )
    report = await fetch_all(client, [spec(job_boards, "greenhouse", "zurich")],
                             policy=fast_policy)  # fmt: skip
    [posting] = report.postings
    assert (posting.company, posting.description) == ("Zürich AG", "Prämien")
