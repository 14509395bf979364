"""Messages of several desks on one register (issue 9): two people acting on one case, a lost server connection.

Kept apart, like messages_psc.py, so this work adds its wording without rewriting the shared table. Data and one
small grammar helper only: this module imports nothing, so messages.py can load it at import time.
"""
from __future__ import annotations

# What someone did to a case, as the conflict message says it: a verb in Kazakh and English; in Russian the
# action's noun, so the sentence needs no grammatical gender of the person who acted.
DONE_TITLES: dict[str, dict[str, str]] = {
    "register": {"kk": "тіркеді", "ru": "регистрация", "en": "registered it"},
    "resolve": {"kk": "резолюция қойды", "ru": "резолюция", "en": "put a resolution"},
    "draft": {"kk": "нәтиже жобасын дайындады", "ru": "подготовка проекта", "en": "drafted the result"},
    "return": {"kk": "толықтыруға қайтарды", "ru": "возврат на доработку", "en": "returned it for completion"},
    "sign": {"kk": "қол қойды", "ru": "подписание", "en": "signed it"},
    "deliver": {"kk": "нәтижені тапсырды", "ru": "выдача", "en": "delivered the result"},
    "suspend": {"kk": "тоқтата тұрды", "ru": "приостановление", "en": "suspended it"},
    "resume": {"kk": "жалғастырды", "ru": "возобновление", "en": "resumed it"},
    "withdraw": {"kk": "кері қайтарып алуды тіркеді", "ru": "отзыв заявления", "en": "recorded its withdrawal"},
    "record_slip": {"kk": "қайтарылған хабарламаны тіркеді", "ru": "регистрация возвращённого уведомления",
                    "en": "recorded the returned slip"},
    "package_dispatch": {"kk": "реестрмен жөнелтті", "ru": "отправка по реестру", "en": "sent it on a registry"},
    "package_receive": {"kk": "реестр бойынша қабылдады", "ru": "приём по реестру",
                        "en": "received it from a registry"},
    "hand_over": {"kk": "қолхат бойынша берді", "ru": "выдача по расписке", "en": "handed it over"},
}

DESK_MESSAGES: dict[str, dict[str, str]] = {
    "case_conflict": {
        "kk": "Іс {reg_no} өзгертілді: {who} {at}-{at_loc} {did}. Экран қазіргі күйін көрсетеді.",
        "ru": "Дело {reg_no} уже изменено: {who}, {at} — {did}. На экране его текущее состояние.",
        "en": "Case {reg_no} was changed meanwhile: {who} {did} at {at}. The screen shows it as it is now."},
    "db_connection_lost": {
        "kk": "Дерекқор серверімен байланыс жоқ. Kense қайта қосылады; басталған әрекет бір-ақ рет орындалады.",
        "ru": "Нет связи с сервером базы. Kense переподключится; начатое действие будет выполнено только один раз.",
        "en": "No connection to the database server. Kense reconnects; an action in flight is done once only."},
    "bad_request_token": {
        "kk": "Сұрау белгісі дұрыс емес (1–64 таңба).", "ru": "Неверная метка запроса (1–64 символа).",
        "en": "Not a request token (1–64 characters)."},
    "bad_version": {
        "kk": "Іс нұсқасы дұрыс емес: «{text}».", "ru": "Неверная версия дела: «{text}».",
        "en": "Not a case version: “{text}”."},
}

# the locative ending (-да/-де/-та/-те) after a number, by the last word it is read with
_UNITS = {"0": "де", "1": "де", "2": "де", "3": "те", "4": "те", "5": "те", "6": "да", "7": "де", "8": "де",
          "9": "да"}
_TENS = {"1": "да", "2": "да", "3": "да", "4": "та", "5": "те"}


def kk_locative(text: str) -> str:
    """The Kazakh locative ending after a time or number as written ("14:02" → "де": 14:02-де; "9:30" → "да")."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        return "да"
    number = digits[-2:] if ":" in text else digits
    if ":" in text and number == "00":  # "14:00": read by the hour ("он төртте")
        number = "".join(ch for ch in text.rsplit(":", 1)[0] if ch.isdigit())[-2:] or "0"
    number = number.lstrip("0") or "0"
    if number[-1] != "0" or number == "0":
        return _UNITS[number[-1]]
    if len(number) >= 3 and number[-2:] == "00":
        return "де"  # жүз, мың
    return _TENS.get(number[-2], "да")
