"""The glue's rules on their own: profile to MatchProfile, sources in Settings, counting."""

from __future__ import annotations

import pytest

from app.core.errors import UserError
from app.core.settings import Settings, SourceEntry
from app.profiling.taxonomy import load_taxonomy
from app.search.changes import compare, distinct, is_fresh
from app.search.profile import build_match_profile
from app.search.sources import add_source, enabled_specs, remove_source
from app.sources import SourceSpec, dedupe, greenhouse
from app.storage.jobs import StoredJob
from tests.fakes.job_boards import greenhouse_job, make_jobs


def test_profile_and_preferences_become_a_match_profile():
    data = {
        "skills": [
            {"name": "Python", "category": "tech", "evidence": "x"},
            {"name": "postgres", "category": "tech", "evidence": "x"},
            {"name": "Basket weaving for managers", "category": "other", "evidence": "x"},
        ],
        "experience": [{"title": "Senior Backend Engineer"}, {"title": "Developer"}, {}],
        "years_experience": 7,
        "suggested_job_titles": [{"title": "Backend Engineer", "score": 0.9}, "Python Developer",
                                 {"title": "Data Engineer"}, {"title": "DBA"}],
        "location": "Berlin, Germany",
        "profile_text": "Builds payment services.",
        "preferences": {"remote_modes": ["remote", "On-Site", "moon"], "salary_floor": "70000",
                        "salary_currency": "eur", "seniority": "Senior"},
        "profile_version": 3,
    }  # fmt: skip
    built = build_match_profile(data, load_taxonomy())
    p = built.profile
    assert set(p.skills.values()) >= {"Python", "PostgreSQL"} and len(p.skills) == 2
    assert built.unknown_skills == ("Basket weaving for managers",)
    assert "Basket weaving for managers" in p.text and "Builds payment services." in p.text
    assert p.titles == ("Senior Backend Engineer", "Developer")
    assert p.wanted_titles == ("Backend Engineer", "Python Developer", "Data Engineer")
    assert p.years_experience == 7 and p.seniority == "senior"
    assert p.preferences.remote_modes == frozenset({"remote", "onsite"})
    # none preferred: the profile's location, one place (not "Berlin" or anywhere in Germany)
    assert p.preferences.locations == ("Berlin, Germany",)
    assert (p.preferences.salary_floor, p.preferences.salary_currency) == (70000.0, "EUR")
    assert built.version == 3 and not built.empty

    data["preferences"] |= {"wanted_titles": ["Staff Engineer"], "locations": ["Remote EU"],
                            "seniority": "guru", "salary_floor": "lots"}  # fmt: skip
    again = build_match_profile(data, load_taxonomy())
    assert again.profile.wanted_titles == ("Staff Engineer",)
    assert again.profile.preferences.locations == ("Remote EU",)
    assert again.profile.seniority is None and again.profile.preferences.salary_floor is None
    assert again.profile.fingerprint() != p.fingerprint()


def test_an_empty_profile_is_usable():
    built = build_match_profile({"preferences": {"remote_modes": ["remote"]}}, load_taxonomy())
    assert built.empty and built.profile.skills == {} and built.version is None
    assert built.profile.preferences.remote_modes == frozenset({"remote"})
    assert build_match_profile({}, load_taxonomy()).empty


def test_sources_in_settings(tmp_path):
    settings = Settings()
    add_source(settings, "Greenhouse:acme", name="Acme")
    add_source(settings, "remotive:")
    assert [(e.kind, e.id, e.name) for e in settings.sources] == [
        ("greenhouse", "acme", "Acme"), ("remotive", "all", None)]
    with pytest.raises(UserError, match="already in your list"):
        add_source(settings, "remotive:all")
    settings.sources.append(SourceEntry(kind="greenhouse", id="bad id"))
    settings.sources.append(SourceEntry(kind="lever", id="off", enabled=False))
    specs, problems = enabled_specs(settings)
    assert [s.key for s in specs] == ["greenhouse:acme", "remotive:all"]
    assert len(problems) == 1 and "greenhouse:bad id" in problems[0]
    assert remove_source(settings, "GREENHOUSE:acme").id == "acme"
    assert remove_source(settings, "1").kind == "remotive"
    with pytest.raises(UserError, match="No source 'x'"):
        remove_source(settings, "x")


async def test_distinct_counts_like_dedupe():
    spec = SourceSpec("greenhouse", "acme")
    postings = [greenhouse.posting(greenhouse_job(j, "http://x", "acme"), spec)
                for j in make_jobs(3000, seed=4)]  # fmt: skip
    postings += postings[:5]  # the same ids twice
    found, reference = await distinct(postings), dedupe(postings)
    assert found.duplicates == reference.duplicates > 0
    assert found.jobs == len(reference.groups)
    assert len(found.postings) == 3000


def stored(ident: str, content_hash: str, *, closed: bool = False, source: str = "gh:a",
           match: str | None = None) -> StoredJob:
    return StoredJob(int(ident), source, ident, content_hash, closed, None, None, match_hash=match)


async def test_compare_classifies_and_closes_only_complete_sources():
    spec = SourceSpec("greenhouse", "acme")
    [a, b, c] = [greenhouse.posting(greenhouse_job(j, "http://x", "acme"), spec)
                 for j in make_jobs(3, seed=1)]  # fmt: skip
    known = {
        (a.source, a.external_id): StoredJob(1, a.source, a.external_id, a.content_hash, False,
                                             a.url, a.posted_at),
        (b.source, b.external_id): stored("2", "old", source=a.source),
        ("gh:a", "9"): stored("9", "h"),  # gone from a complete source: closes
        ("rss:feed", "8"): stored("8", "h", source="rss:feed"),  # not complete: stays open
        (c.source, c.external_id): stored("3", c.content_hash, source=c.source, closed=True),
    }
    changes = await compare([a, b, c], known, complete_sources={"gh:a", a.source})
    assert (changes.new, changes.updated, changes.unchanged, changes.reopened) == (0, 1, 1, 1)
    assert changes.touch_ids == [1] and changes.close_ids == [9]
    assert {p.external_id for p in changes.upserts} == {b.external_id, c.external_id}


def test_freshness_needs_hash_fingerprint_and_scorer_version():
    from app.matching import SCORER_VERSION

    job = stored("1", "h", match="h")
    assert not is_fresh(job, "h", "fp")  # no fingerprint stored
    job.match_fingerprint, job.match_scorer_version = "fp", SCORER_VERSION
    assert is_fresh(job, "h", "fp")
    assert not is_fresh(job, "h2", "fp") and not is_fresh(job, "h", "fp2")
    job.match_scorer_version = "0.0.1"
    assert not is_fresh(job, "h", "fp") and not is_fresh(None, "h", "fp")


async def test_over_long_ids_fit_their_column_and_stay_distinct():
    from app.sources import Posting
    from app.storage.jobs import EXTERNAL_ID_MAX

    long_a, long_b = "a" * 600 + "1", "a" * 600 + "2"
    found = await distinct([Posting(source="rss:x", external_id=i) for i in (long_a, long_b)])
    ids = [p.external_id for p in found.postings]
    assert all(len(i) == EXTERNAL_ID_MAX for i in ids) and ids[0] != ids[1]
    again = await distinct([Posting(source="rss:x", external_id=long_a)])
    assert again.postings[0].external_id == ids[0]
    with pytest.raises(UserError, match="longer than 200"):
        add_source(Settings(), "rss:https://example.com/" + "x" * 200)
