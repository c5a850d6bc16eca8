"""Near-duplicate story detection: MinHash signatures over folded-word shingles, LSH candidates."""

# With the facts check keeping templates apart, a threshold a little lower than the 0.4 used
# before finds rewritten repeats (marsad eval clusters). Kept here, not in `index`, so that a
# command's options do not import NumPy and the LSH code.
DEFAULT_THRESHOLD = 0.35
