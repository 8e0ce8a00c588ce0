"""Skills and suggested titles, second round of realistic CVs.

Each case is a mistake seen on real CVs: an abbreviation that means something
else in another trade ("5G", "EMR", "CT"), a sector or an organisation's name
taken for a skill, a sentence with a comma or two read as a list, a tool of the
occupation the taxonomy did not know, and titles: a job from decades ago
outranking the current one, a team lead not recognised, grades ("II") and
ranks ("Vice President, Global Supply Chain") in titles, and suggestions with a
tiny score.
"""

from __future__ import annotations

import pytest

from app.profiling.taxonomy import Taxonomy, load_taxonomy
from app.profiling.titles import suggest_titles

from .taxonomy_helpers import TODAY, job, names, profile_of, skills_of


@pytest.fixture(scope="module")
def tx() -> Taxonomy:
    return load_taxonomy()


# --- An abbreviation counts only in its own field -----------------------------------------


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("• Built scheduling models for 5G and 4G radio access networks", "Pipe welding"),
        ("Platform: AWS (EC2, EMR, Athena), Snowflake", "Electronic health records"),
        ("Triage nurse in a busy ER; sepsis screening", "Employee relations"),
        ("CPC certified medical coder (AAPC), ICD-10", "Commercial driving"),
        ("Office: 200 Atlantic St, Stamford, CT 06901", "Radiography"),
        ("Relocating to Montréal, QC H2X 1Y4 in June", "Quality control"),
        ("Based in Little Rock, AR, covering the southern region", "Accounts receivable"),
    ],
)  # fmt: skip
def test_an_abbreviation_from_another_field_is_not_a_skill(tx, text, wrong):
    assert wrong not in names(tx, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coded welder: 3G and 4G plate, MIG and TIG", "Pipe welding"),
        ("Charted in the EMR; administered IV medications", "Electronic health records"),
        ("Employee relations: ER cases, grievances and TUPE", "Employee relations"),
        ("Driver CPC, HGV Class 1, tachograph", "Commercial driving"),
        ("Performed CT and MRI scans for A&E", "Radiography"),
        ("QC checks on every batch; GMP", "Quality control"),
    ],
)  # fmt: skip
def test_the_same_abbreviation_counts_in_its_own_field(tx, text, expected):
    assert expected in names(tx, text)


def test_a_web_address_is_not_a_skill(tx):
    assert names(tx, "Portfolio: jsmith.github.io · gitlab.com/jsmith") == []
    assert names(tx, "Node.js/Express, Vue.js and Salesforce.com") == [
        "Node.js", "Express.js", "Vue.js", "Salesforce"]  # fmt: skip


# --- Sectors, organisations and sentences are not skills ----------------------------------


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("• Delivered food service supplies to 30 cafés a day in a 7.5t van", "Table service"),
        ("Product Design Certificate, General Assembly — Autumn 2022", "Assembly"),
        ("MBA, Haas School of Business, 2015", "CNC machining"),
        ("• Drew roadway and drainage plans; QA/QC for a team of five", "Drain cleaning"),
        ("■ Ran a 2,400-person organisation across sales, service and operations",
         "Organisational skills"),
        ("■ Ran a 2,400-person organisation across sales, service and operations", "Sales"),
        ("Ten years across retail and financial services clients", "Financial services"),
        ("• Contextual bandit algorithms for playlist ranking", "Data structures and algorithms"),
        ("Mental Health First Aider (MHFA England), 2023", "First aid"),
    ],
)  # fmt: skip
def test_sectors_names_and_sentences_are_not_skills(tx, text, wrong):
    assert wrong not in names(tx, text)


def test_a_list_is_still_a_list(tx):
    assert names(tx, "Food service, silver service, bar work") == [
        "Table service", "Table service", "Bartending"]  # fmt: skip
    assert names(tx, "Skills: Sales, POS, customer service and stock control") == [
        "Sales", "Point of sale systems", "Customer service", "Inventory management"]  # fmt: skip
    assert "Financial services" in names(tx, "Sectors: retail, financial services, energy")


