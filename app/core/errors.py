"""Errors that carry a message meant for the user.

Anything raised as a ``UserError`` is shown as its message (one line on the
CLI, a dialog in the window) with no traceback: it is the user's input or
environment that is wrong, not the program.
"""


class UserError(Exception):
    """An error whose message is fit to show to the user as it is."""

    exit_code = 1


class ConfigError(UserError):
    """Settings or command-line values that cannot be used."""


class DatabaseError(UserError):
    """The database cannot be reached, opened or used."""


class SchemaBehindError(DatabaseError):
    """The database schema is older (or newer) than this app's migrations."""
