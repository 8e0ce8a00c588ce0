"""Places in job locations and in the person's preferences, read well enough to compare.

Not a geocoder. A location is cut into alternatives ("Berlin / Munich", "New York, NY or
Remote") and each into comma parts (brackets and " - " count as commas); workplace words
("Remote", "Hybrid", "Anywhere in") are set aside. Each part is then looked up in small
tables:

- multi-country areas ("EMEA", "Europe", "EU", "APAC", "LATAM", ...);
- countries by name, local name or code ("Deutschland", "Schweiz", "USA", "UK");
- US states and Canadian provinces, by code or name: they put a place in its country
  ("Columbus, OH" is in the United States);
- cities' local names ("München" = "Munich").

The first part no table knows is the city; an unknown part after it is its region.
Two-letter codes are ambiguous, so their position decides: in "City, XX" a US state or
Canadian province code wins ("Columbus, OH"); the last of three or more parts is a
country code ("Berlin, BE, DE", "Columbus, OH, US"); alone, a country code wins
("Remote (CA)" is Canada). A state code that is also a country's ("Berlin, DE") keeps
that country as a second possibility, so it is not ruled out.

Used by ``app.sources.dedupe`` (grouping) and ``app.matching.location`` (scoring).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.places import regions

# (canonical name, ISO 3166 code, continent, EU member, other names separated by |)
_COUNTRY_ROWS = [
    ("united states", "us", "north america", False,
     "usa|u.s.|u.s.a.|united states of america|america"),
    ("canada", "ca", "north america", False, ""),
    ("mexico", "mx", "latin america", False, "méxico"),
    ("united kingdom", "gb", "europe", False,
     "uk|u.k.|great britain|britain|england|scotland|wales|northern ireland"),
    ("ireland", "ie", "europe", True, "eire|éire|republic of ireland"),
    ("germany", "de", "europe", True, "deutschland"),
    ("austria", "at", "europe", True, "österreich"),
    ("switzerland", "ch", "europe", False, "schweiz|suisse|svizzera"),
    ("netherlands", "nl", "europe", True, "the netherlands|nederland|holland"),
    ("belgium", "be", "europe", True, "belgië|belgique|belgien"),
    ("luxembourg", "lu", "europe", True, "luxemburg"),
    ("france", "fr", "europe", True, ""),
    ("spain", "es", "europe", True, "españa"),
    ("portugal", "pt", "europe", True, ""),
    ("italy", "it", "europe", True, "italia"),
    ("denmark", "dk", "europe", True, "danmark"),
    ("sweden", "se", "europe", True, "sverige"),
    ("norway", "no", "europe", False, "norge"),
    ("finland", "fi", "europe", True, "suomi"),
    ("iceland", "is", "europe", False, "ísland"),
    ("poland", "pl", "europe", True, "polska"),
    ("czechia", "cz", "europe", True, "czech republic|česko"),
    ("slovakia", "sk", "europe", True, "slovensko"),
    ("hungary", "hu", "europe", True, "magyarország"),
    ("romania", "ro", "europe", True, "românia"),
    ("bulgaria", "bg", "europe", True, ""),
    ("greece", "gr", "europe", True, "hellas"),
    ("croatia", "hr", "europe", True, "hrvatska"),
    ("slovenia", "si", "europe", True, "slovenija"),
    ("estonia", "ee", "europe", True, "eesti"),
    ("latvia", "lv", "europe", True, "latvija"),
    ("lithuania", "lt", "europe", True, "lietuva"),
    ("cyprus", "cy", "europe", True, ""),
    ("malta", "mt", "europe", True, ""),
    ("serbia", "rs", "europe", False, "srbija"),
    ("ukraine", "ua", "europe", False, ""),
    ("turkey", "tr", "europe", False, "türkiye|turkiye"),
    ("israel", "il", "middle east", False, ""),
    ("united arab emirates", "ae", "middle east", False, "uae|u.a.e."),
    ("saudi arabia", "sa", "middle east", False, "ksa"),
    ("qatar", "qa", "middle east", False, ""),
    ("egypt", "eg", "africa", False, ""),
    ("morocco", "ma", "africa", False, ""),
    ("nigeria", "ng", "africa", False, ""),
    ("kenya", "ke", "africa", False, ""),
    ("ghana", "gh", "africa", False, ""),
    ("south africa", "za", "africa", False, ""),
    ("brazil", "br", "latin america", False, "brasil"),
    ("argentina", "ar", "latin america", False, ""),
    ("chile", "cl", "latin america", False, ""),
    ("colombia", "co", "latin america", False, ""),
    ("peru", "pe", "latin america", False, "perú"),
    ("india", "in", "asia", False, "bharat"),
    ("pakistan", "pk", "asia", False, ""),
    ("bangladesh", "bd", "asia", False, ""),
    ("sri lanka", "lk", "asia", False, ""),
    ("singapore", "sg", "asia", False, ""),
    ("malaysia", "my", "asia", False, ""),
    ("philippines", "ph", "asia", False, ""),
    ("indonesia", "id", "asia", False, ""),
    ("vietnam", "vn", "asia", False, "viet nam"),
    ("thailand", "th", "asia", False, ""),
    ("china", "cn", "asia", False, "prc"),
    ("hong kong", "hk", "asia", False, ""),
    ("taiwan", "tw", "asia", False, ""),
    ("japan", "jp", "asia", False, ""),
    ("south korea", "kr", "asia", False, "korea|republic of korea"),
    ("australia", "au", "oceania", False, ""),
    ("new zealand", "nz", "oceania", False, "aotearoa"),
]  # fmt: skip
_CONTINENTS = {row[0]: row[2] for row in _COUNTRY_ROWS}
_EU = frozenset(row[0] for row in _COUNTRY_ROWS if row[3])
#: Multi-country areas job ads name, as the continents (or "eu") they cover.
_AREA_PARTS = {
    "europe": {"europe"}, "eu": {"eu"}, "european union": {"eu"}, "eea": {"eu"},
    "emea": {"europe", "middle east", "africa"}, "americas": {"north america", "latin america"},
    "north america": {"north america"}, "latam": {"latin america"},
    "latin america": {"latin america"}, "south america": {"latin america"},
    "apac": {"asia", "oceania"}, "asia pacific": {"asia", "oceania"}, "asia": {"asia"},
    "middle east": {"middle east"}, "mena": {"middle east", "africa"}, "africa": {"africa"},
    "oceania": {"oceania"}, "anz": {"oceania"},
}  # fmt: skip
_AREA_EXTRA = {"dach": {"germany", "austria", "switzerland"},
               "nordics": {"denmark", "sweden", "norway", "finland", "iceland"},
               "benelux": {"belgium", "netherlands", "luxembourg"}}  # fmt: skip
US_STATES = {code.lower(): name.lower() for code, name in regions.US_STATES.items()}
CA_PROVINCES = {code.lower(): name.lower() for code, name in regions.CA_PROVINCES.items()}
#: Local (or short) city names -> the English one, after accents are folded.
CITY_NAMES = {
    "munchen": "munich", "koln": "cologne", "nurnberg": "nuremberg", "wien": "vienna",
    "praha": "prague", "warszawa": "warsaw", "roma": "rome",
    "milano": "milan", "napoli": "naples", "torino": "turin", "firenze": "florence",
    "venezia": "venice", "lisboa": "lisbon", "bruxelles": "brussels", "brussel": "brussels",
    "antwerpen": "antwerp", "den haag": "the hague", "s-gravenhage": "the hague",
    "geneve": "geneva", "genf": "geneva", "kobenhavn": "copenhagen", "goteborg": "gothenburg",
    "athina": "athens", "bucuresti": "bucharest", "frankfurt am main": "frankfurt",
    "new york city": "new york", "nyc": "new york", "sf": "san francisco",
}  # fmt: skip
#: Words that make a city's name its metro area: "Greater Manchester", "Manchester Area",
#: "New York City Metropolitan Area", "San Francisco Bay Area", "Leeds City Centre".
_METRO_PREFIX = "greater "
_METRO_SUFFIXES = (" metropolitan area", " metro area", " bay area", " area",
                   " metropolitan region", " metro region", " region", " metro",
                   " city centre", " city center")  # fmt: skip
#: US state names that are first of all cities when they stand first ("New York, NY").
_CITY_FIRST = {"new york", "washington"}

_WORKPLACE_WORDS = frozenset(
    """remote remotely hybrid onsite on-site inoffice in-office office office-based wfh
    anywhere worldwide world-wide global globally fully home work field field-based
    flexible telecommute""".split()  # noqa: SIM905
)
#: Words that join a workplace word to a place ("Anywhere in EMEA", "UK only"), dropped
#: at either end of a part that has other words.
_CONNECTORS = frozenset({"in", "within", "from", "based", "only", "across", "at"})
_PHRASES = re.compile(r"\b(?:on[\s-]?site|in[\s-]office|work(?:ing)? from home|home[\s-]?based)\b")
_PHRASE_WORD = {"on": "onsite", "in": "inoffice", "wo": "wfh", "ho": "wfh"}
_NO_PLACE = frozenset({"multiple locations", "various locations", "several locations",
                       "multiple", "various", "tbd", "other"})  # fmt: skip
_ALTERNATIVES = re.compile(r"\s*/\s*|\s+&\s+|;|\||\s+or\s+|\s+oder\s+|\s+ou\s+", re.I)
_PARTS = re.compile(r"[,()\[\]]|\s[-–—]\s|:")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9.'&-]*")


def fold(text: str) -> str:
    """Lower case without accents: "München" -> "munchen"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=8192)
