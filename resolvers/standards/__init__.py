"""The minimum standards: the versioned rules file and the data-quality scores made against it."""
