"""The job search glue: profile to ``MatchProfile``, what a search changes, its summary.

The domain (``app.sources``, ``app.matching``) knows nothing of the database or the
app; this package and ``app.storage.jobs`` connect them for
``app.workflows.job_search.JobSearchWorkflow`` and the CLI. See docs/search.md.
"""
