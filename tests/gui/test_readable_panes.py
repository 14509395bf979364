"""What a new user reads beside the lists: the clerk's service line says the title only when the box cuts it,
names are whole in the executor's and the head's queues, the phone has its own row and never wraps, and the S6
quarter reads as the certificate says it, the draft's fields lined up with the case's."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from desktop.ui.akim_tab import AkimTab
from desktop.ui.casework import case_header_html
from desktop.ui.context import AppContext
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.intake_fields import FieldEditor
from desktop.ui.i18n import languages
from desktop.ui.labels import quarter_title
from desktop.ui.mainwindow import MainWindow
from helpers_roles import MARKS, advance, make_ctx, person, show
from helpers_scan import staff  # noqa: F401

pytestmark = MARKS


def _counter(qtbot, register, user, settings, lang: str, size=(1366, 768)):
    languages().apply(lang)
    window = MainWindow(AppContext(register=register, user=user, lang=lang, settings=settings), settings,
                        initial_tab="clerk")
    window.remember = False
    show(qtbot, window, size)
    return window, window.tab_widgets["clerk"].counter


def _choose(clerk, code: str) -> None:
    combo = clerk.w["serviceCombo"]
    combo.setCurrentIndex(combo.findData(code))
    QApplication.processEvents()


def test_the_service_title_is_repeated_only_when_the_box_cuts_it(qtbot, register, people, settings):
    window, clerk = _counter(qtbot, register, people["clerk"], settings, "kk")
    info, combo = clerk.w["serviceInfo"], clerk.w["serviceCombo"]
    _choose(clerk, "S1")  # the longest title: cut at 1366 px
    title = clerk.service().title("kk")
    assert clerk.service_title_cut()
    assert info.text().splitlines()[0] == title and "нәтиже мерзімі" in info.text().splitlines()[-1]

    _choose(clerk, "S3")  # a title the box shows whole: the line under it gives the due time alone
    assert not clerk.service_title_cut()
    assert combo.currentText().endswith(clerk.service().title("kk"))
    assert info.text().startswith("Қазір тіркелсе, нәтиже мерзімі: ") and "\n" not in info.text()

    _choose(clerk, "S1")
    window.resize(1900, 900)  # wide enough for the whole S1 title: no repetition
    qtbot.waitUntil(lambda: not clerk.service_title_cut(), timeout=2000)
    qtbot.waitUntil(lambda: "\n" not in info.text(), timeout=2000)
    window.resize(1366, 768)  # narrow again: the title comes back
    qtbot.waitUntil(lambda: info.text().startswith(title), timeout=2000)


# ------------------------------------------------------------------ names whole in the queues

def _name_whole(view, row: int) -> bool:
    model, header = view.model(), view.horizontalHeader()
    column = model.column_keys().index("applicant")
    text = model.data(model.index(row, column))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.fontMetrics().horizontalAdvance(text) + 2 * margin <= header.sectionSize(column)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_names_are_whole_in_the_executor_and_signature_queues_at_1366(qtbot, demo, settings, lang):
    languages().apply(lang)
    staff_ = {name: demo.user(name) for name in ("clerk", "head", "executor1", "executor2")}
    # one long name in each queue, whatever the demo's dates left there today
    for serial, stage in ((931, "awaiting_signature"), (932, "with_executor")):
        case = demo.register_case(staff_["clerk"], "S2", person(serial, surname="Бекмұхамбетова", name="Сандуғаш",
                                                                   patronymic="Ғалымқызы"), None, ["application"])
        advance(demo, staff_, case, stage)
    demo.register_case(staff_["clerk"], "S2", person(933, surname="Құрманғалиева", name="Гүлнар",
                                                      patronymic="Еркебұланқызы"), None, ["application"])
    windows = {}
    for user, tab_ in (("executor1", "executor"), ("head", "head")):
        window = MainWindow(AppContext(register=demo, user=demo.user(user), lang=lang, settings=settings), settings,
                            initial_tab=tab_)
        window.remember = False
        show(qtbot, window, (1366, 768))
        windows[tab_] = window.tab_widgets[tab_]
    head = windows["head"]
    head.w["headTabs"].setCurrentWidget(head.w["signaturePage"])
    QApplication.processEvents()
    for view in (windows["executor"].w["myCasesView"], head.w["signatureView"], head.w["resolutionView"]):
        model = view.model()
        assert model.rowCount() > 0, view.objectName()
        assert view.horizontalScrollBar().maximum() == 0, view.objectName()  # the due columns stay in sight
        cut = [model.data(model.index(r, model.column_keys().index("applicant"))) for r in range(model.rowCount())
               if not _name_whole(view, r)]
        assert cut == [], (view.objectName(), cut)
    # the case pane beside keeps room for its buttons
    assert head.w["signaturePane"].width() >= head.w["signaturePane"].minimumSizeHint().width()
    assert windows["executor"].w["caseView"].width() >= 400


# ------------------------------------------------------------------ the case pane

def _lines_of(document: QTextDocument, text: str) -> int:
    """How many lines the block holding ``text`` is laid out on."""
    block = document.find(text).block()
    assert block.isValid(), text
    return block.layout().lineCount()


def test_the_phone_has_its_own_row_and_never_wraps(qtbot, register, people):
    languages().apply("kk")
    applicant = person(21, address="Ақсу ауданы, Б.Сырттанов атындағы ауыл, Райымбек көшесі, 101 үй, 12 пәтер",
                       phone="+7 776 262 19 88")
    case = register.register_case(people["clerk"], "S1", applicant, None, ["application", "identity"])
    case = advance(register, people, case, "with_executor")
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"])), (1366, 768))
    assert ex.current_case().reg_no == case.reg_no
    page = ex.w["caseView"].document()
    assert "Телефон\t+7 776 262 19 88" in page.toPlainText().replace("\u00a0", " ").replace("\n", "\t")
    address = next(line for line in page.toPlainText().splitlines() if "Райымбек" in line)
    assert "+7" not in address
    narrow = QTextDocument()
    narrow.setHtml(case_header_html(case, register.service_of(case), "kk", {}))
    narrow.setTextWidth(260)  # a pane so narrow the address wraps: the number still stays whole
    assert narrow.size().width() <= 300  # laid out at that width
    assert _lines_of(narrow, "Райымбек") > 1
    assert _lines_of(narrow, "+7 776 262 19 88") == 1
    assert narrow.find("+7 776 262 19 88").block().text() == "+7\u00a0776\u00a0262\u00a019\u00a088"  # no-break


@pytest.mark.parametrize("lang, quarter", [("kk", "2026 ж. I тоқсан"), ("ru", "I квартал 2026 г.")])
def test_s6_quarter_reads_as_on_the_certificate_and_lines_up(qtbot, register, staff, lang, quarter):  # noqa: F811
    languages().apply(lang)
    akim_user = staff["akim42"]
    case = register.register_case(akim_user, "S6", person(62), None, ["application", "identity"], channel="akimat")
    register.perform(akim_user, case.reg_no, "resolve", resolution="Беріңіз")
    register.perform(akim_user, case.reg_no, "draft", decision="approved", text="",
                     result={"quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле"}]})
    akim = show(qtbot, AkimTab(make_ctx(register, akim_user, lang=lang)), (1366, 768))
    akim.tabs.setCurrentWidget(akim.w["decidePage"])
    assert akim.w["actionStack"].currentWidget() is akim.w["signPage"]
    page = akim.w["caseView"].document()
    text = page.toPlainText()
    assert quarter in text and "2026-Q1" not in text
    tables = [f for f in page.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1  # the draft's fields in the case's table: one column of titles
    table = tables[0]
    titles = [table.cellAt(r, 0).firstCursorPosition().block().text() for r in range(table.rows())]
    assert {"Тоқсан" if lang == "kk" else "Квартал", "Өтініш беруші" if lang == "kk" else "Заявитель"} <= set(titles)
    # the quarter chosen in the draft's editor reads the same way, and still gives '2026-Q4' to the core
    assert quarter_title("2026-Q4", lang) == {"kk": "2026 ж. IV тоқсан", "ru": "IV квартал 2026 г."}[lang]
    assert quarter_title("2026 жыл", lang) == "2026 жыл"  # typed text is shown as typed
    field = next(f for f in register.catalogue.service("S6").fields if f.name == "quarter")
    host = QWidget()
    qtbot.addWidget(host)
    editor = FieldEditor(field, lang, host, dt.date(2026, 11, 25))
    combo = editor.widget
    assert editor.value() == "2026-Q4" and combo.currentText() == quarter_title("2026-Q4", lang)
    assert all("-Q" not in combo.itemText(i) for i in range(combo.count()))
