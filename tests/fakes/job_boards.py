"""A loopback HTTP server that speaks the job boards' real response shapes, with faults.

Use it as a pytest fixture (``job_boards``) or as a context manager anywhere else
(benchmarks)::

    with JobBoardServer() as server:
        server.add_board("greenhouse", "acme", 10_000)
        spec = SourceSpec("greenhouse", "acme", base_url=server.base_url)

Routes (one server plays every host; give ``server.base_url`` as each spec's base URL):
    greenhouse       GET /v1/boards/{token}/jobs?content=true
    lever            GET /v0/postings/{site}?mode=json&skip=N&limit=M
    ashby            GET /posting-api/job-board/{name}?includeCompensation=true
    smartrecruiters  GET /v1/companies/{id}/postings?limit&offset, .../postings/{postingId}
    remotive         GET /api/remote-jobs[?search=&category=]   (board id "all")
    arbeitnow        GET /api/job-board-api[?page=N]            (board id "all")
    rss / atom       GET /feeds/{name}.rss, /feeds/{name}.atom
    JSON-LD page     GET /jobs/{name}/{job id}.html  (board kind "jsonld")

Faults are queued per path prefix with ``add_fault`` and consumed one per request:
429 with Retry-After, any status, a slow reply, malformed JSON, an HTML page, a huge body
(with or without Content-Length), a dropped connection. Unknown boards answer 404; a
board of 0 postings is an empty board. The server counts requests, TCP connections and
the most requests in flight at once.
"""

from __future__ import annotations

import html
import json
import random
import socket
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# ------------------------------------------------------------------ generated postings

_TITLES = [
    ("Senior Python Engineer", "Engineering"), ("Backend Engineer", "Engineering"),
    ("Data Scientist", "Data"), ("Frontend Developer (React)", "Engineering"),
    ("DevOps Engineer", "Infrastructure"), ("Product Manager", "Product"),
    ("Junior Software Engineer", "Engineering"), ("Staff Machine Learning Engineer", "AI"),
    ("Site Reliability Engineer", "Infrastructure"), ("Data Engineer", "Data"),
    ("Engineering Manager", "Engineering"), ("QA Automation Engineer", "Quality"),
]  # fmt: skip
_PLACES = [
    ("Berlin, Germany", "Berlin", "Germany", "hybrid"),
    ("London, United Kingdom", "London", "United Kingdom", "onsite"),
    ("New York, NY", "New York", "United States", "onsite"),
    ("San Francisco, CA", "San Francisco", "United States", "hybrid"),
    ("Remote - Europe", "", "Europe", "remote"),
    ("Remote - US", "", "United States", "remote"),
    ("Amsterdam, Netherlands", "Amsterdam", "Netherlands", "hybrid"),
]
_SENTENCES = [
    "You will design and build services in Python and PostgreSQL that serve millions of users.",
    "We work with Docker, Kubernetes and Terraform on AWS, and ship several times a day.",
    "Experience with FastAPI or Django, REST APIs and asynchronous programming is a plus.",
    "You care about testing, code review and clear written communication.",
    "Our data platform runs on Spark, Airflow and dbt; SQL is our common language.",
    "You will mentor engineers, plan the roadmap with product and own delivery.",
    "Familiarity with React, TypeScript and modern CSS helps you work across the stack.",
    "We train and deploy machine learning models with PyTorch and scikit-learn.",
    "On call is shared fairly, with a follow-the-sun rotation and good runbooks.",
    "We value kindness, curiosity and ownership; we are an equal opportunity employer.",
    "Benefits include learning budget, flexible hours, 30 days of paid leave & a pension plan.",
    "You have 3+ years of professional experience building production software.",
]
_EMPLOYMENT = ["full_time", "full_time", "full_time", "part_time", "contract", "internship"]


