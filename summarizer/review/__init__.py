"""Human review of flagged discrepancies: decisions, a hash-chained audit log, a web page."""
