"""Signatures of readable audio, for tests that prove a file holds none.

A bare four-byte magic such as ``RIFF`` turns up by chance in about one in a few thousand
megabytes of ciphertext, so each signature here is the magic together with the fixed bytes
its format puts after it (at least eight bytes in all): a chance match is then far below one
in 10^12 for the file sizes the tests write."""

from __future__ import annotations

import re

SIGNATURES = {
    # fLaC, then the STREAMINFO metadata block header (last-block flag either way, length 34)
    "FLAC stream": re.compile(rb"fLaC[\x00\x80]\x00\x00\x22", re.DOTALL),
    # RIFF, a four-byte length, then the WAVE form type
    "WAV file": re.compile(rb"RIFF.{4}WAVE", re.DOTALL),
    # OggS, stream structure version 0, a header-type flag, then a granule position
    "Ogg page": re.compile(rb"OggS\x00[\x00-\x07]", re.DOTALL),
}


def readable_audio(data: bytes) -> list[str]:
    """The kinds of readable audio whose signature occurs in ``data`` (empty when none)."""
    return [name for name, pattern in SIGNATURES.items() if pattern.search(data)]
