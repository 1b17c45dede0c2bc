"""ITA Desk: the yearly integrity-and-transparency report for Thai local government."""

__version__ = "0.1.0"
