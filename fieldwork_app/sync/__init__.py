"""Getting session data off the laptop: study keys, signed encrypted bundles, transports to the
study store, the resumable verified upload, and the data manager's verify and unpack tools."""
