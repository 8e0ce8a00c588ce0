"""Is a fragment of an entry's header a job title or an organisation?

The head noun says what a name is about: a job ("... Nurse", "... Engineer II",
"Head of ...") or an organisation ("... Ltd", "... Hospital", "University of ...").
A legal form ("Ltd", "GmbH") makes a name an organisation wherever it stands.
"""

from __future__ import annotations

import re

from app.profiling.taxonomy import Taxonomy

TITLE_HEADS = set(
    [
        "nurse", "engineer", "developer", "manager", "assistant", "administrator", "technician",
        "electrician", "teacher", "analyst", "accountant", "clerk", "officer", "representative",
        "associate", "consultant", "specialist", "coordinator", "co-ordinator", "supervisor",
        "operative", "driver", "worker", "apprentice", "intern", "director", "lead", "executive",
        "receptionist", "cashier", "advisor", "adviser", "agent", "designer", "architect",
        "scientist", "plumber", "carpenter", "joiner", "welder", "fabricator", "chef", "cook",
        "server", "waiter", "waitress", "bartender", "barista", "attendant", "aide", "carer",
        "tutor", "lecturer", "instructor", "secretary", "bookkeeper", "auditor", "controller",
        "planner", "buyer", "picker", "packer", "handler", "mechanic", "fitter", "installer",
        "labourer", "laborer", "foreman", "president", "head", "partner", "owner", "founder",
        "programmer", "tester", "trainer", "coach", "therapist", "practitioner", "paramedic",
        "midwife", "pharmacist", "physician", "doctor", "surgeon", "dentist", "hygienist",
        "counsellor", "counselor", "housekeeper", "cleaner", "caretaker", "porter", "steward",
        "guard", "operator", "machinist", "inspector", "surveyor", "estimator", "editor",
        "writer", "copywriter", "recruiter", "paralegal", "solicitor", "lawyer", "attorney",
        "teller", "broker", "underwriter", "adjuster", "dispatcher", "courier", "merchandiser",
        "stocker", "sorter", "loader", "painter", "decorator", "roofer", "bricklayer",
        "plasterer", "landscaper", "gardener", "nanny", "childminder", "educator", "principal",
        "headteacher", "librarian", "researcher", "fellow", "volunteer", "member", "colleague",
        "crew", "host", "hostess", "stylist", "officer",
    ]
)
ORG_WORDS = set(
    [
        "ltd", "ltd.", "limited", "inc", "inc.", "llc", "llp", "plc", "corp", "corp.",
        "corporation", "company", "co", "co.", "group", "holdings", "hospital", "hospitals",
        "nhs", "trust", "foundation", "school", "academy", "university", "college", "institute",
        "council", "bank", "services", "solutions", "systems", "technologies", "consulting",
        "consultancy", "partners", "associates", "clinic", "centre", "center", "restaurant",
        "restaurants", "hotel", "hotels", "resort", "store", "stores", "supermarket", "agency",
        "department", "ministry", "authority", "labs", "laboratories", "studio", "industries",
        "manufacturing", "logistics", "construction", "builders", "pharmacy", "surgery",
        "practice", "homes", "healthcare", "international", "global", "enterprises", "media",
        "software", "digital", "airlines", "motors", "energy", "foods", "bakery", "cafe", "café",
        "laboratory", "lab", "society",
        "pub", "diner", "inn", "club", "church", "charity", "county", "district", "federal",
        "army", "police", "gmbh", "s.a.", "ag", "bv", "pty",
    ]
)
# Words that make a name a registered organisation wherever they stand (as `_words`
# gives them: lower case, without an end dot).
_LEGAL = {"ltd", "limited", "inc", "llc", "llp", "pllc", "plc", "corp", "gmbh", "s.a", "ag", "bv",
          "b.v", "n.v", "pty", "p.c", "p.a", "l.p", "sarl", "s.r.l", "s.p.a"}  # fmt: skip
# Ranks that head a function or an area: "Vice President, Global Supply Chain".
RANK_HEADS = {"president", "director", "head", "vp", "svp", "evp", "avp"}
# Levels after a title's head noun: "Engineer II", "Technician 2", "Nurse Band 5", "Analyst Sr."
_LEVEL = re.compile(
    r"(?:\s+(?:[IVX]{1,4}|\d{1,2}|(?i:level|grade|band|tier)\s*\d+"
    r"|(?i:senior|junior|sr|jr|snr|jnr)\.?))+\s*$"
)
# "Head of Sales", "Assistant to the Director", "University of Leeds": the head comes first.
_LINK = re.compile(r"\s(?:of|for|to|in)\s")


def head_noun(frag: str) -> str:
    """The word a name is about: the last one ("Software Engineer II" -> engineer), or the
    one before "of"/"for"/"to"/"in" ("Head of Sales" -> head, "Bank of England" -> bank)."""
    link = _LINK.search(frag)
    words = _LEVEL.sub("", frag[: link.start()] if link else frag).split()
    return words[-1].lower().strip(",.") if words else ""


def title_score(frag: str, taxonomy: Taxonomy) -> int:
    """2: its head noun names a job; 1: a known job title; 0: not a title."""
    head = head_noun(frag)
    if head in TITLE_HEADS and not _LEGAL & _words(frag):
        return 2
    if head in ORG_WORDS or _LEGAL & _words(frag):
        return 0
    return 1 if taxonomy.match_title(frag) is not None else 0


def is_org(frag: str, *, strict: bool = False) -> bool:
    """ "Acme Ltd", "St James's Hospital", "Northern Care Services", "IBM" — but not
    "Software Engineer" or "Healthcare Assistant", whose head noun names a job.
    `strict`: only by a legal form or an organisation's head noun ("... Hospital"), not
    by a word that may also name an area ("Global Supply Chain")."""
    words = _words(frag)
    if _LEGAL & words:
        return True
    head = head_noun(frag)
    if head in TITLE_HEADS:
        return False
    if strict:
        return head in ORG_WORDS
    return bool(words & ORG_WORDS) or (frag.isupper() and len(frag) <= 6)


def _words(frag: str) -> set[str]:
    return {w.lower().strip(",.") for w in frag.split()}
