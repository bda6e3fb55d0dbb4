"""veil review and veil export: a local web page to check flagged redactions, and the
reviewed transcripts that leave the study."""
