"""How a posting's place and workplace mode fit what the person wants.

The person's places are ``Preferences.locations`` read by ``places.qualified_places``: a
state written after a city belongs to it ("Columbus", "OH" is Columbus in Ohio), so the
state alone never makes a place in it (Cleveland, OH) the person's.

- On-site and hybrid jobs fit when one of their places is one of the person's: the same
  city or its metro area ("Greater Manchester", "Manchester Area", a district named with
  its city: "Trafford Park, Manchester"), a state or country named on both sides
  agreeing; or any place in a state, country or area the person listed on its own.
- Without a gazetteer, another town in the person's country (and state, where states are
  named) may be next door or far away: it is "near? unknown", judged neutrally, as is a
  job that gives no place at all. Another state does not fit.
- A job in another country than all of the person's places is one they cannot take
  without moving: its location part is nil and ``PlaceFit.abroad`` tells the scorer to
  keep the whole score below "Good match", however well the rest fits. So is a remote job
  only for people in a country or area the person lies outside.
- A remote job limited to a country or area ("Remote (US)", "Anywhere in EMEA") is judged
  by country: it fits when one of the person's places lies in it, does not fit when they
  all lie outside it, and is half judged when their country is unknown ("Berlin" alone).
  A city named with a remote job is usually the office, so only its country counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from app.matching.components import NEUTRAL
from app.matching.profile import Preferences
from app.places.locations import Location, Place, metro_name, parse_location, qualified_places
from app.sources.models import Posting

_MODE_WORDS = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}
_NOT_PLACES = ("remote", "anywhere", "worldwide")


@dataclass(frozen=True, slots=True)
class WantedPlaces:
    """The location side of the profile, read once per scorer.

    Attributes:
        modes: the workplace modes asked for (empty: any).
        places: where the person can work on site.
        remote_places: ``places`` plus places named with "remote" ("Remote UK").
        countries: the countries of all of these that have one; the person's places
            without a country ("Leeds") are taken to lie in them.
        wants_remote: remote work was asked for, as a mode or a location.
    """

    modes: frozenset[str]
    places: tuple[Place, ...]
    remote_places: tuple[Place, ...]
    countries: frozenset[str]
    wants_remote: bool

    @classmethod
    def from_preferences(cls, prefs: Preferences) -> WantedPlaces:
        named = [p for p in prefs.locations if p.strip().lower() not in _NOT_PLACES]
        on_site = [p for p in named if not parse_location(p).remote]
        places = qualified_places(on_site)
        remote_places = places + qualified_places([p for p in named if p not in on_site])
        countries = frozenset(c for p in remote_places for c in p.countries() or ())
        wants_remote = "remote" in prefs.remote_modes or len(on_site) < len(prefs.locations)
        return cls(prefs.remote_modes, places, remote_places, countries, wants_remote)

    @property
    def labels(self) -> str:
        """The on-site places, as the person can read them back."""
        return ", ".join(p.label for p in self.places)

    @property
    def remote_labels(self) -> str:
        return ", ".join(p.label for p in self.remote_places)


class PlaceFit(NamedTuple):
    """fraction: 0..1; why: a sentence; note: what the summary line says when the
    fraction alone does not tell ("location near? unknown"); abroad: the job is in
    another country than the person's (see the module docstring)."""

    fraction: float
    why: str
    note: str = ""
    abroad: bool = False

    @property
    def verdict(self) -> str:
        """A few words for the score's summary line; "" when there is nothing to say."""
        if self.note:
            return self.note
        return ("location fits" if self.fraction >= 0.9
                else "location does not fit" if self.fraction <= 0.3 else "")  # fmt: skip


