"""Lists a new user reads at 1366×768: the clerk's journal shows the number, time and IIN whole, the collector's
sent registries keep their status in sight, and a queue's row colour follows the due time it is ordered by.

Widths are checked the way the item delegate elides: a text is shown whole when its width plus the delegate's
margins fits the section, and the section lies inside the viewport (no horizontal scrolling needed).
"""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QTableView

from desktop.ui.context import AppContext
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.head_tab import HeadTab
from desktop.ui.i18n import languages
from desktop.ui.mainwindow import MainWindow
from desktop.ui.models import DUE_TODAY, OVERDUE
from desktop.ui.registries import status_title
from helpers_roles import MARKS, make_ctx, new_case, show
from helpers_scan import BRANCH, psc_case, staff  # noqa: F401

pytestmark = MARKS


def shown_whole(view, column: int, text: str) -> bool:
    """The delegate draws ``text`` without '…' in ``column``, and the column is inside the viewport."""
    header = view.horizontalHeader()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    fits = view.fontMetrics().horizontalAdvance(text) + 2 * margin <= header.sectionSize(column)
    left = header.sectionViewportPosition(column)
    return fits and left >= 0 and left + header.sectionSize(column) <= view.viewport().width()


# ------------------------------------------------------------------ the clerk's journal

@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_journal_shows_number_time_and_iin_whole_at_1366(qtbot, register, people, settings, lang):
    languages().apply(lang)
    window = MainWindow(AppContext(register=register, user=people["clerk"], lang=lang, settings=settings),
                        settings, initial_tab="clerk")
    window.remember = False
    show(qtbot, window, (1366, 768))
    clerk = window.tab_widgets["clerk"].counter
    case = new_case(register, people["clerk"], "S1", 1)
    clerk.refresh()
    QApplication.processEvents()
    view: QTableView = clerk.w["journalView"]
    model = view.model()
    assert model.rowCount() == 1
    keys = model.column_keys()
    for key in ("reg_no", "registered_time", "iin"):
        text = model.data(model.index(0, keys.index(key)))
        assert text, key
        assert shown_whole(view, keys.index(key), text), (key, text)
    assert model.data(model.index(0, keys.index("reg_no"))) == case.reg_no
    assert model.data(model.index(0, keys.index("iin"))) == case.applicant.iin
    assert model.data(model.index(0, keys.index("registered_time"))) == case.registered_at.strftime("%H:%M")
    assert view.horizontalHeader().sectionResizeMode(keys.index("applicant")) == QHeaderView.ResizeMode.Stretch
    assert view.horizontalScrollBar().maximum() == 0
    name = model.data(model.index(0, keys.index("applicant")))
    assert shown_whole(view, keys.index("applicant"), name), name  # a usual name has room too


# ------------------------------------------------------------------ the collector's registries

def test_the_collector_sees_each_registrys_status_at_1366(qtbot, register, staff, settings):  # noqa: F811
    languages().apply("kk")
    desk, source = register.packages, f"psc:{BRANCH}"
    start = dt.datetime.now().replace(hour=9, minute=0, second=0, microsecond=0) - dt.timedelta(days=6)
    numbers = []
    for day in range(4):
        at = start + dt.timedelta(days=day)
        psc_case(register, staff["insp3"], 40 + day, now=at)
        numbers.append(desk.create_registry(staff["coll3"], source, now=at + dt.timedelta(hours=1)).number)
    desk.close_receipt(staff["clerk"], numbers[0], now=start + dt.timedelta(days=5))  # nothing scanned: incomplete
    statuses = {r.number: r.status for r in desk.registries(source=source)}
    assert statuses[numbers[0]] == "incomplete" and statuses[numbers[-1]] == "dispatched"

    window = MainWindow(AppContext(register=register, user=staff["coll3"], lang="kk", settings=settings),
                        settings)
    window.remember = False
    show(qtbot, window, (1366, 768))
    table = window.tab_widgets["psc"].builder.w["sentTable"]
    assert table.rowCount() == len(numbers)
    status = table.columnCount() - 1
    assert table.horizontalHeaderItem(status).text() == "Күйі"
    assert table.horizontalScrollBar().maximum() == 0
    for row in range(table.rowCount()):
        assert table.item(row, status).text() == status_title(statuses[table.item(row, 0).text()])
        for column in (0, 2, status):
            assert shown_whole(table, column, table.item(row, column).text()), (row, column)
    for name in ("dispatched", "receiving", "received", "incomplete"):  # whatever comes next fits too
        assert shown_whole(table, status, status_title(name)), name
    assert table.isColumnHidden(1)  # the branch's own list: its name is in the title, not on every row


