"""Parameterised Cypher, one module per concept."""
