"""Workflows: named, ordered steps that run as a task on the app's loop and write a Run row."""
