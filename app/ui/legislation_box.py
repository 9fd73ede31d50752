"""Tie the selected action or finding to a law or standard from the library, with how
compliance is ensured: the same legislation links the Legislation tool lists."""

from __future__ import annotations

from app.catalogue.legislation import current_entries, load_library
from app.ui.link_box import LinkBox
from app.ui.session import PortfolioSession

#: Which reference of a legislation link points at each kind of item.
LINK_FIELD = {"action_item": "action_id", "analysis_finding": "finding_id"}


class LegislationBox(LinkBox):
    """The item's legislation links, and a row to add one."""

    def __init__(self, session: PortfolioSession, kind: str) -> None:
        super().__init__(
            session,
            self.tr("Legislation and standards"),
            kind,
            ("legislation_links", "legislation_entry", "legislation_why", "legislation_link"),
            # Only laws still in force are offered: a repealed one is never the one to cite.
            ((entry.title, key, entry.summary) for key, entry in current_entries().items()),
            self.tr("Law or standard"),
            self.tr("How compliance is ensured"),
            self.tr("&Link law"),
            self.tr("No law or standard linked yet."),
        )
        self.field = LINK_FIELD[kind]
        self.entry, self.link = self.choice, self.button

    def lines(self, item_id: int) -> list[str]:
        library = load_library()
        return [
            self.tr("{0}: {1}").format(
                library[link.entry_id].choice_label if link.entry_id in library else link.entry_id,
                link.justification or self.tr("(no justification yet)"),
            )
            for link in self.session.document.legislation_links
            if getattr(link, self.field) == item_id
        ]

    def add(self, item_id: int, choice: object, why: str) -> bool:
        added = self.session.add_item(
            "legislation_link", entry_id=choice, justification=why, **{self.field: item_id}
        )
        return added is not None
