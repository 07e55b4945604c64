"""The Textual face of pressdesk."""
