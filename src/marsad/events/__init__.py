"""Events across outlets: articles that report the same happening in their own words."""
