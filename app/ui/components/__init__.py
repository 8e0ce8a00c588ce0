"""Pieces that use the app (the Runtime, workflows, storage) and are shared by pages."""
