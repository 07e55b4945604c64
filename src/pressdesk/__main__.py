"""`python -m pressdesk` runs the command line."""

from pressdesk.cli import main

main()
