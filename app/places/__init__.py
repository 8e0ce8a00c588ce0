"""Where things are: US states, Canadian provinces, countries and areas, and reading the
places named in a CV, a job's location or the person's preferences.

Shared by profiling (a CV's address), sources (grouping a job's postings) and matching
(does a job's place suit the person). Not a geocoder: small tables and patterns.
"""
