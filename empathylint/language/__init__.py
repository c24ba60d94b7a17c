"""What empathylint knows about English and support writing: word lists and their matchers,
spelling, reading grade, names, the customer's mood and time phrases.

Rules ask this package; it never reads configuration or files the user named."""
