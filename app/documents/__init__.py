"""The user's documents: imported CV files kept in the data folder, and the profile built from them.

- ``store``: content-addressed copies and ``document`` rows (one per user and sha256).
- ``importer``: one file in: checks, hashing, extraction, copy, row.
- ``sources``: every stored document, ready for ``app.profiling``.
- ``stored_profile``: the dict that is saved, with the user's own edits kept on top.

No Qt. Blocking file work runs in a thread; PDF work on the profiling
library's one extraction thread.
"""
