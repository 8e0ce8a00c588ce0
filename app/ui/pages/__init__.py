"""One module per page of the main window. Pages compose widgets over the domain.

``build_pages`` is called after the window is on screen, so page modules
(and what they import) never delay the first paint. The order here is the
navigation's order (Ctrl+1, Ctrl+2, …); pages with ``in_navigation = False``
(onboarding) are reachable only when the app shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.pages.base import Page


def build_pages() -> dict[str, Page]:
    from app.ui.pages.jobs import JobsPage
    from app.ui.pages.onboarding import OnboardingPage
    from app.ui.pages.profile import ProfilePage
    from app.ui.pages.runs import RunsPage
    from app.ui.pages.settings import SettingsPage
    from app.ui.pages.vibe import VibePage

    return {
        "profile": ProfilePage(),
        "jobs": JobsPage(),
        "vibe": VibePage(),
        "runs": RunsPage(),
        "settings": SettingsPage(),
        "onboarding": OnboardingPage(),
    }
