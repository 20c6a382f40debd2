"""Analysis: verifying and unpacking bundles from the study store for the data manager."""
