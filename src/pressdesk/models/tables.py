"""The desk's tables: the words of the press office as SQLModel classes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, UniqueConstraint, event, text
from sqlmodel import Field, SQLModel

from pressdesk.limits import COLUMN_LENGTHS as LENGTH
from pressdesk.models.enums import OPEN_STATUSES, EnquiryStatus, InterviewStatus
from pressdesk.models.types import UTCDateTime, utcnow
from pressdesk.validation.names import name_key


def _fk(target: str, *, nullable: bool = True, ondelete: str = "SET NULL", index: bool = True):
    """A foreign-key column with an explicit ON DELETE rule."""
    return Field(
        default=None,
        sa_column=Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index),
    )


class Tracked(SQLModel):
    """Columns every table that people edit carries: optimistic-lock version and UTC stamps."""

    version: int = Field(default=1, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_by: str = Field(default="", max_length=LENGTH["tracked.updated_by"], nullable=False)


class Collected(SQLModel):
    """What data-protection law asks a desk to know of each person it holds: why, from where, since when, told when."""

    lawful_basis: str = Field(
        default="legitimate_interest", max_length=LENGTH["journalist.lawful_basis"], nullable=False
    )
    """The lawful basis for holding them (models.LawfulBasis); legitimate interest unless recorded otherwise."""
    source: str = Field(default="", max_length=LENGTH["journalist.source"], nullable=False)
    """Where their details came from: "enquiry #12 (phone)", "release #4 (seed.txt)", "import contacts.csv"."""
    collected_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    """When the desk first held their details."""
    told_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When they were told the desk holds their details (None: not yet)."""


def _not_told_index(table: str) -> Index:
    """The index behind "people not yet told": told_at, then when they were collected."""
    return Index(f"ix_{table}_not_told", "told_at", "collected_at")


class Outlet(Tracked, table=True):
    """A newspaper, broadcaster, agency or site that journalists work for."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=LENGTH["outlet.name"], nullable=False)
    name_key: str = Field(max_length=LENGTH["outlet.name_key"], nullable=False, unique=True)
    country: str = Field(default="", max_length=LENGTH["outlet.country"], nullable=False)
    kind: str = Field(default="", max_length=LENGTH["outlet.kind"], nullable=False)
    website: str = Field(default="", max_length=LENGTH["outlet.website"], nullable=False)


class Journalist(Collected, Tracked, table=True):
    """A journalist who calls the desk."""

    __table_args__ = (_not_told_index("journalist"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=LENGTH["journalist.name"], nullable=False, index=True)
    name_key: str = Field(default="", max_length=LENGTH["journalist.name_key"], nullable=False, index=True)
    """The name with case, accents and spacing folded (validation.name_key), kept in step by _key_the_name."""
    outlet_id: int | None = _fk("outlet.id")
    role: str = Field(default="", max_length=LENGTH["journalist.role"], nullable=False)
    beat: str = Field(default="", max_length=LENGTH["journalist.beat"], nullable=False)
    preferred_channel: str = Field(default="phone", max_length=LENGTH["journalist.preferred_channel"], nullable=False)
    notes: str = Field(default="", nullable=False)
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the journalist was archived: hidden from look-up and name suggestions, kept for history; None if live."""


@event.listens_for(Journalist, "before_insert")
@event.listens_for(Journalist, "before_update")
def _key_the_name(_mapper, _connection, journalist: Journalist) -> None:
    """Keep the folded name key in step with the name, whichever code wrote it."""
    journalist.name_key = name_key(journalist.name)