@dataclass(slots=True)
class FakeJob:
    """One posting in source-neutral form; each route renders it in its own shape."""

    id: str
    title: str
    company: str
    location: str
    city: str
    country: str
    remote: str  # "remote" | "hybrid" | "onsite"
    employment: str  # "full_time" | "part_time" | "contract" | "internship"
    department: str
    description_html: str
    posted: datetime
    salary: tuple[float, float, str, str] | None = None  # (min, max, currency, interval)
    tags: list[str] = field(default_factory=list)


_TEAMS = ["Payments", "Search", "Platform", "Growth", "Identity", "Billing", "Checkout",
          "Messaging", "Maps", "Ads", "Risk", "Core", "Mobile", "Insights", "Security",
          "Storage", "Compute", "Networking", "Onboarding", "Catalog"]  # fmt: skip
AGGREGATOR_COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries",
                        "Wayne Enterprises", "Soylent", "Tyrell", "Cyberdyne"]  # fmt: skip


def make_jobs(
    n: int,
    *,
    company: str | list[str] = "Acme",
    seed: int = 0,
    description_sentences: int = 8,
) -> list[FakeJob]:
    """``n`` deterministic postings; about 20 µs each, so 20,000 take well under a second.

    Titles combine 12 roles with 20 teams ("Backend Engineer, Payments") and 7 places, so a
    big board has some postings that are the same job by the dedupe rule, as real ones do.
    ``company`` may be a list (aggregators): each posting takes one at random.
    """
    rng = random.Random(seed)
    companies = [company] if isinstance(company, str) else list(company)
    base = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    jobs = []
    for i in range(n):
        title, dept = _TITLES[rng.randrange(len(_TITLES))]
        title = f"{title}, {_TEAMS[rng.randrange(len(_TEAMS))]}"
        loc, city, country, mode = _PLACES[rng.randrange(len(_PLACES))]
        picked = rng.sample(_SENTENCES, min(description_sentences, len(_SENTENCES)))
        items = "".join(f"<li>{html.escape(s)}</li>" for s in picked[2:])
        desc = (
            f"<h2>About the role</h2><p>{html.escape(picked[0])}</p>"
            f"<p>{html.escape(picked[1])}</p><h3>What you bring</h3><ul>{items}</ul>"
        )
        salary = None
        if rng.random() < 0.6:
            low = rng.randrange(50, 140) * 1000
            salary = (float(low), float(low + rng.randrange(10, 40) * 1000), "USD", "year")
        jobs.append(
            FakeJob(
                id=f"{seed}-{i}",
                title=title,
                company=companies[rng.randrange(len(companies))],
                location=loc,
                city=city,
                country=country,
                remote=mode,
                employment=_EMPLOYMENT[rng.randrange(len(_EMPLOYMENT))],
                department=dept,
                description_html=desc,
                posted=base - timedelta(hours=rng.randrange(0, 24 * 60)),
                salary=salary,
                tags=[dept.lower()],
            )
        )
    return jobs


# ------------------------------------------------------------------ renderers (real shapes)


def _iso(dt: datetime) -> str:
    return dt.isoformat()


def _plain(desc_html: str) -> str:
    import re

    return html.unescape(re.sub(r"<[^>]+>", " ", desc_html)).strip()


def _numeric_id(ident: str) -> int | str:
    """Greenhouse ids are integers; generated ids ("seed-n") map onto distinct ints."""
    seed, _, n = ident.partition("-")
    if seed.isdigit() and n.isdigit():
        return 4_000_000 + int(seed) * 1_000_000 + int(n)
    return ident


def greenhouse_job(job: FakeJob, base: str, token: str) -> dict[str, Any]:
    return {
        "id": _numeric_id(job.id),
        "internal_job_id": 1000,
        "title": job.title,
        "updated_at": _iso(job.posted.astimezone(UTC) + timedelta(days=1)),
        "requisition_id": f"R-{job.id}",
        "location": {"name": job.location},
        "absolute_url": f"{base}/{token}/jobs/{job.id}",
        "language": "en",
        "metadata": [
            {
                "id": 1,
                "name": "Workplace Type",
                "value": job.remote.title(),
                "value_type": "single_select",
            }
        ],
        "data_compliance": [{"type": "gdpr", "requires_consent": False}],
        # Greenhouse escapes the HTML once more: "&amp;" inside becomes "&amp;amp;".
        "content": html.escape(job.description_html, quote=True),
        "departments": [{"id": 7, "name": job.department, "child_ids": [], "parent_id": None}],
        "offices": [{"id": 9, "name": job.city or job.location, "location": job.location}],
        "first_published": _iso(job.posted),
        "company_name": job.company,
    }


