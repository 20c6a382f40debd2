"""First run and unlock: creating the workspace and unlocking it (pages and presenter)."""
