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
    """Where an enquiry stands; moves are governed by pressdesk.services.status."""

    NEW = "new"
    TRIAGED = "triaged"
    ROUTED = "routed"
    SCHEDULED = "scheduled"
    DONE = "done"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES: tuple[str, ...] = ("new", "triaged", "routed", "scheduled")


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
