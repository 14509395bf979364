"""The register tab finds cases by number, IIN, name prefix, service, stage and period; the case card shows them."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.core.iin import make_iin
from desktop.store import Filters, HistoryEntry
from desktop.ui.casecard import CaseCard, step_rows
from desktop.ui.context import AppContext
from desktop.ui.i18n import languages
from desktop.ui.models import BLOCK
from desktop.ui.register_tab import RegisterTab

pytestmark = pytest.mark.timeout(120)

IIN1 = make_iin(dt.date(1950, 5, 5), "M", 4321)
IIN2 = make_iin(dt.date(1961, 7, 8), "F", 4322)
CHILD = make_iin(dt.date(2015, 5, 5), "F", 4323)


def person(surname: str, name: str, iin: str) -> dict:
    return {"surname": surname, "name": name, "patronymic": "", "iin": iin,
            "address": "Бақанас ауылы, Абай көшесі, 5", "phone": "+7 701 123 45 67"}


@pytest.fixture
def known(demo):
    """Three cases of two applicants at known times, among the demo's 1200."""
    clerk = demo.user("clerk")
    a = demo.register_case(clerk, "S1", person("Ерекшеев", "Бауыржан", IIN1), documents=["application", "identity"],
                           now=dt.datetime(2025, 2, 10, 10, 0))
    b = demo.register_case(clerk, "S5", person("Ерекшеев", "Бауыржан", IIN1), {"category": "Көп балалы аналар"},
                           ["application"], now=dt.datetime(2025, 2, 20, 11, 0))
    c = demo.register_case(clerk, "S7", person("Ерекшеева", "Дана", IIN2),
                           {"children": [{"full_name": "Ерекшеева Айым", "iin": CHILD}]}, ["application"],
                           now=dt.datetime(2025, 3, 5, 9, 30))
    return {"a": a.reg_no, "b": b.reg_no, "c": c.reg_no}


@pytest.fixture
def tab(qtbot, demo):
    languages().apply("kk")
    opened: list[str] = []
    ctx = AppContext(register=demo, user=demo.user("clerk"), lang="kk")
    ctx.open_case = opened.append
    widget = RegisterTab(ctx)
    widget.opened = opened
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def found(tab) -> list[str]:
    model = tab.model
    while model.canFetchMore():
        model.fetchMore()
    return [model.reg_no(r) for r in range(model.rowCount())]


