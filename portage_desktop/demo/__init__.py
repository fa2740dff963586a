"""The demo sites: fictional settings for trying the app, for tests and for benchmarks."""
