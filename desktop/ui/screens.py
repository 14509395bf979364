"""Windows that fit the screen they open on: a 1366×768 laptop as well as a big monitor.

Qt's ``resize()`` sets the size of the window's inside; the window manager adds a title bar and a frame, and the
panel (taskbar) takes its strip off the screen (``availableGeometry`` already leaves the panel out). So a window
is given at most the available width less ``FRAME_PX`` and the available height less ``TITLE_BAR_PX``, and is moved
back onto the screen when a remembered position puts it (partly) off it.

    fit_to_screen(widget, width=None, height=None)   the wanted size (or the present one), shrunk to fit, on screen
    available_rect(widget=None) -> QRect               the usable part of the widget's screen
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR_PX = 40   # a title bar and the frame's bottom edge, as window managers draw them (KDE, GNOME, Windows)
FRAME_PX = 12       # the frame's left and right edges


def available_rect(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen the widget (or its parent window) is on; the primary screen else."""
    screen = None
    if widget is not None:
        screen = widget.screen()
        parent = widget.parentWidget()
        if parent is not None and parent.window().isVisible():
            screen = parent.window().screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def max_size(widget: QWidget | None = None) -> QSize:
    """The largest inside size a window can have and still show its frame and title bar on this screen."""
    rect = available_rect(widget)
    return QSize(max(200, rect.width() - FRAME_PX), max(200, rect.height() - TITLE_BAR_PX))


def fit_to_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> QSize:
    """Resize ``widget`` to ``width``×``height`` (default: its present size) but no bigger than the screen allows,
    and move it back onto the screen if it stands off it. Returns the size given."""
    limit = max_size(widget)
    wanted = QSize(width if width is not None else widget.width(), height if height is not None else widget.height())
    size = wanted.boundedTo(limit).expandedTo(widget.minimumSize().boundedTo(limit))
    if size != widget.size():
        widget.resize(size)
    if widget.isWindow() and (widget.testAttribute(Qt.WidgetAttribute.WA_Moved) or widget.isVisible()):
        rect = available_rect(widget)
        x = min(max(widget.x(), rect.left()), rect.right() + 1 - size.width() - FRAME_PX)
        y = min(max(widget.y(), rect.top()), rect.bottom() + 1 - size.height() - TITLE_BAR_PX)
        if (x, y) != (widget.x(), widget.y()):
            widget.move(max(x, rect.left()), max(y, rect.top()))
    return size


__all__ = ["FRAME_PX", "TITLE_BAR_PX", "available_rect", "fit_to_screen", "max_size"]
