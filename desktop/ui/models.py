"""One lazy table model for every case list (Anki's pattern): ids first, rows fetched on demand.

The model holds a page of ids at a time and grows through canFetchMore/fetchMore, so a 1 000 000-case register
opens instantly. Rows are read from the store in blocks when a view first asks for them and cached; refresh()
drops the cache and starts again from the first page.

``fit_columns`` sizes a view's columns from the widest text each can show (any date is as wide as a sample date,
any stage as its longest title) and lets one column (the applicant) take what is left, so the due times of a
narrow queue stay in sight instead of behind a horizontal scrollbar.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QSplitter, QStyle, QTableView, QTabWidget

from ..core.model import OPEN_STAGES, STAGES
from ..store import CaseSummary
from .labels import DECISION_TITLES, decision_title, fmt_datetime, fmt_time, stage_title

PAGE = 500
BLOCK = 100
Index = QModelIndex | QPersistentModelIndex

OVERDUE = QColor("#f8d7da")
DUE_TODAY = QColor("#fff3cd")


@dataclass(frozen=True)
class Column:
    key: str
    title: Callable[[], str]


def _columns() -> dict[str, Column]:
    return {
        "reg_no": Column("reg_no", lambda: QCoreApplication.translate("CaseTableModel", "Reg. No")),
        "service": Column("service", lambda: QCoreApplication.translate("CaseTableModel", "Service")),
        "applicant": Column("applicant", lambda: QCoreApplication.translate("CaseTableModel", "Applicant")),
        "iin": Column("iin", lambda: QCoreApplication.translate("CaseTableModel", "IIN")),
        "stage": Column("stage", lambda: QCoreApplication.translate("CaseTableModel", "Stage")),
        "decision": Column("decision", lambda: QCoreApplication.translate("CaseTableModel", "Decision")),
        "registered_at": Column("registered_at",
                                lambda: QCoreApplication.translate("CaseTableModel", "Registered")),
        "registered_time": Column("registered_time", lambda: QCoreApplication.translate("CaseTableModel", "Time")),
        "step_due_at": Column("step_due_at", lambda: QCoreApplication.translate("CaseTableModel", "Step due")),
        "due_at": Column("due_at", lambda: QCoreApplication.translate("CaseTableModel", "Due")),
        "executor": Column("executor", lambda: QCoreApplication.translate("CaseTableModel", "Executor")),
    }


DEFAULT_COLUMNS = ("reg_no", "service", "applicant", "iin", "stage", "registered_at", "due_at")
DATE_COLUMNS = ("registered_at", "step_due_at", "due_at")
DEADLINES = ("due_at", "step_due_at")  # the due times a row may be coloured by
SAMPLE_MOMENT = dt.datetime(2026, 12, 28, 23, 58)  # dd.MM.yyyy HH:mm: every date of the lists is this wide
# a queue's list makes room for a long full name, and for a longer one it holds, up to a very long one
SAMPLE_NAME = "Әбдірахманова Айгүл Дәулетқызы"
LONGEST_NAME = "Сұлтанбекова Назерке Құдайбергенқызы"

# fetch_page(offset, limit) -> ids; load_rows(ids) -> {id: CaseSummary}
FetchPage = Callable[[int, int], Sequence[int]]
LoadRows = Callable[[Sequence[int]], dict[int, CaseSummary]]


class CaseTableModel(QAbstractTableModel):
    def __init__(self, fetch_page: FetchPage, load_rows: LoadRows, *, columns: Sequence[str] = DEFAULT_COLUMNS,
                 lang: str = "kk", now: Callable[[], dt.datetime] = lambda: dt.datetime.now(),
                 executor_names: Callable[[int], str] | None = None, deadline: str = "due_at",
                 parent=None) -> None:
        super().__init__(parent)
        if deadline not in DEADLINES:
            raise ValueError(f"unknown deadline {deadline!r}")
        self._deadline = deadline
        self._fetch_page = fetch_page
        self._load_rows = load_rows
        all_columns = _columns()
        self._columns = [all_columns[c] for c in columns]
        self._lang = lang
        self._now = now
        self._executor_names = executor_names or (lambda uid: str(uid))
        self._ids: list[int] = []
        self._rows: dict[int, CaseSummary] = {}
        self._exhausted = False
        self.refresh()

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Re-run the query (after a write here or at another desk, or when the filters change), in place.

        As many rows as were loaded are read again (at least a page), and only the rows that differ are removed and
        inserted; the others stay, so a view keeps its selection, its current row and its scroll position while the
        list changes under it (live queues: another desk's commit must not throw the user's place away)."""
        loaded = len(self._ids)
        want = max(PAGE, -(-loaded // PAGE) * PAGE)
        ids = list(self._fetch_page(0, want))
        self._exhausted = len(ids) < want
        self._rows.clear()  # the rows that stay may have changed too (a stage, an executor): read them again
        old = self._ids
        if not old or not ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
            return
        self._ids = list(old)
        # right to left, so the positions of the blocks still to do stay those of the old list
        for tag, i1, i2, j1, j2 in reversed(SequenceMatcher(None, old, ids, autojunk=False).get_opcodes()):
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._ids[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + j2 - j1 - 1)
                self._ids[i1:i1] = ids[j1:j2]
                self.endInsertRows()
        if ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(self._columns) - 1))

    @property
    def language(self) -> str:
        return self._lang

    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        more = list(self._fetch_page(len(self._ids), PAGE))
        self._exhausted = len(more) < PAGE
        if more:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._ids.extend(more)
            self.endInsertRows()

    def _row(self, row: int) -> CaseSummary | None:
        case_id = self._ids[row]
        found = self._rows.get(case_id)
        if found is None:
            block_start = row - row % BLOCK
            block = [i for i in self._ids[block_start:block_start + BLOCK] if i not in self._rows]
            self._rows.update(self._load_rows(block))
            found = self._rows.get(case_id)
        return found

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title()
            return None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.UserRole):
            return None
        summary = self._row(index.row())
        if summary is None:  # deleted meanwhile: never raise inside data()
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.UserRole:
            return summary.reg_no
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(summary)
        return self._text(summary, self._columns[index.column()].key)

    @property
    def deadline(self) -> str:
        return self._deadline

    def deadline_of(self, s: CaseSummary) -> dt.datetime:
        """The due time the row is coloured by: the list's deadline column (the step's, or the case's)."""
        if self._deadline == "step_due_at" and s.step_due_at is not None:
            return s.step_due_at
        return s.due_at

    def _background(self, s: CaseSummary) -> QBrush | None:
        """Red once the row's deadline has passed, amber while it falls later today; nothing for a closed or
        suspended case (its clock is stopped). A queue ordered by the step's due time is coloured by that time,
        so the colours follow the order the rows are in."""
        if s.stage not in OPEN_STAGES:
            return None
        now = self._now()
        due = self.deadline_of(s)
        if now > due:
            return QBrush(OVERDUE)
        if due.date() == now.date():
            return QBrush(DUE_TODAY)
        return None

    def _text(self, s: CaseSummary, key: str) -> str:
        if key == "stage":
            return stage_title(s.stage, self._lang)
        if key == "decision":
            return decision_title(s.decision, self._lang)
        if key in ("registered_at", "due_at", "step_due_at"):
            return fmt_datetime(getattr(s, key), self._lang)
        if key == "registered_time":
            return fmt_time(s.registered_at, self._lang)
        if key == "executor":
            return self._executor_names(s.executor_id) if s.executor_id else ""
        return str(getattr(s, key))

    # ------------------------------------------------------------ helpers for views

    def reg_no(self, row: int) -> str | None:
        summary = self._row(row) if 0 <= row < len(self._ids) else None
        return summary.reg_no if summary else None

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, reg_no: str) -> int | None:
        for row in range(len(self._ids)):
            if self.reg_no(row) == reg_no:
                return row
        return None


