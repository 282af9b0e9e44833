"""Neo4j: connection, models, Cypher, analysis, bulk import, constraints and the local server."""