def test_nursing_and_pharmacy_tasks_are_their_own_skills(tx):
    found = names(tx, "IV admixtures • Medicines reconciliation • Omnicell • Prior auths • PTCB")
    assert found == [
        "Sterile compounding",
        "Medication reconciliation",
        "Automated dispensing systems",
        "Prior authorization",
        "CPhT",
    ]
    assert (
        names(tx, "Mental Health First Aider (MHFA England), 2023")[0] == "Mental health first aid"
    )


# --- Tools of the occupations the taxonomy lists ------------------------------------------


def test_engineering_tools_are_each_themselves(tx):
    found = names(tx, "Civil 3D, MicroStation, Revit, ETABS, STAAD.Pro, HEC-RAS, QGIS, Bluebeam")
    assert found == [
        "Civil 3D",
        "MicroStation",
        "Revit",
        "ETABS",
        "STAAD.Pro",
        "HEC-RAS",
        "GIS",
        "Bluebeam Revu",
    ]
    assert names(tx, "AutoCAD Civil 3D") == ["Civil 3D"]
    assert names(tx, "AutoCAD LT and SolidWorks") == ["AutoCAD", "SolidWorks"]
    assert names(tx, "Stormwater management and floodplain modeling for DOT clients") == [
        "Drainage design", "Hydraulic modelling"]  # fmt: skip
    # "PE" is a licence only beside engineering work, not beside a PE teacher's checks
    assert "Professional Engineer (PE)" in names(tx, "PE (Texas); Civil 3D, drainage design")
    assert "Professional Engineer (PE)" not in names(tx, "PE teacher, DBS checked, first aid")


def test_laboratory_techniques(tx):
    assert names(tx, "LC-MS/MS, GC-MS, HPLC, NMR, SDS-PAGE") == [
        "Mass spectrometry", "Mass spectrometry", "Chromatography", "Spectroscopy",
        "Gel electrophoresis"]  # fmt: skip


SCIENTIST_CV = """Dr Helena Marsh
Analytical Chemist
helena.marsh@example.com

Skills
Techniques: LC-MS/MS, Karl Fischer, TGA/DSC
Software: Chemstation/Empower, Python
"""


def test_a_slash_inside_a_short_name_does_not_split_it():
    listed = {s.name for s in profile_of(SCIENTIST_CV).skills}
    assert {
        "Mass spectrometry",
        "Karl Fischer",
        "TGA/DSC",
        "Chemstation",
        "Empower",
        "Python",
    } <= listed
    assert not {"MS", "DSC", "TGA"} & listed


# --- Titles ---------------------------------------------------------------------------------


def test_title_matching_reads_ranks_roles_and_how_a_job_is_held(tx):
    def code(title):
        occupation = tx.match_title(title)
        return occupation.code if occupation else None

    assert code("Vice President, Global Supply Chain") == "11-3071.04"
    assert code("Director of Operations — Home Care Division") == "11-1021.00"
    assert code("Head of Engineering") == "11-3021.00"
    assert code("SVP, Sales & Marketing") == "11-2022.00"
    assert code("President, Europe Beverages") == "11-1011.00"
    assert code("Customer Care Team Lead") == "43-1011.00"
    assert code("Cashier / Pharmacy Clerk") == "41-2011.00"  # the first role that is known
    assert code("Bank Clerk") == "43-3071.00"
    assert code("Pharmacy Clerk") == "43-9061.00"  # a bank clerk's "clerk" is not every clerk
    assert code("Relief Teacher") == "25-3031.00"
    assert code("Non-Executive Director") is None


EXECUTIVE_JOBS = [
    job("Chief Operating Officer", "2019", "present", "Halden Foods"),
    job("President, Europe Beverages", "2013", "2019", "Halden Foods"),
    job("Vice President, Global Supply Chain", "2009", "2013", "Marlow Brands"),
    job("Brand Manager", "1995", "1999", "Marlow Brands"),
]
EXECUTIVE_SKILLS = ("P&L responsibility, M&A integration, supply chain management, "
                    "lean manufacturing, strategic planning, change management")  # fmt: skip


def test_recent_senior_roles_outweigh_a_job_from_decades_ago(tx):
    titles = suggest_titles(EXECUTIVE_JOBS, skills_of(tx, EXECUTIVE_SKILLS), tx, today=TODAY)
    shown = [t.title for t in titles]
    assert shown[:2] == ["Chief Operating Officer", "President"]
    assert "Vice President, Global Supply Chain" in shown
    assert "Brand Manager" not in shown[:3]