# ------------------------------------------------------------------ column widths

def column_samples(key: str, lang: str) -> list[str]:
    """Texts as wide as the widest the column ``key`` shows; empty when only the rows can tell (names)."""
    if key == "reg_no":
        return ["K" + "0" * 12]
    if key == "iin":
        return ["0" * 12]
    if key == "service":
        return ["S0"]
    if key in DATE_COLUMNS:
        return [fmt_datetime(SAMPLE_MOMENT, lang)]
    if key == "registered_time":
        return [fmt_time(SAMPLE_MOMENT, lang)]
    if key == "stage":
        return [stage_title(s, lang) for s in STAGES]
    if key == "decision":
        return [decision_title(d, lang) for d in DECISION_TITLES]
    return []


def list_width(view: QTableView, *, stretch: str = "applicant") -> int:
    """The width ``view`` needs to show its fixed columns (as fit_columns left them) and a long name whole in the
    stretching column (SAMPLE_NAME, or the longest of the rows loaded up to LONGEST_NAME), with the vertical
    scrollbar, its frame, and the margins of the widgets around it up to the splitter that holds it."""
    model: CaseTableModel = view.model()
    header = view.horizontalHeader()
    keys = model.column_keys()
    fixed = sum(header.sectionSize(c) for c, key in enumerate(keys) if key != stretch and not header.isSectionHidden(c))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    pad = 2 * margin + 4
    metrics = view.fontMetrics()
    loaded = view.sizeHintForColumn(keys.index(stretch)) if stretch in keys else 0
    room = max(metrics.horizontalAdvance(SAMPLE_NAME) + pad,
               min(loaded, metrics.horizontalAdvance(LONGEST_NAME) + pad))
    scrollbar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    width = fixed + room + scrollbar + 2 * view.frameWidth()
    widget = view.parentWidget()
    while widget is not None and not isinstance(widget, QSplitter):
        if widget.layout() is not None:
            m = widget.layout().contentsMargins()
            width += m.left() + m.right()
        if isinstance(widget, QTabWidget):
            width += 2 * widget.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
        widget = widget.parentWidget()
    return width


def fit_splitter(splitter: QSplitter, view: QTableView, *, stretch: str = "applicant") -> None:
    """Give the list on the left of ``splitter`` the width its columns and a long full name need (list_width);
    the pane on the right takes the rest, and what the window gains later (the list keeps its width)."""
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([list_width(view, stretch=stretch), 10_000])


def fit_columns(view: QTableView, *, stretch: str = "applicant",
                samples: dict[str, Sequence[str]] | None = None) -> None:
    """Each column as wide as its header and its widest possible text; ``stretch`` takes the rest.

    ``samples`` narrows a column to the texts it can really show (an executor's queue holds three stages, not
    eight). Columns without samples (names) are sized from the rows loaded. The user may still widen a column;
    the stretching one gives way. Call again after a language change."""
    model: CaseTableModel = view.model()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    pad = 2 * margin + 4  # the delegate's text margins, the grid line and a little air
    for column, key in enumerate(model.column_keys()):
        if key == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        texts = list((samples or {}).get(key) or column_samples(key, model.language))
        width = max([header.sectionSizeHint(column)] + [metrics.horizontalAdvance(t) + pad for t in texts])
        if not texts:
            width = max(width, view.sizeHintForColumn(column))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
