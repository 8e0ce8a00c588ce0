"""Job Agent Desktop: a local-first job-search assistant.

The application's identity is set here, once: packaging, the About box,
platform folders and the CLI all read these names.
"""

__version__ = "0.1.0"

APP_NAME = "Job Agent Desktop"
APP_SUMMARY = "Find work that fits your CV: offline profiling, job matching and a tracker"
APP_ID = "jobagent"
ORG_NAME = "Job Agent Desktop Project"
ORG_DOMAIN = "jobagent.example.org"
USER_AGENT = f"JobAgentDesktop/{__version__} (+local job-search app)"