class Expert(Collected, Tracked, table=True):
    """Someone the desk can put up for interview or comment."""

    __table_args__ = (_not_told_index("expert"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=LENGTH["expert.name"], nullable=False, index=True)
    honorific: str = Field(default="", max_length=LENGTH["expert.honorific"], nullable=False)
    title: str = Field(default="", max_length=LENGTH["expert.title"], nullable=False)
    affiliation: str = Field(default="", max_length=LENGTH["expert.affiliation"], nullable=False)
    topics: str = Field(default="", nullable=False)
    languages: str = Field(default="en", max_length=LENGTH["expert.languages"], nullable=False)
    working_hours: str = Field(default="09:00-17:30", max_length=LENGTH["expert.working_hours"], nullable=False)
    blocked_dates: str = Field(default="", nullable=False)
    media_trained: bool = Field(default=False, nullable=False)
    conflicts: str = Field(default="", nullable=False)
    weekly_limit: int = Field(default=3, nullable=False)
    notes: str = Field(default="", nullable=False)
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the expert was archived: left out of routing suggestions, kept for history; None if live."""


class PressContact(Collected, Tracked, table=True):
    """A press officer or agency contact named on a release."""

    __tablename__ = "press_contact"
    __table_args__ = (_not_told_index("press_contact"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=LENGTH["press_contact.name"], nullable=False, index=True)
    organisation: str = Field(default="", max_length=LENGTH["press_contact.organisation"], nullable=False)
    role: str = Field(default="", max_length=LENGTH["press_contact.role"], nullable=False)
    notes: str = Field(default="", nullable=False)


class ContactPoint(SQLModel, table=True):
    """One phone number or email address of a journalist, expert or press contact."""

    __tablename__ = "contact_point"
    __table_args__ = (
        CheckConstraint(
            # one owner; written with CASE, not (x IS NOT NULL) + ..., as PostgreSQL does not add booleans
            "CASE WHEN journalist_id IS NULL THEN 0 ELSE 1 END + CASE WHEN expert_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN press_contact_id IS NULL THEN 0 ELSE 1 END = 1",
            name="ck_contact_point_one_owner",
        ),
        Index("ix_contact_point_lookup", "kind", "lookup_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    journalist_id: int | None = _fk("journalist.id", ondelete="CASCADE")
    expert_id: int | None = _fk("expert.id", ondelete="CASCADE")
    press_contact_id: int | None = _fk("press_contact.id", ondelete="CASCADE")
    kind: str = Field(max_length=LENGTH["contact_point.kind"], nullable=False)
    raw: str = Field(max_length=LENGTH["contact_point.raw"], nullable=False)
    value: str = Field(max_length=LENGTH["contact_point.value"], nullable=False)
    extension: str = Field(default="", max_length=LENGTH["contact_point.extension"], nullable=False)
    lookup_key: str = Field(max_length=LENGTH["contact_point.lookup_key"], nullable=False)
    valid: bool = Field(default=True, nullable=False)
    problem: str = Field(default="", nullable=False)
    label: str = Field(default="", max_length=LENGTH["contact_point.label"], nullable=False)
    position: int = Field(default=0, nullable=False)


class Release(Tracked, table=True):
    """A press release the desk sent out."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=LENGTH["release.title"], nullable=False)
    issued_on: date | None = Field(default=None, index=True)
    embargo_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    body: str = Field(default="", nullable=False)
    source: str = Field(default="", max_length=LENGTH["release.source"], nullable=False)
    issuer: str = Field(default="", max_length=LENGTH["release.issuer"], nullable=False)
    """The organisations that issued it, "; " between them."""
    place: str = Field(default="", max_length=LENGTH["release.place"], nullable=False)
    embargo_zone: str = Field(default="", max_length=LENGTH["release.embargo_zone"], nullable=False)


class ReleaseExpert(SQLModel, table=True):
    """An expert offered for interview on a release."""

    __tablename__ = "release_expert"

    release_id: int = Field(sa_column=Column(Integer, ForeignKey("release.id", ondelete="CASCADE"), primary_key=True))
    expert_id: int = Field(
        sa_column=Column(Integer, ForeignKey("expert.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    source: str = Field(default="", max_length=LENGTH["release_expert.source"], nullable=False)
    """How the release named them: offered (for interview), listed (under a heading) or quoted."""


class ReleasePressContact(SQLModel, table=True):
    """A press contact named on a release."""

    __tablename__ = "release_press_contact"

    release_id: int = Field(sa_column=Column(Integer, ForeignKey("release.id", ondelete="CASCADE"), primary_key=True))
    press_contact_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("press_contact.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        )
    )


class Statement(Tracked, table=True):
    """An approved line to take, linked to a release and topics; edits make new revisions."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=LENGTH["statement.title"], nullable=False)
    body: str = Field(nullable=False)
    topics: str = Field(default="", nullable=False)
    release_id: int | None = _fk("release.id")
    revision: int = Field(default=1, nullable=False)
    supersedes_id: int | None = _fk("statement.id")
    approved_by: str = Field(default="", max_length=LENGTH["statement.approved_by"], nullable=False)
    current: bool = Field(default=True, nullable=False)


_OPEN = "status IN ({})".format(", ".join(f"'{s}'" for s in OPEN_STATUSES))
"""The partial indexes' condition: an open enquiry."""


class Enquiry(Tracked, table=True):
    """A request from a journalist: the desk's unit of work."""

    __table_args__ = (
        Index(
            "ix_enquiry_open_deadline",
            "deadline",
            "id",
            sqlite_where=text(_OPEN),
            postgresql_where=text(_OPEN),
        ),
        Index("ix_enquiry_status_deadline", "status", "deadline"),
        Index(
            "ix_enquiry_open_counts",
            "status",
            "type",
            "deadline",
            sqlite_where=text(_OPEN),
            postgresql_where=text(_OPEN),
        ),
        Index("ix_enquiry_closed_at", "closed_at"),
        Index("ix_enquiry_journalist_recent", "journalist_id", "received_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    channel: str = Field(default="phone", max_length=LENGTH["enquiry.channel"], nullable=False)
    journalist_id: int | None = _fk("journalist.id")
    outlet_id: int | None = _fk("outlet.id")
    type: str = Field(default="comment", max_length=LENGTH["enquiry.type"], nullable=False)
    subject: str = Field(max_length=LENGTH["enquiry.subject"], nullable=False)
    release_id: int | None = _fk("release.id")
    deadline: datetime | None = Field(default=None, sa_type=UTCDateTime)
    priority: str = Field(default="normal", max_length=LENGTH["enquiry.priority"], nullable=False)
    status: str = Field(default=EnquiryStatus.NEW, max_length=LENGTH["enquiry.status"], nullable=False)
    officer: str = Field(default="", max_length=LENGTH["enquiry.officer"], nullable=False, index=True)
    notes: str = Field(default="", nullable=False)
    statement_id: int | None = _fk("statement.id")
    first_response_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the desk first answered: the first move out of new, or the first note (services.enquiries keeps it)."""
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When it last reached done, declined or withdrawn; None while open."""


class InterviewRequest(Tracked, table=True):
    """An expert asked to give an interview for an enquiry."""

    __tablename__ = "interview_request"
    __table_args__ = (Index("ix_interview_request_expert_created", "expert_id", "created_at", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    enquiry_id: int = Field(
        sa_column=Column(Integer, ForeignKey("enquiry.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    expert_id: int = Field(
        sa_column=Column(Integer, ForeignKey("expert.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    status: str = Field(default=InterviewStatus.OFFERED, max_length=LENGTH["interview_request.status"], nullable=False)
    slot_start: datetime | None = Field(default=None, sa_type=UTCDateTime)
    slot_end: datetime | None = Field(default=None, sa_type=UTCDateTime)
    format: str = Field(default="", max_length=LENGTH["interview_request.format"], nullable=False)
    place: str = Field(default="", max_length=LENGTH["interview_request.place"], nullable=False)
    notes: str = Field(default="", nullable=False)


class Coverage(Tracked, table=True):
    """The article or broadcast that came of an enquiry."""

    id: int | None = Field(default=None, primary_key=True)
    enquiry_id: int = Field(
        sa_column=Column(Integer, ForeignKey("enquiry.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    outlet_id: int | None = _fk("outlet.id")
    published_on: date | None = Field(default=None)
    url: str = Field(default="", max_length=LENGTH["coverage.url"], nullable=False)
    headline: str = Field(default="", max_length=LENGTH["coverage.headline"], nullable=False)
    note: str = Field(default="", nullable=False)


class Activity(SQLModel, table=True):
    """One write to the desk: who, when, what, and what changed."""

    __table_args__ = (Index("ix_activity_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    who: str = Field(max_length=LENGTH["activity.who"], nullable=False)
    action: str = Field(max_length=LENGTH["activity.action"], nullable=False)
    entity: str = Field(max_length=LENGTH["activity.entity"], nullable=False)
    entity_id: int = Field(nullable=False)
    enquiry_id: int | None = _fk("enquiry.id", ondelete="CASCADE")
    summary: str = Field(default="", nullable=False)
    changes: str = Field(default="", nullable=False)


class DoNotContact(SQLModel, table=True):
    """An email address or phone number that asked not to be contacted, kept only as a salted hash."""

    __tablename__ = "do_not_contact"
    __table_args__ = (UniqueConstraint("kind", "digest", name="uq_do_not_contact_kind_digest"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=LENGTH["do_not_contact.kind"], nullable=False)
    digest: str = Field(max_length=LENGTH["do_not_contact.digest"], nullable=False)
    """HMAC-SHA256 of the look-up key (E.164 number, folded email) under the desk's own salt, in hex."""
    reason: str = Field(default="objected", max_length=LENGTH["do_not_contact.reason"], nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    created_by: str = Field(default="", max_length=LENGTH["do_not_contact.created_by"], nullable=False)


class DeskSecret(SQLModel, table=True):
    """A secret of this desk alone, e.g. the salt of the do-not-contact hashes."""

    __tablename__ = "desk_secret"

    name: str = Field(primary_key=True, max_length=LENGTH["desk_secret.name"])
    value: str = Field(nullable=False)


class NotDuplicate(SQLModel, table=True):
    """Two people an officer said are not the same person: never suggested as duplicates again (low id first)."""

    __tablename__ = "not_duplicate"

    entity: str = Field(primary_key=True, max_length=LENGTH["not_duplicate.entity"])
    low_id: int = Field(primary_key=True)
    high_id: int = Field(primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    who: str = Field(default="", max_length=LENGTH["not_duplicate.who"], nullable=False)


class DuplicateReview(SQLModel, table=True):
    """Two people who may be one, which an import could not decide: waiting for an officer (low id first)."""

    __tablename__ = "duplicate_review"
    __table_args__ = (UniqueConstraint("entity", "low_id", "high_id", name="uq_duplicate_review_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=LENGTH["duplicate_review.entity"], nullable=False)
    low_id: int = Field(nullable=False)
    high_id: int = Field(nullable=False)
    score: float = Field(default=0.0, nullable=False)
    reason: str = Field(default="", max_length=LENGTH["duplicate_review.reason"], nullable=False)
    found_by: str = Field(default="", max_length=LENGTH["duplicate_review.found_by"], nullable=False)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class MediaList(Tracked, table=True):
    """A named list of journalists ("education correspondents"), built from a filter or by hand."""

    __tablename__ = "media_list"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=LENGTH["media_list.name"], nullable=False)
    name_key: str = Field(max_length=LENGTH["media_list.name_key"], nullable=False, unique=True)
    description: str = Field(default="", nullable=False)
    built_from: str = Field(default="", max_length=LENGTH["media_list.built_from"], nullable=False)
    """The filter the list was first built from, as the officer gave it (blank for a list made by hand)."""


class MediaListMember(SQLModel, table=True):
    """A journalist on a media list."""

    __tablename__ = "media_list_member"

    media_list_id: int = Field(
        sa_column=Column(Integer, ForeignKey("media_list.id", ondelete="CASCADE"), primary_key=True)
    )
    journalist_id: int = Field(
        sa_column=Column(Integer, ForeignKey("journalist.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class Officer(SQLModel, table=True):
    """A press officer on the desk's team: enquiries are assigned to one of them by name."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=LENGTH["officer.name"], nullable=False, unique=True)
    initials: str = Field(max_length=LENGTH["officer.initials"], nullable=False, unique=True)
    email: str = Field(default="", max_length=LENGTH["officer.email"], nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
