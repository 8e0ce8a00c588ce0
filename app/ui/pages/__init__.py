"""One module per page of the main window. Pages compose widgets over the domain.

``build_pages`` is called after the window is on screen, so page modules
(and what they import) never delay the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.pages.base import Page


def build_pages() -> dict[str, Page]:
    from app.ui.pages.placeholder import JobsPage, ProfilePage, SettingsPage
    from app.ui.pages.runs import RunsPage

    return {"profile": ProfilePage(), "jobs": JobsPage(), "runs": RunsPage(),
            "settings": SettingsPage()}
