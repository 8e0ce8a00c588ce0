"""The command line: ``jobagent COMMAND ...``. Each feature adds one module to ``COMMANDS``."""
