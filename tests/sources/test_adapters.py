"""Each adapter against the fake boards' real response shapes."""

import csv
import json
import os
import time
from datetime import UTC, datetime

import pytest

from app.sources import (
    FetchContext,
    Fetcher,
    SourceFetchError,
    SourceSpec,
    arbeitnow,
    fetch_posting_from_url,
    get_adapter,
    lever,
    parse_spec,
    posting_from_text,
    remotive,
    smartrecruiters,
)
from tests.fakes.job_boards import FakeJob


def _job(**over):
    base = dict(
        id="7-1",
        title="Senior Python Engineer",
        company="Acme",
        location="Berlin, Germany",
        city="Berlin",
        country="Germany",
        remote="hybrid",
        employment="full_time",
        department="Engineering",
        description_html=(
            "<h2>About</h2><p>Fish &amp; chips</p><h3>You</h3><ul><li>Python</li><li>SQL</li></ul>"
        ),
        posted=datetime(2026, 10, 1, 12, 0, tzinfo=UTC),
        salary=(90000.0, 110000.0, "EUR", "year"),
    )
    base.update(over)
    return FakeJob(**base)


async def _fetch(client, policy, spec, cache_dir=None):
    ctx = FetchContext(fetcher=Fetcher(client, policy), cache_dir=cache_dir)
    return await get_adapter(spec.kind).fetch(ctx, spec)


@pytest.mark.asyncio
async def test_greenhouse(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "acme", [_job()])
    spec = SourceSpec("greenhouse", "acme", base_url=job_boards.base_url)
    [p] = await _fetch(client, fast_policy, spec)
    assert p.source == "greenhouse:acme"
    assert p.external_id == "11000001"
    assert p.title == "Senior Python Engineer"
    assert p.company == "Acme"
    assert p.location == "Berlin, Germany"
    assert p.remote == "hybrid"  # from the "Workplace Type" custom field
    assert p.department == "Engineering"
    # Entity-escaped, and "&amp;" double-escaped: clean text with structure.
    assert p.description == "About\n\nFish & chips\n\nYou\n\n- Python\n- SQL"
    assert p.posted_at == datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
    assert p.url.endswith("/acme/jobs/7-1")
    assert job_boards.requests[0][0] == "/v1/boards/acme/jobs?content=true"


@pytest.mark.asyncio
async def test_lever_pages_with_skip_and_limit(job_boards, client, fast_policy):
    jobs = job_boards.add_board("lever", "acme", 250)
    spec = SourceSpec("lever", "acme", base_url=job_boards.base_url)
    postings = await _fetch(client, fast_policy, spec)
    assert len(postings) == 250
    assert len({p.external_id for p in postings}) == 250
    paths = [p for p, _ in job_boards.requests]
    assert paths == [
        "/v0/postings/acme?mode=json&skip=0&limit=100",
        "/v0/postings/acme?mode=json&skip=100&limit=100",
        "/v0/postings/acme?mode=json&skip=200&limit=100",
    ]
    first, fake = postings[0], jobs[0]
    assert first.title == fake.title
    assert first.remote == fake.remote
    assert first.employment_type == fake.employment
    assert first.posted_at == fake.posted
    if fake.salary:
        assert (first.salary_min, first.salary_max, first.salary_currency) == fake.salary[:3]
        assert first.salary_interval == "year"
    assert "What you bring\n- " in first.description  # the lists[] section kept as a list
    assert first.description.endswith("We are an equal opportunity employer.")


@pytest.mark.asyncio
async def test_lever_stops_when_server_ignores_skip(job_boards, client, fast_policy):
    page = [{"id": f"x{i}", "text": "Job"} for i in range(lever.PAGE_SIZE)]
    job_boards.set_raw("/v0/postings/loop", page)
    spec = SourceSpec("lever", "loop", base_url=job_boards.base_url)
    postings = await _fetch(client, fast_policy, spec)
    assert len(postings) == 100
    assert job_boards.count("/v0/postings/loop") == 2


