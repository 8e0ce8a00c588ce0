"""API keys and passwords, kept in the OS keyring and nowhere else.

When the OS has no keyring backend (a headless Linux without a Secret
Service, say), keys are held for this session only, in memory, and
``SecretStore.warning`` says so, so the UI and CLI can tell the user.
A plaintext file is never used silently.
"""

from __future__ import annotations

import logging

from app import APP_ID
from app.core.logs import register_secret

log = logging.getLogger(__name__)

SERVICE = f"{APP_ID}-desktop"

NO_KEYRING_MESSAGE = (
    "No OS keyring is available, so keys are kept for this session only. "
    "Install and unlock a keyring (GNOME Keyring, KWallet, macOS Keychain, "
    "Windows Credential Locker) to keep them between sessions."
)


class SecretStore:
    """Get, set and delete named secrets in the OS keyring."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._session: dict[str, str] = {}
        self.warning: str | None = None

    def get(self, name: str) -> str | None:
        if name in self._session:
            return self._session[name]
        try:
            import keyring

            value = keyring.get_password(self.service, name)
        except Exception as exc:  # keyring raises many backend-specific errors
            self._no_backend(exc)
            return None
        if value:
            register_secret(value)
        return value

    def set(self, name: str, value: str) -> bool:
        """Store ``value``; returns False when it is kept for this session only."""
        register_secret(value)
        try:
            import keyring

            keyring.set_password(self.service, name, value)
            self._session.pop(name, None)
            return True
        except Exception as exc:
            self._no_backend(exc)
            self._session[name] = value
            return False

    def delete(self, name: str) -> bool:
        """Forget a secret; returns True when one existed."""
        existed = self._session.pop(name, None) is not None
        try:
            import keyring
            from keyring.errors import PasswordDeleteError

            try:
                keyring.delete_password(self.service, name)
                existed = True
            except PasswordDeleteError:
                pass
        except Exception as exc:
            self._no_backend(exc)
        return existed

    def _no_backend(self, exc: Exception) -> None:
        if self.warning is None:
            log.warning(
                "keyring unavailable (%s): keys are kept for this session only", type(exc).__name__
            )
        self.warning = NO_KEYRING_MESSAGE
