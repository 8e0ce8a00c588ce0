"""Errors raised while reading a CV file.

Every error is a `DocumentError` whose message names the file and says, in
plain words, what is wrong and what the user can do about it. The UI and the
CLI show `str(error)` as it is: a `DocumentError` is a `UserError`, so one that
escapes a command is printed as one line, never as a traceback.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import UserError


class DocumentError(UserError):
    """A CV file could not be read. `str(err)` is a user-readable message."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.filename = self.path.name
        super().__init__(message)


class EmptyFileError(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"“{Path(path).name}” is empty (0 bytes).")


class CorruptFileError(DocumentError):
    def __init__(self, path: Path | str, detail: str = "") -> None:
        kind = f" {detail}" if detail else ""
        super().__init__(
            path,
            f"“{Path(path).name}” is damaged or truncated and cannot be read{kind}. "
            "Try exporting it again from the program that made it.",
        )


class PasswordRequiredError(DocumentError):
    """The PDF is encrypted. `wrong_password` tells a wrong password from none given."""

    def __init__(self, path: Path | str, *, wrong_password: bool) -> None:
        self.wrong_password = wrong_password
        name = Path(path).name
        if wrong_password:
            message = f"“{name}” is encrypted: the password is wrong."
        else:
            message = f"“{name}” is encrypted: a password is needed to open it."
        super().__init__(path, message)


class NoTextLayerError(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"“{Path(path).name}” has no text layer (it looks scanned); OCR is not supported. "
            "Export the CV from the program that made it as a text PDF or DOCX.",
        )


class UnsupportedTypeError(DocumentError):
    def __init__(self, path: Path | str, what: str = "") -> None:
        kind = f" It looks like {what}." if what else ""
        super().__init__(
            path,
            f"“{Path(path).name}” is not a supported CV file.{kind} "
            "Use PDF, DOCX, TXT or Markdown.",
        )


class LimitExceededError(DocumentError):
    """A configurable limit was hit; `limit` names the setting."""

    def __init__(self, path: Path | str, limit: str, message: str) -> None:
        self.limit = limit
        super().__init__(path, f"{message} You can change this limit in Settings.")


class FileTooLargeError(LimitExceededError):
    def __init__(self, path: Path | str, size_mb: float, max_mb: float) -> None:
        super().__init__(
            path,
            "max_file_mb",
            f"“{Path(path).name}” is {size_mb:.1f} MB, above the {max_mb:g} MB limit for CV files.",
        )


class TooManyPagesError(LimitExceededError):
    def __init__(self, path: Path | str, pages: int, max_pages: int) -> None:
        super().__init__(
            path,
            "max_pages",
            f"“{Path(path).name}” has {pages} pages, above the {max_pages} page limit for CVs.",
        )


class ExtractionTimeoutError(LimitExceededError):
    def __init__(self, path: Path | str, timeout_s: float) -> None:
        super().__init__(
            path,
            "timeout_s",
            f"Reading “{Path(path).name}” took longer than the {timeout_s:g} second time limit.",
        )


class ZipBombError(DocumentError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            f"“{Path(path).name}” was not opened because it expands to a suspicious size "
            f"({detail}). It may be a zip bomb.",
        )


class NotAZipError(DocumentError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"“{Path(path).name}” is named like a Word document but is not one "
            "(a DOCX file is a zip archive, and this is not). It may be damaged.",
        )
