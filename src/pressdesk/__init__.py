"""pressdesk: a keyboard-first press-office desk in the terminal."""

__version__ = "0.1.0"
