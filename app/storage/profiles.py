"""The user's profile as stored: ``user.profile_data`` plus the columns the issue names.

Every change bumps ``profile_version``, so match scores and model reviews
made against an older profile are known to be stale.
"""

from __future__ import annotations

from typing import Any

from app.storage.database import Database
from app.storage.models import User

#: Profile fields that also live in their own ``user`` columns.
_COLUMNS = ("name", "email", "location", "profile_text", "suggested_job_titles", "references")


async def load_profile(db: Database, user_id: int) -> dict[str, Any]:
    """The profile JSON (empty dict when none was built yet), with the column values on top."""
    async with db.session() as session:
        user = await session.get(User, user_id)
        if user is None:
            raise LookupError(f"user {user_id} does not exist")
        data = dict(user.profile_data or {})
        for column in _COLUMNS:
            value = getattr(user, column)
            if value not in (None, [], ""):
                data[column] = value
        data["persona"] = user.persona
        data["preferences"] = dict(user.preferences or {})
        data["profile_version"] = user.profile_version
        return data


async def save_profile(db: Database, user_id: int, data: dict[str, Any]) -> int:
    """Store a whole profile; returns the new profile version."""
    async with db.session() as session:
        user = await session.get(User, user_id)
        if user is None:
            raise LookupError(f"user {user_id} does not exist")
        stored = {k: v for k, v in data.items()
                  if k not in ("persona", "preferences", "profile_version")}
        user.profile_data = stored
        for column in _COLUMNS:
            if column in data:
                setattr(user, column, data[column])
        user.profile_version = (user.profile_version or 0) + 1
        return user.profile_version


async def update_user(db: Database, user_id: int, **fields: Any) -> None:
    """Change identity or preference columns (name, email, location, preferences, persona…).

    Fields that feed matching (location, preferences, persona) bump the profile version.
    """
    async with db.session() as session:
        user = await session.get(User, user_id)
        if user is None:
            raise LookupError(f"user {user_id} does not exist")
        for name, value in fields.items():
            setattr(user, name, value)
        if {"location", "preferences", "persona", "profile_text"} & set(fields):
            user.profile_version = (user.profile_version or 0) + 1
