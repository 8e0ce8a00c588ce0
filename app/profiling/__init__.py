"""Offline CV profiling: read CV files, parse them and build one profile.

Pure Python (no Qt, no database). Entry points: `extract.extract_document`,
`profile.build_profile`, `taxonomy.load_taxonomy`.
"""
