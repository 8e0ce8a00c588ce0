"""Metro areas, towns we cannot place, jobs abroad, and skills named as alternatives."""

from __future__ import annotations

import pytest

from app.matching import WEIGHTS, MatchProfile, Preferences, Scorer
from app.matching.features import extract_features, skill_alternatives
from app.matching.scorer import ABROAD_CAP, GOOD_MATCH
from app.places.locations import metro_name
from app.sources import make_posting

LEEDS = Preferences(locations=("Leeds, United Kingdom",))
DAYTON = Preferences(locations=("Dayton", "OH"))


def _posting(location, remote=None, *, title="Payroll Officer", description="Payroll."):
    return make_posting(source="file:x", external_id="1", title=title, company="Co",
                        location=location, remote=remote, description=description)  # fmt: skip


def _location(taxonomy, prefs, location, remote=None):
    reasons = Scorer(MatchProfile(preferences=prefs), taxonomy).score(
        _posting(location, remote)
    ).reasons  # fmt: skip
    return reasons["points"]["location"] / WEIGHTS["location"], reasons


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("greater leeds", "leeds"), ("leeds area", "leeds"), ("greater glasgow area", "glasgow"),
        ("boston metropolitan area", "boston"), ("greater munchen", "munich"),
        ("salt lake city", "salt lake city"), ("kansas city metro", "kansas city"),
        ("area", "area"),
    ],
)  # fmt: skip
def test_metro_names(name, city):
    assert metro_name(name) == city


@pytest.mark.parametrize(
    "location",
    ["Greater Leeds, England", "Leeds Area, United Kingdom", "Headingley, Leeds",
     "Morley, Greater Leeds", "Leeds LS1 4AP", "Leeds City Centre"],
)  # fmt: skip
def test_the_persons_metro_area_fits(taxonomy, location):
    fraction, reasons = _location(taxonomy, LEEDS, location, "hybrid")
    assert fraction == 1.0, reasons["location"]
    assert "location fits" in reasons["summary"]


def test_a_metro_area_the_person_names_takes_in_its_city(taxonomy):
    prefs = Preferences(locations=("Morley, Greater Leeds",))
    fraction, _ = _location(taxonomy, prefs, "Leeds, UK")
    assert fraction == 1.0


@pytest.mark.parametrize(
    ("prefs", "location"),
    [(LEEDS, "Wakefield, West Yorkshire, UK"), (LEEDS, "Bradford, England"),
     (DAYTON, "Kettering, OH"), (DAYTON, "Springfield, Ohio, US")],
)  # fmt: skip
def test_another_town_in_the_persons_country_is_near_unknown(taxonomy, prefs, location):
    fraction, reasons = _location(taxonomy, prefs, location, "onsite")
    assert fraction == 0.5
    assert "we cannot tell whether it is near" in reasons["location"]
    assert "location near? unknown" in reasons["summary"]


def test_another_state_does_not_fit_but_is_not_abroad(taxonomy):
    fraction, reasons = _location(taxonomy, DAYTON, "Dayton, TN", "onsite")
    assert fraction <= 0.1 and "location does not fit" in reasons["summary"]


@pytest.mark.parametrize(
    ("prefs", "location"),
    [(LEEDS, "Leeds, AL"), (LEEDS, "Toronto, Ontario, Canada"), (LEEDS, "Pune, India"),
     (DAYTON, "Dublin, Ireland"), (DAYTON, "London, ON")],
)  # fmt: skip
def test_a_job_abroad_is_clearly_out_and_capped(taxonomy, prefs, location):
    fraction, reasons = _location(taxonomy, prefs, location, "hybrid")
    assert fraction == 0.0
    assert "in another country" in reasons["location"]
    assert "location in another country" in reasons["summary"]


