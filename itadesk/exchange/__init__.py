"""Portable files of a report: the versioned JSON exchange file."""