def metro_name(name: str) -> str:
    """The city a folded place name is the metro area of ("greater manchester",
    "manchester area" -> "manchester"), else the name itself (local names made English)."""
    core = name[len(_METRO_PREFIX) :] if name.startswith(_METRO_PREFIX) else name
    for suffix in _METRO_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core[: -len(suffix)]
            break
    return CITY_NAMES.get(core, core)


def _build_tables() -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    by_code: dict[str, str] = {"uk": "united kingdom", "usa": "united states",
                               "uae": "united arab emirates"}  # fmt: skip
    for name, code, _continent, _eu, others in _COUNTRY_ROWS:
        by_code[code] = name
        by_name[name] = name
        for alias in filter(None, others.split("|")):
            by_name[fold(alias)] = name
    return by_name, by_code


_COUNTRY_BY_NAME, _COUNTRY_BY_CODE = _build_tables()
_STATE_BY_NAME = {name: code for code, name in US_STATES.items()}
_PROVINCE_BY_NAME = {name: code for code, name in CA_PROVINCES.items()}


@dataclass(frozen=True, slots=True)
class Place:
    """One place, folded to lower case (see the module docstring).

    Attributes:
        city: "columbus", "munich"; "" when none is named.
        region: a US state or Canadian province code ("oh"), else the region as written.
        country: canonical country name ("united states"), written or given by the state.
        maybe_country: the other reading of an ambiguous state code ("Berlin, DE": germany).
        area: a multi-country area ("emea", "europe").
        label: the place as written, workplace words left out ("Columbus, OH").
    """

    city: str = ""
    region: str = ""
    country: str = ""
    maybe_country: str = ""
    area: str = ""
    label: str = ""

    def countries(self) -> frozenset[str] | None:
        """The countries this place lies in (an area: all of its countries), or None."""
        return _countries(self.country, self.maybe_country, self.area)

    @property
    def region_coded(self) -> bool:
        """The region is a US state or Canadian province, part of how a city is named there
        (there is a Columbus in Ohio and one in Georgia)."""
        return self.country in ("united states", "canada") and (
            self.region in US_STATES or self.region in CA_PROVINCES
        )


