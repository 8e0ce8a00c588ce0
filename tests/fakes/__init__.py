"""Hand-written fakes shared by tests and benchmarks (no mocks of deep internals)."""
