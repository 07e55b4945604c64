"""Import and export formats: press-release text, CSV, ICS."""
