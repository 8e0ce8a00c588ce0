"""Realistic sample data: an accountant's profile and scored jobs, for screenshots and benchmarks.

Qt-free and deterministic. ``demo_job_rows`` makes ``JobRow``s in memory (the
jobs-table benchmark); ``seed_demo`` writes a profile, jobs, scores, tracker
entries and runs into a real database (the screenshot command).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.storage.job_listing import JobRow

if TYPE_CHECKING:
    from app.runtime import Runtime

#: "Now" for the sample dates, to the hour, so they read as recent ("posted 3 days ago").
NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)

_SKILLS = [
    ("Financial reporting", "Accounting", "Prepared monthly management accounts and statutory "
     "financial statements under FRS 102 for a £48m turnover group."),
    ("IFRS", "Accounting", "Led the IFRS 16 lease transition for 40 property leases."),
    ("Month-end close", "Accounting", "Cut the month-end close from 8 to 5 working days."),
    ("VAT returns", "Tax", "Filed quarterly VAT returns through Making Tax Digital."),
    ("Payroll", "Accounting", "Ran payroll for 220 staff in Sage Payroll."),
    ("Budgeting and forecasting", "Planning", "Built the annual budget and forecast."),
    ("Reconciliations", "Accounting", "Owned balance sheet and intercompany reconciliations."),
    ("Accounts payable", "Accounting", "Supervised a team of three in purchase ledger."),
    ("Audit preparation", "Audit", "Prepared the year-end audit file; no adjustments in 2025."),
    ("Xero", "Software", "Migrated four subsidiaries from Sage 50 to Xero."),
    ("Sage 50", "Software", "Day-to-day bookkeeping in Sage 50 Accounts."),
    ("Microsoft Excel", "Software", "Advanced Excel: Power Query, pivot tables, XLOOKUP."),
    ("Power BI", "Software", "Built the board's cash-flow dashboard in Power BI."),
    ("Team leadership", "Management", "Line-managed two assistant accountants."),
]  # fmt: skip

_TITLES = [
    "Senior Accountant", "Financial Accountant", "Management Accountant", "Finance Manager",
    "Assistant Accountant", "Financial Controller", "Payroll Manager", "Tax Accountant",
    "FP&A Analyst", "Finance Business Partner", "Accounts Payable Lead", "Audit Senior",
]  # fmt: skip
_COMPANIES = [
    "Harrowgate Foods", "Calder & Wright", "Pennine Housing Trust", "Brightwater Energy",
    "Aire Valley Logistics", "Kirkstall Brewery Co", "Northern Rail Supplies", "Moorside Care",
    "Ridings Retail Group", "Wharfedale Engineering", "Yorkshire Tea Rooms", "Tetley Digital",
]  # fmt: skip
_PLACES = [
    ("Leeds, UK", "hybrid"), ("Leeds, UK", "onsite"), ("Manchester, UK", "hybrid"),
    ("York, UK", "onsite"), ("Bradford, UK", "onsite"), ("Remote - UK", "remote"),
    ("London, UK", "hybrid"), ("Harrogate, UK", "onsite"),
]  # fmt: skip
_SOURCES = ["greenhouse:pennine", "lever:brightwater", "ashby:ridings", "rss:jobs.ac.uk",
            "remotive:all", "smartrecruiters:harrowgate"]  # fmt: skip
_STATUS_WEIGHTS = [("new", 90), ("saved", 4), ("applied", 3), ("interviewing", 1),
                   ("rejected", 1), ("hidden", 1)]  # fmt: skip

_DESCRIPTION = """About the role
{company} is looking for a {title} to join our finance team in {place}. You will own \
the month-end close, prepare management accounts for the leadership team and help us \
move our reporting onto Xero and Power BI.

What you will do
- Prepare monthly management accounts and variance commentary
- Own balance sheet reconciliations and the fixed asset register
- Prepare quarterly VAT returns and support the annual audit
- Work with budget holders on the annual budget and quarterly forecasts

What you bring
- ACCA, CIMA or ACA qualified (or finalist)
- Strong Excel; experience with Xero or Sage
- Clear written communication and an eye for detail