@pytest.mark.asyncio
async def test_ashby(job_boards, client, fast_policy):
    job_boards.add_board("ashby", "acme", [_job(remote="onsite", employment="contract")])
    spec = SourceSpec("ashby", "acme", base_url=job_boards.base_url, name="Acme Corp")
    [p] = await _fetch(client, fast_policy, spec)
    assert p.company == "Acme Corp"
    assert p.remote == "onsite"
    assert p.employment_type == "contract"
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_interval) == (
        90000, 110000, "EUR", "year")  # fmt: skip
    assert "- Python" in p.description
    assert job_boards.requests[0][0] == "/posting-api/job-board/acme?includeCompensation=true"


@pytest.mark.asyncio
async def test_ashby_skips_unlisted(job_boards, client, fast_policy):
    job_boards.set_raw(
        "/posting-api/job-board/hidden",
        {"jobs": [{"id": "1", "title": "Shown", "isListed": True},
                  {"id": "2", "title": "Hidden", "isListed": False}]},
    )  # fmt: skip
    spec = SourceSpec("ashby", "hidden", base_url=job_boards.base_url)
    assert [p.title for p in await _fetch(client, fast_policy, spec)] == ["Shown"]


@pytest.mark.asyncio
async def test_smartrecruiters_pages_and_fetches_details(job_boards, client, fast_policy):
    job_boards.add_board("smartrecruiters", "acme", 150)
    spec = SourceSpec("smartrecruiters", "acme", base_url=job_boards.base_url)
    postings = await _fetch(client, fast_policy, spec)
    assert len(postings) == 150
    assert job_boards.count("/v1/companies/acme/postings?") == 2
    assert job_boards.count("/v1/companies/acme/postings/sr-") == 150
    p = postings[0]
    assert p.description.startswith("Company Description\n\nAcme builds things.")
    assert "Qualifications" in p.description
    assert p.extra == {"experience_level": "Mid-Senior Level"}
    assert p.url.endswith(f"/acme/{p.external_id}")


@pytest.mark.asyncio
async def test_smartrecruiters_detail_failure_keeps_posting(job_boards, client, fast_policy):
    from tests.fakes.job_boards import Fault

    job_boards.add_board("smartrecruiters", "acme", 3)
    job_boards.add_fault("/v1/companies/acme/postings/sr-", Fault.error(404), times=1)
    spec = SourceSpec("smartrecruiters", "acme", base_url=job_boards.base_url)
    postings = await _fetch(client, fast_policy, spec)
    assert len(postings) == 3
    assert sum(1 for p in postings if not p.description) == 1
    assert smartrecruiters.PAGE_SIZE == 100


@pytest.mark.asyncio
async def test_remotive_is_cached_on_disk(job_boards, client, fast_policy, tmp_path):
    job_boards.add_board("remotive", "all", 4)
    spec = parse_spec("remotive:", base_url=job_boards.base_url)
    first = await _fetch(client, fast_policy, spec, cache_dir=tmp_path)
    again = await _fetch(client, fast_policy, spec, cache_dir=tmp_path)
    assert len(first) == len(again) == 4
    assert job_boards.count("/api/remote-jobs") == 1  # the second read came from the cache
    assert all(p.remote == "remote" for p in first)
    assert {p.company for p in first} <= {
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries",
        "Wayne Enterprises", "Soylent", "Tyrell", "Cyberdyne"}  # fmt: skip

    # Older than the TTL: fetched again.
    [cached] = list((tmp_path / "remotive").glob("*.json"))
    old = time.time() - remotive.CACHE_TTL - 60
    os.utime(cached, (old, old))
    await _fetch(client, fast_policy, spec, cache_dir=tmp_path)
    assert job_boards.count("/api/remote-jobs") == 2

    # Expired and the refresh fails: the stale copy is used, not nothing.
    os.utime(cached, (old, old))
    from tests.fakes.job_boards import Fault

    job_boards.add_fault("/api/remote-jobs", Fault.error(503), times=5)
    stale = await _fetch(client, fast_policy, spec, cache_dir=tmp_path)
    assert len(stale) == 4


@pytest.mark.asyncio
async def test_remotive_search_is_a_query_parameter(job_boards, client, fast_policy, tmp_path):
    job_boards.add_board("remotive", "all", 30)
    spec = parse_spec("remotive:search=data", base_url=job_boards.base_url)
    postings = await _fetch(client, fast_policy, spec, cache_dir=tmp_path)
    assert postings and all("data" in p.title.lower() for p in postings)
    assert job_boards.requests[0][0] == "/api/remote-jobs?search=data"


