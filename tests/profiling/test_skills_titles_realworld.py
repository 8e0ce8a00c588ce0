"""Skill matching and suggested titles on wording seen in real CVs.

Each case is a mistake found on realistic CVs: an alias that was another
qualification, an ordinary word taken for a skill, a skill missed because of
its inflection, a title decided by the words after "to", a part-time job that
outranked the person's field.
"""

from __future__ import annotations

import pytest

from app.profiling.taxonomy import Taxonomy, load_taxonomy
from app.profiling.titles import suggest_titles

from .taxonomy_helpers import TODAY, job, names, profile_of, skills_of


@pytest.fixture(scope="module")
def tx() -> Taxonomy:
    return load_taxonomy()


# --- Qualifications are each themselves ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ICAEW Chartered Accountant, qualified 2019", ["ACA (ICAEW)"]),
        ("CIMA qualified management accountant", ["CIMA"]),
        ("Currently studying AAT Level 4", ["AAT"]),
        ("ACCA member since 2018", ["ACCA"]),
        ("Chartered Tax Adviser (CTA)", ["CTA"]),
        ("CFA Level II candidate", ["CFA"]),
        ("Progressive Care Certified Nurse (PCCN)", ["PCCN", "PCCN"]),
        ("Immediate Life Support, 2024", ["ILS"]),
    ],
)  # fmt: skip
def test_each_qualification_is_itself(tx, text, expected):
    assert names(tx, text) == expected


def test_no_accountancy_body_is_an_alias_of_another(tx):
    bodies = ["ACCA", "CIMA", "ICAEW", "AAT", "ICAS", "CIPFA", "CPA", "CMA", "CIA", "CFA"]
    owners = {tx.skill_by_name(body).id for body in bodies}
    assert len(owners) == len(bodies)
    assert tx.skill_by_name("Chartered Accountant") is None  # says no body; none is guessed


def test_a_cpa_who_is_a_person_is_not_a_qualification(tx):
    assert names(tx, "Prepared 1099s and supported the CPA at year end") == ["Tax preparation"]
    assert names(tx, "Passed the CPA exam in 2021") == ["CPA"]


# --- Ordinary words are not skills ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Fitted EV chargers and garage sockets for homeowners", "Solar PV installation"),
        ('Thesis: "Sentiment analysis of reviews with transformer models"', "High voltage systems"),
        ("Booked in deliveries; stock rotation on the chilled aisle", "Kitchen management"),
        ("Kept the staff rotas and holiday planner up to date", "Hiring and staffing"),
        ("Designed in-store POS displays, leaflets and window posters", "Point of sale systems"),
        ("Stock audits every Friday with the shift manager", "Auditing"),
        ("Measured airflow and static pressure on commissioning", "Apache Airflow"),
        ("Picked chilled orders in a cold storage warehouse", "Refrigeration"),
        ("Moved filing cabinets and archive boxes during the office move", "Cabinetry"),
        ("Washed hands with soap and water before every visit", "SOAP"),
        ("Plotted 10M data points in Matplotlib", "Low voltage systems"),
    ],
)  # fmt: skip
def test_ordinary_words_are_not_skills(tx, text, wrong):
    assert wrong not in names(tx, text)


def test_ambiguous_words_count_beside_a_related_skill(tx):
    assert "High voltage systems" in names(tx, "Installed transformers and switchgear at a depot")
    assert "EV charger installation" in names(tx, "Installed EV chargers and consumer units")
    assert "Point of sale systems" in names(tx, "Took card payments on the POS till")
    assert "Data visualization" in names(tx, "Built Power BI dashboards for the sales team")
    assert "Data visualization" not in names(tx, "Wrote Vue components for the admin dashboard")


# --- Skills that were missed ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Audited year-end accounts and prepared statutory accounts", "Auditing"),
        ("Main contact for the external auditors (Grant Thornton)", "Auditing"),
        ("Statutory reporting, month-end close and audit for the group", "Auditing"),
        ("Led budgeting and forecasting for three divisions", "Budgeting"),
        ("Led budgeting and forecasting for three divisions", "Financial forecasting"),
    ],
)
def test_inflections_and_shared_phrases_are_found(tx, text, expected):
    assert expected in names(tx, text)


def test_a_capitalised_library_name_inside_a_sentence(tx):
    text = ("• Migrated the nightly batch jobs to Apache Airflow\n"
            "• Wrote React front-end components for the booking flow")  # fmt: skip
    assert "React" in names(tx, text)
    assert "Go" in names(tx, "Built payment services in Go and PostgreSQL")
    # A sentence that starts with the word, or a name made of two capitalised words: no.
    assert names(tx, "React quickly to customer requests") == []
    assert "Ruby" not in names(tx, "Waitress at Ruby Tuesday; used Python at home")


# --- Skills extracted from a CV -------------------------------------------------------------


CV = """Amira Haddad
Primary School Teacher
amira.haddad@example.com | 07700 900321

Profile
Caring primary teacher with five years in KS1. Passionate about phonics and outdoor learning.

Experience
Year 1 Class Teacher, Brookfield Primary School, Sheffield
Sept 2021 - Present
• Phonics lead: raised the screening check pass rate from 70% to 88%
• Plan and teach the KS1 curriculum to a class of 28

Skills
• Behaviour management
• Safeguarding
• German B2
• References available on request.
"""


