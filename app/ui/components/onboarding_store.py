"""The first-run answers, kept in the user row as they are given, so closing the app
half-way loses nothing.

Name, email and location go to their ``user`` columns; work preferences to
``user.preferences`` under the keys the matcher reads (``remote_modes``,
``locations``, ``salary_floor``, ``salary_currency``, ``wanted_titles``) plus
``basic_info``; the onboarding's own progress (step, chosen CV files, done)
under ``preferences["onboarding"]``. Qt-free.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.database import Database

REMOTE_MODES = ("remote", "hybrid", "onsite")
_PREFERENCE_KEYS = ("remote_modes", "locations", "salary_floor", "salary_currency",
                    "wanted_titles", "basic_info")  # fmt: skip


@dataclass
class OnboardingDraft:
    name: str = ""
    email: str = ""
    location: str = ""
    basic_info: str = ""
    remote_modes: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    salary_floor: float | None = None
    salary_currency: str = "EUR"
    wanted_titles: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    step: int = 0
    completed: bool = False
    #: The user already has a profile (built earlier, or by the CLI): no onboarding needed.
    has_profile: bool = False

    @property
    def needed(self) -> bool:
        return not self.completed and not self.has_profile


async def load_draft(db: Database, user_id: int) -> OnboardingDraft:
    from app.storage.users import get_user

    user = await get_user(db, user_id)
    if user is None:
        return OnboardingDraft()
    prefs: dict[str, Any] = dict(user.preferences or {})
    progress = prefs.get("onboarding") or {}
    draft = OnboardingDraft(
        name=user.name or "",
        email=user.email or "",
        location=user.location or "",
        step=int(progress.get("step", 0)),
        files=list(progress.get("files", [])),
        completed=bool(progress.get("completed", False)),
        has_profile=bool(user.profile_data),
    )
    for key in _PREFERENCE_KEYS:
        if prefs.get(key) not in (None, ""):
            setattr(draft, key, prefs[key])
    return draft


async def save_draft(db: Database, user_id: int, draft: OnboardingDraft) -> None:
    from app.storage.profiles import update_user
    from app.storage.users import get_user

    user = await get_user(db, user_id)
    prefs = dict(user.preferences or {}) if user is not None else {}
    values = asdict(draft)
    for key in _PREFERENCE_KEYS:
        prefs[key] = values[key]
    prefs["onboarding"] = {"step": draft.step, "files": list(draft.files),
                           "completed": draft.completed}  # fmt: skip
    await update_user(
        db, user_id,
        name=draft.name.strip() or None,
        email=draft.email.strip() or None,
        location=draft.location.strip() or None,
        preferences=prefs,
    )  # fmt: skip
