"""The study home: what is due, the sessions and the open visits (page and presenter)."""
