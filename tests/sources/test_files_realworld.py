"""File sources and pasted postings as people actually make them: Excel exports in other
encodings and separators, files with nothing usable, loosely typed JSON."""

import json

import pytest

from app.sources import SourceFetchError, fetch_all, parse_spec, posting_from_text
from app.sources.files import parse
from app.sources.spec import SourceSpec


def _parse(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return parse(content, SourceSpec(kind="file", id=str(path)))


def test_windows_1252_semicolon_csv_from_excel(tmp_path):
    content = "Title;Company;Location;Salary\r\nPflegekraft;Charité;Berlin;3.600 € brutto monatlich"
    [p] = _parse(tmp_path, "jobs.csv", content.encode("cp1252"))
    assert (p.title, p.company, p.location) == ("Pflegekraft", "Charité", "Berlin")
    assert (p.salary_min, p.salary_currency, p.salary_interval) == (3600, "EUR", "month")
    uk = 'title,company,salary\nCare Assistant,Bupa,"£24,500 per annum"\n'.encode("cp1252")
    [q] = _parse(tmp_path, "uk.csv", uk)
    assert (q.salary_min, q.salary_currency) == (24500, "GBP")


def test_utf16_tab_separated_export(tmp_path):
    content = "title\tcompany\nWelder\tAcme Fabrication\n".encode("utf-16")
    [p] = _parse(tmp_path, "jobs.csv", content)
    assert (p.title, p.company) == ("Welder", "Acme Fabrication")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.csv", b"", "the file is empty"),
        ("a.json", b"  \n", "the file is empty"),
        ("a.csv", b"title,company,location\r\n", "header row but no postings"),
        ("a.csv", b"job name,firm,place\nNurse,Acme,Leeds\n", "no title column among 'job name'"),
        ("a.json", b'["x", 2, null]', "holds no postings"),
        ("a.json", b'[{"company": "Acme"}, {"title": ""}]', "none of the 2 postings has a title"),
    ],
)
def test_files_with_nothing_usable_say_why(tmp_path, name, content, reason):
    with pytest.raises(SourceFetchError, match=reason):
        _parse(tmp_path, name, content)


async def test_an_unusable_file_is_a_warning_of_the_search(tmp_path, client):
    path = tmp_path / "export.csv"
    path.write_text("job name,firm\nNurse,Acme\n")
    report = await fetch_all(client, [parse_spec(f"file:{path}")])
    [(spec, reason)] = report.failures
    assert spec.kind == "file" and "no title column" in reason
    assert report.results[0].complete is False  # stored postings are not marked closed


def test_loosely_typed_json_fields(tmp_path):
    jobs = {"jobs": [
        {"title": "Home Health Aide", "company": {"name": "Visiting Angels"},
         "location": ["Akron, OH", "Canton, OH"], "description": ["Visit clients.", "Drive."],
         "salary": 39000, "currency": "USD", "department": ["Home care"]},
        {"title": "Dietitian", "location": {"city": "Leeds", "country": "UK"},
         "salary": {"min": 33000, "max": 38000, "currency": "GBP"}},
        {"title": "Porter", "min_amount": "$31,000", "max_amount": "34k", "currency": "USD"},
        {"title": "Clerk", "min_amount": 1e300, "currency": "USD"},
    ]}  # fmt: skip
    a, b, c, d = _parse(tmp_path, "jobs.json", json.dumps(jobs).encode())
    assert (a.company, a.location, a.department) == (
        "Visiting Angels", "Akron, OH / Canton, OH", "Home care")  # fmt: skip
    assert a.description == "Visit clients.\nDrive."
    assert (a.salary_min, a.salary_max, a.salary_currency) == (39000, 39000, "USD")
    assert b.location == "Leeds, UK"
    assert (b.salary_min, b.salary_max, b.salary_currency) == (33000, 38000, "GBP")
    assert (c.salary_min, c.salary_max) == (31000, 34000)
    assert d.salary_min is None and d.salary_max is None


def test_pasted_text_labels_need_a_separator():
    text = (
        "Dental Assistant\n"
        "Company: Bright Smiles Dental\n"
        "Pay - $21 - $26 an hour\n\n"
        "Position - we are looking for a caring dental assistant to join our busy team.\n"
        "Company-paid dental and vision insurance.\n"
        "Location-based bonuses may apply.\n"
        "This is an on-site role in Tulsa, OK."
    )
    p = posting_from_text(text)
    assert (p.title, p.company, p.location) == ("Dental Assistant", "Bright Smiles Dental", None)
    assert (p.salary_min, p.salary_max, p.salary_interval) == (21, 26, "hour")
    assert p.remote == "onsite"


def test_pasted_text_skips_a_page_heading():
    p = posting_from_text("About the job\n\nWarehouse Lead\nLocation - Reno, NV\n\nLead a team.")
    assert (p.title, p.location) == ("Warehouse Lead", "Reno, NV")