def type_text(widget, text: str) -> None:
    """Key events carrying the text (QTest.keyClicks aborts on letters outside ASCII, like Kazakh ones)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def search(qtbot, tab, edit, text: str) -> None:
    edit.clear()
    type_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_finds_by_number(qtbot, tab, known):
    search(qtbot, tab, tab.reg_no_edit, known["b"].lower())
    assert found(tab) == [known["b"]]
    assert tab.count_label.text() == "Табылған істер: 1"


def test_finds_by_iin(qtbot, tab, known, demo):
    search(qtbot, tab, tab.iin_edit, IIN1)
    assert found(tab) == [known["b"], known["a"]]
    assert found(tab) == [s.reg_no for s in demo.find(Filters(iin=IIN1))]


def test_finds_by_name_prefix_in_any_case(qtbot, tab, known):
    search(qtbot, tab, tab.name_edit, "ерекшеев")
    # a name search lists alphabetically (then newest first): "ерекшеев бауыржан" sorts before "ерекшеева дана"
    assert found(tab) == [known["b"], known["a"], known["c"]]
    search(qtbot, tab, tab.name_edit, "ЕРЕКШЕЕВА")
    assert found(tab) == [known["c"]]
    search(qtbot, tab, tab.name_edit, "Ерекшеев Бау")
    assert found(tab) == [known["b"], known["a"]]


def test_finds_by_period_service_and_stage(qtbot, tab, known, demo):
    tab.period_check.setChecked(True)
    tab.from_date.setDate(QDate(2025, 2, 15))
    tab.to_date.setDate(QDate(2025, 2, 28))
    search(qtbot, tab, tab.name_edit, "Ерекшеев")
    assert found(tab) == [known["b"]]
    tab.name_edit.clear()
    tab.search()
    in_period = demo.find(Filters(registered_from=dt.date(2025, 2, 15), registered_to=dt.date(2025, 2, 28)),
                          limit=10_000)
    assert found(tab) == [s.reg_no for s in in_period] and len(in_period) > 1
    assert all(dt.date(2025, 2, 15) <= s.registered_at.date() <= dt.date(2025, 2, 28) for s in in_period)
    tab.period_check.setChecked(False)
    tab.service_combo.setCurrentIndex(tab.service_combo.findData("S7"))
    search(qtbot, tab, tab.name_edit, "Ерекшеев")
    assert found(tab) == [known["c"]]
    tab.stage_combo.setCurrentIndex(tab.stage_combo.findData("delivered"))
    tab.search()
    assert found(tab) == []
    assert tab.count_label.text() == "Ештеңе табылмады"


def test_typing_searches_after_a_pause(qtbot, tab, known):
    type_text(tab.name_edit, "Ерекшеева")
    qtbot.waitUntil(lambda: found(tab) == [known["c"]], timeout=3000)


def test_bad_input_is_an_inline_message_and_changes_nothing(qtbot, tab, known):
    before = found(tab)
    search(qtbot, tab, tab.iin_edit, "123")
    assert tab.message_label.text() == "ЖСН 12 цифрдан тұруы керек, енгізілгені: «123»."
    assert found(tab) == before
    tab.iin_edit.clear()
    tab.period_check.setChecked(True)
    tab.from_date.setDate(QDate(2025, 3, 1))
    tab.to_date.setDate(QDate(2025, 2, 1))
    tab.search()
    assert tab.message_label.text() == "Кезеңнің соңы басынан ерте."
    tab.clear()
    assert tab.message_label.text() == "" and not tab.period_check.isChecked()


def test_enter_and_double_click_open_the_case(qtbot, tab, known):
    search(qtbot, tab, tab.reg_no_edit, known["a"])
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.opened == [known["a"]]
    rect = tab.view.visualRect(tab.model.index(0, 2))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double-click
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.opened == [known["a"], known["a"]]


def test_a_search_reads_only_the_rows_on_screen(qtbot, demo, monkeypatch):
    """Smooth on a big register: one page of ids, then blocks of rows for what the view paints."""
    calls: list[int] = []
    real = demo.summaries
    monkeypatch.setattr(demo, "summaries", lambda ids: calls.append(len(ids)) or real(ids))
    languages().apply("kk")
    ctx = AppContext(register=demo, user=demo.user("admin"), lang="kk")
    widget = RegisterTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    assert widget.model.rowCount() == 500 and widget.model.canFetchMore()
    assert 0 < sum(calls) <= 2 * BLOCK
    assert widget.count_label.text() == "Алғашқы 500 іс көрсетілді; қалғаны төмен айналдырғанда шығады"


# ---------------------------------------------------------------- the case card

def walk(demo, reg_no: str, registered: dt.datetime) -> None:
    """Resolve two days late, then draft, sign and deliver in time."""
    head, ex = demo.user("head"), demo.user("executor1")
    demo.perform(head, reg_no, "resolve", executor="executor1", resolution="Орындауға",
                 now=registered + dt.timedelta(days=2))
    demo.perform(ex, reg_no, "draft", decision="approved", text="Құқығы бар",
                 now=registered + dt.timedelta(days=3))
    demo.perform(head, reg_no, "sign", now=registered + dt.timedelta(days=3, minutes=10))
    demo.perform(ex, reg_no, "deliver", method="in_person", now=registered + dt.timedelta(days=3, minutes=20))


def card_for(qtbot, demo, reg_no: str, lang: str = "kk") -> CaseCard:
    languages().apply(lang)
    ctx = AppContext(register=demo, user=demo.user("admin"), lang=lang)
    card = CaseCard(ctx, reg_no)
    qtbot.addWidget(card)
    return card


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def tree_text(card) -> str:
    tree = card.details_tree
    out = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out.append(top.text(0))
        out += [f"{top.child(j).text(0)}={top.child(j).text(1)}" for j in range(top.childCount())]
    return "\n".join(out)


def test_case_card_shows_the_full_history(qtbot, demo, known):
    walk(demo, known["a"], dt.datetime(2025, 2, 10, 10, 0))
    card = card_for(qtbot, demo, known["a"])
    history = demo.history(known["a"])
    assert card.history_table.rowCount() == len(history) == 5
    assert column(card.history_table, 2) == ["тіркеу", "резолюция қою", "жоба дайындау", "қол қою", "тапсыру"]
    assert column(card.history_table, 1)[1] == "Серікбаев Нұрлан Болатұлы (head)"
    assert column(card.history_table, 0)[0] == "10.02.2025 10:00"
    assert column(card.history_table, 3)[1] == "Резолюцияны күтуде → Орындаушыда"
    assert column(card.history_table, 4)[1] == "орындаушы: Оспанова Айгүл Қайратқызы; резолюция: Орындауға"
    assert card.title_label.text() == f"{known['a']} · Ерекшеев Бауыржан"


def test_case_card_steps_say_which_were_late(qtbot, demo, known):
    walk(demo, known["a"], dt.datetime(2025, 2, 10, 10, 0))
    card = card_for(qtbot, demo, known["a"])
    assert column(card.steps_table, 0) == ["Резолюцияны күтуде", "Орындаушыда", "Қол қоюды күтуде", "Қол қойылды",
                                           "Берілді"]
    assert column(card.steps_table, 5) == ["кешіктірілді", "мерзімінде", "мерзімінде", "мерзімінде", "—"]
    first_due = demo.history(known["a"])[0].details["step_due_at"]
    assert column(card.steps_table, 3)[0] == dt.datetime.fromisoformat(first_due).strftime("%d.%m.%Y %H:%M")


def test_step_rows_of_an_open_case_compare_with_now():
    t = dt.datetime(2025, 1, 6, 10, 0)
    history = [HistoryEntry(1, t, "clerk", "register", None, "awaiting_resolution",
                            {"step_due_at": "2025-01-06 10:45:00"}),
               HistoryEntry(2, t + dt.timedelta(minutes=20), "head", "resolve", "awaiting_resolution",
                            "with_executor", {"step_due_at": "2025-01-16 10:20:00"}),
               HistoryEntry(3, t + dt.timedelta(minutes=30), "head", "print", "with_executor", "with_executor",
                            {"kind": "receipt"})]
    rows = step_rows(history, now=dt.datetime(2025, 1, 20))
    assert [(r.stage, r.late) for r in rows] == [("awaiting_resolution", False), ("with_executor", True)]
    assert rows[1].left_at is None and rows[0].left_at == t + dt.timedelta(minutes=20)
    assert step_rows(history, now=dt.datetime(2025, 1, 7))[1].late is False


def test_case_card_lists_every_field(qtbot, demo, known):
    card = card_for(qtbot, demo, known["c"])
    text = tree_text(card)
    for expected in ("Өтініш беруші", "Тегі=Ерекшеева", f"ЖСН={IIN2}", "Туған күні=08.07.1961", "Жынысы=әйел",
                     "Мекенжайы=Бақанас ауылы, Абай көшесі, 5", f"Тіркеу нөмірі={known['c']}",
                     "Арна=бөлімде", "Тіркеген=Асқарова Гүлнар Серікқызы (clerk)", "Ұсынылған құжаттар",
                     "Өтініш=✔ ұсынылды", f"Ерекшеева Айым ({CHILD})"):
        assert expected in text, expected


def test_case_card_in_russian(qtbot, demo, known):
    card = card_for(qtbot, demo, known["a"], lang="ru")
    assert "Заявитель" in tree_text(card) and "Фамилия=Ерекшеев" in tree_text(card)
    assert column(card.history_table, 2) == ["регистрация"]


def test_print_button_lists_the_kinds_that_fit(qtbot, demo, known):
    card = card_for(qtbot, demo, known["a"])
    assert not card.print_button.isEnabled()
    assert card.print_button.toolTip() == "Бұл орнатуда басып шығару мүмкін емес."
    printed: list[tuple[str, str]] = []
    card.ctx.print_document = lambda kind, reg_no: printed.append((kind, reg_no))
    card.load(known["a"])
    assert card.print_button.isEnabled()
    actions = {a.objectName(): a for a in card.print_button.menu().actions()}
    assert "print_receipt" in actions and "print_notification" not in actions  # not decided yet
    actions["print_receipt"].trigger()
    assert printed == [("receipt", known["a"])]


def test_case_card_follows_changes(qtbot, demo, known):
    card = card_for(qtbot, demo, known["b"])
    assert card.history_table.rowCount() == 1
    demo.perform(demo.user("head"), known["b"], "resolve", executor="executor2", resolution="Тексеруге")
    card.ctx.signals.cases_changed.emit(known["b"])
    assert card.history_table.rowCount() == 2
    assert "Орындаушыда" in card.stage_label.text()