def test_an_old_title_alone_is_not_a_strong_suggestion(tx):
    experience = [job("Brand Manager", "1995", "1999"), job("Partner", "1999", "present")]
    titles = suggest_titles(experience, [], tx, today=TODAY)
    assert [t.title for t in titles] == ["Brand Manager"]
    assert titles[0].score < 0.1


def test_a_grade_is_left_out_and_the_headline_offers_the_plain_occupation(tx):
    experience = [job("Senior Project Engineer", "2018", "present"),
                  job("Civil Engineer II", "2014", "2018")]  # fmt: skip
    skills = skills_of(tx, "Civil 3D, MicroStation, drainage design, HEC-RAS, structural analysis")
    titles = [
        t.title
        for t in suggest_titles(
            experience, skills, tx, today=TODAY, headline="Civil / Structural Engineer"
        )
    ]
    assert titles[:2] == ["Structural Engineer", "Civil Engineer"]
    assert "Civil Engineer II" not in titles


def test_weak_guesses_are_not_shown_but_held_titles_are(tx):
    experience = [job("Pharmacy Technician II", "2019", "present"),
                  job("Cashier / Pharmacy Clerk", "2014", "2016")]  # fmt: skip
    skills = skills_of(
        tx, "Sterile compounding, medication reconciliation, Pyxis, customer service"
    )
    titles = suggest_titles(experience, skills, tx, today=TODAY)
    # no "Bank Clerk" guess; the old cashier job is still a title the person held
    assert [t.title for t in titles] == ["Pharmacy Technician", "Cashier"]


def test_a_research_scientist_is_offered_research_titles(tx):
    skills = skills_of(tx, "Python, C++, PyTorch, JAX, reinforcement learning, machine learning, "
                           "scikit-learn, Docker")  # fmt: skip
    experience = [job("Senior Research Scientist", "2022", "present"),
                  job("Research Scientist", "2020", "2022")]  # fmt: skip
    titles = suggest_titles(experience, skills, tx, today=TODAY)
    assert titles[0].title == "Senior Research Scientist"
    assert titles[0].occupation_code == "15-1221.00"
    alone = suggest_titles([], skills, tx, today=TODAY)  # jobs not read: skills still point here
    assert alone[0].title == "Research Scientist"


CALL_CENTRE_CV = """Siobhan Kelly
siobhan.kelly@example.com | 087 123 4567

Experience
Customer Support Team Lead — Teleperformance, Dublin
Apr 2022 – Present
• Lead a team of 14 agents on phone, chat and email for a software client
• Coach new starters and run weekly call reviews

Customer Service Advisor — Electric Ireland, Cork
Sep 2018 – Mar 2022
• Handled 70+ inbound calls a day about bills and meter readings
• Logged complaints and account changes in Salesforce Service Cloud

Skills
Zendesk, Salesforce, SAP CRM, complaint handling, coaching, de-escalation
"""


def test_a_team_lead_is_suggested_and_nothing_is_invented_from_shared_skills():
    titles = [t.title for t in profile_of(CALL_CENTRE_CV).suggested_job_titles]
    assert titles[:2] == ["Customer Support Team Lead", "Customer Service Advisor"]
    assert "Sales Manager" not in titles


ENGINEER_CV = """Dana Okafor
Civil Engineer
dana.okafor@example.com

Licences
Professional Engineer (PE), Texas, 2019
Engineer in Training (EIT), 2015

Experience
Civil Engineer II — Halff Associates, Dallas, TX
Jan 2016 – Present
• Designed drainage and grading plans in Civil 3D for 30+ subdivisions
• Built HEC-RAS floodplain models and wrote drainage reports

Skills
Civil 3D, MicroStation, HEC-RAS, ArcGIS, Bluebeam
"""


def test_the_summary_names_skills_before_licences():
    profile = profile_of(ENGINEER_CV)
    key_skills = profile.profile_text.split("Key skills include ")[1].split(".")[0]
    assert key_skills.startswith("Civil 3D") or key_skills.startswith("HEC-RAS")
    assert "Engineer in Training" not in key_skills
    assert profile.suggested_job_titles[0].title == "Civil Engineer"
