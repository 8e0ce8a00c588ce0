"""A small gazetteer: enough to recognise where a CV says its owner lives.

Not a geocoder. "City, ST", "City, Country" and the Australian "Suburb STATE
2000" are recognised by pattern; the lists here catch a bare "London" or "Texas"
and the region part of a pair. A postcode is part of where a place is written,
not of its name.
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
        "Brisbane", "Perth", "Adelaide", "Canberra", "Hobart", "Darwin", "Gold Coast",
        "Auckland", "Wellington", "Berlin", "Munich", "Hamburg",
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
# Australian states and territories. "SA", "WA", "ACT" and "NT" are also words or legal
# forms ("Acme SA"): without a comma they name a state only before a postcode or after
# a known city ("Perth WA").
AU_STATES = {
    "NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "TAS": "Tasmania",
    "SA": "South Australia", "WA": "Western Australia", "ACT": "Australian Capital Territory",
    "NT": "Northern Territory",
}  # fmt: skip
_AU_PLAIN = "NSW|VIC|QLD|TAS"
_REGION = "|".join(
    sorted(
        {*US_STATES, *CA_PROVINCES, *(set(AU_STATES) - {"SA"})}
        | {re.escape(n) for n in (*US_STATES.values(), *AU_STATES.values())},
        key=len,
    )[::-1]
)
# A capitalised name word; letters after the capital may be accented ("Gądki", "Köln").
_NAME = r"[A-Z](?:[^\W\d_]|[.'\-])+"
# A place name of up to three words; "upon" joins two ("Newcastle upon Tyne").
_NAMES_RE = rf"{_NAME}(?:(?:[ -]|\supon\s){_NAME}){{0,2}}"
_ZIP = r"\d{5}(?:-\d{4})?|\d{4}"  # US ZIP, Australian postcode
_PAIR = re.compile(
    rf"\b({_NAMES_RE}),\s*"
    rf"(?:(?P<region>{_REGION})(?:\s+(?:{_ZIP}))?|(?P<country>[A-Z][A-Za-z ]{{1,24}}))\b"
)
_AU_PLACE = re.compile(
    rf"\b({_NAMES_RE})\s+(?P<state>{_AU_PLAIN}|(?P<bare>SA|WA|ACT|NT))(?:\s+(?P<zip>\d{{4}}))?\b"
)
_AU_STATE = re.compile(r"\b(?:NSW|VIC|QLD|TAS|SA|WA|ACT|NT)\b")
_NAMES = re.compile(_NAMES_RE)
_DIGIT = re.compile(r"\d")
UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
# A postcode written after a town: UK "LS2 9JT", Irish "D02 X285", Canadian "M5V 2T6";
# a postal district ("Dublin 2") may come first.
_POSTCODE_AFTER = re.compile(
    r"(?:\s+\d{1,2}\b)?,?\s*(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d{2}\s?[A-Z\d]{4}"
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b"
)
# A town named with its postcode is a place, known or not: "Salford M5 4WT".
_TOWN_POSTCODE = re.compile(rf"\b({_NAMES_RE}){_POSTCODE_AFTER.pattern}")


def find_place(text: str) -> tuple[str, tuple[int, int]] | None:
    """A "City, ST" / "City, Country" / "Suburb STATE" / known city or country in `text`,
    with its span. The name leaves out a postcode ("Greenwich, CT 06830" is "Greenwich,
    CT"; "Leeds LS2 9JT" is "Leeds"); the span covers it."""
    pos = 0 if "," in text else len(text)
    while (m := _PAIR.search(text, pos)) is not None:
        pos = m.start() + 1  # "W. Harmon Ave, Amarillo, TX": try "Amarillo, TX" next
        if m.group("region"):
            after = _POSTCODE_AFTER.match(text, m.end())  # "Toronto, ON M5V 2T6"
            return f"{m.group(1)}, {m.group('region')}", (m.start(), (after or m).end())
        country = (m.group("country") or "").strip()
        if country.lower() in COUNTRIES or (
            m.group(1).lower() in CITIES and country.lower() != m.group(1).lower()
        ):
            return m.group(0).strip(), (m.start(), m.start() + len(m.group(0).rstrip()))
    for m in _AU_PLACE.finditer(text) if _AU_STATE.search(text) else ():
        if m.group("bare") is None or m.group("zip") or m.group(1).lower() in CITIES:
            return f"{m.group(1)} {m.group('state')}", m.span()
    for m in _TOWN_POSTCODE.finditer(text) if _DIGIT.search(text) else ():
        if m.group(1).split()[-1].lower() not in _STREETS:  # "Salford M5 4WT"
            return m.group(1), m.span()
    for m in _NAMES.finditer(text):
        words = m.group().split()
        for size in range(len(words), 0, -1):  # "London Bridge Hospital": London is a city
            candidate = " ".join(words[:size])
            if candidate.lower() in CITIES or candidate.lower() in COUNTRIES or (
                size == len(words) and " upon " in candidate
            ):
                start = m.start()
                end = start + len(candidate)
                after = _POSTCODE_AFTER.match(text, end)
                return candidate, (start, after.end() if after else end)
    return None


# Street words: "12 Grand Canal Street D02 X285" names a street, not a town.
_STREETS = {
    "street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "way", "close", "court",
    "place", "square", "terrace", "crescent", "grove", "gardens", "park", "row", "hill",
}  # fmt: skip


def place_name(text: str) -> str:
    """A place as a CV's reader names it: without its postcode ("Sydney NSW 2000" ->
    "Sydney NSW"). Text that is no place comes back as it was."""
    found = find_place(text)
    s = text.strip().strip(",.")
    return found[0] if found and _covers(found[1], text, s) else s


def _covers(span: tuple[int, int], text: str, stripped: str) -> bool:
    return span[1] - span[0] >= len(stripped) - 2


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
    """Is the whole of `text` a place ("Leeds", "Sydney NSW 2000", "Austin, TX")?"""
    s = text.strip().strip(",.")
    if not s:
        return False
    if s.lower() in CITIES or s.lower() in COUNTRIES or s in US_STATES or s in AU_STATES:
        return True
    found = find_place(s)
    return found is not None and _covers(found[1], s, s)


# ---- the town of a street address (contact details)

_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"  # UK "LS2 9JT"
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"  # Canada "M5V 2T6"
    r"|[A-Z]\d{2}\s?[A-Z\d]{4}"  # Ireland "D02 X285"
    r"|\d{2}-\d{3}|\d{3}\s\d{2}"  # Poland "80-831", Sweden "111 43"
    r"|\d{4,6}(?:-\d{4})?)\b"  # "79106", "10115", "2000", "560001"
)
_DISTRICT = re.compile(r"(?<=[a-z])\s+\d{1,2}$")
_REGION_CODES = {*US_STATES, *CA_PROVINCES, *AU_STATES}
_REGION_NAMES = COUNTRIES | {n.lower() for n in (*US_STATES.values(), *CA_PROVINCES.values())}
_TOWN_PARTICLES = {"upon", "on", "under", "de", "la", "le", "les", "sur", "am", "an", "der"}
_NOT_TOWN_WORDS = {
    "street", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "boulevard",
    "blvd", "way", "court", "place", "pl", "square", "terrace", "close", "crescent", "highway",
    "hwy", "parkway", "pkwy", "apartment", "apt", "suite", "ste", "unit", "floor", "flat",
    "house", "building", "department", "dept", "university", "college", "school", "hospital",
    "institute", "centre", "center", "box",
}  # fmt: skip