_LEVER_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}
_LEVER_COMMITMENT = {"full_time": "Full-time", "part_time": "Part-time", "contract": "Contract",
                     "internship": "Intern"}  # fmt: skip


def lever_job(job: FakeJob, base: str, site: str) -> dict[str, Any]:
    desc = job.description_html.split("<h3>")[0]
    items = ""
    if "<ul>" in job.description_html:
        items = job.description_html.split("<ul>")[1].split("</ul>")[0]
    out = {
        "id": f"lever-{job.id}",
        "text": job.title,
        "hostedUrl": f"{base}/{site}/lever-{job.id}",
        "applyUrl": f"{base}/{site}/lever-{job.id}/apply",
        "categories": {
            "location": job.location,
            "commitment": _LEVER_COMMITMENT[job.employment],
            "team": job.department,
            "department": job.department,
            "allLocations": [job.location],
        },
        "workplaceType": _LEVER_WORKPLACE[job.remote],
        "createdAt": int(job.posted.timestamp() * 1000),
        "country": "DE",
        "descriptionPlain": _plain(desc),
        "description": desc,
        "lists": [{"text": "What you bring", "content": items}],
        "additionalPlain": "We are an equal opportunity employer.",
        "additional": "<div>We are an equal opportunity employer.</div>",
    }
    if job.salary:
        lo, hi, cur, interval = job.salary
        out["salaryRange"] = {
            "min": lo,
            "max": hi,
            "currency": cur,
            "interval": f"per-{interval}-salary",
        }
    return out


_ASHBY_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}
_ASHBY_EMPLOYMENT = {"full_time": "FullTime", "part_time": "PartTime", "contract": "Contract",
                     "internship": "Intern"}  # fmt: skip


def ashby_job(job: FakeJob, base: str, name: str) -> dict[str, Any]:
    comp: dict[str, Any] = {"compensationTierSummary": None, "summaryComponents": []}
    if job.salary:
        lo, hi, cur, interval = job.salary
        comp = {
            "compensationTierSummary": f"${lo / 1000:.0f}K – ${hi / 1000:.0f}K • Offers Equity",
            "scrapeableCompensationSalarySummary": f"${lo / 1000:.0f}K - ${hi / 1000:.0f}K",
            "summaryComponents": [
                {"compensationType": "Salary", "interval": f"1 {interval.upper()}",
                 "currencyCode": cur, "minValue": lo, "maxValue": hi},
                {"compensationType": "EquityPercentage", "interval": "NONE",
                 "currencyCode": None, "minValue": 0.1, "maxValue": 0.2},
            ],
        }  # fmt: skip
    return {
        "id": f"ashby-{job.id}",
        "title": job.title,
        "location": job.location,
        "secondaryLocations": [],
        "department": job.department,
        "team": job.department,
        "isListed": True,
        "isRemote": job.remote == "remote",
        "workplaceType": _ASHBY_WORKPLACE[job.remote],
        "employmentType": _ASHBY_EMPLOYMENT[job.employment],
        "descriptionHtml": job.description_html,
        "descriptionPlain": _plain(job.description_html),
        "publishedAt": job.posted.isoformat(timespec="milliseconds"),
        "jobUrl": f"{base}/{name}/ashby-{job.id}",
        "applyUrl": f"{base}/{name}/ashby-{job.id}/application",
        "address": {"postalAddress": {"addressLocality": job.city, "addressCountry": job.country}},
        "compensation": comp,
    }


_SR_EMPLOYMENT = {"full_time": "Full-time", "part_time": "Part-time", "contract": "Contract",
                  "internship": "Internship"}  # fmt: skip


