"""Helpers for the test suite: real components on loopback, small in-memory fakes."""