@dataclass(frozen=True, slots=True)
class Location:
    """A posting's (or a preference's) location.

    Attributes:
        places: the places named, one per alternative that names one.
        remote: a workplace word says remote somewhere ("Remote (US)", "NY or Remote").
        open_remote: an alternative is remote with no place ("New York, NY or Remote").
    """

    places: tuple[Place, ...] = ()
    remote: bool = False
    open_remote: bool = False


_AREA_COUNTRIES = {
    area: frozenset(c for c, continent in _CONTINENTS.items()
                    if continent in parts or ("eu" in parts and c in _EU))
    for area, parts in _AREA_PARTS.items()
} | {area: frozenset(members) for area, members in _AREA_EXTRA.items()}  # fmt: skip


@lru_cache(maxsize=4096)
def _countries(country: str, maybe: str, area: str) -> frozenset[str] | None:
    if country:
        return frozenset(filter(None, (country, maybe)))
    return area_countries(area) if area else None


def area_countries(area: str) -> frozenset[str]:
    return _AREA_COUNTRIES.get(area, frozenset())


def is_area(text: str) -> bool:
    return text in _AREA_PARTS or text in _AREA_EXTRA


def _parse_place(parts: list[tuple[str, str]]) -> Place | None:
    """One alternative's comma parts, each (folded, as written), to a Place."""
    city = region = country = maybe = area = ""
    stated = False  # the country was written out, not given by a state
    n = len(parts)
    for i, (written, _shown_text) in enumerate(parts):
        part = written[4:] if written.startswith("the ") else written  # "the US", "the EU"
        if not (part in _COUNTRY_BY_NAME or part in _COUNTRY_BY_CODE or is_area(part)):
            part = written  # "The Hague"
        code = part.replace(".", "") if len(part) <= 6 else ""  # "U.S." -> "us"
        as_country = _COUNTRY_BY_CODE.get(code) if len(code) in (2, 3) else None
        state = code if code in US_STATES or code in CA_PROVINCES else ""
        if not state and (i > 0 or part not in _CITY_FIRST):
            state = _STATE_BY_NAME.get(part) or _PROVINCE_BY_NAME.get(part, "")
        if is_area(part):
            area = area or part
        elif as_country and i == n - 1 and n >= 3:  # "Berlin, BE, DE"
            country, maybe, stated = as_country, "", True
        elif state and not region and (i > 0 or not as_country):  # "Columbus, GA"; "OH"
            region = state
            if not stated:
                country = "united states" if state in US_STATES else "canada"
                maybe = as_country if code == state and as_country else ""
        elif as_country or part in _COUNTRY_BY_NAME:
            country, maybe, stated = as_country or _COUNTRY_BY_NAME[part], "", True
        elif not city:
            city = CITY_NAMES.get(part, part)
        elif not region:
            region = part
    if not (city or region or country or area):
        return None
    return Place(city, region, country, maybe, area, ", ".join(shown for _, shown in parts))


