"""The window. Only this package (and ``app.main``) imports PySide6 or qasync.

Layout: ``widgets/`` know nothing of the app (reusable pieces such as the
progress stepper); ``pages/`` compose widgets over the domain for one page
each; ``bridge.py`` turns domain events into Qt signals.
"""
