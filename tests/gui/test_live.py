"""Live queues: two app windows on separate connections to one register — the clerk's desk and the head's desk.

Within a second of the clerk's commit the head's queue, its count and an open case card show it, with no manual
refresh, and the head keeps her selected case, her scroll position, her focus and what she was typing. Run on a
SQLite file (two connections to one file: PRAGMA data_version) and on the PostgreSQL test cluster (each desk
connected as its own login role: LISTEN/NOTIFY)."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from psycopg.conninfo import conninfo_to_dict
from PySide6.QtWidgets import QApplication

from desktop.store import Register
from desktop.ui.casework import select_reg_no, selected_reg_no
from desktop.ui.context import AppContext
from desktop.ui.i18n import languages
from desktop.ui.live import LiveUpdates
from desktop.ui.mainwindow import MainWindow
from helpers_live import fill_office, intake
from helpers_roles import type_text

pytestmark = [pytest.mark.timeout(180)]
SECOND = 1000  # ms: the bound for a change to show at another desk


class Office:
    def __init__(self, clerk_reg: Register, head_reg: Register, clerk: MainWindow, head: MainWindow) -> None:
        self.clerk_reg, self.head_reg, self.clerk, self.head = clerk_reg, head_reg, clerk, head

    @property
    def head_tab(self):
        return self.head.tab_widgets["head"]


def _desk(qtbot, reg: Register, username: str, settings, tab: str) -> MainWindow:
    languages().apply("kk")
    ctx = AppContext(register=reg, user=reg.user(username), lang="kk", settings=settings)
    window = MainWindow(ctx, settings, initial_tab=tab, live=True)
    window.remember = False
    window.resize(1360, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path, qtbot, settings):
    if request.param == "sqlite":
        path = tmp_path / "office.sqlite3"
        with Register.open(path, create=True) as reg:
            fill_office(reg)
        clerk_reg, head_reg = Register.open(path), Register.open(path)  # two desks, two connections, one file
    else:
        server, url = request.getfixturevalue("pg_server"), request.getfixturevalue("pg_database")
        with Register.open(url, create=True) as reg:
            fill_office(reg)
        name = conninfo_to_dict(url)["dbname"]  # each desk signs in to the server as its own user
        clerk_reg = Register.open(server.url(name, user="clerk", password="clerk-pw"))
        head_reg = Register.open(server.url(name, user="head", password="head-pw"))
    clerk = _desk(qtbot, clerk_reg, "clerk", settings, "clerk")
    head = _desk(qtbot, head_reg, "head", settings, "head")
    yield Office(clerk_reg, head_reg, clerk, head)
    for window in (clerk, head):
        window.close()
        assert window.live is None or not window.live.running  # the watcher's thread ended with the window
        window.deleteLater()
    clerk_reg.close()
    head_reg.close()


def test_the_heads_queue_gains_the_clerks_new_case_within_a_second(qtbot, office):
    head = office.head_tab
    assert office.head.live is not None and office.head.live.running
    before = head.resolution_model.rowCount()
    assert f"({before})" in head.w["headTabs"].tabText(0)
    times = []
    for serial in (1001, 1002, 1003):
        case = intake(office.clerk_reg, serial)  # committed at the clerk's desk, on the clerk's connection
        committed = time.monotonic()
        qtbot.waitUntil(lambda: head.resolution_model.row_of(case.reg_no) is not None, timeout=SECOND)
        times.append(time.monotonic() - committed)
    assert f"({before + 3})" in head.w["headTabs"].tabText(0)  # the count on the queue's tab follows
    assert max(times) < 1.0, times


def test_a_live_refresh_keeps_the_heads_selection_scroll_focus_and_typing(qtbot, office):
    head = office.head_tab
    view, model, edit = head.w["resolutionView"], head.resolution_model, head.w["resolutionEdit"]
    chosen = model.reg_no(40)
    assert select_reg_no(view, chosen)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 20, "the queue must be longer than the window shows"
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    office.head.activateWindow()
    edit.setFocus()
    type_text(qtbot, "Қарап, жауап дайындаңыз", edit)
    edit.setCursorPosition(5)
    # a case that goes to the end of the queue, then one that goes above the selection (registered earlier)
    for serial, when in ((1101, None), (1102, dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=3))):
        with qtbot.waitSignal(office.head.live_refreshed, timeout=2 * SECOND):
            case = intake(office.clerk_reg, serial, now=when)
        assert model.row_of(case.reg_no) is not None
        assert selected_reg_no(view) == chosen  # the same case, though its row moved
        assert bar.value() == scrolled
        assert edit.text() == "Қарап, жауап дайындаңыз" and edit.cursorPosition() == 5
        assert QApplication.focusWidget() is edit
        assert head.w["resolutionCase"].toPlainText().startswith(chosen)
    assert model.row_of(case.reg_no) == 0


def test_an_open_case_card_shows_the_other_desks_change(qtbot, office, shown_alerts):
    head = office.head_tab
    reg_no = head.resolution_model.reg_no(0)
    card = office.head.open_case(reg_no)
    assert card is not None and card.case.stage == "awaiting_resolution"
    history = card.history_table.rowCount()
    office.clerk_reg.perform(office.clerk_reg.user("clerk"), reg_no, "withdraw", reason="Өтінішін қайтарып алды")
    qtbot.waitUntil(lambda: card.case.stage == "withdrawn", timeout=SECOND)
    assert card.history_table.rowCount() == history + 1
    qtbot.waitUntil(lambda: head.resolution_model.row_of(reg_no) is None, timeout=SECOND)
    assert not shown_alerts  # nothing to click away


def test_a_burst_of_commits_is_a_few_refreshes_not_one_per_commit(qtbot, office):
    refreshed = []
    office.head.live_refreshed.connect(lambda: refreshed.append(time.monotonic()))
    last = None
    for serial in range(1201, 1221):  # 20 intakes back to back at the clerk's desk
        last = intake(office.clerk_reg, serial)
    qtbot.waitUntil(lambda: office.head_tab.resolution_model.row_of(last.reg_no) is not None, timeout=2 * SECOND)
    qtbot.wait(300)
    assert 1 <= len(refreshed) <= 10, len(refreshed)


def test_a_window_refreshes_after_a_question_box_not_under_it(qtbot, office, monkeypatch):
    from desktop.ui import live
    busy = [True]
    monkeypatch.setattr(live, "busy_with_a_dialog", lambda: busy[0])
    import desktop.ui.mainwindow as mainwindow
    monkeypatch.setattr(mainwindow, "busy_with_a_dialog", lambda: busy[0])
    head = office.head_tab
    case = intake(office.clerk_reg, 1301)
    qtbot.wait(SECOND)
    assert head.resolution_model.row_of(case.reg_no) is None  # the box is still open: nothing moved under it
    busy[0] = False
    qtbot.waitUntil(lambda: head.resolution_model.row_of(case.reg_no) is not None, timeout=SECOND)


def test_live_updates_stop_quickly_and_a_missing_register_turns_them_off_calmly(qtbot, tmp_path):
    path = tmp_path / "one.sqlite3"
    with Register.open(path, create=True) as reg:
        reg.initialise(3, "admin-pass")
    reg = Register.open(path)
    try:
        live = LiveUpdates(reg)
        assert live.start() and live.running
        start = time.monotonic()
        live.stop()
        assert not live.running and time.monotonic() - start < 1.0
        path.rename(tmp_path / "moved.sqlite3")
        assert LiveUpdates(reg).start() is False  # logged; the window works on without live queues
    finally:
        reg.close()


def test_a_list_refreshes_in_place_beyond_its_first_page(qtbot):
    """A long list scrolled past its first page keeps its rows, its current row and its place when another desk
    adds a case: the model removes and inserts only what changed (no reset back to the first page)."""
    from PySide6.QtWidgets import QTableView

    from desktop.store import CaseSummary
    from desktop.ui.casework import setup_table
    from desktop.ui.models import PAGE, CaseTableModel
    ids = list(range(1, 1301))
    now = dt.datetime(2026, 3, 2, 10, 0)

    def summaries(wanted):
        return {i: CaseSummary(id=i, reg_no=f"K03202600{i:04d}", service="S1", applicant=f"Ахметов {i}",
                               iin="850102300011", stage="awaiting_resolution", decision=None, registered_at=now,
                               due_at=now, step_due_at=now, executor_id=None, channel="department", closed_at=None)
                for i in wanted}

    model = CaseTableModel(lambda offset, limit: ids[offset:offset + limit], summaries)
    view = QTableView()
    qtbot.addWidget(view)
    setup_table(view, model)
    view.resize(600, 400)
    view.show()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1300 > 2 * PAGE
    chosen = model.reg_no(1100)
    assert select_reg_no(view, chosen)
    view.verticalScrollBar().setValue(1090)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    ids.insert(0, 5000)  # a case that goes to the top
    ids.remove(700)      # one that left the list in the middle
    ids.append(5001)     # and one at the end
    model.refresh()
    assert not resets and model.rowCount() == 1301
    assert selected_reg_no(view) == chosen and view.currentIndex().row() == 1100  # one row more above, one less
    assert view.verticalScrollBar().value() == 1090
    assert [model.case_id(r) for r in range(model.rowCount())] == ids