def smartrecruiters_item(job: FakeJob, base: str, company_id: str) -> dict[str, Any]:
    return {
        "id": f"sr-{job.id}",
        "name": job.title,
        "uuid": f"uuid-{job.id}",
        "refNumber": f"REF{job.id}",
        "company": {"identifier": company_id, "name": job.company},
        "releasedDate": job.posted.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "location": {
            "city": job.city or None,
            "region": None,
            "country": job.country,
            "remote": job.remote == "remote",
            "hybrid": job.remote == "hybrid",
            "fullLocation": job.location,
        },
        "industry": {"id": "it", "label": "Information Technology"},
        "department": {"id": "d1", "label": job.department},
        "function": {"id": "f1", "label": job.department},
        "typeOfEmployment": {"id": job.employment, "label": _SR_EMPLOYMENT[job.employment]},
        "experienceLevel": {"id": "mid_senior_level", "label": "Mid-Senior Level"},
        "customField": [],
        "ref": f"{base}/v1/companies/{company_id}/postings/sr-{job.id}",
        "creator": {"name": "Recruiter"},
        "language": {"code": "en", "label": "English"},
    }


def smartrecruiters_detail(job: FakeJob, base: str, company_id: str) -> dict[str, Any]:
    item = smartrecruiters_item(job, base, company_id)
    first, _, rest = job.description_html.partition("<h3>")
    company = f"<p>{job.company} builds things.</p>"
    item.update(
        {
            "active": True,
            "postingUrl": f"{base}/{company_id}/sr-{job.id}",
            "applyUrl": f"{base}/{company_id}/sr-{job.id}?oga=true",
            "jobAd": {
                "sections": {
                    "companyDescription": {"title": "Company Description", "text": company},
                    "jobDescription": {"title": "Job Description", "text": first},
                    "qualifications": {"title": "Qualifications",
                                       "text": "<h3>" + rest if rest else ""},
                    "additionalInformation": {"title": "Additional Information",
                                              "text": "<p>Equal opportunity.</p>"},
                }
            },
        }
    )  # fmt: skip
    return item


def remotive_job(job: FakeJob, base: str) -> dict[str, Any]:
    salary = ""
    if job.salary:
        salary = f"${job.salary[0] / 1000:.0f}k - ${job.salary[1] / 1000:.0f}k"
    return {
        "id": abs(hash(job.id)) % 10_000_000,
        "url": f"{base}/remote-jobs/software-dev/{job.id}",
        "title": job.title,
        "company_name": job.company,
        "company_logo": f"{base}/logo/{job.id}.png",
        "category": "Software Development",
        "tags": job.tags,
        "job_type": job.employment,
        "publication_date": job.posted.strftime("%Y-%m-%dT%H:%M:%S"),
        "candidate_required_location": job.country if job.remote == "remote" else "Worldwide",
        "salary": salary,
        "description": job.description_html,
    }


def arbeitnow_job(job: FakeJob, base: str) -> dict[str, Any]:
    return {
        "slug": f"{job.title.lower().replace(' ', '-')}-{job.id}",
        "company_name": job.company,
        "title": job.title,
        "description": job.description_html,
        "remote": job.remote == "remote",
        "url": f"{base}/jobs/companies/{job.company.lower()}/{job.id}",
        "tags": job.tags,
        "job_types": [job.employment.replace("_", " ")],
        "location": job.city or job.country,
        "created_at": int(job.posted.timestamp()),
    }


def rss_feed(jobs: list[FakeJob], base: str, name: str) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(j.title)}</title><link>{base}/feeds/{name}/{j.id}</link>"
        f'<guid isPermaLink="false">rss-{j.id}</guid><author>{html.escape(j.company)}</author>'
        f"<pubDate>{format_datetime(j.posted)}</pubDate>"
        f"<description>{html.escape(j.description_html)}</description></item>"
        for j in jobs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(name)} jobs</title><link>{base}</link><description>Jobs</description>"
        f"{items}</channel></rss>"
    ).encode()


