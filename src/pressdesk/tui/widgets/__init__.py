"""Widgets of the desk."""
