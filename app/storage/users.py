"""The local user: a desktop app works for one person, the first row of ``user``."""

from __future__ import annotations

from sqlalchemy import select

from app.storage.database import Database
from app.storage.models import User


async def local_user_id(db: Database) -> int:
    """The id of the local user, created on first use."""
    async with db.session() as session:
        user_id = await session.scalar(select(User.id).order_by(User.id).limit(1))
        if user_id is None:
            user = User()
            session.add(user)
            await session.flush()
            user_id = user.id
        return user_id


async def get_user(db: Database, user_id: int) -> User | None:
    async with db.session() as session:
        return await session.get(User, user_id)
