from datetime import UTC, datetime

import pytest

from app.sources.dates import parse_date
from app.sources.employment_type import employment_type
from app.sources.normalize import make_posting
from app.sources.salary import Salary
from app.sources.salary_interval import annualize, normalize_interval
from app.sources.salary_text import parse_salary_text
from app.sources.text import html_to_text
from app.sources.work_arrangement import remote_from_structured, remote_from_text


class TestText:
    def test_greenhouse_double_escaped_html(self):
        raw = (
            "&lt;p&gt;Fish &amp;amp; chips&lt;/p&gt;"
            "&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;&lt;li&gt;Two&lt;/li&gt;&lt;/ul&gt;"
        )
        assert html_to_text(raw) == "Fish & chips\n\n- One\n- Two"

    def test_literal_html_keeps_structure_and_drops_scripts(self):
        raw = (
            "<div><h2>About</h2>\n  <p>We build\n things.<br>New line</p>"
            "<script>alert('x')</script><style>p{color:red}</style>"
            "<ul>\n<li><p>Python</p></li>\n<li>SQL &lt;3</li></ul>Tail</div>"
        )
        assert (
            html_to_text(raw) == "About\n\nWe build things.\nNew line\n\n- Python\n- SQL <3\n\nTail"
        )

    def test_plain_text_is_tidied_not_parsed(self):
        assert html_to_text("a < b &amp; c\r\n\r\n\r\n  d   e") == "a < b & c\n\nd e"
        assert html_to_text(None) == ""


class TestSalary:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("$120k–$150k", Salary(120000, 150000, "USD", "year")),
            ("£30,000 - £35,000 per annum", Salary(30000, 35000, "GBP", "year")),
            ("€45/hour", Salary(45, 45, "EUR", "hour")),
            ("USD 100,000-120,000", Salary(100000, 120000, "USD", "year")),
            ("100.000 € - 120.000 € brutto", Salary(100000, 120000, "EUR", "year")),
            ("$50 - $60 an hour", Salary(50, 60, "USD", "hour")),
            ("5,000 EUR monthly", Salary(5000, 5000, "EUR", "month")),
            ("£400 per day", Salary(400, 400, "GBP", "day")),
            ("€45,50 pro Stunde", Salary(45.5, 45.5, "EUR", "hour")),
            ("We raised $10M. The pay is $90k-$110k.", Salary(90000, 110000, "USD", "year")),
        ],
    )
    def test_from_text(self, text, expected):
        assert parse_salary_text(text) == expected

    @pytest.mark.parametrize(
        "text", ["401(k) match", "10+ years of Python", "We raised $10M in Series B", "$1.5M seed"]
    )
    def test_not_pay(self, text):
        assert parse_salary_text(text) is None

    def test_interval_names_from_each_source(self):
        assert normalize_interval("per-year-salary") == "year"  # Lever
        assert normalize_interval("1 HOUR") == "hour"  # Ashby
        assert normalize_interval("MONTH") == "month"  # schema.org
        assert normalize_interval("yearly") == "year"  # JobSpy
        assert annualize(50, "hour") == 104000


class TestFields:
    def test_dates(self):
        when = datetime(2024, 1, 15, 15, 0, tzinfo=UTC)
        assert parse_date(1705330800000) == when  # epoch ms (Lever)
        assert parse_date(1705330800) == when  # epoch s (Arbeitnow)
        assert parse_date("2024-01-15T10:00:00-05:00") == when  # ISO (Greenhouse)
        assert parse_date("2024-01-15T15:00:00.000Z") == when
        assert parse_date("Mon, 15 Jan 2024 16:00:00 +0100") == when  # RFC 822 (RSS)
        assert parse_date("2024-01-15T15:00:00") == when  # naive -> UTC (Remotive)
        assert parse_date("2024-01-15").tzinfo is UTC
        assert parse_date("not a date") is None
        assert parse_date(None) is None

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("on-site", "onsite"), ("OnSite", "onsite"), ("Remote", "remote"), ("hybrid", "hybrid"),
            (True, "remote"), (False, None), ("TELECOMMUTE", "remote"), ("unspecified", None),
        ],
    )  # fmt: skip
    def test_structured_workplace(self, value, expected):
        assert remote_from_structured(value) == expected

    def test_workplace_from_text(self):
        assert remote_from_text(location="Remote - US", title="x", description="") == "remote"
        assert remote_from_text(location="Berlin (Hybrid)", title="x", description="") == "hybrid"
        assert (
            remote_from_text(location="Berlin", title="Engineer (Remote)", description="")
            == "remote"
        )
        desc = "This is a hybrid role with 2 days a week in the office."
        assert remote_from_text(location="Berlin", title="x", description=desc) == "hybrid"
        assert (
            remote_from_text(location=None, title="x", description="We are remote-first.")
            == "remote"
        )
        assert (
            remote_from_text(location=None, title="x", description="This role is on-site.")
            == "onsite"
        )
        # Words about other things are not a workplace mode.
        noise = "Experience with hybrid cloud and remote servers; our on-site gym is great."
        assert remote_from_text(location="Paris", title="x", description=noise) is None
        assert remote_from_text(location=None, title="x", description="This is not remote.") is None

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("FULL_TIME", "full_time"), ("Full-time", "full_time"), ("fulltime", "full_time"),
            ("FullTime", "full_time"), (["PART_TIME"], "part_time"), ("Contract", "contract"),
            ("Intern", "internship"), ("Werkstudent", "internship"), ("temporary", "temporary"),
            ("", None), (None, None),
        ],
    )  # fmt: skip
    def test_employment_type(self, value, expected):
        assert employment_type(value) == expected


def test_make_posting_fills_hash_and_group():
    a = make_posting(
        source="greenhouse:acme",
        external_id=1,
        title="  Senior Python Engineer (Remote) ",
        company="Acme, Inc.",
        location="Remote - US",
        description_html="<p>Pay $120k–$150k.</p>",
        posted_at="2024-01-15T10:00:00Z",
    )
    assert a.title == "Senior Python Engineer (Remote)"
    assert a.remote == "remote"
    assert (a.salary_min, a.salary_max, a.salary_currency, a.salary_interval) == (
        120000,
        150000,
        "USD",
        "year",
    )
    assert a.group_key == "acme|senior python engineer|remote united states"
    assert len(a.content_hash) == 64
    # A repost elsewhere with the same content has the same hash (ids, urls, dates ignored).
    b = make_posting(
        source="lever:acme",
        external_id="x",
        url="https://example.org",
        title="Senior Python Engineer (Remote)",
        company="Acme, Inc.",
        location="Remote - US",
        description_html="<p>Pay $120k–$150k.</p>",
        posted_at="2025-01-01",
    )
    assert a.content_hash == b.content_hash
    c = make_posting(
        source="x:y",
        external_id=1,
        title="Senior Python Engineer (Remote)",
        company="Acme, Inc.",
        location="Remote - US",
        description="Other text",
    )
    assert c.content_hash != a.content_hash
    assert a.to_dict()["posted_at"] == "2024-01-15T10:00:00+00:00"