def test_abroad_never_reaches_good_however_well_the_rest_fits(taxonomy):
    profile = MatchProfile.build(
        skills={"python": "Python", "django": "Django", "postgresql": "PostgreSQL"},
        wanted_titles=["Python Developer"], years_experience=6, locations=["Leeds, UK"],
        text="Python developer building Django services on PostgreSQL.",
    )  # fmt: skip
    scorer = Scorer(profile, taxonomy)
    text = "Python developer building Django services on PostgreSQL."
    home = scorer.score(_posting("Leeds, UK", "onsite", title="Python Developer",
                                 description=text))  # fmt: skip
    abroad = scorer.score(_posting("Austin, TX", "onsite", title="Python Developer",
                                   description=text))  # fmt: skip
    assert home.score >= 75
    assert abroad.score == ABROAD_CAP < GOOD_MATCH
    assert abroad.reasons["summary"].startswith(f"Partial match ({ABROAD_CAP})")
    # A remote job only for people elsewhere is capped the same way.
    remote_us = scorer.score(_posting("Remote (US only)", "remote", title="Python Developer",
                                      description=text))  # fmt: skip
    assert remote_us.score <= ABROAD_CAP


def test_no_location_does_not_beat_the_persons_city_or_a_nearby_unknown(taxonomy):
    own, _ = _location(taxonomy, LEEDS, "Leeds, UK", "hybrid")
    near, _ = _location(taxonomy, LEEDS, "Harrogate, UK", "hybrid")
    nowhere, reasons = _location(taxonomy, LEEDS, None, "hybrid")
    assert own > near >= nowhere
    assert reasons["location"] == "A hybrid job with no location given."
    # With no places set, a known mode still counts.
    anywhere, _ = _location(taxonomy, Preferences(), None, "hybrid")
    assert anywhere > nowhere


# ------------------------------------------------------------------ alternatives


def _features(taxonomy, description, title="Backend Engineer"):
    return extract_features(_posting(None, title=title, description=description), taxonomy)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Strong Django / FastAPI skills.", [{"django", "fastapi"}]),
        ("You know Java or Python.", [{"java", "python"}]),
        ("Deploys with AWS, Docker or Kubernetes.", [{"aws", "docker", "kubernetes"}]),
        ("Python and/or Java.", [{"python", "java"}]),
        ("Python, Docker and AWS.", []),
        ("Python, Django/FastAPI, SQL.", [{"django", "fastapi"}]),
        # Java is required on its own, so "Java or Python" asks nothing more.
        ("Java or Python. Java is a must.", []),
    ],
)  # fmt: skip
def test_alternatives_are_read(taxonomy, text, groups):
    title = "Engineer"
    mentions = taxonomy.find_skills(f"{title}\n\n{text}")
    assert [set(g) for g in skill_alternatives(f"{title}\n\n{text}", mentions)] == groups
    requirements = _features(taxonomy, text, title).requirements
    assert [set(r) for r in requirements if isinstance(r, tuple)] == groups


def test_any_one_alternative_meets_the_requirement(taxonomy):
    profile = MatchProfile.build(skills={"fastapi": "FastAPI", "sql": "SQL"})
    scorer = Scorer(profile, taxonomy)
    posting = _posting(None, title="Engineer",
                       description="Django / FastAPI experience. SQL. Java or Kubernetes.")
    reasons = scorer.score(posting).reasons
    assert reasons["matched_skills"] == ["FastAPI", "SQL"]
    assert reasons["missing_skills"] == ["Java or Kubernetes"]
    assert reasons["skills"] == ("You have 2 of the 3 skills the posting names: FastAPI, SQL. "
                                 "Missing: Java or Kubernetes.")  # fmt: skip
    assert "2 of 3 skills" in reasons["summary"]


def test_accountancy_qualifications_are_one_requirement():
    """On the shipped taxonomy: an ACA holder meets "ACA / ACCA / CIMA qualified"."""
    from app.profiling.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    profile = MatchProfile.build(skills={"aca-icaew": "ACA (ICAEW)", "excel": "Excel"})
    posting = _posting(None, title="Finance Manager", description=(
        "About you\nCIMA / ACCA / ACA qualified, with 4+ years post-qualification.\n"
        "Advanced Excel; Xero or Sage."
    ))  # fmt: skip
    reasons = Scorer(profile, taxonomy).score(posting).reasons
    assert "ACA (ICAEW)" in reasons["matched_skills"]
    assert not any(q in m for m in reasons["missing_skills"] for q in ("ACCA", "CIMA"))
    assert reasons["missing_skills"] == ["Xero or Sage"]