We offer 28 days' holiday plus bank holidays, a 6% matched pension and hybrid working."""


def demo_profile() -> dict[str, Any]:
    """A realistic non-software profile: a chartered accountant in Leeds."""
    cv = {"document_id": 1, "filename": "priya-raman-cv-2026.pdf"}
    letter = {"document_id": 2, "filename": "priya-raman-cv-2023.docx"}
    return {
        "name": "Priya Raman",
        "email": "priya.raman@example.org",
        "phone": "+44 7700 900123",
        "location": "Leeds, UK",
        "headline": "ACCA-qualified Senior Accountant",
        "links": [{"kind": "linkedin", "url": "https://www.linkedin.com/in/example-priya"}],
        "profile_text": "ACCA-qualified senior accountant with nine years in manufacturing "
        "and professional services. Runs a five-day month-end close, statutory accounts "
        "under FRS 102 and IFRS, VAT and payroll, and has led two finance-system migrations.",
        "years_experience": 9,
        "skills": [
            {"name": n, "category": c, "evidence": e, "source": {**cv, "page": 1}}
            for n, c, e in _SKILLS
        ],
        "experience": [
            {"title": "Senior Accountant", "company": "Harrowgate Foods Ltd", "location": "Leeds",
             "start": "2021-04", "end": "present", "bullets": [
                 "Prepared monthly management accounts for a £48m turnover group.",
                 "Cut the month-end close from 8 to 5 working days.",
                 "Led the IFRS 16 lease transition for 40 property leases."],
             "source": {**cv, "page": 1}},
            {"title": "Assistant Accountant", "company": "Calder & Wright LLP",
             "location": "Bradford", "start": "2017-09", "end": "2021-03", "bullets": [
                 "Ran payroll for 220 staff in Sage Payroll.",
                 "Filed quarterly VAT returns through Making Tax Digital."],
             "source": {**cv, "page": 1}},
            {"title": "Accounts Assistant", "company": "Northern Rail Supplies",
             "location": "Wakefield", "start": "2015-07", "end": "2017-08",
             "bullets": ["Processed 600 purchase invoices a month in Sage 50."],
             "source": {**cv, "page": 2}},
        ],
        "education": [
            {"degree": "BSc Accounting and Finance", "institution": "University of Leeds",
             "start": "2011", "end": "2014", "details": ["Upper second-class honours"]},
        ],
        "certifications": [
            {"name": "ACCA (Association of Chartered Certified Accountants)", "date": "2019"},
            {"name": "Xero Advisor Certification", "date": "2022"},
        ],
        "languages": [{"name": "English", "level": "native"}, {"name": "Tamil", "level": "fluent"}],
        "references": {"available_on_request": True, "referees": []},
        "suggested_job_titles": [
            {"title": "Senior Accountant", "score": 0.91, "reason": "Your current title; 9 "
             "years in accounting roles.", "occupation_code": "13-2011.00", "family": "Finance"},
            {"title": "Financial Accountant", "score": 0.84, "reason": "Statutory accounts, "
             "IFRS and audit preparation in your CV.", "occupation_code": "13-2011.00",
             "family": "Finance"},
            {"title": "Management Accountant", "score": 0.78, "reason": "Management accounts, "
             "budgeting and forecasting.", "occupation_code": "13-2031.00", "family": "Finance"},
            {"title": "Finance Manager", "score": 0.61, "reason": "Team leadership and "
             "system migrations; a step up.", "occupation_code": "11-3031.01",
             "family": "Management"},
        ],
        "documents": [
            {"document_id": 1, "filename": "priya-raman-cv-2026.pdf",
             "media_type": "application/pdf", "pages": 2, "warnings": []},
            {"document_id": 2, "filename": "priya-raman-cv-2023.docx", "media_type":
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "pages": 2, "warnings": ["The header's table was read as plain lines."]},
        ],
        "warnings": [],
        "conflicts": [
            {"field": "phone", "message": "The two CVs give different phone numbers; the "
             "newer one is used.", "values": [
                 {"value": "+44 7700 900123", "source": cv},
                 {"value": "+44 7700 900456", "source": letter}]},
        ],
        "provenance": {"name": cv, "email": cv, "phone": cv, "location": cv},
    }  # fmt: skip


