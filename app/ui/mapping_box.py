"""Map the selected evidence file or stage item to a marking point, with a justification."""

from __future__ import annotations

from app.ui.link_box import LinkBox
from app.ui.session import PortfolioSession


class MappingBox(LinkBox):
    """Shows the mappings of one item and adds new ones through the session."""

    def __init__(self, session: PortfolioSession, kind: str, prefix: str) -> None:
        super().__init__(
            session,
            self.tr("Mapped to marking points"),
            prefix,
            ("mappings", "point", "why", "map"),
            (
                (f"{point.short_id} {point.text}", point.id, point.text)
                for point in session.unit.marking_points
            ),
            self.tr("Marking point"),
            self.tr("How this shows the marking point"),
            self.tr("&Map to point"),
            self.tr("Not mapped yet."),
        )
        self.kind = kind
        self.point, self.map = self.choice, self.button

    def lines(self, item_id: int) -> list[str]:
        return [
            self.tr("{0}: {1}").format(
                link.marking_point_id.rsplit(".", 1)[-1],
                link.justification or self.tr("(no reason)"),
            )
            for link in self.session.document.evidence_links
            if link.target == (self.kind, item_id)
        ]

    def add(self, item_id: int, choice: object, why: str) -> bool:
        return self.session.link_evidence(str(choice), self.kind, item_id, why)
