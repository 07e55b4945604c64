"""Import contacts from files: every detail checked, one record per person, all or nothing, written in bulk.

Rows are read one at a time and handled in batches: each batch's emails, numbers and names are looked up on the
desk in a few queries, each row is placed (a new person, or folded into the person it is), then the batch is written
with executemany-style Core inserts (the search triggers index them; journalists' name keys are set here, as the ORM
event that keys them does not run for Core inserts). Everything happens inside one savepoint: a failure half-way, or
a dry run, leaves the desk as it was.
"""

from pressdesk.services.contact_import.rows import AS, BATCH, ROWS_PER_STATEMENT, ImportSummary, Rejected, ReviewItem
from pressdesk.services.contact_import.run import import_contacts

__all__ = ["AS", "BATCH", "ImportSummary", "ROWS_PER_STATEMENT", "Rejected", "ReviewItem", "import_contacts"]
