"""Numbers read by the desk compile phonenumbers' metadata patterns once, not again for every number."""

from __future__ import annotations

import re

from phonenumbers import re_util

from pressdesk.validation.phones import parse_phone


def test_a_second_number_compiles_no_pattern_again(monkeypatch):
    """Once a UK mobile has been read, reading another compiles nothing (the library's own pattern cache is on)."""
    assert parse_phone("07400 123456", "GB", detail=False).valid
    compiled: list[str] = []
    compile_pattern = re.compile

    def counting(pattern, flags=0):
        compiled.append(pattern)
        return compile_pattern(pattern, flags)

    monkeypatch.setattr(re_util.re, "compile", counting)
    result = parse_phone("07811 234567", "GB", detail=False)
    assert result.valid and result.e164 == "+447811234567"
    assert compiled == []
