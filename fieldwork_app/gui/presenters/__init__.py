"""View models: plain functions over the services, run on the database thread, returning plain data."""
