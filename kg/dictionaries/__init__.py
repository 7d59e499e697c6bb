"""Converters of the vendored event-coding dictionaries (vendor/) into kg's own tables (ontology/).

Run `python -m kg.dictionaries` to regenerate every generated table; kg never reads the
vendored files at run time.
"""
