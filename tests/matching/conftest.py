import pytest

from app.matching import FeatureCache, MatchProfile
from tests.matching.fake_taxonomy import FakeTaxonomy


@pytest.fixture
def taxonomy() -> FakeTaxonomy:
    return FakeTaxonomy()


@pytest.fixture
def cache() -> FeatureCache:
    return FeatureCache()


@pytest.fixture
def profile() -> MatchProfile:
    """A senior Python backend engineer in Berlin who wants remote or hybrid work."""
    return MatchProfile.build(
        skills={
            "python": "Python",
            "django": "Django",
            "postgresql": "PostgreSQL",
            "docker": "Docker",
            "aws": "AWS",
        },
        titles=["Senior Backend Engineer"],
        wanted_titles=["Python Developer"],
        years_experience=7,
        remote_modes=["remote", "hybrid"],
        locations=["Berlin", "Germany"],
        salary_floor=70000,
        salary_currency="EUR",
        text=(
            "Backend engineer building payment services in Python and Django on PostgreSQL. "
            "Designed REST APIs, event pipelines and billing systems; deployed with Docker on "
            "AWS; mentored engineers and led code reviews for the payments platform."
        ),
    )
