"""Pipeline steps and the executors that chain them."""
