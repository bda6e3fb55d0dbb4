"""De-identification: find identifiers, link them to entities, replace them with pseudonyms."""
