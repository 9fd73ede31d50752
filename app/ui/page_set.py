"""The main window's pages, each built the first time something asks for it.

Why: a window builds twenty pages, and most sessions look at two or three of them. Building a
page costs layout, forms and, for some, reading the document (the evidence list decodes its
thumbnails); building them all held up the first window by about a fifth of its start. A page
is made when it is first shown or first looked up (``pages["evidence"]``), added to the stack
then, and wired by the hook the window gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget


class PageSet(Mapping[str, QWidget]):
    """Stage key -> page, in the navigator's order; a page exists once it has been asked for."""

    def __init__(
        self,
        stack: QStackedWidget,
        factories: Mapping[str, Callable[[], QWidget]],
        on_built: Callable[[str, QWidget], None],
    ) -> None:
        self._stack = stack
        self._factories = dict(factories)
        self._on_built = on_built
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, stage: str) -> QWidget:
        page = self._built.get(stage)
        if page is None:
            factory = self._factories[stage]  # KeyError for a stage there is not
            page = self._built[stage] = factory()
            self._stack.addWidget(page)
            self._on_built(stage, page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def __contains__(self, stage: object) -> bool:
        return stage in self._factories

    def built(self) -> dict[str, QWidget]:
        """The pages made so far (the others have nothing on screen to keep up to date)."""
        return dict(self._built)

    def stage_of(self, widget: QWidget | None) -> str | None:
        """The stage whose page ``widget`` is; None for a widget that is not a page."""
        return next((stage for stage, page in self._built.items() if page is widget), None)
