"""Profile enrichment: a model rewrites the summary and suggests titles; code keeps it honest.

The model sees the CV (personal data removed for cloud models) and the
offline profile, and answers with an ``Enrichment``. Before anything is
saved, every skill, employer, title and date it adds is looked up in the CV
text (``app.agents.grounding``): sentences and suggestions that make claims
the CV does not support are dropped and counted. When the call fails, the
offline profile is not touched.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field
from sqlalchemy import select

from app.agents.grounding import Claim, CvEvidence, normalise
from app.core.errors import UserError
from app.storage.models import Document
from app.storage.profiles import load_profile, save_profile

if TYPE_CHECKING:
    from app.agents.gateway import ModelGateway
    from app.runtime import Runtime
    from app.storage.database import Database

CV_CHARS = 16_000
MAX_TITLES = 8


class TitleIdea(BaseModel):
    """A job title worth searching for."""

    title: str
    """The job title as employers write it, e.g. "Backend Engineer"."""
    reason: str
    """One sentence: why this title fits, citing only facts from the CV."""
    fit: int = Field(ge=0, le=100)
    """How well the CV fits this title, 0-100."""


class AddedSkill(BaseModel):
    """A skill the CV shows that the offline profile missed."""

    name: str
    """The skill's usual name, e.g. "PostgreSQL"."""
    evidence: str
    """The words of the CV that show it."""


class MentionedFacts(BaseModel):
    """Every fact about the person that the new summary mentions, listed for checking."""

    skills: list[str] = []
    """Skills, tools and technologies named in the summary."""
    employers: list[str] = []
    """Employers and organisations named in the summary."""
    titles: list[str] = []
    """Job titles the person held, as named in the summary."""
    dates: list[str] = []
    """Years, dates and durations ("2019", "5 years") in the summary."""


class Enrichment(BaseModel):
    """A better profile summary and title suggestions, using only facts from the CV."""

    profile_text: str
    """A 3-5 sentence professional summary in the third person, facts from the CV only."""
    suggested_job_titles: list[TitleIdea] = []
    """3-8 job titles to search for, best first."""
    added_skills: list[AddedSkill] = []
    """Skills clearly shown in the CV that the current profile does not list."""
    mentioned: MentionedFacts = MentionedFacts()
    """The facts the summary mentions."""


INSTRUCTIONS = """\
You improve a job seeker's profile. Use only facts that appear in the CV text you are given:
never invent employers, job titles, dates, skills, degrees or numbers. Write the summary in
the third person without the person's name. Text such as "[email removed]" marks personal data
held back on purpose; ignore it. Suggest job titles the person could apply for now, each with a
reason grounded in the CV. List under "mentioned" every skill, employer, title and date your
summary names.
"""


@functools.cache
def enrichment_agent() -> Any:
    """The agent, made on first use (importing pydantic-ai costs most of a second)."""
    from pydantic_ai import Agent

    return Agent(output_type=Enrichment, instructions=INSTRUCTIONS, name="enrichment")


@dataclass
class EnrichmentOutcome:
    profile_version: int | None = None
    profile_text: str = ""
    titles: list[dict[str, Any]] = field(default_factory=list)
    added_skills: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    usage: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


async def cv_text(db: Database, user_id: int) -> str:
    """The text of the user's CVs, newest first."""
    async with db.session() as session:
        query = (
            select(Document.extracted_text)
            .where(Document.user_id == user_id, Document.extracted_text.is_not(None))
            .order_by(Document.imported_at.desc())
        )
        texts = [t for t in (await session.scalars(query)).all() if t and t.strip()]
    return "\n\n".join(texts)


async def load_inputs(db: Database, user_id: int) -> tuple[dict[str, Any], str]:
    profile = await load_profile(db, user_id)
    text = await cv_text(db, user_id)
    if not text.strip():
        raise UserError("There is no CV to work from: import a CV first.")
    if not (profile.get("profile_text") or profile.get("skills") or profile.get("experience")):
        raise UserError("There is no profile yet: import a CV first, then improve it with AI.")
    return profile, text


def build_prompt(profile: dict[str, Any], text: str, gateway: ModelGateway) -> str:
    skills = ", ".join(
        s.get("name", "") for s in profile.get("skills") or [] if isinstance(s, dict)
    )
    titles = "; ".join(
        t.get("title", "") for t in profile.get("suggested_job_titles") or [] if isinstance(t, dict)
    )
    return (
        f"Current summary:\n{gateway.clean(profile.get('profile_text') or '(none)')}\n\n"
        f"Skills found so far: {skills or '(none)'}\n"
        f"Titles suggested so far: {titles or '(none)'}\n"
        f"Years of experience: {profile.get('years_experience') or 'unknown'}\n\n"
        f"CV text:\n{gateway.clean(text[:CV_CHARS])}"
    )


