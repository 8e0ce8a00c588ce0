"""A small gazetteer: enough to recognise where a CV says its owner lives.

Not a geocoder. "City, ST" and "City, Country" are recognised by pattern; the
lists here catch a bare "London" or "Texas" and the region part of a pair.
"""

from __future__ import annotations

import re

from app.places.regions import CA_PROVINCES, US_STATES

COUNTRIES = {
    c.lower()
    for c in [
        "UK", "United Kingdom", "England", "Scotland", "Wales", "Northern Ireland", "Ireland",
        "USA", "US", "United States", "Canada", "Australia", "New Zealand", "India", "Pakistan",
        "Bangladesh", "Sri Lanka", "Nigeria", "Ghana", "Kenya", "South Africa", "Egypt",
        "Morocco", "Germany", "France", "Spain", "Portugal", "Italy", "Netherlands", "Belgium",
        "Switzerland", "Austria", "Poland", "Romania", "Bulgaria", "Greece", "Sweden", "Norway",
        "Denmark", "Finland", "Czech Republic", "Hungary", "Ukraine", "Turkey", "UAE",
        "United Arab Emirates", "Saudi Arabia", "Qatar", "Israel", "Singapore", "Malaysia",
        "Philippines", "Indonesia", "Vietnam", "Thailand", "China", "Hong Kong", "Japan",
        "South Korea", "Mexico", "Brazil", "Argentina", "Chile", "Colombia", "Peru", "Jamaica",
    ]
}
CITIES = {
    c.lower()
    for c in [
        "London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Sheffield", "Bristol",
        "Newcastle", "Nottingham", "Leicester", "Coventry", "Bradford", "Cardiff", "Swansea",
        "Edinburgh", "Glasgow", "Aberdeen", "Dundee", "Belfast", "Southampton", "Portsmouth",
        "Brighton", "Plymouth", "Reading", "Oxford", "Cambridge", "York", "Hull", "Derby",
        "Stoke-on-Trent", "Wolverhampton", "Milton Keynes", "Norwich", "Exeter", "Bath",
        "Sunderland", "Preston", "Dublin", "Cork", "Galway", "New York", "New York City", "NYC",
        "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
        "San Diego", "Dallas", "Austin", "San Jose", "San Francisco", "Seattle", "Denver",
        "Boston", "Atlanta", "Miami", "Orlando", "Tampa", "Detroit", "Minneapolis", "Portland",
        "Las Vegas", "Nashville", "Charlotte", "Columbus", "Indianapolis", "Baltimore",
        "Milwaukee", "Kansas City", "St. Louis", "Pittsburgh", "Cleveland", "Cincinnati",
        "Sacramento", "Salt Lake City", "Raleigh", "Richmond", "New Orleans", "Toronto",
        "Vancouver", "Montreal", "Calgary", "Ottawa", "Edmonton", "Sydney", "Melbourne",
        "Brisbane", "Perth", "Adelaide", "Auckland", "Wellington", "Berlin", "Munich", "Hamburg",
        "Frankfurt", "Paris", "Lyon", "Madrid", "Barcelona", "Lisbon", "Rome", "Milan",
        "Amsterdam", "Rotterdam", "Brussels", "Zurich", "Geneva", "Vienna", "Warsaw", "Krakow",
        "Prague", "Budapest", "Bucharest", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Dubai",
        "Abu Dhabi", "Doha", "Riyadh", "Mumbai", "Delhi", "New Delhi", "Bangalore", "Bengaluru",
        "Hyderabad", "Chennai", "Pune", "Kolkata", "Karachi", "Lahore", "Lagos", "Abuja",
        "Nairobi", "Accra", "Johannesburg", "Cape Town", "Cairo", "Singapore", "Kuala Lumpur",
        "Manila", "Hong Kong", "Tokyo", "Seoul", "Shanghai", "Beijing", "Mexico City",
        "Sao Paulo", "Buenos Aires", "Remote",
    ]
}
_REGION = "|".join(
    sorted({*US_STATES, *CA_PROVINCES} | {re.escape(n) for n in US_STATES.values()}, key=len)[::-1]
)
# A capitalised name word; letters after the capital may be accented ("Gądki", "Köln").
_NAME = r"[A-Z](?:[^\W\d_]|[.'\-])+"
_PAIR = re.compile(
    rf"\b({_NAME}(?:[ -]{_NAME}){{0,2}}),\s*"
    rf"(?:(?P<region>{_REGION})(?:\s+\d{{5}}(?:-\d{{4}})?)?|(?P<country>[A-Z][A-Za-z ]{{1,24}}))\b"
)
_NAMES = re.compile(rf"{_NAME}(?:[ -]{_NAME}){{0,2}}")
UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def find_place(text: str) -> tuple[str, tuple[int, int]] | None:
    """A "City, ST" / "City, Country" / known city or country in `text`, with its span."""
    for m in _PAIR.finditer(text):
        if m.group("region"):
            return m.group(0).strip(), m.span()
        country = (m.group("country") or "").strip()
        if country.lower() in COUNTRIES or m.group(1).lower() in CITIES:
            return m.group(0).strip(), m.span()
    for m in _NAMES.finditer(text):
        words = m.group().split()
        for size in range(len(words), 0, -1):  # "London Bridge Hospital": London is a city
            candidate = " ".join(words[:size])
            if candidate.lower() in CITIES or candidate.lower() in COUNTRIES:
                start = m.start()
                return candidate, (start, start + len(candidate))
    return None


_AREA_CITY = re.compile(
    r"\s*([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+)?),\s*([A-Z][A-Za-z .'\-]+?)\s*"
)


def area_and_city(text: str) -> str | None:
    """ "Croydon, London": an area before a known city, as contact lines write it."""
    m = _AREA_CITY.fullmatch(text)
    if m and m.group(2).lower() in CITIES:
        return f"{m.group(1)}, {m.group(2)}"
    return None


def is_place(text: str) -> bool:
    s = text.strip().strip(",.")
    if not s:
        return False
    if s.lower() in CITIES or s.lower() in COUNTRIES or s in US_STATES:
        return True
    found = find_place(s)
    return found is not None and len(found[0]) >= len(s) - 2
