"""Postings from a local JSON, JSON Lines or CSV file (``file:/path/jobs.csv``).

Column names are matched loosely (case and separators ignored), so a hand-made sheet, an
export from another tool, or the CSV the JobSpy scraper writes (``id, site, job_url,
job_url_direct, title, company, location, date_posted, job_type, interval, min_amount,
max_amount, currency, is_remote, description, ...``) all load. A JSON file holds a list of
objects, or an object with that list under ``jobs``, ``data``, ``postings`` or ``results``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

from app.sources.base import Adapter, FetchContext
from app.sources.http import SourceFetchError, in_thread
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary import salary_from_fields
from app.sources.spec import SourceSpec

KIND = "file"
MAX_FILE_BYTES = 512 * 1024 * 1024

_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "externalid", "jobid", "postingid", "slug", "uuid", "guid"),
    "url": ("joburl", "url", "link", "absoluteurl", "hostedurl", "applyurl", "joburldirect"),
    "title": ("title", "jobtitle", "position", "role", "name", "text"),
    "company": ("company", "companyname", "employer", "organization", "organisation"),
    "location": ("location", "joblocation", "candidaterequiredlocation", "city"),
    "remote": ("isremote", "remote", "workplacetype", "workplace", "locationtype"),
    "employment": ("jobtype", "employmenttype", "commitment", "type", "contracttype"),
    "min": ("minamount", "salarymin", "minsalary", "compensationmin"),
    "max": ("maxamount", "salarymax", "maxsalary", "compensationmax"),
    "currency": ("currency", "salarycurrency"),
    "interval": ("interval", "salaryinterval", "payperiod", "salaryperiod"),
    "salary_text": ("salary", "compensation", "pay", "salaryrange"),
    "description": ("description", "descriptionhtml", "content", "body", "summary",
                    "descriptionplain", "jobdescription"),
    "posted": ("dateposted", "postedat", "publishedat", "publicationdate", "createdat",
               "date", "posted", "updatedat"),
    "department": ("department", "team", "jobfunction", "category"),
}  # fmt: skip
_KEY_RE = re.compile(r"[^a-z0-9]")
_MD_RE = [
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),  # markdown escapes: "\-" -> "-"
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"^[ \t]*[*+][ \t]+", re.M), "- "),  # bullets
    (re.compile(r"^#{1,6}\s*", re.M), ""),  # headings
]


def _markdown_to_text(text: str) -> str:
    """JobSpy writes descriptions as Markdown; keep the words, drop the markup."""
    for regex, repl in _MD_RE:
        text = regex.sub(repl, text)
    return text


def _pick(row: dict[str, Any], field: str) -> Any:
    for name in _FIELDS[field]:
        value = row.get(name)
        if value not in (None, ""):
            return value
    return None


def _blank(value: Any) -> bool:
    return value is None or (
        isinstance(value, str) and value.strip().lower() in ("", "nan", "none")
    )


def record_to_posting(record: dict[str, Any], spec: SourceSpec, index: int) -> Posting | None:
    """One row or JSON object as a ``Posting``; None when it has no title."""
    row = {_KEY_RE.sub("", str(k).lower()): (None if _blank(v) else v) for k, v in record.items()}
    title = _pick(row, "title")
    if not title or isinstance(title, (dict, list)):
        return None
    url = _pick(row, "url")
    company = _pick(row, "company")
    if isinstance(company, dict):
        company = company.get("name")
    location = _pick(row, "location")
    if isinstance(location, dict):
        location = location.get("name") or location.get("city")
    ident = _pick(row, "id")
    if ident is None:  # stable across reloads of the same file
        basis = f"{url}|{title}|{company}|{location}|{index if not url else ''}"
        ident = hashlib.sha256(basis.encode()).hexdigest()[:24]
    pay = salary_from_fields(
        _pick(row, "min"), _pick(row, "max"), _pick(row, "currency"), _pick(row, "interval")
    )
    text = _pick(row, "description")
    text = str(text) if text is not None else ""
    is_html = bool(re.search(r"<\s*[a-zA-Z][^>]*>|&lt;[a-zA-Z]", text))
    extra = {
        k: row[k] for k in ("site", "joburldirect", "joblevel", "companyindustry") if row.get(k)
    }
    salary_text = _pick(row, "salary_text")
    return make_posting(
        source=spec.key,
        external_id=ident,
        title=title,
        url=url,
        company=company,
        location=location,
        remote=_pick(row, "remote"),
        employment=_pick(row, "employment"),
        salary=pay,
        salary_text=str(salary_text) if salary_text is not None else None,
        description_html=text if is_html else None,
        description=None if is_html else _markdown_to_text(text),
        posted_at=_pick(row, "posted"),
        department=_pick(row, "department"),
        extra=extra or None,
    )


def _records(content: bytes, path: str, spec: SourceSpec) -> list[dict[str, Any]]:
    text = content.decode("utf-8-sig", errors="replace")
    lower = path.lower()
    if lower.endswith(".csv"):
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if lower.endswith(".jsonl"):
        try:
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise SourceFetchError(spec.key, f"malformed JSON Lines: {exc.msg}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceFetchError(
            spec.key, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if isinstance(data, dict):
        for key in ("jobs", "data", "postings", "results", "items"):
            if isinstance(data.get(key), list):
                return data[key]
        raise SourceFetchError(spec.key, "JSON object has no 'jobs' (or 'data') list")
    if not isinstance(data, list):
        raise SourceFetchError(spec.key, "JSON file must hold a list of postings")
    return data


def parse(content: bytes, spec: SourceSpec) -> list[Posting]:
    """Postings from a file's bytes; the spec's id (the path) gives the format."""
    out = []
    for i, rec in enumerate(_records(content, spec.id, spec)):
        if isinstance(rec, dict):
            posting = record_to_posting(rec, spec, i)
            if posting is not None:
                out.append(posting)
    return out


def _read(path: Path, spec: SourceSpec) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceFetchError(spec.key, f"file is {size // 2**20} MB, over the limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceFetchError(spec.key, f"file not found: {path}") from None
    except OSError as exc:
        raise SourceFetchError(spec.key, f"cannot read {path}: {exc.strerror}") from None


async def fetch(ctx: FetchContext, spec: SourceSpec) -> list[Posting]:
    path = Path(spec.id).expanduser()
    content = await in_thread(_read, path, spec)
    return await in_thread(parse, content, spec)


ADAPTER = Adapter(kind=KIND, default_base="", fetch=fetch, terms="A local file; no network.")