def apply_enrichment(
    profile: dict[str, Any], answer: Enrichment, evidence: CvEvidence, model_label: str
) -> tuple[dict[str, Any], EnrichmentOutcome]:
    """The profile with the grounded parts of the answer; what was dropped, in the outcome."""
    outcome = EnrichmentOutcome()
    listed = [
        *(Claim("skill", s) for s in answer.mentioned.skills),
        *(Claim("employer", e) for e in answer.mentioned.employers),
        *(Claim("title", t) for t in answer.mentioned.titles),
        *(Claim("date", d) for d in answer.mentioned.dates),
    ]
    updated = dict(profile)
    text, dropped = evidence.ground_text(answer.profile_text, listed)
    outcome.dropped += [str(c) for c in dropped]
    if len(text) >= 40:
        updated["profile_text"] = outcome.profile_text = text

    titles = []
    for idea in answer.suggested_job_titles[:MAX_TITLES]:
        bad = evidence.unsupported(idea.reason)
        if bad:
            outcome.dropped.append(f"title '{idea.title}' ({', '.join(map(str, bad))})")
            continue
        titles.append(_title_entry(idea))
    if titles:
        seen = {normalise(t["title"]) for t in titles}
        for old in profile.get("suggested_job_titles") or []:
            if isinstance(old, dict) and normalise(old.get("title", "")) not in seen:
                titles.append(old)
        updated["suggested_job_titles"] = titles[:MAX_TITLES]
        outcome.titles = updated["suggested_job_titles"]

    skills = list(profile.get("skills") or [])
    known = {normalise(s.get("name", "")) for s in skills if isinstance(s, dict)}
    for added in answer.added_skills:
        if normalise(added.name) in known:
            continue
        line = evidence.evidence(added.name)
        if line is None and not evidence.has_skill(added.name):
            outcome.dropped.append(str(Claim("skill", added.name)))
            continue
        quoted = added.evidence if evidence.has(added.evidence) else added.name
        skills.append(_skill_entry(added.name, line or quoted))
        known.add(normalise(added.name))
        outcome.added_skills.append(added.name)
    updated["skills"] = skills
    outcome.dropped = list(dict.fromkeys(outcome.dropped))
    updated["enrichment"] = {
        "model": model_label,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "dropped": outcome.dropped,
    }
    return updated, outcome


async def enrich(runtime: Runtime, user_id: int, *, run_id: int | None = None) -> EnrichmentOutcome:
    """Ask, check, save. Raises (and saves nothing) when there is no model or it fails."""
    from app.agents.gateway import ModelGateway
    from app.agents.providers import current_target

    current_target(runtime)  # no model: say so before reading anything
    profile, text = await load_inputs(runtime.db, user_id)
    gateway = await ModelGateway.create(
        runtime, purpose="enrichment", user_id=user_id, run_id=run_id, profile=profile
    )
    result = await gateway.run(
        enrichment_agent(),
        build_prompt(profile, text, gateway),
        output=Enrichment,
        sent=["cv text", "profile summary", "skills"],
    )
    evidence = CvEvidence(text, profile)
    updated, outcome = apply_enrichment(profile, result.output, evidence, gateway.target.label)
    outcome.usage = usage_dict(result.usage, gateway.target.label)
    outcome.profile_version = await save_profile(runtime.db, user_id, updated)
    return outcome


def usage_dict(usage: Any, model_label: str) -> dict[str, Any]:
    """A pydantic-ai ``RunUsage`` as the JSON the Run row keeps."""
    return {
        "model": model_label,
        "requests": usage.requests,
        "input_tokens": usage.input_tokens,
        "output_tokens": usage.output_tokens,
        "total_tokens": usage.input_tokens + usage.output_tokens,
    }


def _names(items: Any, key: str) -> list[str]:
    return [i.get(key, "") for i in items or [] if isinstance(i, dict)]


def _title_entry(idea: TitleIdea) -> dict[str, Any]:
    code, family = "", ""
    try:
        from app.profiling.taxonomy import load_taxonomy

        occupation = load_taxonomy().match_title(idea.title)
        if occupation is not None:
            code, family = occupation.code, occupation.family
    except Exception:  # the suggestion stands without an occupation code
        pass
    return {
        "title": idea.title.strip(),
        "score": round(idea.fit / 100, 2),
        "reason": idea.reason.strip(),
        "occupation_code": code,
        "family": family,
        "source": "ai",
    }


def _skill_entry(name: str, evidence: str) -> dict[str, Any]:
    skill_id, category = None, "Other"
    try:
        from app.profiling.taxonomy import load_taxonomy

        skill = load_taxonomy().skill_by_name(name)
        if skill is not None:
            skill_id, category, name = skill.id, skill.category, skill.name
    except Exception:
        pass
    return {
        "name": name.strip(),
        "category": category,
        "evidence": evidence.strip()[:300],
        "id": skill_id,
        "mentions": 1,
        "source": {},
        "added_by": "ai",
    }
