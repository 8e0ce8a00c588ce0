"""Reusable widgets that know nothing of the app's domain objects beyond plain values."""
