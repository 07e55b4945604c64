"""Route an enquiry to an expert: rank the experts with reasons, then offer the interview to one.

By concern: `words` (word matching), `languages` (language tables), `availability` (working time from the expert's
hours and blocked dates), `scoring` (the ranking and its reasons), `offer` (routing itself), `fairness` (the spread).
"""

from __future__ import annotations

from pressdesk.services.routing.availability import free_before
from pressdesk.services.routing.fairness import request_spread
from pressdesk.services.routing.languages import expert_languages
from pressdesk.services.routing.offer import find_expert, route_enquiry
from pressdesk.services.routing.scoring import asked_experts, suggest_experts, weekly_loads
from pressdesk.services.routing.words import words

__all__ = [
    "asked_experts",
    "expert_languages",
    "find_expert",
    "free_before",
    "request_spread",
    "route_enquiry",
    "suggest_experts",
    "weekly_loads",
    "words",
]