@pytest.mark.asyncio
async def test_arbeitnow_follows_links_next(job_boards, client, fast_policy):
    job_boards.arbeitnow_page_size = 10
    job_boards.add_board("arbeitnow", "all", 25)
    spec = parse_spec("arbeitnow:", base_url=job_boards.base_url)
    postings = await _fetch(client, fast_policy, spec)
    assert len(postings) == 25
    assert job_boards.count("/api/job-board-api") == 3
    assert arbeitnow.MAX_PAGES >= 3
    assert all(p.posted_at.tzinfo is UTC for p in postings)


@pytest.mark.asyncio
@pytest.mark.parametrize("ext", ["rss", "atom"])
async def test_feeds(job_boards, client, fast_policy, ext):
    job_boards.add_board("rss", "jobs", [_job(), _job(id="7-2", title="Data Engineer")])
    spec = parse_spec(f"rss:{job_boards.base_url}/feeds/jobs.{ext}")
    postings = await _fetch(client, fast_policy, spec)
    assert [p.title for p in postings] == ["Senior Python Engineer", "Data Engineer"]
    assert postings[0].company == "Acme"
    assert postings[0].posted_at == datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
    assert "Fish & chips" in postings[0].description


@pytest.mark.asyncio
async def test_feed_that_is_not_a_feed(job_boards, client, fast_policy):
    job_boards.set_raw("/feeds/bad.rss", b"just some text", content_type="text/plain")
    spec = parse_spec(f"rss:{job_boards.base_url}/feeds/bad.rss")
    with pytest.raises(SourceFetchError, match="not an RSS or Atom feed"):
        await _fetch(client, fast_policy, spec)


JOBSPY_COLUMNS = [
    "id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted",
    "job_type", "salary_source", "interval", "min_amount", "max_amount", "currency",
    "is_remote", "job_level", "job_function", "listing_type", "emails", "description",
    "company_industry", "company_url",
]  # fmt: skip


@pytest.mark.asyncio
async def test_jobspy_csv(tmp_path, client, fast_policy):
    path = tmp_path / "jobs.csv"
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=JOBSPY_COLUMNS)
        writer.writeheader()
        writer.writerow({
            "id": "in-abc123", "site": "indeed", "job_url": "https://indeed.example/abc",
            "job_url_direct": "https://acme.example/careers/1", "title": "Data Engineer",
            "company": "Acme", "location": "Austin, TX, US", "date_posted": "2026-10-05",
            "job_type": "fulltime", "salary_source": "direct_data", "interval": "yearly",
            "min_amount": "95000.0", "max_amount": "120000.0", "currency": "USD",
            "is_remote": "False", "description": "**About**\n\n* Spark\n* SQL \\- daily",
        })  # fmt: skip
        writer.writerow({"id": "li-2", "site": "linkedin", "title": "Analyst", "company": "Beta",
                         "min_amount": "nan", "is_remote": "True"})  # fmt: skip
    spec = parse_spec(f"file:{path}")
    a, b = await _fetch(client, fast_policy, spec)
    assert a.external_id == "in-abc123"
    assert a.url == "https://indeed.example/abc"
    assert a.employment_type == "full_time"
    assert (a.salary_min, a.salary_max, a.salary_currency, a.salary_interval) == (
        95000, 120000, "USD", "year")  # fmt: skip
    assert a.remote is None
    assert a.posted_at == datetime(2026, 10, 5, tzinfo=UTC)
    assert a.description == "About\n\n- Spark\n- SQL - daily"
    assert a.extra["site"] == "indeed"
    assert b.remote == "remote"
    assert b.salary_min is None


