"""A footer key is rendered to measure its width once per look, not again at the layout after its size was set
(issue 8: Textual forgets a widget's measured width whenever its size changes; a footer's keys are measured as it is
composed, so every app rendered every key twice as its desk opened, and again each time a footer was composed)."""

from __future__ import annotations

from collections import Counter

from textual.widgets._footer import FooterKey

from pressdesk.tui.widgets.footer import KeyFooter
from tests.tui.conftest import settle


def count_renders(monkeypatch) -> Counter:
    """How many times each footer key is rendered (a Pilot test paints nothing: each is a measurement)."""
    renders: Counter = Counter()
    render = FooterKey.render

    def counted(self):
        renders[self] += 1
        return render(self)

    monkeypatch.setattr(FooterKey, "render", counted)
    return renders


async def test_each_key_of_the_desks_footer_is_measured_once_as_the_desk_opens(frozen_app, monkeypatch):
    renders = count_renders(monkeypatch)
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        keys = list(frozen_app.screen.query_one(KeyFooter).query(FooterKey))
        assert len(keys) > 5
        assert {renders[key] for key in keys} == {1}


async def test_after_each_resize_every_key_is_as_wide_as_its_text_in_its_look(frozen_app):
    async with frozen_app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        for size in ((80, 24), (160, 45), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            keys = list(frozen_app.screen.query_one(KeyFooter).query(FooterKey))
            assert keys and all(key.content_size.width == key.render().cell_len for key in keys), size
