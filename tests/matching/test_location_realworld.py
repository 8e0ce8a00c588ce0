"""Location and remote scoring on the way real postings and profiles write places."""

import pytest

from app.matching import WEIGHTS, MatchProfile, Preferences, Scorer
from app.places.locations import parse_location, qualified_places
from app.sources import make_posting


def _fit(taxonomy, prefs: Preferences, location: str | None, remote: str | None = None):
    p = make_posting(source="file:x", external_id="1", title="Clerk", company="Co",
                     location=location, remote=remote, description="Filing.")  # fmt: skip
    result = Scorer(MatchProfile(preferences=prefs), taxonomy).score(p)
    return result.reasons["points"]["location"] / WEIGHTS["location"], result.reasons["location"]


def test_a_state_after_a_city_belongs_to_it():
    """A comma-separated "Columbus, OH" arrives as two entries: still one place."""
    for listed in (["Columbus", "OH"], ["Columbus, OH"], ["Columbus", "Ohio", "USA"]):
        [place] = qualified_places(listed)
        assert (place.city, place.region, place.country) == ("columbus", "oh", "united states")
    # A country after a city stays a place of its own (anywhere in it).
    assert [p.label for p in qualified_places(["Lyon", "France"])] == ["Lyon", "France"]
    assert [p.label for p in qualified_places(["Leeds", "York"])] == ["Leeds", "York"]


@pytest.mark.parametrize(
    ("text", "city", "region", "country", "area"),
    [
        ("Dayton, OH", "dayton", "oh", "united states", ""),
        ("Dayton, Ohio, United States", "dayton", "oh", "united states", ""),
        ("Hybrid (Bristol)", "bristol", "", "", ""),
        ("Remote (USA)", "", "", "united states", ""),
        ("Anywhere in APAC", "", "", "", "apac"),
        ("Köln, NW, DE", "cologne", "nw", "germany", ""),
        ("Utrecht, Nederland", "utrecht", "", "netherlands", ""),
        ("Glasgow, Scotland", "glasgow", "", "united kingdom", ""),
        ("Remote in the EU", "", "", "", "eu"),
        ("Kingston, ON", "kingston", "on", "canada", ""),
    ],
)  # fmt: skip
def test_places_are_read(text, city, region, country, area):
    [place] = parse_location(text).places
    assert (place.city, place.region, place.country, place.area) == (city, region, country, area)


def test_a_state_alone_is_not_the_persons_city(taxonomy):
    prefs = Preferences(locations=("Dayton", "OH"))
    fraction, why = _fit(taxonomy, prefs, "Toledo, OH")  # same state: near or not, unknown
    assert fraction == 0.5
    assert why == (
        "Toledo, OH is not one of your locations; we cannot tell whether it is near Dayton, OH."
    )
    fraction, why = _fit(taxonomy, prefs, "Dayton, Ohio")
    assert fraction == 1.0 and why == "Dayton, Ohio is in your locations (Dayton, OH)."
    fraction, _ = _fit(taxonomy, prefs, "Dayton, TN")  # the other Dayton
    assert fraction <= 0.1


def test_a_state_the_person_lists_alone_still_counts(taxonomy):
    fraction, why = _fit(taxonomy, Preferences(locations=("Texas",)), "Plano, TX")
    assert fraction == 1.0 and why == "Plano, TX is in your locations (Texas)."


@pytest.mark.parametrize(
    ("location", "fraction", "sentence"),
    [
        ("Remote (USA)", 1.0, "A remote job for people in USA, which includes Dayton, OH."),
        ("United States", 1.0,
         "A remote job for people in United States, which includes Dayton, OH."),
        ("Anywhere in APAC", 0.2,
         "Remote, but only for people in APAC; your locations (Dayton, OH) are outside it."),
        ("Remote - Europe", 0.2,
         "Remote, but only for people in Europe; your locations (Dayton, OH) are outside it."),
        ("Remote (US or Canada)", 1.0,
         "A remote job for people in US or Canada, which includes Dayton, OH."),
        ("Chicago, IL or Remote", 1.0, "A remote job (or on site in Chicago, IL)."),
        ("Remote", 1.0, "A remote job."),
        ("Worldwide", 1.0, "A remote job."),
    ],
)  # fmt: skip
def test_remote_jobs_are_judged_by_the_persons_country(taxonomy, location, fraction, sentence):
    got, why = _fit(taxonomy, Preferences(locations=("Dayton", "OH")), location, "remote")
    assert why == sentence
    assert got == pytest.approx(fraction, abs=0.01)


def test_remote_for_a_person_whose_country_is_unknown_is_half_judged(taxonomy):
    fraction, why = _fit(taxonomy, Preferences(locations=("Springfield",)), "Remote (US)", "remote")
    assert fraction == pytest.approx(0.6)
    assert why == ("Remote for people in US; we cannot tell whether that includes your "
                   "locations (Springfield).")  # fmt: skip


def test_a_city_without_a_country_is_taken_to_be_in_the_listed_country(taxonomy):
    prefs = Preferences(locations=("Leeds", "Remote UK"))
    fraction, why = _fit(taxonomy, prefs, "Remote (UK)", "remote")
    assert fraction == 1.0 and why == "A remote job for people in UK, which includes Leeds."
    fraction, _ = _fit(taxonomy, prefs, "Remote - US", "remote")
    assert fraction == pytest.approx(0.2)
    # "Remote UK" asks for remote work in the UK, not for any on-site job there.
    fraction, why = _fit(taxonomy, prefs, "Bristol, UK", "onsite")
    assert fraction == 0.5 and why == (
        "Bristol, UK is not one of your locations; we cannot tell whether it is near Leeds."
    )


def test_places_without_a_city(taxonomy):
    prefs = Preferences(locations=("Dayton", "OH"))
    fraction, why = _fit(taxonomy, prefs, "Various locations")
    assert fraction == 0.5 and why == "Various locations: no place we can compare with yours."
    fraction, why = _fit(taxonomy, prefs, "United States", "onsite")
    assert fraction == 0.5
    assert why == "The posting names only United States (no city), which includes your locations."


def test_on_site_or_remote_is_judged_on_site_for_someone_who_wants_on_site(taxonomy):
    prefs = Preferences(frozenset({"onsite"}), ("Chicago", "IL"))
    fraction, why = _fit(taxonomy, prefs, "Chicago, IL or Remote", "remote")
    assert fraction == 1.0 and why == "Chicago, IL or Remote is in your locations (Chicago, IL)."
    fraction, why = _fit(taxonomy, prefs, "Remote (US)", "remote")
    assert fraction == 0.5 and why == "A remote job; you asked for on-site work."