def atom_feed(jobs: list[FakeJob], base: str, name: str) -> bytes:
    entries = "".join(
        f"<entry><title>{html.escape(j.title)}</title><id>urn:job:{j.id}</id>"
        f'<link href="{base}/feeds/{name}/{j.id}"/><updated>{j.posted.isoformat()}</updated>'
        f"<author><name>{html.escape(j.company)}</name></author>"
        f'<content type="html">{html.escape(j.description_html)}</content></entry>'
        for j in jobs
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(name)}</title><id>urn:feed:{name}</id>"
        f"<updated>2026-11-01T00:00:00Z</updated>{entries}</feed>"
    ).encode()


def jsonld_page(job: FakeJob, base: str, *, graph: bool = False) -> bytes:
    node: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": job.description_html,
        "identifier": {"@type": "PropertyValue", "name": job.company, "value": job.id},
        "datePosted": job.posted.date().isoformat(),
        "employmentType": job.employment.upper(),
        "hiringOrganization": {"@type": "Organization", "name": job.company},
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": job.city,
                        "addressCountry": job.country},
        },
    }  # fmt: skip
    if job.remote == "remote":
        node["jobLocationType"] = "TELECOMMUTE"
        node.pop("jobLocation")
        node["applicantLocationRequirements"] = {"@type": "Country", "name": job.country}
    if job.salary:
        lo, hi, cur, interval = job.salary
        node["baseSalary"] = {
            "@type": "MonetaryAmount", "currency": cur,
            "value": {"@type": "QuantitativeValue", "minValue": lo, "maxValue": hi,
                      "unitText": interval.upper()},
        }  # fmt: skip
    data: Any = node
    if graph:
        page = {"@type": "WebPage", "name": job.title}
        data = {"@context": "https://schema.org", "@graph": [page, node]}
    return (
        f"<!doctype html><html><head><title>{html.escape(job.title)}</title>"
        '<script type="application/ld+json">'
        f"{json.dumps(data)}</script></head><body><h1>{html.escape(job.title)}</h1></body></html>"
    ).encode()


# ------------------------------------------------------------------ faults


@dataclass(slots=True)
class Fault:
    """What to do instead of (or before) the normal reply. Build with the class methods."""

    kind: str
    status: int = 500
    retry_after: str | None = None
    delay: float = 0.0
    size: int = 0
    declare_length: bool = True
    body: bytes = b""

    @classmethod
    def rate_limited(cls, retry_after: str | float | None = "1") -> Fault:
        header = None if retry_after is None else str(retry_after)
        return cls("status", status=429, retry_after=header)

    @classmethod
    def error(cls, status: int = 500, body: bytes = b'{"error": "internal"}') -> Fault:
        return cls("status", status=status, body=body)

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        return cls("slow", delay=seconds)

    @classmethod
    def malformed_json(cls) -> Fault:
        return cls("raw", status=200, body=b'{"jobs": [{"id": 1, "title": "Broken",')

    @classmethod
    def html_page(cls) -> Fault:
        return cls(
            "html",
            status=200,
            body=b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
            b"<body>Checking your browser</body></html>",
        )

    @classmethod
    def huge(cls, size: int = 50 * 1024 * 1024, *, declare_length: bool = True) -> Fault:
        return cls("huge", size=size, declare_length=declare_length)

    @classmethod
    def drop(cls) -> Fault:
        return cls("drop")


# ------------------------------------------------------------------ the server


