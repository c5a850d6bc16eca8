"""Segmentation: from the lines of a page to its articles, with every removed line and its reason."""
