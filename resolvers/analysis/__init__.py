"""Link analysis: paths, networks and their export, over the links graph/queries/links.py
follows, with hidden evidence decided by the one record access rule (resolvers/records.py)."""
