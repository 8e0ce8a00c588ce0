"""Languages with their levels, wherever a CV lists them, and referees."""

from __future__ import annotations

from datetime import date

from app.profiling.extract.types import TEXT, ExtractedDocument
from app.profiling.parse.cv import parse_document
from app.profiling.profile import SourceDocument, build_profile
from app.profiling.taxonomy import load_taxonomy


def parse(text: str):
    return parse_document(ExtractedDocument(TEXT, [text]), load_taxonomy())


def profile(text: str):
    doc = SourceDocument(1, "cv.txt", ExtractedDocument(TEXT, [text]))
    return build_profile([doc], today=date(2026, 11, 1))


def levels(languages):
    return [(lang.name, lang.level) for lang in languages]


EUROPASS = """Tomás Novák
tomas.novak@example.cz

WORK EXPERIENCE
03/2017 – present
Warehouse Supervisor
Rohlik Group, Prague (Czech Republic)

PERSONAL SKILLS

Mother tongue(s)
Czech

Other language(s)
English B2
German A2

Communication skills
Good team communication gained as a shift supervisor

Digital skills
Microsoft Excel, SAP WM
"""


def test_europass_languages_with_cefr_levels():
    cv = parse(EUROPASS)
    assert levels(cv.languages) == [("Czech", "native"), ("English", "B2"), ("German", "A2")]


def test_europass_language_lines_are_not_skills_and_skills_after_them_still_count():
    p = profile(EUROPASS)
    names = {s.name for s in p.skills}
    assert not {n for n in names if "tongue" in n.lower() or "B2" in n or "language" in n.lower()}
    assert "Excel" in names  # "Digital skills" after the languages is still a skills list


def test_bulleted_bilingual_label_in_skills():
    cv = parse("Ana Ruiz\n\nSkills\n- Stock control\n- Bilingual: English and Spanish\n")
    assert levels(cv.languages) == [("English", "bilingual"), ("Spanish", "bilingual")]


def test_cefr_list_inside_a_skills_section():
    cv = parse("Ana Ruiz\n\nSkills\n• Forklift (counterbalance)\n• French C1, Italian B1\n")
    assert levels(cv.languages) == [("French", "C1"), ("Italian", "B1")]


def test_speaker_in_prose():
    cv = parse("Owain Price\n\nAdditional information\nClean driving licence. Welsh speaker.\n")
    assert levels(cv.languages) == [("Welsh", None)]


def test_languages_section_with_native_and_fluent():
    cv = parse("Li Wei\n\nLanguages\nMandarin – mother tongue\nEnglish: fluent\nJapanese (basic)\n")
    assert levels(cv.languages) == [("Mandarin", "native"), ("English", "fluent"),
                                    ("Japanese", "basic")]  # fmt: skip


def test_german_language_section():
    cv = parse("Jonas Weber\n\nSPRACHKENNTNISSE\nDeutsch – Muttersprache\nEnglisch – B2\n")
    assert levels(cv.languages) == [("German", "native"), ("English", "B2")]


def test_referee_with_a_title_and_a_two_word_role():
    cv = parse(
        "Ruth Adeyemi\nruth@example.com\n\nREFEREES\n"
        "Mr Paul Hendry\nAssistant Headteacher, Greenfield Academy\n"
        "p.hendry@greenfield.example.org | 0161 496 0321\n\n"
        "Ms Joanne Patel\nSENCo, Hillside Primary School\njpatel@hillside.example.org\n"
    )
    refs = [(r.name, r.details, r.email) for r in cv.references.referees]
    assert refs == [
        ("Paul Hendry", "Assistant Headteacher, Greenfield Academy",
         "p.hendry@greenfield.example.org"),
        ("Joanne Patel", "SENCo, Hillside Primary School", "jpatel@hillside.example.org"),
    ]  # fmt: skip
    assert cv.references.referees[0].phone == "0161 496 0321"


def test_referees_one_per_line_without_contact_details():
    cv = parse(
        "Ruth Adeyemi\n\nReferences\nKaren Doyle, Store Manager, Tesco Extra\n"
        "Martin Fry, Team Leader, Argos\n"
    )
    assert [r.name for r in cv.references.referees] == ["Karen Doyle", "Martin Fry"]


def test_referees_name_then_role_without_blank_lines():
    cv = parse(
        "Ruth Adeyemi\n\nReferees\nSimone Clarke\nStore Manager\nDerek Holt\n"
        "Area Manager, Boots UK\n"
    )
    refs = [(r.name, r.details) for r in cv.references.referees]
    assert refs == [("Simone Clarke", "Store Manager"), ("Derek Holt", "Area Manager, Boots UK")]
