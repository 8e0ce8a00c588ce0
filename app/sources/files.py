"""Postings from a local JSON, JSON Lines or CSV file (``file:/path/jobs.csv``).

Column names are matched loosely (case and separators ignored), so a hand-made sheet, an
export from another tool, or the CSV the JobSpy scraper writes (``id, site, job_url,
job_url_direct, title, company, location, date_posted, job_type, interval, min_amount,
max_amount, currency, is_remote, description, ...``) all load. A JSON file holds a list of
objects, or an object with that list under ``jobs``, ``data``, ``postings`` or ``results``.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import logging
import re
from pathlib import Path
from typing import Any

from app.sources.base import Adapter, FetchContext
from app.sources.http import SourceFetchError, in_thread
from app.sources.models import Posting
from app.sources.normalize import make_posting
from app.sources.salary_fields import salary_from_fields, salary_from_value
from app.sources.spec import SourceSpec
from app.sources.text import markdown_to_text

log = logging.getLogger(__name__)

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
_HTML_RE = re.compile(r"<\s*[a-zA-Z][^>]*>|&lt;[a-zA-Z]")


def _pick(row: dict[str, Any], field: str) -> Any:
    for name in _FIELDS[field]:
        value = row.get(name)
        if value not in (None, ""):
            return value
    return None


def _blank(value: Any) -> bool:
    if isinstance(value, float):
        return value != value  # NaN
    return value is None or (
        isinstance(value, str) and value.strip().lower() in ("", "nan", "none", "null")
    )


def _text(value: Any, joiner: str = " / ") -> str | None:
    """A field as text, whatever JSON shape it came in: a list is joined ("Columbus, OH /
    Dayton, OH"), an object gives its name or its place parts, a number its digits."""
    if _blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        parts = [t for t in (_text(v, joiner) for v in value) if t]
        return joiner.join(dict.fromkeys(parts)) or None
    if isinstance(value, dict):
        if value.get("name") not in (None, ""):
            return _text(value["name"], joiner)
        keys = ("city", "region", "state", "country")
        parts = [t for t in (_text(value.get(k)) for k in keys) if t]
        return ", ".join(parts) or None
    return None


def record_to_posting(record: dict[str, Any], spec: SourceSpec, index: int) -> Posting | None:
    """One row or JSON object as a ``Posting``; None when it has no title."""
    row = {_KEY_RE.sub("", str(k).lower()): (None if _blank(v) else v) for k, v in record.items()}
    title = _pick(row, "title")
    if not isinstance(title, str) or not title.strip():
        return None
    url = _pick(row, "url")
    url = url if isinstance(url, str) else None
    company = _text(_pick(row, "company"))
    location = _text(_pick(row, "location"))
    ident = _text(_pick(row, "id"))
    if ident is None:  # stable across reloads of the same file
        basis = f"{url}|{title}|{company}|{location}|{index if not url else ''}"
        ident = hashlib.sha256(basis.encode()).hexdigest()[:24]
    currency, interval = _pick(row, "currency"), _pick(row, "interval")
    pay = salary_from_fields(_pick(row, "min"), _pick(row, "max"), currency, interval)
    if pay is None:
        pay = salary_from_value(_pick(row, "salary_text"), currency=currency, interval=interval)
    text = _text(_pick(row, "description"), "\n") or ""
    is_html = bool(_HTML_RE.search(text))
    extra = {
        k: row[k] for k in ("site", "joburldirect", "joblevel", "companyindustry") if row.get(k)
    }
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
        description_html=text if is_html else None,
        description=None if is_html else markdown_to_text(text),
        posted_at=_pick(row, "posted"),
        department=_text(_pick(row, "department")),
        extra=extra or None,
    )


def _decode(content: bytes) -> str:
    """Text of a file saved as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
    text") or, failing those, Windows-1252 (Excel's plain "CSV" on Windows)."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _delimiter(header: str) -> str:
    """The separator the header row uses most: "," or the ";" of European Excel, tab, "|"."""
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(text: str, spec: SourceSpec) -> list[dict[str, Any]]:
    header = text.lstrip("\r\n").partition("\n")[0]
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(header))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise SourceFetchError(spec.key, f"malformed CSV: {exc}") from None
    columns = {_KEY_RE.sub("", str(c).lower()) for c in reader.fieldnames or ()}
    if not columns & set(_FIELDS["title"]):
        names = ", ".join(repr(c) for c in reader.fieldnames or ())
        raise SourceFetchError(
            spec.key,
            f"no title column among {names}; name the job title column 'title' "
            "(or 'job title', 'position', 'role')",
        )
    if not rows:
        raise SourceFetchError(spec.key, "the file has a header row but no postings")
    return rows


def _records(content: bytes, path: str, spec: SourceSpec) -> list[dict[str, Any]]:
    text = _decode(content)
    if not text.strip():
        raise SourceFetchError(spec.key, "the file is empty")
    lower = path.lower()
    if lower.endswith(".csv"):
        return _csv_records(text, spec)
    if lower.endswith(".jsonl"):
        try:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise SourceFetchError(spec.key, f"malformed JSON Lines: {exc.msg}") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SourceFetchError(
                spec.key, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            ) from None
    if isinstance(data, dict):
        for key in ("jobs", "data", "postings", "results", "items"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            raise SourceFetchError(spec.key, "JSON object has no 'jobs' (or 'data') list")
    if not isinstance(data, list):
        raise SourceFetchError(spec.key, "JSON file must hold a list of postings")
    records = [item for item in data if isinstance(item, dict)]
    if not records:
        raise SourceFetchError(
            spec.key, f"the list holds no postings (objects with a title): {len(data)} items"
        )
    return records


def parse(content: bytes, spec: SourceSpec) -> list[Posting]:
    """Postings from a file's bytes; the spec's id (the path) gives the format.

    Raises ``SourceFetchError`` when the file holds nothing usable (empty, no title
    column, no row with a title), so the search shows a warning instead of quietly
    finding nothing.
    """
    records = _records(content, spec.id, spec)
    out = []
    for i, rec in enumerate(records):
        posting = record_to_posting(rec, spec, i)
        if posting is not None:
            out.append(posting)
    if not out:
        raise SourceFetchError(
            spec.key, f"none of the {len(records)} postings has a title; nothing to import"
        )
    if len(out) < len(records):
        log.info("%s: skipped %d rows without a title", spec.key, len(records) - len(out))
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