def _clean_part(text: str) -> tuple[str, bool]:
    """A comma part without workplace words, and whether one of them said remote."""
    words = []
    for word in _TOKEN.findall(_PHRASES.sub(lambda m: _PHRASE_WORD[m.group()[:2]], fold(text))):
        if any(ch.isdigit() for ch in word):
            continue  # a postcode ("43215", "EC2A 4NE")
        pieces = word.split("-")
        if word not in _WORKPLACE_WORDS and any(p in _WORKPLACE_WORDS for p in pieces):
            words.extend(p for p in pieces if p)  # "US-Remote"
        else:
            words.append(word)
    remote = any(w in ("remote", "remotely", "wfh", "telecommute") for w in words)
    kept = [w for w in words if w not in _WORKPLACE_WORDS]
    while len(kept) > 1 and kept[0] in _CONNECTORS:
        kept.pop(0)
    while len(kept) > 1 and kept[-1] in _CONNECTORS:
        kept.pop()
    if kept != words and len(kept) == 1 and kept[0] in _CONNECTORS:
        kept = []  # "Remote from" (the place came in another part)
    return " ".join(kept).strip(".-&' "), remote


def _shown(text: str) -> str:
    """The part as written, workplace words dropped ("Anywhere in EMEA" -> "EMEA")."""
    drop = _WORKPLACE_WORDS | _CONNECTORS | {"on", "site"}
    words = []
    for word in text.split():
        pieces = word.split("-")
        if len(pieces) > 1 and any(fold(p) in _WORKPLACE_WORDS for p in pieces):
            word = "-".join(p for p in pieces if fold(p) not in _WORKPLACE_WORDS)  # "US-Remote"
        if word:
            words.append(word)
    while len(words) > 1 and fold(words[0]).strip(".:-") in drop:
        words.pop(0)
    while len(words) > 1 and fold(words[-1]).strip(".:-") in drop:
        words.pop()
    return " ".join(words).strip(" -–—:")


@lru_cache(maxsize=8192)
def parse_location(text: str) -> Location:
    """Read a location string (see the module docstring); cached, locations repeat a lot."""
    places: list[Place] = []
    remote = open_remote = False
    for alternative in _ALTERNATIVES.split(text or ""):
        parts: list[tuple[str, str]] = []
        said_remote = False
        for raw in _PARTS.split(alternative):
            part, remote_word = _clean_part(raw)
            said_remote |= remote_word
            if part and part not in _NO_PLACE:
                parts.append((part, _shown(raw.strip())))
        place = _parse_place(parts) if parts else None
        remote |= said_remote
        if place is not None:
            places.append(place)
        elif said_remote:
            open_remote = True
    return Location(tuple(places), remote, open_remote)


def qualified_places(texts: list[str] | tuple[str, ...]) -> tuple[Place, ...]:
    """The places a person listed, reading a state written right after a city as that
    city's: "Columbus", "OH" (a comma-separated "Columbus, OH" split up) is one place.

    A country right after a city qualifies it only when it repeats the country the city's
    state already gave ("Columbus", "OH", "USA"); otherwise a country listed is a place of
    its own ("Berlin", "Germany": Berlin, or anywhere in Germany).
    """
    out: list[tuple[str, Place]] = []
    for text in texts:
        if out and out[-1][1].city:
            prev_text, prev = out[-1]
            joined = parse_location(f"{prev_text}, {text}").places
            if len(joined) == 1 and joined[0].city == prev.city and not joined[0].area:
                place = joined[0]
                new_state = place.region_coded and not prev.region
                same_country = prev.region and (place.region, place.country) == (
                    prev.region,
                    prev.country,
                )
                if new_state or same_country:
                    out[-1] = (f"{prev_text}, {text}", place)
                    continue
        out.extend((text, place) for place in parse_location(text).places)
    return tuple(place for _, place in out)