DEMO_PREFERENCES: dict[str, Any] = {
    "remote_modes": ["hybrid", "remote"],
    "locations": ["Leeds", "York", "Remote UK"],
    "salary_floor": 45000,
    "salary_currency": "GBP",
    "wanted_titles": ["Senior Accountant", "Financial Controller"],
    "basic_info": "Looking for a senior finance role with room to grow into a controller.",
    "onboarding": {"step": 3, "files": [], "completed": True},
}

DEMO_PERSONA = (
    "Steady, detail-minded and calm at month end; prefers teams that document their "
    "processes and value a clean close over heroics. Happiest in mid-sized companies "
    "where finance talks to operations every day."
)


def _reasons(rng: random.Random, score: float, title: str, place: str) -> dict[str, Any]:
    names = [s[0] for s in _SKILLS]
    matched = rng.sample(names, max(1, int(len(names) * score / 160)))
    missing = rng.sample(["CIMA", "SAP", "NetSuite", "Consolidations", "Treasury", "US GAAP"],
                         rng.randrange(0, 4))  # fmt: skip
    verdict = ("Strong match" if score >= 75 else "Good match" if score >= 60
               else "Partial match" if score >= 40 else "Weak match")  # fmt: skip
    return {
        "summary": f"{verdict} ({score:.0f}): {len(matched)} of {len(matched) + len(missing)} "
        "skills, title fits.",
        "matched_skills": matched,
        "missing_skills": missing,
        "title": f"“{title}” is close to a title you want (Senior Accountant).",
        "seniority": "The posting asks for 3+ years; you have 9.",
        "location": f"{place} is within your preferred places.",
        "salary": "The pay is above your floor of GBP 45,000.",
        "points": {"skills": round(35 * score / 100, 1), "title": 16.0, "seniority": 10.0,
                   "location": 12.0, "salary": 5.0, "text": 9.5},
    }  # fmt: skip


def demo_job_rows(count: int, *, seed: int = 7) -> list[JobRow]:
    """``count`` scored jobs as the jobs table shows them."""
    rng = random.Random(seed)
    statuses = [s for s, w in _STATUS_WEIGHTS for _ in range(w)]
    rows = []
    for i in range(count):
        title = rng.choice(_TITLES)
        company = rng.choice(_COMPANIES)
        place, mode = rng.choice(_PLACES)
        score = float(min(98, max(8, int(rng.gauss(52, 18)))))
        low = rng.randrange(32, 70) * 1000
        llm = float(min(99, max(5, score + rng.randrange(-12, 13)))) if rng.random() < 0.1 else None
        rows.append(JobRow(
            job_id=i + 1, group_key=f"g{i}", title=title, company=company, location=place,
            remote=mode, source=rng.choice(_SOURCES), url=f"https://jobs.example.org/{i + 1}",
            employment_type=rng.choice(["full_time", "full_time", "part_time", "contract"]),
            salary_min=float(low) if rng.random() < 0.7 else None,
            salary_max=float(low + rng.randrange(4, 15) * 1000), salary_currency="GBP",
            salary_interval="year", posted_at=NOW - timedelta(hours=rng.randrange(0, 24 * 45)),
            first_seen_at=NOW - timedelta(hours=rng.randrange(0, 24 * 10)),
            score=score, reasons=_reasons(rng, score, title, place), llm_score=llm,
            llm_reasons=({"summary": "A good fit: the role centres on the month-end close and "
                          "management accounts you run today; the Power BI work is a plus.",
                          "strengths": ["Month-end close", "Management accounts"],
                          "concerns": ["Asks for CIMA; you hold ACCA (usually accepted)."]}
                         if llm is not None else None),
            status=rng.choice(statuses),
        ))  # fmt: skip
    return rows


