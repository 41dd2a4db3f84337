"""Query time: resolve the notice, retrieve, answer with verified citations."""
