"""Thai text conventions: digits, Buddhist-Era dates and fiscal years, word segmentation."""
