from app.sources import dedupe, make_posting
from app.sources.dedupe import normalize_company, normalize_location, normalize_title


def test_company_rule():
    assert normalize_company("Acme, Inc.") == normalize_company("ACME GmbH") == "acme"
    assert normalize_company("Zürich & Co. AG") == "zurich"
    assert normalize_company("Stark Industries") == "stark industries"


def test_title_rule():
    assert normalize_title("Sr. Backend Engineer (m/w/d)") == "senior backend engineer"
    assert normalize_title("Senior Backend Engineer (Remote)") == "senior backend engineer"
    assert normalize_title("Senior Backend Engineer - Remote, US") == "senior backend engineer"
    assert normalize_title("Software Engineer (Python)") == "software engineer python"
    assert normalize_title("Senior Engineer") != normalize_title("Engineer")


def test_location_rule():
    assert normalize_location("Berlin, Germany", None) == "berlin"
    assert normalize_location("Berlin (Hybrid)", "hybrid") == "berlin"
    assert normalize_location("Remote - EU", "remote") == "remote eu"  # the region is kept
    assert normalize_location("New York, NY / San Francisco", None) == "new york ny"


def _p(source, ident, title, company, location, posted=None, desc=""):
    return make_posting(source=source, external_id=ident, title=title, company=company,
                        location=location, posted_at=posted, description=desc)  # fmt: skip


def test_same_job_on_two_boards_is_shown_once():
    aggregator = _p("remotive:all", "r1", "Backend Engineer", "Acme Inc", "Berlin, Germany",
                    "2024-02-01")  # fmt: skip
    own_board = _p("greenhouse:acme", "g1", "Backend Engineer (m/f/d)", "ACME", "Berlin",
                   "2024-01-01")  # fmt: skip
    other = _p("greenhouse:acme", "g2", "Frontend Engineer", "ACME", "Berlin")
    result = dedupe([aggregator, own_board, other])
    assert result.duplicates == 1
    assert [p.external_id for p in result.unique] == ["g1", "g2"]  # the employer's board wins
    assert len(result.groups[own_board.group_key]) == 2


def test_repost_newest_shown_and_repeated_ids_dropped():
    old = _p("lever:acme", "a", "Data Engineer", "Acme", "London", "2024-01-01")
    new = _p("lever:acme", "b", "Data Engineer", "Acme", "London, UK", "2024-03-01")
    again = _p("lever:acme", "a", "Data Engineer", "Acme", "London", "2024-01-01")
    result = dedupe([old, new, again])
    assert result.repeated_ids == 1
    assert result.duplicates == 1
    assert [p.external_id for p in result.unique] == ["b"]


def test_without_company_nothing_is_merged():
    a = _p("rss:https://x/feed", "1", "Engineer", None, "Remote")
    b = _p("rss:https://x/feed", "2", "Engineer", None, "Remote")
    assert a.group_key != b.group_key
    assert len(dedupe([a, b]).unique) == 2
