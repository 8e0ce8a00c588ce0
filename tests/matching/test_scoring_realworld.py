"""Seniority, years and skills on postings outside software: nursing, accounting, retail."""

import pytest

from app.matching import SCORER_VERSION, MatchProfile, Scorer
from app.matching.features import level_from_title, years_required
from app.sources import make_posting


def _posting(ident, title, description):
    return make_posting(source="file:x", external_id=ident, title=title, company="Firm",
                        description=description)  # fmt: skip


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Staff Nurse - Band 5", None), ("Staff Accountant II", 2), ("Staff Pharmacist", None),
        ("Staff Software Engineer, Payments", 4), ("Staff Data Scientist", 4),
        ("Staff Product Designer", 4), ("Chief of Staff", 5), ("Staffing Coordinator", None),
        ("Lead Teacher", 4),
    ],
)  # fmt: skip
def test_staff_is_a_lead_level_only_on_engineering_ladders(title, level):
    assert level_from_title(title) == level


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Applicants must be 21 years or older. No prior experience needed.", None),
        ("You will care for children aged 3 to 11 years on a busy ward.", None),
        ("Must be at least 18 years of age; 1 year of retail experience preferred.", 1),
        ("Our family business has served the city for 40 years and we value experience.", None),
        ("Minimum 2 years' bookkeeping experience.", 2),
        ("Experience: 4+ years in payroll.", 4),
        ("3 years as a care assistant or similar.", 3),
        ("You have 5+ years of hands-on accounting experience.", 5),
    ],
)  # fmt: skip
def test_only_years_of_experience_count(text, years):
    assert years_required(text) == years


def test_an_age_limit_is_not_read_as_years_asked(taxonomy):
    profile = MatchProfile(seniority="junior", years_experience=1)
    p = _posting("1", "Store Assistant", "Must be 18 years or older. No experience necessary.")
    why = Scorer(profile, taxonomy).score(p).reasons["seniority"]
    assert "years" not in why and why == "The title states no seniority."


def _bookkeeper(**over):
    fields = dict(
        skills={"sql": "SQL", "python": "Python"},
        titles=["Accountant"],
        text="Accountant: month-end close, ledgers, reconciliations and VAT returns.",
    )
    fields.update(over)
    return MatchProfile.build(**fields)


def test_a_posting_with_no_known_skills_does_not_beat_a_known_mismatch(taxonomy):
    scorer = Scorer(_bookkeeper(), taxonomy)
    unknown = _posting("1", "Verpleegkundige", "Zorg voor patiënten op de afdeling.")
    mismatch = _posting("2", "Staff Accountant", "Month-end close with Java and React.")
    u, m = scorer.score(unknown), scorer.score(mismatch)
    assert u.reasons["points"]["skills"] == 0.0
    assert m.reasons["points"]["skills"] == 0.0
    assert u.score < m.score
    assert u.reasons["skills"] == ("The posting names no skills we recognise, so this part "
                                   "follows how well its title and text match yours.")  # fmt: skip


def test_a_posting_with_no_known_skills_leans_on_title_and_text(taxonomy):
    scorer = Scorer(_bookkeeper(), taxonomy)
    close = _posting("1", "Boekhouder / Accountant", "Month-end close and reconciliations; "
                     "ledgers and VAT returns for our clients.")  # fmt: skip
    far = _posting("2", "Boekhouder", "Administratie bijhouden voor onze klanten.")
    near, away = scorer.score(close).reasons["points"], scorer.score(far).reasons["points"]
    assert near["skills"] > 10 > away["skills"]
    # The part follows the other two: the mean of the title and text fractions.
    expected = 35 * (near["title"] / 20 + near["text"] / 15) / 2
    assert near["skills"] == pytest.approx(expected, abs=0.15)


def test_scores_changed_so_the_version_moved():
    assert SCORER_VERSION != "1.0.0"


def test_pay_with_only_a_start_says_so():
    from app.matching.components import salary_fit
    from app.matching.profile import Preferences
    from app.sources.models import Posting

    prefs = Preferences(salary_floor=30000, salary_currency="GBP")

    def posting(low, high):  # type: ignore[no-untyped-def]
        return Posting(source="file:x", external_id="1", title="Clerk", salary_min=low,
                       salary_max=high, salary_currency="GBP", salary_interval="year")  # fmt: skip

    assert salary_fit(prefs, posting(32000, None))[1].startswith("Pays from 32,000 GBP a year")
    assert salary_fit(prefs, posting(25000, None))[1].startswith("Starts at 25,000 GBP a year")
    assert salary_fit(prefs, posting(None, 35000))[1].startswith("Pays up to 35,000 GBP a year")
