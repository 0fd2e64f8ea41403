"""Reading and checking the editors' sources: one lesson model, the legal registry, the checks."""