def location_fit(wanted: WantedPlaces, posting: Posting) -> PlaceFit:
    """How the posting's place and workplace mode fit the person's (module docstring)."""
    where = (posting.location or "").strip()
    loc = parse_location(where)
    mode = posting.remote
    modes = wanted.modes
    if mode == "remote":
        on_site_too = loc.open_remote and loc.places  # "Chicago, IL or Remote"
        if not (on_site_too and modes and not wanted.wants_remote):
            return _remote_fit(wanted, loc)
        mode = None  # remote work is not wanted, so judge the places it may be done at
    mode_ok = not modes or mode is None or mode in modes
    if not where:
        if mode is None:
            return PlaceFit(NEUTRAL, "The posting gives no location.")
        mode_job = f"{_article(_MODE_WORDS[mode])} {_MODE_WORDS[mode]} job"
        # Where it is could be one of the person's places or far away: no better than a
        # place we cannot judge, so never ahead of a job in the person's own city.
        fraction = (NEUTRAL if wanted.places else 0.8) if mode_ok else 0.4
        return PlaceFit(fraction, f"{mode_job.capitalize()} with no location given.")
    mode_text = f"{_MODE_WORDS[mode]} " if mode else ""
    a_job = f"{_article(mode_text or 'job')} {mode_text}job"
    if not loc.places:
        return PlaceFit(NEUTRAL, f"{where}: no place we can compare with yours.")
    if not wanted.places:
        if modes and not mode_ok:
            why = f"{a_job.capitalize()} in {where}; you asked for {_modes(modes)} work."
            return PlaceFit(0.3, why)
        none = "no on-site locations" if wanted.remote_places else "no locations"
        return PlaceFit(0.7, f"{a_job.capitalize()} in {where} (you set {none}).")
    hit = next((w for w in wanted.places for p in loc.places if _is_in(p, w)), None)
    if hit is not None:
        if mode is None:
            return PlaceFit(1.0, f"{where} is in your locations ({hit.label}).")
        if mode_ok:
            why = f"{a_job.capitalize()} in {where}, one of your locations ({hit.label})."
            return PlaceFit(1.0, why)
        return PlaceFit(0.6, (
            f"{where} is in your locations, but the job is {mode_text.strip()}; "
            f"you asked for {_modes(modes)} work."
        ))  # fmt: skip
    if all(not p.city and not p.region for p in loc.places) and _covers(loc.places, wanted):
        why = f"The posting names only {where} (no city), which includes your locations."
        return PlaceFit(NEUTRAL, why)
    near = next((w for w in wanted.places for p in loc.places if _maybe_near(p, w, wanted)), None)
    if near is not None:
        return PlaceFit(NEUTRAL, (
            f"{where} is not one of your locations; we cannot tell whether it is near "
            f"{near.label}."
        ), "location near? unknown")  # fmt: skip
    if _covers(loc.places, wanted) is False:
        return PlaceFit(0.0, (
            f"{where} is in another country than your locations ({wanted.labels}), "
            "so this is at most a partial match."
        ), "location in another country", abroad=True)  # fmt: skip
    penalty = 0.2 if mode == "hybrid" else 0.1
    return PlaceFit(penalty, f"{where} is not among your locations ({wanted.labels}).")


def _remote_fit(wanted: WantedPlaces, loc: Location) -> PlaceFit:
    modes = wanted.modes
    if modes and not wanted.wants_remote:
        return PlaceFit(0.5, f"A remote job; you asked for {_modes(modes)} work.")
    as_wanted = ", as you want." if modes else "."
    limited_to = " or ".join(p.label for p in loc.places)
    if loc.open_remote and loc.places:  # "New York, NY or Remote": on site there, or remote
        return PlaceFit(1.0, f"A remote job (or on site in {limited_to}){as_wanted}")
    if not loc.places or not wanted.remote_places:
        return PlaceFit(1.0, f"A remote job{as_wanted}")
    verdict = _covers(loc.places, wanted)
    if verdict is None:
        why = (f"Remote for people in {limited_to}; we cannot tell whether that includes "
               f"your locations ({wanted.remote_labels}).")  # fmt: skip
        return PlaceFit(0.6, why)
    if not verdict:
        return PlaceFit(0.2, (f"Remote, but only for people in {limited_to}; your locations "
                              f"({wanted.remote_labels}) are outside it."),
                        "remote only elsewhere", abroad=True)  # fmt: skip
    why = f"A remote job for people in {limited_to}, which includes {verdict.label}."
    return PlaceFit(1.0, why)


def _covers(job_places: tuple[Place, ...], wanted: WantedPlaces) -> Place | bool | None:
    """Whether the person lies in one of ``job_places`` (a country or area): the first of
    their places that does; False when their countries are known and outside; None when
    there is no telling."""
    for job in job_places:
        inside = job.countries()
        for place in wanted.remote_places:
            if inside is None:  # a city alone ("Remote (Bay Area)")
                if job.city and place.city == job.city:
                    return place
            elif (place.countries() or wanted.countries) & inside:
                return place
    known = all(job.countries() is not None for job in job_places)
    return False if known and wanted.countries else None


def _is_in(job: Place, wanted: Place) -> bool:
    """Whether the job's place is (in) the person's place, or in its metro area."""
    if not _agree(job.countries(), wanted.countries()):
        return False
    if wanted.city:
        if metro_name(job.city) == metro_name(wanted.city):
            return _same(job.region, wanted.region)
        return _names_city(job, wanted.city) or _names_city(wanted, job.city)
    if wanted.region:
        return job.region == wanted.region
    if wanted.country or wanted.area:
        return job.countries() is not None  # agreed above, and the job names a country
    return False


def _names_city(place: Place, city: str) -> bool:
    """"Trafford Park, Manchester", "Salford, Greater Manchester": a place named with the
    city (or metro area) it lies in, where a state or province would otherwise stand."""
    return bool(city and place.region and not place.region_coded) and (
        metro_name(place.region) == metro_name(city)
    )


def _maybe_near(job: Place, wanted: Place, where: WantedPlaces) -> bool:
    """Whether the job's place is another place in the person's country (and state, when
    both name one), so it may be near their city or not: we cannot tell."""
    if not wanted.city:
        return False  # the person listed a whole state or country, which the job is outside
    theirs = wanted.countries() or where.countries
    ours = job.countries()
    if not (theirs and ours and theirs & ours):
        return False
    return not (job.region_coded and wanted.region_coded and job.region != wanted.region)


def _agree(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    return a is None or b is None or bool(a & b)


def _same(a: str, b: str) -> bool:
    return not a or not b or a == b


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def _modes(modes: frozenset[str]) -> str:
    return " or ".join(_MODE_WORDS[m] for m in sorted(modes))
