"""The fixed vocabularies of the desk."""

from __future__ import annotations

from enum import StrEnum


class EnquiryType(StrEnum):
    """What the journalist wants."""

    INTERVIEW = "interview"
    COMMENT = "comment"
    INFORMATION = "information"
    DATA = "data"
    IMAGES = "images"
    OTHER = "other"


class EnquiryStatus(StrEnum):
    """Where an enquiry stands; moves are governed by pressdesk.models.lifecycle."""

    NEW = "new"
    TRIAGED = "triaged"
    ROUTED = "routed"
    SCHEDULED = "scheduled"
    DONE = "done"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES: tuple[EnquiryStatus, ...] = (
    EnquiryStatus.NEW,
    EnquiryStatus.TRIAGED,
    EnquiryStatus.ROUTED,
    EnquiryStatus.SCHEDULED,
)
"""Enquiries the desk still has to answer (the desk view, the open counts, the partial indexes)."""

CLOSED_STATUSES: tuple[EnquiryStatus, ...] = tuple(s for s in EnquiryStatus if s not in OPEN_STATUSES)
"""Enquiries that are over (done, declined, withdrawn); moving into one closes what hangs off it."""


class Channel(StrEnum):
    """How an enquiry reached the desk, or how a journalist likes to be reached."""

    PHONE = "phone"
    EMAIL = "email"
    MESSAGE = "message"
    SOCIAL = "social"
    IN_PERSON = "in_person"
    OTHER = "other"


class Priority(StrEnum):
    """How much an enquiry matters."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class InterviewStatus(StrEnum):
    """The life of an interview request."""

    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


LIVE_REQUESTS: tuple[InterviewStatus, ...] = (
    InterviewStatus.OFFERED,
    InterviewStatus.ACCEPTED,
    InterviewStatus.SCHEDULED,
)
"""Interview requests still in play: the expert is asked, has said yes, or is booked."""

SAID_YES: tuple[InterviewStatus, ...] = (InterviewStatus.ACCEPTED, InterviewStatus.SCHEDULED, InterviewStatus.DONE)
"""Interview requests in which the expert has accepted."""

COUNTED_REQUESTS: tuple[InterviewStatus, ...] = (*LIVE_REQUESTS, InterviewStatus.DONE)
"""Interview requests that count as an expert's load (live or held): for fairness and the expert lists."""


class InterviewFormat(StrEnum):
    """How an interview takes place."""

    PHONE = "phone"
    TV = "tv"
    RADIO = "radio"
    PRINT = "print"
    ONLINE = "online"


class ContactKind(StrEnum):
    """A contact point is a phone number or an email address."""

    PHONE = "phone"
    EMAIL = "email"


class LawfulBasis(StrEnum):
    """Why the desk may hold a person's details (UK GDPR / EU GDPR article 6)."""

    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"


class PointLabel(StrEnum):
    """What a phone number or email address is for; blank when nobody said."""

    MOBILE = "mobile"
    WORK = "work"
    HOME = "home"
    FAX = "fax"
    OTHER = "other"


class Effect(StrEnum):
    """What a routing reason does to an expert's chances."""

    BOOST = "boost"
    """Counts for the expert (a topic match, free before the deadline)."""
    PENALTY = "penalty"
    """Counts against, softly (does not speak the language, not media-trained)."""
    BLOCK = "block"
    """Routing there needs a confirmation (not free, at the weekly limit, a relevant conflict)."""
    INFO = "info"
    """Worth knowing, weighs nothing (a declared conflict unrelated to the enquiry)."""
