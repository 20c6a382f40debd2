"""Helpers the pages share (``common.py``): status words, titled labels, the scrolling page, reflowing boxes."""
