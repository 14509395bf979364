"""Errors of the printed documents, with their own kk/ru/en message table.

The core's message table (desktop/core/messages.py) belongs to the domain; the document messages live here so
that this package can add codes without touching it. ``DocumentError.message`` looks here first and falls back
to the core table, so a DocumentError is shown like any other DomainError by the UI and the CLI.
"""
from __future__ import annotations

from ..core.errors import DomainError
from ..core.messages import language
from ..core.model import STAGE_TITLES

DECISION_TITLES = {
    "approved": {"kk": "мақұлданды", "ru": "одобрено", "en": "approved"},
    "refused": {"kk": "бас тартылды", "ru": "отказано", "en": "refused"},
    None: {"kk": "шешім әлі жоқ", "ru": "решения ещё нет", "en": "no decision yet"},
}

KIND_TITLES = {
    "receipt": {"kk": "түбіртек", "ru": "расписка", "en": "receipt"},
    "notification": {"kk": "хабарлама", "ru": "уведомление", "en": "notification"},
    "refusal": {"kk": "дәлелді бас тарту", "ru": "мотивированный отказ", "en": "reasoned refusal"},
    "referral": {"kk": "жолдама", "ru": "направление", "en": "referral"},
    "certificate": {"kk": "анықтама", "ru": "справка", "en": "certificate"},
    "kolkhat": {"kk": "қолхат", "ru": "расписка ЦОН", "en": "PSC receipt (Қолхат)"},
    "label": {"kk": "штрихкод жапсырмасы", "ru": "этикетка со штрихкодом", "en": "barcode label"},
    "label-sheet": {"kk": "жапсырмалар парағы", "ru": "лист этикеток", "en": "sheet of labels"},
}

MESSAGES: dict[str, dict[str, str]] = {
    "doc_unknown_kind": {
        "kk": "Мұндай құжат түрі жоқ: «{kind}». Бар түрлері: {kinds}.",
        "ru": "Такого вида документа нет: «{kind}». Есть: {kinds}.",
        "en": "No document kind “{kind}”. Known kinds: {kinds}."},
    "doc_bad_language": {
        "kk": "Құжат тек қазақ (kk) немесе орыс (ru) тілінде басылады, сұралғаны: «{lang}».",
        "ru": "Документ печатается только на казахском (kk) или русском (ru) языке, запрошен: «{lang}».",
        "en": "Documents are printed in Kazakh (kk) or Russian (ru) only; asked for “{lang}”."},
    "doc_bad_copies": {
        "kk": "Дана саны 1-ден {max}-ге дейін болуы керек, енгізілгені: {copies}.",
        "ru": "Число экземпляров должно быть от 1 до {max}, указано: {copies}.",
        "en": "The number of copies must be 1 to {max}; got {copies}."},
    "doc_wrong_service": {
        "kk": "«{kind}» {service} қызметіне берілмейді ({reg_no} ісі).",
        "ru": "Документ «{kind}» не выдается по услуге {service} (дело {reg_no}).",
        "en": "A {kind} is not issued for service {service} (case {reg_no})."},
    "doc_wrong_decision": {
        "kk": "{reg_no} ісі бойынша шешім: {decision}; «{kind}» басылмайды.",
        "ru": "По делу {reg_no} решение: {decision}; документ «{kind}» не печатается.",
        "en": "Case {reg_no}: decision is “{decision}”; a {kind} cannot be printed."},
    "doc_not_signed": {
        "kk": "«{kind}» басшы қол қойғаннан кейін ғана басылады; {reg_no} ісі «{stage}» сатысында.",
        "ru": "Документ «{kind}» печатается только после подписи руководителя; дело {reg_no} на стадии «{stage}».",
        "en": "A {kind} is printed only after the head has signed; case {reg_no} is at “{stage}”."},
    "doc_not_psc": {
        "kk": "Қолхат тек ХҚКО арқылы қабылданған іске беріледі; {reg_no} ісінің арнасы: «{channel}».",
        "ru": "Расписка ЦОН выдается только по делу, принятому через ЦОН; канал дела {reg_no}: «{channel}».",
        "en": "A Қолхат is issued only for a case accepted at a public service centre; case {reg_no} came "
              "through “{channel}”."},
    "doc_bad_barcode": {
        "kk": "Тіркеу нөмірін Code128 штрихкодына айналдыру мүмкін емес: «{value}».",
        "ru": "Регистрационный номер нельзя закодировать в Code128: «{value}».",
        "en": "The registration number cannot be encoded as Code128: “{value}”."},
    "doc_template": {
        "kk": "Құжат үлгісінде қате ({file}): {detail}",
        "ru": "Ошибка в шаблоне документа ({file}): {detail}",
        "en": "Error in the document template ({file}): {detail}"},
    "doc_need_reg_no": {
        "kk": "«{kind}» басу үшін істің тіркеу нөмірін көрсетіңіз: kense print {cmd} НӨМІР -o ФАЙЛ.pdf",
        "ru": "Для печати «{kind}» укажите регистрационный номер дела: kense print {cmd} НОМЕР -o ФАЙЛ.pdf",
        "en": "Printing a {kind} needs the case's registration number: kense print {cmd} REGNO -o FILE.pdf"},
    "doc_printer": {
        "kk": "Принтерге басу басталмады ({printer}). Принтердің қосулы екенін тексеріңіз.",
        "ru": "Не удалось начать печать ({printer}). Проверьте, что принтер включен.",
        "en": "Printing could not start ({printer}). Check that the printer is on."},
    "doc_no_cases": {
        "kk": "Жапсырмалар парағы үшін кемінде бір іс керек.",
        "ru": "Для листа этикеток нужно хотя бы одно дело.",
        "en": "A sheet of labels needs at least one case."},
    "doc_write_failed": {
        "kk": "PDF файлын жазу мүмкін болмады ({path}): {detail}",
        "ru": "Не удалось записать PDF-файл ({path}): {detail}",
        "en": "Could not write the PDF file ({path}): {detail}"},
}

_LOCALISED = {"kind": KIND_TITLES, "stage": STAGE_TITLES, "decision": DECISION_TITLES}


class DocumentError(DomainError):
    """A document that cannot be produced for this case (wrong kind, stage, decision, channel, bad template)."""

    code = "doc_unknown_kind"

    def message(self, lang: str | None = None) -> str:
        table = MESSAGES.get(self.code)
        if table is None:
            return super().message(lang)
        lang = lang or language()
        text = table.get(lang) or table["en"]
        params = {}
        for key, value in self.params.items():
            titles = _LOCALISED.get(key)
            if titles is not None and value in titles:
                value = titles[value].get(lang) or titles[value]["en"]
            params[key] = value
        try:
            return text.format(**params)
        except (KeyError, IndexError):
            return text
