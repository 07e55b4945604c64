"""Use-cases: one function for each thing a press officer does; each takes a Session."""
