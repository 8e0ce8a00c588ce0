"""The AI agents' settings panels and views: model and key, privacy switches, outbound log."""
