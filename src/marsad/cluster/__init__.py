"""Near-duplicate story detection: MinHash signatures over folded-word shingles, LSH candidates."""