@pytest.mark.asyncio
async def test_json_file_and_errors(tmp_path, client, fast_policy):
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps({"jobs": [
        {"title": "Backend Dev", "company": {"name": "Gamma"}, "url": "https://g.example/1",
         "salary": "€60,000 - €70,000 per year", "description": "<p>Go &amp; Rust</p>"},
        {"no_title": True},
    ]}))  # fmt: skip
    spec = parse_spec(f"file:{path}")
    [p] = await _fetch(client, fast_policy, spec)
    assert (p.company, p.salary_min, p.salary_currency) == ("Gamma", 60000, "EUR")
    assert p.description == "Go & Rust"
    [again] = await _fetch(client, fast_policy, spec)
    assert again.external_id == p.external_id  # stable ids without an id column

    with pytest.raises(SourceFetchError, match="file not found"):
        await _fetch(client, fast_policy, parse_spec(f"file:{tmp_path / 'missing.csv'}"))
    broken = tmp_path / "broken.json"
    broken.write_text("[{")
    with pytest.raises(SourceFetchError, match="malformed JSON"):
        await _fetch(client, fast_policy, parse_spec(f"file:{broken}"))


@pytest.mark.asyncio
@pytest.mark.parametrize("graph", [False, True])
async def test_jsonld_page(job_boards, client, graph):
    job_boards.add_board("jsonld", "acme", [_job(), _job(id="7-3", remote="remote")])
    url = f"{job_boards.base_url}/jobs/acme/7-1.html" + ("?graph=1" if graph else "")
    p = await fetch_posting_from_url(client, url)
    assert p.title == "Senior Python Engineer"
    assert p.company == "Acme"
    assert p.location == "Berlin, Germany"
    assert p.employment_type == "full_time"
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_interval) == (
        90000, 110000, "EUR", "year")  # fmt: skip
    assert p.external_id == f"{job_boards.base_url.split('//')[1]}:7-1"
    remote = await fetch_posting_from_url(client, f"{job_boards.base_url}/jobs/acme/7-3.html")
    assert remote.remote == "remote"
    assert remote.location == "Germany"


@pytest.mark.asyncio
async def test_page_without_jsonld(job_boards, client):
    job_boards.set_raw("/plain.html", b"<html><body>Hi</body></html>", content_type="text/html")
    with pytest.raises(SourceFetchError, match=r"no schema\.org JobPosting"):
        await fetch_posting_from_url(client, f"{job_boards.base_url}/plain.html")


def test_pasted_text():
    text = (
        "Staff Data Engineer\nCompany: Delta Labs\nLocation: Amsterdam (Hybrid)\n"
        "Salary: €80,000 – €95,000 per year\n\nYou will build pipelines in Spark."
    )
    p = posting_from_text(text)
    assert (p.title, p.company, p.location, p.remote) == (
        "Staff Data Engineer", "Delta Labs", "Amsterdam (Hybrid)", "hybrid")  # fmt: skip
    assert (p.salary_min, p.salary_max, p.salary_currency) == (80000, 95000, "EUR")
    assert p.source == "pasted"
    assert posting_from_text(text).external_id == p.external_id
    with pytest.raises(ValueError, match="empty"):
        posting_from_text("  \n ")


@pytest.mark.asyncio
async def test_fake_server_prerender_for_benchmarks(job_boards, client, fast_policy):
    job_boards.add_board("greenhouse", "big", 300)
    job_boards.add_board("lever", "big", 250)
    job_boards.prerender()
    assert job_boards.request_count == 0 and job_boards.requests == []
    for kind in ("greenhouse", "lever"):
        postings = await _fetch(
            client, fast_policy, SourceSpec(kind, "big", base_url=job_boards.base_url)
        )
        assert len(postings) in (300, 250)
    assert job_boards.request_count == 4


def test_jsonld_in_a_list_with_escaped_description():
    from app.sources.single import job_postings_in_html, posting_from_jsonld

    page = """<html><head><script type="application/ld+json">
    [{"@type": "Organization", "name": "Acme"},
     {"@context": "https://schema.org", "@type": ["JobPosting"], "title": "QA Engineer",
      "description": "&lt;p&gt;Test &amp;amp; ship&lt;/p&gt;",
      "hiringOrganization": "Acme", "jobLocationType": "TELECOMMUTE",
      "baseSalary": {"currency": "GBP", "value": {"value": 40, "unitText": "HOUR"}}}]
    </script></head></html>"""
    [node] = job_postings_in_html(page)
    p = posting_from_jsonld(node, url="https://acme.example/jobs/qa")
    assert (p.title, p.company, p.remote, p.location) == ("QA Engineer", "Acme", "remote", "Remote")
    assert p.description == "Test & ship"
    assert (p.salary_min, p.salary_currency, p.salary_interval) == (40, "GBP", "hour")
