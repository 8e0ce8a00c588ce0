"""The profile as it is saved, with the user's own edits kept across rebuilds.

Every profiling run rebuilds the profile from the CVs, so an edit made in the
window would be lost if nothing remembered it. Two small records in
``user.profile_data`` do:

- ``offline_values``: what profiling last read from the CVs for the contact
  fields (``EDITABLE``);
- ``user_overrides``: the user's own values for those fields.

At the next run, a stored contact field that differs from its offline value
was typed by the user (in the profile form or the first-run questions) and
becomes an override; an override is applied on top of what the CVs say.
Clearing a field hands it back to the CVs. Skills the user added by hand are
kept too. Everything else (experience, education, skills found, summary) is
rebuilt from the CVs.
"""

from __future__ import annotations

from typing import Any

from app.profiling.models import Profile, Source

EDITABLE = ("name", "email", "phone", "location", "headline")
OVERRIDES_KEY = "user_overrides"
OFFLINE_KEY = "offline_values"
#: Keys ``load_profile`` adds from other columns; they are not part of the profile data.
NOT_PROFILE = ("persona", "preferences", "profile_version")
#: Where an overridden field came from, as the window's "where the facts came from" shows it.
YOUR_EDIT = "your edit"


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def user_overrides(stored: dict[str, Any]) -> dict[str, str]:
    """The user's values for the contact fields, from the stored profile (``load_profile``)."""
    overrides = {k: v for k, v in (stored.get(OVERRIDES_KEY) or {}).items() if k in EDITABLE}
    offline = stored.get(OFFLINE_KEY) or {}
    for field in EDITABLE:
        current = _text(stored.get(field))
        if current is None or current == _text(offline.get(field)):
            overrides.pop(field, None)
        else:
            overrides[field] = current
    return overrides


def apply_overrides(profile: Profile, overrides: dict[str, str]) -> dict[str, str | None]:
    """Put the user's values on ``profile``; returns what the CVs said (the offline values)."""
    offline = {field: getattr(profile, field) for field in EDITABLE}
    for field, value in overrides.items():
        setattr(profile, field, value)
        profile.provenance[field] = Source(filename=YOUR_EDIT)
    return offline


def _added_by_user(skill: Any) -> bool:
    return isinstance(skill, dict) and (
        skill.get("added_by") == "user" or skill.get("evidence") == "Added by you."
    )


def profile_data(
    profile: Profile, *, stored: dict[str, Any], offline: dict[str, str | None],
    overrides: dict[str, str],
) -> dict[str, Any]:  # fmt: skip
    """The dict ``save_profile`` stores: the profile's JSON and the two records above."""
    data = profile.model_dump(mode="json")
    known = {str(s.get("name", "")).casefold() for s in data["skills"]}
    for skill in stored.get("skills") or []:
        if _added_by_user(skill) and str(skill.get("name", "")).casefold() not in known:
            data["skills"].append(skill)
    data[OFFLINE_KEY] = offline
    data[OVERRIDES_KEY] = overrides
    return data


def unchanged(data: dict[str, Any], stored: dict[str, Any]) -> bool:
    """True when saving ``data`` would store what is stored already."""
    return data == {k: v for k, v in stored.items() if k not in NOT_PROFILE}