async def seed_demo(runtime: Runtime, *, jobs: int = 400) -> None:
    """Write the demo profile, ``jobs`` scored jobs with tracker entries, and a few runs."""
    from app.storage.models import Application, Job, Match, Run, VibeMessage
    from app.storage.profiles import save_profile, update_user

    user_id = runtime.user_id
    await save_profile(runtime.db, user_id, demo_profile())
    await update_user(runtime.db, user_id, preferences=DEMO_PREFERENCES, persona=DEMO_PERSONA)
    rows = demo_job_rows(jobs)
    async with runtime.db.session() as session:
        for row in rows:
            job = Job(
                source=row.source, external_id=str(row.job_id), url=row.url, title=row.title,
                company=row.company, location=row.location, remote=row.remote,
                salary_min=row.salary_min, salary_max=row.salary_max,
                salary_currency=row.salary_currency, salary_interval=row.salary_interval,
                description=_DESCRIPTION.format(company=row.company, title=row.title,
                                                place=row.location),
                posted_at=row.posted_at, first_seen_at=row.first_seen_at,
                content_hash=f"demo{row.job_id}", employment_type=row.employment_type,
                group_key=row.group_key,
            )  # fmt: skip
            session.add(job)
            await session.flush()
            session.add(
                Match(
                    user_id=user_id,
                    job_id=job.id,
                    score=row.score or 0,
                    reasons=row.reasons,
                    scorer="offline",
                    scorer_version="1.0.0",
                )
            )
            if row.llm_score is not None:
                session.add(
                    Match(
                        user_id=user_id,
                        job_id=job.id,
                        score=row.llm_score,
                        reasons=row.llm_reasons or {},
                        scorer="llm",
                        scorer_version="1",
                    )
                )
            if row.status != "new":
                session.add(Application(user_id=user_id, job_id=job.id, status=row.status,
                                        note="Sent CV and cover letter." if
                                        row.status == "applied" else None,
                                        history=[{"status": row.status,
                                                  "at": NOW.isoformat()}]))  # fmt: skip
        session.add_all(
            VibeMessage(user_id=user_id, role=role, content=text) for role, text in _VIBE
        )
        day = timedelta(days=1)
        session.add_all([
            Run(kind="profiling", status="succeeded", step_names=list(_PROFILING_STEPS),
                created_at=NOW - 3 * day, started_at=NOW - 3 * day,
                finished_at=NOW - 3 * day + timedelta(seconds=4.2), usage={}),
            Run(kind="profiling", status="failed", step_names=list(_PROFILING_STEPS),
                current_step="extract", created_at=NOW - 2 * day, started_at=NOW - 2 * day,
                finished_at=NOW - 2 * day + timedelta(seconds=1.3),
                error_message="“cv-scan.pdf” has no text layer (it looks scanned); OCR is not "
                "supported. Export the CV from the program that made it as a text PDF or DOCX.",
                usage={}),
            Run(kind="search", status="interrupted", step_names=list(_SEARCH_STEPS),
                current_step="score", created_at=NOW - day, started_at=NOW - day,
                finished_at=NOW - day + timedelta(seconds=12),
                error_message="The app stopped while this run was in progress."),
            Run(kind="search", status="succeeded", step_names=list(_SEARCH_STEPS),
                created_at=NOW - timedelta(hours=2), started_at=NOW - timedelta(hours=2),
                finished_at=NOW - timedelta(hours=2) + timedelta(seconds=48.7),
                warnings=["rss:jobs.ac.uk: 3 postings had no title and were skipped."],
                usage={"requests": 41, "postings": jobs}),
        ])  # fmt: skip


_VIBE = [
    ("assistant", "Think of a week at work you enjoyed. What made it good?"),
    ("user", "Year-end close last spring. Everyone knew their part, the checklist was "
     "solid, and we finished a day early without anyone staying late."),
    ("assistant", "So clear ownership and a well-run process matter to you. How do you like "
     "to get feedback: in the moment, or saved up for a one-to-one?"),
    ("user", "In the moment, if it is about a number. Bigger things in a one-to-one."),
    ("assistant", "That makes sense. Last one: what drains you at work?"),
    ("user", "Last-minute changes to a report with no reason given, and meetings that could "
     "have been an email."),
]  # fmt: skip

_PROFILING_STEPS = ("extract", "parse", "skills_and_titles", "summarize", "save")
_SEARCH_STEPS = ("plan", "fetch", "normalise", "score", "save")