# ------------------------------------------------------------------ colours follow the step's due time

def _colour(model, row: int):
    brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    return brush.color() if brush is not None else None


def _expected(summary, now: dt.datetime):
    due = summary.step_due_at or summary.due_at
    if now > due:
        return OVERDUE
    return DUE_TODAY if due.date() == now.date() else None


def _signed_s1(register, people, t0: dt.datetime):
    """A signed S1 result: its hand-over is due the next morning, the case itself nine days later."""
    case = new_case(register, people["clerk"], "S1", 11, now=t0)
    register.perform(people["head"], case.reg_no, "resolve", executor=people["executor1"].id,
                     resolution="Орындауға", now=t0 + dt.timedelta(minutes=5))
    register.perform(people["executor1"], case.reg_no, "draft", decision="approved", text="",
                     now=t0 + dt.timedelta(days=1))
    return register.perform(people["head"], case.reg_no, "sign", now=t0 + dt.timedelta(days=1, hours=1))


def test_executor_row_colour_follows_the_step_deadline(qtbot, register, people):
    t0 = dt.datetime(2026, 11, 2, 10, 0)  # a Monday
    signed = _signed_s1(register, people, t0)
    assert signed.step_due_at.date() < signed.due_at.date()  # the two due times fall on different days
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"])))
    model = ex.queue_model
    row = model.row_of(signed.reg_no)
    assert row is not None and model.deadline == "step_due_at"
    for now, colour in ((signed.step_due_at - dt.timedelta(days=1), None),  # step due tomorrow
                        (signed.step_due_at - dt.timedelta(minutes=30), DUE_TODAY),  # step due later today
                        (signed.step_due_at + dt.timedelta(minutes=30), OVERDUE)):  # step missed, case not yet
        ex.now = lambda now=now: now
        assert now < signed.due_at and now.date() != signed.due_at.date()  # the case's own due time is far off
        assert _colour(model, row) == colour, now
    # every row of the queue: the colour of the due time it is ordered by
    for r in range(model.rowCount()):
        summary = register.summaries([model.case_id(r)])[model.case_id(r)]
        assert _colour(model, r) == _expected(summary, ex.now())


def test_head_queues_colour_by_the_step_deadline_too(qtbot, register, people):
    t0 = dt.datetime(2026, 11, 2, 10, 0)
    case = new_case(register, people["clerk"], "S1", 12, now=t0)
    register.perform(people["head"], case.reg_no, "resolve", executor=people["executor1"].id,
                     resolution="Орындауға", now=t0 + dt.timedelta(minutes=5))
    drafted = register.perform(people["executor1"], case.reg_no, "draft", decision="approved", text="",
                               now=t0 + dt.timedelta(days=1))
    waiting = new_case(register, people["clerk"], "S5", 13, now=t0)  # awaiting resolution
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    signature, resolution = head.signature_model, head.resolution_model
    assert signature.deadline == resolution.deadline == "step_due_at"
    head.now = lambda: drafted.step_due_at + dt.timedelta(minutes=1)  # the signature is late, the case is not
    assert head.now() < drafted.due_at
    assert _colour(signature, signature.row_of(drafted.reg_no)) == OVERDUE
    head.now = lambda: drafted.step_due_at - dt.timedelta(minutes=1)
    assert _colour(signature, signature.row_of(drafted.reg_no)) == DUE_TODAY
    head.now = lambda: waiting.step_due_at - dt.timedelta(minutes=1)
    assert waiting.step_due_at.date() != waiting.due_at.date()
    assert _colour(resolution, resolution.row_of(waiting.reg_no)) == DUE_TODAY
