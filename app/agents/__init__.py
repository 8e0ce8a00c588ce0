"""The optional AI agents: model choice, privacy guard, enrichment, match review, Vibe Check.

Nothing here imports pydantic-ai at module level: it costs most of a second
(and a provider up to 2.5 s more), so it is imported on first use. Every call
to a model goes through ``app.agents.gateway.ModelGateway``, which applies the
privacy guard and writes the outbound log. See docs/agents.md.
"""
