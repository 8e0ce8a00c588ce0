import pytest

from app.sources import KINDS, SourceSpec, get_adapter, parse_spec


def test_parses_each_kind():
    assert parse_spec("greenhouse:acme") == SourceSpec("greenhouse", "acme")
    assert parse_spec(" Lever:acme-labs ").kind == "lever"
    assert parse_spec("rss:https://example.org/jobs.rss").id == "https://example.org/jobs.rss"
    assert parse_spec("file:/tmp/jobs.csv").id == "/tmp/jobs.csv"
    assert parse_spec("remotive:").id == "all"
    assert parse_spec("remotive:search=python").id == "search=python"
    assert parse_spec("arbeitnow:").key == "arbeitnow:all"
    spec = parse_spec("lever:acme", base_url="https://api.eu.lever.co/", name="Acme EU")
    assert spec.base_url == "https://api.eu.lever.co"
    assert spec.name == "Acme EU"
    assert str(spec) == spec.key == "lever:acme"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty source"),
        ("acme", "has no kind"),
        ("workday:acme", "unknown source kind 'workday'"),
        ("greenhouse:", "greenhouse source needs an id"),
        ("greenhouse:../etc", "invalid greenhouse id"),
        ("lever:a?b=c", "invalid lever id"),
        ("rss:example.org/feed", "needs an http(s) feed URL"),
        ("file:", "needs a path"),
        ("file:jobs.xlsx", "must be a .csv, .json or .jsonl"),
        ("remotive:python", "remotive id must be"),
    ],
)
def test_bad_specs_say_why(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_spec(text)


def test_bad_base_url():
    with pytest.raises(ValueError, match="base URL must be an http"):
        parse_spec("greenhouse:acme", base_url="ftp://x")


def test_every_kind_has_an_adapter():
    for kind in KINDS:
        assert get_adapter(kind).kind == kind
    with pytest.raises(ValueError, match="unknown source kind"):
        get_adapter("workday")
