"""The rules: who may see and do what, provenance, audit. Plain async Python, no GraphQL or HTTP."""
