"""Full garbage collections when the window is idle, never in the middle of an edit.

Why: Python's collector walks every tracked object on a full pass. With a large portfolio open
that is some hundreds of thousands of objects, and a full pass holds the window up for
80–100 ms at whichever edit happens to trigger it. The two young generations stay automatic
(they only walk recent objects, well under a millisecond); the automatic full pass is put off
and run instead once nothing has happened for ``IDLE_SECONDS`` — or, on a window that is never
idle that long, at the latest every ``LATEST_SECONDS``, so memory held in cycles always goes
back.

Input is watched on the windows (each window that takes the focus), not application-wide:
an application-wide event filter is called for every event of every widget — some 12,000
while the main window builds itself — and would cost the start a tenth of a second.

Freezing the document out of the collector (``gc.freeze``) was the other way; it keeps
whatever a reload replaced until the next thaw, and freezes every other object of the
process with it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

IDLE_SECONDS = 1.5
LATEST_SECONDS = 60.0
#: The full-pass threshold while this is installed: high enough never to be reached.
_PUT_OFF = 1_000_000_000

#: The events that mean somebody is using the window (a paint or a timer does not).
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
    QEvent.Type.Shortcut,
}


class IdleCollector(QObject):
    """Made with the application: watches its windows for input, collects when it stops."""

    def __init__(
        self,
        parent: QGuiApplication,
        idle_seconds: float = IDLE_SECONDS,
        latest_seconds: float = LATEST_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._before = gc.get_threshold()
        self._latest = latest_seconds
        self._last_full = self._clock()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(idle_seconds * 1000))
        self._timer.timeout.connect(self.collect)
        young, middle, _full = self._before
        gc.set_threshold(young, middle, _PUT_OFF)
        self._watched: list[QWindow] = []
        parent.focusWindowChanged.connect(self._watch)
        self._watch(parent.focusWindow())
        self._timer.start()

    def _watch(self, window: QWindow | None) -> None:
        """Input reaches a widget through its window: watch each window once it has the
        focus (the main window, a dialog)."""
        if window is None or window in self._watched:
            return
        self._watched.append(window)
        window.installEventFilter(self)
        window.destroyed.connect(lambda *_: self._forget(window))

    def _forget(self, window: QWindow) -> None:
        if window in self._watched:
            self._watched.remove(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            if self._clock() - self._last_full > self._latest:
                self.collect()
            self._timer.start()  # (re)starts the wait for quiet
        return False

    def collect(self) -> None:
        """One full pass, now."""
        gc.collect()
        self.collections += 1
        self._last_full = self._clock()

    def uninstall(self) -> None:
        """Back to Python's own schedule (tests; an application that ends)."""
        self._timer.stop()
        self.parent().focusWindowChanged.disconnect(self._watch)  # type: ignore[attr-defined]
        for window in self._watched:
            window.removeEventFilter(self)
        self._watched.clear()
        gc.set_threshold(*self._before)
