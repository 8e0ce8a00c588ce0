import pytest

from app.matching.components import title_words
from app.matching.features import extract_features, level_from_title, years_required
from app.matching.relevance import DocTerms, Query, relevance
from app.sources import make_posting


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Software Engineering Intern", 0), ("Werkstudent Data (m/w/d)", 0),
        ("Junior Developer", 1), ("Graduate Analyst", 1), ("Engineer I", 1),
        ("Engineer II", 2), ("Backend Engineer", None), ("Senior Engineer", 3),
        ("Sr. Data Scientist", 3), ("Staff Engineer", 4), ("Tech Lead, Payments", 4),
        ("Principal Engineer", 5), ("Head of Data", 5), ("Director of Engineering", 5),
    ],
)  # fmt: skip
def test_level_from_title(title, level):
    assert level_from_title(title) == level


def test_level_from_smartrecruiters_label():
    assert level_from_title("Backend Engineer", "Mid-Senior Level") == 3
    assert level_from_title("Backend Engineer", "Entry Level") == 1


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("You have 3+ years of professional experience.", 3),
        ("5-7 years experience in backend development", 5),
        ("At least 4 years of hands-on experience; ideally 6+ years experience", 4),
        ("Founded 10 years ago, we serve 2 million users.", None),
        ("Mindestens 3 Jahre Berufserfahrung", None),
    ],
)
def test_years_required(text, years):
    assert years_required(text) == years


def test_title_words_fold_synonyms_and_drop_team():
    assert title_words("Senior Python Developer, Payments") == {"python", "engineer"}
    assert title_words("Backend Engineer (m/w/d)") == {"backend", "engineer"}
    assert title_words("Front-End Developer - Remote") == {"frontend", "engineer"}
    assert title_words("Full Stack Engineer") == title_words("Fullstack Developer")


def test_relevance_is_bounded_and_explained():
    q = Query.from_text("Payments payments billing Kubernetes operators", extra_terms=["Python"])
    doc = DocTerms.from_text("We run billing and payments on Kubernetes with Python.")
    score, shared = relevance(q, doc)
    assert 0 < score <= 1
    assert shared[0] == "payment"
    assert relevance(q, DocTerms.from_text("")) == (0.0, [])


def test_extract_features_with_fake_taxonomy(taxonomy):
    p = make_posting(source="x:y", external_id=1, title="Python Engineer",
                     description="Django and k8s. 4+ years of experience.")  # fmt: skip
    f = extract_features(p, taxonomy)
    assert f.skills == {"python": "Python", "django": "Django", "kubernetes": "Kubernetes"}
    assert f.title_skills == {"python"}
    assert f.years == 4
    assert f.level is None


def test_with_the_shipped_taxonomy():
    """The real taxonomy, when the profiling package has it (built in parallel)."""
    taxonomy_module = pytest.importorskip("app.profiling.taxonomy")
    from app.matching import MatchProfile, Scorer

    tax = taxonomy_module.load_taxonomy()
    text = "Senior backend engineer: Python, Django, PostgreSQL, Docker, Kubernetes on AWS."
    skills = {m.skill.id: m.skill.name for m in tax.find_skills(text)}
    assert {"Python", "Django", "PostgreSQL"} <= set(skills.values())
    profile = MatchProfile.build(skills=skills, wanted_titles=["Software Engineer"], text=text)
    p = make_posting(
        source="x:y",
        external_id=1,
        title="Senior Software Engineer",
        location="Berlin",
        description="We use Python, Django and PostgreSQL.",
    )
    result = Scorer(profile, tax).score(p)
    assert set(result.reasons["matched_skills"]) >= {"Python", "Django", "PostgreSQL"}
    assert result.score >= 60