def address_place(text: str) -> str | None:
    """The town of an address, with its region or country, without street or postcode:
    "1427 W. Harmon Ave, Amarillo, TX 79106" -> "Amarillo, TX"; "Apartment 4, 12 Grand
    Canal Street, Dublin 2, D02 X285, Ireland" -> "Dublin, Ireland"; "14 Elm Road, Luton
    LU2 7QB" -> "Luton". The right-most town before a region or country wins; failing
    that, the town written with a postcode."""
    pieces: list[tuple[str, bool]] = []  # (piece without postcode, it had one)
    for raw in text.split(","):
        clean = _POSTCODE.sub(" ", raw).strip()
        postcode = clean != raw.strip()
        clean = " ".join(_DISTRICT.sub("", clean).split()).strip(" -")
        if clean:
            pieces.append((clean, postcode))
        elif postcode and pieces:  # "Bristol, BS1 4DJ": the town before the postcode
            pieces[-1] = (pieces[-1][0], True)
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i][0]
        town, _, region = piece.rpartition(" ")
        if _is_region(region) and region.isupper() and _is_town(town):  # "Sydney NSW"
            return f"{town}, {region}"
        if i and _is_region(piece) and _is_town(pieces[i - 1][0]):
            return f"{pieces[i - 1][0]}, {piece}"
    for piece, postcode in reversed(pieces):
        if postcode and _is_town(piece):
            return piece
    return None


def _is_region(text: str) -> bool:
    return text in _REGION_CODES or text.lower() in _REGION_NAMES


def _is_town(text: str) -> bool:
    """One to four capitalised words ("Newcastle upon Tyne"), no street, building or number."""
    words = text.split()
    return (
        1 <= len(words) <= 4
        and not _DIGIT.search(text)
        and all(w[0].isupper() or w in _TOWN_PARTICLES for w in words)
        and not any(w.lower().strip(".") in _NOT_TOWN_WORDS for w in words)
    )
