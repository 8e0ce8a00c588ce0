"""Grouping repeats of one job without merging different jobs, on real-world names and places;
and stored jobs regrouped when the rule changes."""

import pytest

from app.search.changes import compare
from app.sources import dedupe, make_posting
from app.sources.dedupe import normalize_company, normalize_location
from app.storage.database import Database
from app.storage.job_listing import list_job_rows
from app.storage.jobs import MatchWrite, SearchWrite, load_stored_jobs, save_search
from app.storage.users import local_user_id


def _p(ident, location, *, remote=None):
    return make_posting(source="file:x", external_id=ident, title="Cashier", company="Kroger",
                        location=location, remote=remote, description="Till work.")  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Springfield, IL", "Springfield, MO"),
        ("Portland, OR", "Portland, ME"),
        ("London, ON", "London, UK"),
        ("Hybrid (Leeds)", "Hybrid (Bristol)"),
        ("Remote (US)", "Remote (EMEA)"),
        ("Remote - Canada", "Remote"),
    ],
)
def test_different_places_stay_apart(a, b):
    remote = "remote" if "Remote" in a else None
    first, second = _p("1", a, remote=remote), _p("2", b, remote="remote" if remote else None)
    assert first.group_key != second.group_key
    assert len(dedupe([first, second]).unique) == 2


def test_a_place_in_brackets_is_kept():
    assert normalize_location("Hybrid (Leeds)", "hybrid") == "leeds"
    assert normalize_location("Remote (Canada)", "remote") == "remote canada"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Springfield, IL", "Springfield, Illinois, United States"),
        ("Springfield, IL", "Springfield, IL, US"),
        ("Lyon, France", "Lyon"),
        ("Lyon, France", "Lyon, ARA, FR"),
        ("München, Bayern", "Munich, Bayern"),
        ("Wien, Österreich", "Vienna, Austria"),
    ],
)
def test_one_place_written_two_ways_is_grouped(a, b):
    assert _p("1", a).group_key == _p("2", b).group_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Adecco Nederland B.V.", "Adecco Nederland"),
        ("Banco Santander, S.A.", "Banco Santander"),
        ("Philips N.V.", "Philips"),
        ("Ferrero S.p.A.", "Ferrero"),
        ("Bosch GmbH", "Bosch"),
        ("Tesco Stores Ltd", "Tesco Stores"),
        ("Pfizer Inc.", "Pfizer"),
        ("Chewy, L.L.C.", "Chewy LLC"),
        ("Dr. Oetker GmbH & Co. KG", "Dr. Oetker"),
    ],
)
def test_legal_forms_are_dropped(a, b):
    assert normalize_company(a) == normalize_company(b)


def test_only_the_end_of_a_name_is_a_legal_form():
    assert normalize_company("Co-op") == "co op"
    assert normalize_company("The Company Store") == "company store"
    assert normalize_company("The Group Practice Ltd") == "group practice"
    assert normalize_company("Company") == "company"
    assert normalize_company("Co-op") != normalize_company("OP")


async def test_stored_jobs_are_regrouped_when_seen_again(tmp_path):
    """Jobs stored under an older, coarser key get the current one at the next search:
    the rows (ids, scores) stay, only their grouping changes."""
    db = await Database.open(f"sqlite:///{tmp_path / 'jobs.sqlite3'}")
    try:
        user = await local_user_id(db)
        ohio, georgia = _p("oh", "Columbus, OH"), _p("ga", "Columbus, GA")
        fresh = {p.external_id: p.group_key for p in (ohio, georgia)}
        for p in (ohio, georgia):
            p.group_key = "kroger|cashier|columbus"  # what the old rule stored
        ids = await save_search(db, SearchWrite(
            user, None, "offline", None, "fp", upserts=[ohio, georgia],
            matches=[MatchWrite(("file:x", "oh"), 61.0, {"summary": "s"}, "0", ohio.content_hash)],
        ))  # fmt: skip
        assert len(await list_job_rows(db, user)) == 1  # merged: one of them was hidden

        again = [_p("oh", "Columbus, OH"), _p("ga", "Columbus, GA")]
        stored = await load_stored_jobs(db, user, sources={"file:x"}, scorer="offline")
        changes = await compare(again, stored, complete_sources={"file:x"})
        assert changes.unchanged == 2 and changes.close_ids == []
        assert {p.external_id for p in changes.upserts} == {"oh", "ga"}
        write = SearchWrite(user, None, "offline", None, "fp", upserts=changes.upserts,
                            touch_ids=changes.touch_ids)  # fmt: skip
        await save_search(db, write)
        rows = await list_job_rows(db, user)
        assert {r.job_id for r in rows} == set(ids.values())
        assert {r.group_key for r in rows} == set(fresh.values())
        assert next(r for r in rows if r.location == "Columbus, OH").score == 61.0

        # Seen once more: nothing left to regroup, so the rows are only touched.
        stored = await load_stored_jobs(db, user, sources={"file:x"}, scorer="offline")
        changes = await compare(again, stored, complete_sources={"file:x"})
        assert changes.upserts == [] and len(changes.touch_ids) == 2
    finally:
        await db.close()
