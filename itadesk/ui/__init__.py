"""Qt only: the window, the measure table and its editors, forms. Nothing else imports Qt."""