def test_evidence_is_a_line_that_shows_the_skill_and_holds_its_words(tx):
    p = profile_of(CV)
    phonics = next(s for s in p.skills if s.name == "Phonics")
    assert phonics.evidence.startswith("Phonics lead")  # the bullet, not the summary's claim
    assert {s.name for s in p.skills} >= {"Phonics", "Behaviour management", "Safeguarding"}
    for skill in p.skills:  # the evidence holds the words that were matched
        assert skill.id in {m.skill.id for m in tx.find_skills(skill.evidence)}, skill
    names_found = {s.name for s in p.skills}
    assert not any("References" in n or "German" in n for n in names_found)


# --- Suggested titles -----------------------------------------------------------------------


GRADUATE_SKILLS = (
    "Python, Java, Kotlin, SQL, JavaScript, React, Node.js, PyTorch, scikit-learn, pandas, Git, "
    "Docker, Linux\nBuilt churn models in Python (scikit-learn, pandas); Tableau dashboards"
)


def test_a_part_time_job_without_skills_does_not_outrank_the_field(tx):
    experience = [
        job("Machine Learning Placement", "2023-06", "2023-09", "Ocado"),
        job("Waiter (part-time)", "2020-10", "2023-05", "Zizzi"),
    ]
    titles = suggest_titles(experience, skills_of(tx, GRADUATE_SKILLS), tx, today=TODAY)
    families = [t.family for t in titles]
    assert families[:3] == ["Computer and Mathematical"] * 3  # the waiter comes after them all


def test_an_intern_title_names_a_field_and_offers_the_role(tx):
    assert tx.match_title("Data Science Intern").title == "Data Scientists"
    assert tx.match_title("Software Engineering Placement").title == "Software Developers"
    # "Plumbing Apprentice" does not make "plumbing" a title inside another one
    assert tx.match_title("Plumbing Supplies Branch Manager").code == "11-1021.00"
    experience = [job("Data Science Intern", "2024-06", "2024-09", "Sky")]
    titles = suggest_titles(experience, skills_of(tx, GRADUATE_SKILLS), tx, today=TODAY)
    assert "Data Scientist" in [t.title for t in titles]


def test_words_after_to_do_not_decide_the_occupation(tx):
    assert tx.match_title("Administrative Assistant to the Finance Director").code == "43-6014.00"
    assert tx.match_title("PA to the CEO").code == "43-6011.00"
    experience = [job("Administrative Assistant to the Finance Director", "2019-03", "present")]
    skills = skills_of(tx, "Diary management, minute taking, Microsoft Office, filing")
    titles = suggest_titles(experience, skills, tx, today=TODAY)
    assert titles[0].title == "Administrative Assistant"
    assert titles[0].family == "Office and Administrative Support"
    assert "Administrative Assistant to the Finance Director" in titles[0].reason


def test_one_occupation_offers_each_title_the_person_held(tx):
    experience = [
        job("Self-employed Plumbing & Heating Engineer", "2019", "present"),
        job("Gas Engineer", "2013-01", "2019-03", "British Gas"),
        job("Apprentice Plumber", "2009-09", "2012-12"),
    ]
    skills = skills_of(tx, "Boiler servicing, gas fitting, unvented cylinders, plumbing repairs")
    titles = [t.title for t in suggest_titles(experience, skills, tx, today=TODAY)]
    assert titles[:3] == ["Plumbing & Heating Engineer", "Gas Engineer", "Plumber"]


def test_the_headline_comes_first_and_siblings_need_skills_of_their_own(tx):
    experience = [job("Year 3 Class Teacher", "2020-09", "present", "Oakfield Primary")]
    skills = skills_of(tx, "Phonics, safeguarding, behaviour management, first aid, "
                           "assessment for learning, lesson planning")  # fmt: skip
    titles = suggest_titles(experience, skills, tx, headline="Primary School Teacher (QTS)",
                            today=TODAY)  # fmt: skip
    assert titles[0].title == "Primary School Teacher"
    assert "Preschool Teacher" not in [t.title for t in titles]


def test_reasons_read_as_sentences(tx):
    experience = [job("Senior Graphic Designer", "2021-01", "present")]
    skills = skills_of(tx, "Adobe Photoshop, Adobe Illustrator, InDesign, Figma, email marketing, "
                           "Google Analytics, social media marketing, SEO")  # fmt: skip
    headline = "Graphic Designer & Marketing Executive"
    titles = suggest_titles(experience, skills, tx, headline=headline, today=TODAY)
    by_title = {t.title: t for t in titles}
    assert "Marketing Executive" in by_title
    for title in titles:
        assert "worked as your CV" not in title.reason
        assert title.reason[0].isupper() and title.reason.endswith(".")
    assert by_title["Marketing Executive"].reason.startswith(
        "Your CV is headed “Graphic Designer & Marketing Executive”"
    )
