"""Process-wide services that every feature uses: paths, settings, secrets, logs, runtime."""
