"""The lazy case table model over a real register: Qt's model checks, paging, blocks of rows on demand."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.store import Filters
from desktop.ui.models import BLOCK, DEFAULT_COLUMNS, OVERDUE, PAGE, CaseTableModel

DEMO_CASES = 1200  # tests/gui/conftest.py makes the demo register with this many cases

pytestmark = pytest.mark.timeout(120)


class Spy:
    """Counts the store calls the model makes."""

    def __init__(self, reg, filters: Filters = Filters()) -> None:
        self.reg, self.filters = reg, filters
        self.pages: list[tuple[int, int]] = []
        self.blocks: list[int] = []

    def fetch_page(self, offset: int, limit: int):
        self.pages.append((offset, limit))
        return self.reg.find_ids(self.filters, limit, offset)

    def load_rows(self, ids):
        self.blocks.append(len(ids))
        return self.reg.summaries(ids)


def model_for(reg, filters: Filters = Filters(), **kw) -> tuple[CaseTableModel, Spy]:
    spy = Spy(reg, filters)
    return CaseTableModel(spy.fetch_page, spy.load_rows, **kw), spy


def test_qt_model_tester_passes_on_a_real_register(qtmodeltester, demo):
    model, _ = model_for(demo, columns=("reg_no", "service", "applicant", "iin", "stage", "decision",
                                        "registered_at", "step_due_at", "due_at", "executor"))
    assert model.rowCount() == PAGE
    qtmodeltester.check(model, force_py=True)


def test_qt_model_tester_on_a_filtered_and_an_empty_result(qtmodeltester, demo):
    model, _ = model_for(demo, Filters(service="S4"))
    assert 0 < model.rowCount() < DEMO_CASES
    qtmodeltester.check(model, force_py=True)
    empty, _ = model_for(demo, Filters(iin="000000000000"))
    assert empty.rowCount() == 0 and not empty.canFetchMore()
    qtmodeltester.check(empty, force_py=True)


def test_fetch_more_grows_page_by_page_until_the_register_ends(demo):
    model, spy = model_for(demo)
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    while model.canFetchMore():
        model.fetchMore(QModelIndex())
    assert model.rowCount() == demo.count() == DEMO_CASES
    assert spy.pages == [(0, PAGE), (PAGE, PAGE), (2 * PAGE, PAGE)]
    assert spy.blocks == []  # ids only: no row was read yet
    ids = [model.case_id(r) for r in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == DEMO_CASES


def test_rows_are_read_in_blocks_only_when_asked(demo):
    model, spy = model_for(demo)
    text = model.data(model.index(PAGE - 1, 0))
    assert spy.blocks == [BLOCK]
    assert text == demo.summaries([model.case_id(PAGE - 1)])[model.case_id(PAGE - 1)].reg_no
    model.data(model.index(PAGE - 2, 2))  # same block: cached
    assert spy.blocks == [BLOCK]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.reg_no(0)


def test_refresh_sees_new_cases_and_language(demo):
    model, _ = model_for(demo, lang="kk")
    stage_column = DEFAULT_COLUMNS.index("stage")
    first = model.reg_no(0)
    clerk = demo.user("clerk")
    from desktop.core.iin import make_iin
    case = demo.register_case(clerk, "S1", {"surname": "Жаңаев", "name": "Арман", "iin": make_iin(
        dt.date(1980, 1, 1), "M", 901), "address": "Бақанас"}, documents=["application"])
    model.refresh()
    assert model.reg_no(0) == case.reg_no != first
    assert model.data(model.index(0, stage_column)) == "Резолюцияны күтуде"
    model.set_language("ru")
    assert model.data(model.index(0, stage_column)) == "Ожидает резолюции"


def test_overdue_rows_are_coloured(demo):
    now = dt.datetime(2100, 1, 1)  # every open case is overdue by then
    model, _ = model_for(demo, Filters(stage="with_executor"), now=lambda: now)
    assert model.rowCount() > 0
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