@dataclass(slots=True)
class _Board:
    kind: str
    id: str
    jobs: list[FakeJob]
    cache: dict[Any, bytes] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse can be counted
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, delayed ACKs add
        # ~40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.owner._count_connection()

    def do_GET(self) -> None:
        owner = self.server.owner
        owner._enter(self)
        try:
            owner._handle(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            owner._leave()

    def send_body(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow reply must not hold up shutdown
    owner: JobBoardServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the client gave up (timeouts and size limits under test)
        super().handle_error(request, client_address)


class JobBoardServer:
    """The fake job boards on 127.0.0.1 (port chosen by the OS).

    Attributes:
        base_url: "http://127.0.0.1:PORT", to pass as each spec's base URL.
        request_count, connection_count, max_in_flight: counters (thread-safe).
        requests: (path with query, User-Agent) of every request, in order.
    """

    def __init__(self) -> None:
        self._boards: dict[tuple[str, str], _Board] = {}
        self._faults: dict[str, list[Fault]] = defaultdict(list)
        self._raw: dict[str, tuple[int, bytes, str]] = {}
        self._lock = threading.Lock()
        self.request_count = 0
        self.connection_count = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests: list[tuple[str, str]] = []
        self.arbeitnow_page_size = 100
        self._httpd: _Server | None = None
        self._base_url = ""
        self._thread: threading.Thread | None = None

    # ---- lifecycle
    def start(self) -> JobBoardServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        host, port = self._httpd.server_address[:2]
        self._base_url = f"http://{host}:{port}"  # kept after stop for late slow replies
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},  # shutdown() waits up to one poll interval
            name="fake-job-boards",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> JobBoardServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._base_url, "server not started"
        return self._base_url

    # ---- content
    def add_board(
        self,
        kind: str,
        board_id: str,
        jobs: int | list[FakeJob] = 5,
        *,
        company: str | None = None,
        seed: int | None = None,
        description_sentences: int = 8,
    ) -> list[FakeJob]:
        """Serve a board of ``jobs`` (a count to generate, or explicit ``FakeJob``s).

        ``kind`` is a source kind, or "jsonld" for pages at /jobs/{board_id}/{job id}.html.
        """
        if isinstance(jobs, int):
            default: str | list[str] = board_id.replace("-", " ").title()
            if kind in ("remotive", "arbeitnow", "rss"):
                default = AGGREGATOR_COMPANIES
            jobs = make_jobs(
                jobs,
                company=company or default,
                seed=seed if seed is not None else abs(hash((kind, board_id))) % 100_000,
                description_sentences=description_sentences,
            )
        with self._lock:
            self._boards[(kind, board_id)] = _Board(kind, board_id, list(jobs))
        return list(jobs)

    def set_raw(
        self,
        path: str,
        body: bytes | str | Any,
        *,
        status: int = 200,
        content_type: str = "application/json",
    ) -> None:
        """Serve exactly ``body`` at ``path`` (query ignored); dicts/lists are JSON-encoded."""
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        self._raw[path] = (status, body, content_type)

    def add_fault(self, path_prefix: str, fault: Fault, times: int = 1) -> None:
        """Answer the next ``times`` requests whose path starts with ``path_prefix`` with
        ``fault`` (faults for one prefix are used in the order added)."""
        with self._lock:
            self._faults[path_prefix].extend([fault] * times)

    def prerender(self) -> None:
        """Render every board's bodies now (as the adapters will ask for them), so that a
        benchmark does not time the fake server's JSON encoding."""
        import urllib.request

        with self._lock:
            boards = list(self._boards.values())
        for board in boards:
            paths = {
                "greenhouse": [f"/v1/boards/{board.id}/jobs?content=true"],
                "ashby": [f"/posting-api/job-board/{board.id}?includeCompensation=true"],
                "remotive": ["/api/remote-jobs"],
                "lever": [
                    f"/v0/postings/{board.id}?mode=json&skip={skip}&limit=100"
                    for skip in range(0, max(len(board.jobs), 1), 100)
                ],
            }.get(board.kind, [])
            for path in paths:
                with urllib.request.urlopen(self.base_url + path) as resp:
                    resp.read()
        with self._lock:
            self.requests.clear()
            self.request_count = self.connection_count = self.max_in_flight = 0

    def count(self, path_prefix: str) -> int:
        """Requests whose path (with query) started with ``path_prefix``."""
        return sum(1 for p, _ in self.requests if p.startswith(path_prefix))

    # ---- internals
    def _count_connection(self) -> None:
        with self._lock:
            self.connection_count += 1

    def _enter(self, h: _Handler) -> None:
        with self._lock:
            self.request_count += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.requests.append((h.path, h.headers.get("User-Agent", "")))

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for prefix, queue in self._faults.items():
                if queue and path.startswith(prefix):
                    return queue.pop(0)
        return None

    def _handle(self, h: _Handler) -> None:
        parts = urlsplit(h.path)
        path = parts.path
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        fault = self._take_fault(h.path)
        if fault is not None and self._apply_fault(h, fault):
            return
        if path in self._raw:
            status, body, ctype = self._raw[path]
            h.send_body(status, body, ctype)
            return
        routed = self._route(path, query)
        if routed is None:
            h.send_body(404, b'{"status": 404, "error": "Not found"}', "application/json")
            return
        status, body, ctype = routed
        h.send_body(status, body, ctype)

    def _apply_fault(self, h: _Handler, fault: Fault) -> bool:
        """Send the fault; False when the normal reply should follow (slow)."""
        if fault.kind == "slow":
            time.sleep(fault.delay)
            return False
        if fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
            h.send_body(fault.status, fault.body, "application/json", headers)
        elif fault.kind == "raw":
            h.send_body(fault.status, fault.body, "application/json")
        elif fault.kind == "html":
            h.send_body(fault.status, fault.body, "text/html; charset=utf-8")
        elif fault.kind == "huge":
            self._send_huge(h, fault)
        elif fault.kind == "drop":
            h.close_connection = True
            h.connection.shutdown(2)
        return True

    @staticmethod
    def _send_huge(h: _Handler, fault: Fault) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        if fault.declare_length:
            h.send_header("Content-Length", str(fault.size))
        else:
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()
        chunk = b'{"jobs": [' + b" " * (1024 * 1024 - 10)
        sent = 0
        while sent < fault.size:
            piece = chunk[: fault.size - sent]
            h.wfile.write(piece)
            sent += len(piece)
        h.close_connection = True

    def _board(self, kind: str, board_id: str) -> _Board | None:
        with self._lock:
            return self._boards.get((kind, board_id))

    def _cached(self, board: _Board, key: Any, build: Any) -> bytes:
        body = board.cache.get(key)
        if body is None:
            body = board.cache[key] = build()
        return body

    def _route(self, path: str, q: dict[str, str]) -> tuple[int, bytes, str] | None:
        base = self.base_url
        seg = [s for s in path.split("/") if s]
        js = "application/json"
        # Greenhouse
        if len(seg) == 4 and seg[:2] == ["v1", "boards"] and seg[3] == "jobs":
            board = self._board("greenhouse", seg[2])
            if board is None:
                return None
            body = self._cached(
                board,
                ("gh", q.get("content")),
                lambda: json.dumps(
                    {
                        "jobs": [greenhouse_job(j, base, board.id) for j in board.jobs],
                        "meta": {"total": len(board.jobs)},
                    }
                ).encode(),
            )
            return 200, body, js
        # Lever
        if len(seg) == 3 and seg[:2] == ["v0", "postings"]:
            board = self._board("lever", seg[2])
            if board is None:
                return None
            skip, limit = int(q.get("skip", 0)), int(q.get("limit", 0) or len(board.jobs) or 1)
            body = self._cached(
                board,
                ("lv", skip, limit),
                lambda: json.dumps(
                    [lever_job(j, base, board.id) for j in board.jobs[skip : skip + limit]]
                ).encode(),
            )
            return 200, body, js
        # Ashby
        if len(seg) == 3 and seg[:2] == ["posting-api", "job-board"]:
            board = self._board("ashby", seg[2])
            if board is None:
                return None
            body = self._cached(
                board,
                ("ab",),
                lambda: json.dumps(
                    {"apiVersion": "1", "jobs": [ashby_job(j, base, board.id) for j in board.jobs]}
                ).encode(),
            )
            return 200, body, js
        # SmartRecruiters
        if len(seg) in (4, 5) and seg[:2] == ["v1", "companies"] and seg[3] == "postings":
            board = self._board("smartrecruiters", seg[2])
            if board is None:
                return None
            if len(seg) == 5:
                job = next((j for j in board.jobs if f"sr-{j.id}" == seg[4]), None)
                if job is None:
                    return None
                return 200, json.dumps(smartrecruiters_detail(job, base, board.id)).encode(), js
            offset, limit = int(q.get("offset", 0)), int(q.get("limit", 10))
            page = board.jobs[offset : offset + limit]
            return (
                200,
                json.dumps(
                    {
                        "offset": offset,
                        "limit": limit,
                        "totalFound": len(board.jobs),
                        "content": [smartrecruiters_item(j, base, board.id) for j in page],
                    }
                ).encode(),
                js,
            )
        # Remotive
        if path == "/api/remote-jobs":
            board = self._board("remotive", "all")
            if board is None:
                return None
            term = (q.get("search") or "").lower()
            jobs = [j for j in board.jobs if term in j.title.lower()] if term else board.jobs
            body = self._cached(
                board,
                ("rm", term),
                lambda: json.dumps(
                    {
                        "0-legal-notice": "Remotive API Legal Notice: link back to Remotive.",
                        "job-count": len(jobs),
                        "jobs": [remotive_job(j, base) for j in jobs],
                    }
                ).encode(),
            )
            return 200, body, js
        # Arbeitnow
        if path == "/api/job-board-api":
            board = self._board("arbeitnow", "all")
            if board is None:
                return None
            size = self.arbeitnow_page_size
            page_no = max(1, int(q.get("page", 1)))
            page = board.jobs[(page_no - 1) * size : page_no * size]
            last = max(1, -(-len(board.jobs) // size))
            nxt = f"{base}/api/job-board-api?page={page_no + 1}" if page_no < last else None
            return (
                200,
                json.dumps(
                    {
                        "data": [arbeitnow_job(j, base) for j in page],
                        "links": {
                            "first": f"{base}/api/job-board-api?page=1",
                            "last": f"{base}/api/job-board-api?page={last}",
                            "prev": None
                            if page_no == 1
                            else f"{base}/api/job-board-api?page={page_no - 1}",
                            "next": nxt,
                        },
                        "meta": {
                            "current_page": page_no,
                            "per_page": size,
                            "terms": "terms",
                            "info": "info",
                        },
                    }
                ).encode(),
                js,
            )
        # RSS / Atom
        if len(seg) == 2 and seg[0] == "feeds" and seg[1].endswith((".rss", ".atom")):
            name, _, ext = seg[1].rpartition(".")
            board = self._board("rss", name)
            if board is None:
                return None
            if ext == "rss":
                return 200, rss_feed(board.jobs, base, name), "application/rss+xml"
            return 200, atom_feed(board.jobs, base, name), "application/atom+xml"
        # JSON-LD pages
        if len(seg) == 3 and seg[0] == "jobs" and seg[2].endswith(".html"):
            board = self._board("jsonld", seg[1])
            job_id = seg[2][: -len(".html")]
            job = next((j for j in board.jobs if j.id == job_id), None) if board else None
            if job is None:
                return None
            page = jsonld_page(job, base, graph=q.get("graph") == "1")
            return 200, page, "text/html; charset=utf-8"
        return None


def main(argv: list[str] | None = None) -> None:
    """Serve boards from a separate process (so a benchmark's event loop does not share
    the GIL with the server): ``python -m tests.fakes.job_boards greenhouse:acme:10000 ...``
    prints the base URL on the first line and serves until stdin closes."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    server = JobBoardServer().start()
    for arg in args:
        kind, board_id, count = arg.split(":")
        server.add_board(kind, board_id, int(count))
    server.prerender()
    print(server.base_url, flush=True)
    try:
        sys.stdin.read()
    finally:
        server.stop()


def _make_fixture() -> Any:
    try:
        import pytest
    except ImportError:  # benchmarks use the class directly
        return None

    @pytest.fixture
    def job_boards() -> Any:
        """A started ``JobBoardServer``, stopped after the test."""
        with JobBoardServer() as server:
            yield server

    return job_boards


job_boards = _make_fixture()


if __name__ == "__main__":
    main()
