"""The Profile page's "Improve with AI" button: an enrichment run, then the page reloads."""

from __future__ import annotations

from typing import Any


async def improve_profile(page: Any) -> None:
    """Run ``EnrichmentWorkflow`` for the page's user and report on the page.

    ``page`` is the Profile page: it has ``runtime``, ``dirty``, ``reload()`` and
    ``_status(text)``. Unsaved edits come first, so the model never overwrites them.
    """
    from app.workflows.enrichment import EnrichmentWorkflow

    if page.runtime is None:
        return
    if page.dirty:
        page._status("Save or revert your edits first; then improve the profile with AI.")
        return
    button = getattr(page, "enrich_button", None)
    if button is not None:
        button.setEnabled(False)
    page._status("Improving your profile with AI…")
    try:
        run = await page.runtime.runner.run(EnrichmentWorkflow(), user_id=page.runtime.user_id)
    finally:
        if button is not None:
            button.setEnabled(True)
    if run.status != "succeeded":
        page._status(run.error_message or f"Improving the profile {run.status}.")
        return
    await page.reload()
    dropped = run.usage.get("ungrounded_dropped", 0)
    note = f" {dropped} claim(s) the CV does not support were left out." if dropped else ""
    page._status("Profile improved with AI." + note)
