"""Ingest time: load, repair, parse, chunk, embed and store vacancy notices."""
