"""User-facing messages of the domain core, in Kazakh (default), Russian and English.

The core cannot use Qt's tr(); it keeps its own small table here. Each message is a format string with
named fields. The UI and the CLI choose the language with set_language().
"""
from __future__ import annotations

LANGUAGES = ("kk", "ru", "en")
_current = "kk"

MESSAGES: dict[str, dict[str, str]] = {
    "iin_empty": {
        "kk": "ЖСН енгізілмеген.", "ru": "ИИН не указан.", "en": "The IIN is empty."},
    "iin_format": {
        "kk": "ЖСН 12 цифрдан тұруы керек, енгізілгені: «{text}».",
        "ru": "ИИН должен состоять из 12 цифр, введено: «{text}».",
        "en": "An IIN is 12 digits; got “{text}”."},
    "iin_century": {
        "kk": "ЖСН-нің 7-цифры (ғасыр мен жыныс) 1–6 болуы керек, бұл жерде {digit}.",
        "ru": "7-я цифра ИИН (век и пол) должна быть от 1 до 6, здесь {digit}.",
        "en": "The 7th IIN digit (century and sex) must be 1–6; it is {digit}."},
    "iin_date": {
        "kk": "ЖСН-дегі туған күн ({date}) жоқ күн.",
        "ru": "Дата рождения в ИИН ({date}) не существует.",
        "en": "The birth date in the IIN ({date}) is not a real date."},
    "iin_future": {
        "kk": "ЖСН-дегі туған күн ({date}) болашақта.",
        "ru": "Дата рождения в ИИН ({date}) в будущем.",
        "en": "The birth date in the IIN ({date}) is in the future."},
    "iin_checksum": {
        "kk": "ЖСН бақылау цифры сәйкес келмейді (соңғы цифр {got}, болуы керек {want}).",
        "ru": "Контрольная цифра ИИН не совпадает (последняя цифра {got}, должна быть {want}).",
        "en": "The IIN check digit is wrong (last digit {got}, expected {want})."},
    "iin_invalid_checksum": {
        "kk": "ЖСН жарамсыз: бақылау цифрын есептеу мүмкін емес.",
        "ru": "ИИН недействителен: контрольную цифру вычислить нельзя.",
        "en": "The IIN is invalid: no check digit can be computed for it."},
    "required": {
        "kk": "«{label}» өрісі толтырылмаған.", "ru": "Поле «{label}» не заполнено.",
        "en": "“{label}” is required."},
    "bad_name": {
        "kk": "«{label}» өрісінде тек әріптер, дефис, апостроф және бос орын болуы керек.",
        "ru": "В поле «{label}» допустимы только буквы, дефис, апостроф и пробел.",
        "en": "“{label}” may hold only letters, hyphens, apostrophes and spaces."},
    "bad_phone": {
        "kk": "Телефон нөмірі дұрыс емес: «{text}».", "ru": "Неверный номер телефона: «{text}».",
        "en": "The phone number is not valid: “{text}”."},
    "bad_value": {
        "kk": "«{label}» мәні дұрыс емес: {detail}.", "ru": "Неверное значение «{label}»: {detail}.",
        "en": "“{label}” is not valid: {detail}."},
    "not_an_option": {
        "kk": "«{label_kk}»: «{value}» мәні тізімде жоқ. Тізімнен таңдаңыз.",
        "ru": "«{label_ru}»: значения «{value}» нет в списке. Выберите значение из списка.",
        "en": "“{label}”: “{value}” is not one of the options. Choose one from the list."},
    "not_an_option_text": {
        "kk": "«{label_kk}»: «{value}» мәні тізімде жоқ және мәтін ретінде жарамайды. Тізімнен таңдаңыз немесе "
              "сөзбен жазыңыз (әріптер, {max} таңбадан аспайды).",
        "ru": "«{label_ru}»: значения «{value}» нет в списке, и как текст оно не подходит. Выберите значение из "
              "списка или напишите словами (буквы, не длиннее {max} символов).",
        "en": "“{label}”: “{value}” is not one of the options, nor acceptable as text. Choose one from the list or "
              "write it in words (letters, at most {max} characters)."},
    "not_a_relation": {
        "kk": "«{label_kk}»: «{value}» туыстық қатынасы тізімде жоқ. Тізімнен таңдаңыз.",
        "ru": "«{label_ru}»: степени родства «{value}» нет в списке. Выберите из списка.",
        "en": "“{label}”: the relation “{value}” is not one of the options. Choose one from the list."},
    "not_a_relation_text": {
        "kk": "«{label_kk}»: «{value}» туыстық қатынасы тізімде жоқ және мәтін ретінде жарамайды. Тізімнен "
              "таңдаңыз немесе сөзбен жазыңыз (әріптер, {max} таңбадан аспайды).",
        "ru": "«{label_ru}»: степени родства «{value}» нет в списке, и как текст она не подходит. Выберите из "
              "списка или напишите словами (буквы, не длиннее {max} символов).",
        "en": "“{label}”: the relation “{value}” is not one of the options, nor acceptable as text. Choose one from "
              "the list or write it in words (letters, at most {max} characters)."},
    "unknown_service": {
        "kk": "Мұндай қызмет жоқ: «{code}».", "ru": "Такой услуги нет: «{code}».",
        "en": "No such service: “{code}”."},
    "channel_not_allowed": {
        "kk": "{service} қызметі «{channel}» арнасы арқылы көрсетілмейді.",
        "ru": "Услуга {service} не оказывается через канал «{channel}».",
        "en": "Service {service} is not offered through the “{channel}” channel."},
    "role_denied": {
        "kk": "«{action}» әрекетін тек {roles} орындай алады; сіздің рөліңіз: {have}.",
        "ru": "Действие «{action}» может выполнить только {roles}; ваша роль: {have}.",
        "en": "Only {roles} may {action}; your roles: {have}."},
    "not_assigned": {
        "kk": "{reg_no} ісі сізге тағайындалмаған.", "ru": "Дело {reg_no} не назначено вам.",
        "en": "Case {reg_no} is not assigned to you."},
    "wrong_stage": {
        "kk": "{reg_no} ісі «{stage}» сатысында; «{action}» әрекеті бұл сатыда мүмкін емес.",
        "ru": "Дело {reg_no} на стадии «{stage}»; действие «{action}» на этой стадии невозможно.",
        "en": "Case {reg_no} is at “{stage}”; “{action}” is not possible there."},
    "no_return": {
        "kk": "{service} қызметінің регламенті жобаны толықтыруға қайтаруды көздемейді.",
        "ru": "Регламент услуги {service} не предусматривает возврат проекта на доработку.",
        "en": "The regulation of {service} does not allow returning a draft for completion."},
    "bad_decision": {
        "kk": "Шешім «approved» немесе «refused» болуы керек.",
        "ru": "Решение должно быть «approved» или «refused».",
        "en": "The decision must be “approved” or “refused”."},
    "refusal_needs_reason": {
        "kk": "Бас тарту кемінде бір себепті және түсініктемені көрсетуі керек.",
        "ru": "В отказе нужно указать хотя бы одну причину и пояснение.",
        "en": "A refusal must cite at least one reason and an explanation."},
    "unknown_reason": {
        "kk": "{service} қызметінде мұндай бас тарту себебі жоқ: «{reason}».",
        "ru": "У услуги {service} нет такой причины отказа: «{reason}».",
        "en": "Service {service} has no refusal reason “{reason}”."},
    "delivery_not_allowed": {
        "kk": "{service} қызметінің нәтижесі «{method}» тәсілімен берілмейді.",
        "ru": "Результат услуги {service} не выдается способом «{method}».",
        "en": "The result of {service} cannot be delivered by “{method}”."},
    "post_needs_number": {
        "kk": "Поштамен жіберу үшін түбіртек нөмірі мен күнін көрсетіңіз.",
        "ru": "Для отправки по почте укажите номер и дату квитанции.",
        "en": "Posting needs the post receipt number and date."},
    "not_executor": {
        "kk": "«{user}» орындаушы емес немесе белсенді емес.",
        "ru": "«{user}» не является исполнителем или неактивен.",
        "en": "“{user}” is not an active executor."},
    "reason_required": {
        "kk": "Себебін жазыңыз.", "ru": "Укажите причину.", "en": "A reason is required."},
    "slip_not_applicable": {
        "kk": "Жолдаманың қайтарылған хабарламасы тек мақұлданған S4 ісіне тіркеледі.",
        "ru": "Возвращенное уведомление о направлении регистрируется только для одобренного дела S4.",
        "en": "A returned referral slip is recorded only for an approved S4 case."},
    "case_not_found": {
        "kk": "Іс табылмады: «{key}».", "ru": "Дело не найдено: «{key}».", "en": "No case “{key}”."},
    "user_not_found": {
        "kk": "Пайдаланушы табылмады: «{key}».", "ru": "Пользователь не найден: «{key}».",
        "en": "No user “{key}”."},
    "login_failed": {
        "kk": "Пайдаланушы аты немесе құпиясөз қате.", "ru": "Неверное имя пользователя или пароль.",
        "en": "Wrong user name or password."},
    "user_exists": {
        "kk": "«{user}» пайдаланушысы бар.", "ru": "Пользователь «{user}» уже существует.",
        "en": "User “{user}” already exists."},
    "weak_password": {
        "kk": "Құпиясөз кемінде {n} таңбадан тұруы керек.",
        "ru": "Пароль должен быть не короче {n} символов.",
        "en": "The password must have at least {n} characters."},
    "unknown_role": {
        "kk": "Мұндай рөл жоқ: «{role}».", "ru": "Такой роли нет: «{role}».", "en": "No such role: “{role}”."},
    "unknown_office": {
        "kk": "Мұндай бөлім жоқ: №{number} (1–{max}).", "ru": "Нет такого отдела: №{number} (1–{max}).",
        "en": "No department No {number} (1–{max})."},
    "not_initialised": {
        "kk": "Тізілім әлі құрылмаған: алдымен «kense init» орындаңыз.",
        "ru": "Реестр ещё не создан: сначала выполните «kense init».",
        "en": "The register is not initialised: run “kense init” first."},
    "already_initialised": {
        "kk": "Тізілім бұрын құрылған (бөлім №{number}).", "ru": "Реестр уже создан (отдел №{number}).",
        "en": "The register is already initialised (department No {number})."},
    "db_too_new": {
        "kk": "Дерекқор файлы Kense-тің жаңа нұсқасымен жасалған (схема {found}, бұл бағдарлама {known}-ге дейін біледі). Kense-ті жаңартыңыз.",
        "ru": "Файл базы создан более новой версией Kense (схема {found}, программа знает до {known}). Обновите Kense.",
        "en": "The database was written by a newer Kense (schema {found}; this program knows up to {known}). Update Kense."},
    "db_corrupt": {
        "kk": "Дерекқор файлы бүлінген немесе Kense файлы емес: {detail}",
        "ru": "Файл базы повреждён или не является файлом Kense: {detail}",
        "en": "The database file is damaged or not a Kense file: {detail}"},
    "db_busy": {
        "kk": "Дерекқор бос емес (басқа жұмыс орны жазып жатыр). Қайталап көріңіз.",
        "ru": "База занята (пишет другое рабочее место). Повторите попытку.",
        "en": "The database is busy (another workstation is writing). Try again."},
    "db_error": {
        "kk": "Дерекқор қатесі: {detail}", "ru": "Ошибка базы данных: {detail}", "en": "Database error: {detail}"},
    "db_missing": {
        "kk": "Дерекқор файлы жоқ: {path}", "ru": "Файл базы не найден: {path}", "en": "No database file at {path}"},
    "network_share": {
        "kk": "Дерекқор желілік дискте орналасқан ({fs}); SQLite мұнда сенімсіз. Файлды жергілікті дискке көшіріңіз.",
        "ru": "База лежит на сетевом диске ({fs}); SQLite там ненадёжен. Перенесите файл на локальный диск.",
        "en": "The database is on a network share ({fs}); SQLite is unreliable there. Move it to a local disk."},
    "catalogue_invalid": {
        "kk": "Қызметтер каталогы қате: {detail}", "ru": "Ошибка в каталоге услуг: {detail}",
        "en": "The service catalogue is invalid: {detail}"},
    "second_open_case": {
        "kk": "Бұл ЖСН бойынша {service} қызметінің ашық ісі бар: {reg_nos}.",
        "ru": "По этому ИИН уже есть открытое дело услуги {service}: {reg_nos}.",
        "en": "This IIN already has an open {service} case: {reg_nos}."},
    "date_out_of_range": {
        "kk": "Күн «{text}» {start} мен {end} аралығында болуы керек.",
        "ru": "Дата «{text}» должна быть в пределах от {start} до {end}.",
        "en": "The date “{text}” must be between {start} and {end}."},
    "cli_verify_ok": {
        "kk": "дұрыс: файл тұтас, аудитте {events} оқиға, тізбек бүтін",
        "ru": "в порядке: файл цел, в аудите {events} событий, цепочка не нарушена",
        "en": "ok: integrity ok, {events} audit events, chain intact"},
    "cli_verify_integrity": {
        "kk": "БҮЛІНГЕН: integrity_check: {detail}", "ru": "ПОВРЕЖДЁН: integrity_check: {detail}",
        "en": "BROKEN: integrity_check: {detail}"},
    "cli_verify_event": {
        "kk": "БҮЛІНГЕН: аудит оқиғасы {event}: {detail}", "ru": "ПОВРЕЖДЁН: событие аудита {event}: {detail}",
        "en": "BROKEN: audit event {event}: {detail}"},
    "cli_backup_done": {
        "kk": "{path}: тексерілген көшірме, аудитте {events} оқиға",
        "ru": "{path}: проверенная копия, в аудите {events} событий",
        "en": "{path}: verified copy, {events} audit events"},
    "cli_init_done": {
        "kk": "{path}: {office} (№{number}); әкімші пайдаланушы «{user}»",
        "ru": "{path}: {office} (№{number}); пользователь-администратор «{user}»",
        "en": "{path}: {office} (No {number}); admin user '{user}'"},
    "cli_need_password": {
        "kk": "Сұрайтын терминал жоқ: --admin-password көрсетіңіз.",
        "ru": "Нет терминала для запроса: укажите --admin-password.",
        "en": "--admin-password is required when there is no terminal to ask."},
    "cli_demo_done": {
        "kk": "{path}: {cases} демо-іс {seconds} с ішінде; демо пайдаланушылар: {users} (құпиясөз = пайдаланушы аты, ТЕК ДЕМО)",
        "ru": "{path}: {cases} демо-дел за {seconds} с; демо-пользователи: {users} (пароль = имя пользователя, ТОЛЬКО ДЕМО)",
        "en": "{path}: {cases} demo cases in {seconds} s; demo users {users} (password = user name, DEMO ONLY)"},
    "cli_not_demo": {
        "kk": "Бұл нақты тізілім (демо емес): оған демо-істер қосылмайды. Демо үшін жаңа файл көрсетіңіз.",
        "ru": "Это рабочий реестр (не демо): демо-дела в него не добавляются. Укажите новый файл для демо.",
        "en": "This is a real register, not a demo one: no demo cases are added to it. Name a new file."},
    "cli_found": {
        "kk": "{shown} іс көрсетілді (шектеу --limit {limit})", "ru": "показано дел: {shown} (ограничение --limit {limit})",
        "en": "{shown} cases shown (--limit {limit})"},
    "backup_same_file": {
        "kk": "Көшірме тізілімнің өз файлына жазылмайды: басқа файл көрсетіңіз.",
        "ru": "Копию нельзя записать в сам файл реестра: укажите другой файл.",
        "en": "A backup cannot overwrite the register itself: name another file."},
    "bad_limit": {
        "kk": "--limit оң сан болуы керек.", "ru": "--limit должен быть положительным числом.",
        "en": "--limit must be a positive number."},
    "bad_period": {
        "kk": "Кезең дұрыс емес: {start} күні {end} күнінен кейін.", "ru": "Неверный период: {start} позже {end}.",
        "en": "The period is reversed: {start} is after {end}."},
    "bad_date": {
        "kk": "Күн дұрыс емес: «{text}» (ЖЖЖЖ-АА-КК).", "ru": "Неверная дата: «{text}» (ГГГГ-ММ-ДД).",
        "en": "Not a date: “{text}” (YYYY-MM-DD)."},
}


# issue 5: the PSC / akimat channels and package tracking keep their wording in messages_psc.py
from .messages_psc import PACKAGE_TITLES, PSC_ACTION_TITLES, PSC_MESSAGES  # noqa: E402

MESSAGES.update(PSC_MESSAGES)


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


ACTION_TITLES = {
    "register": {"kk": "тіркеу", "ru": "регистрация", "en": "register"},
    "resolve": {"kk": "резолюция қою", "ru": "резолюция", "en": "resolve"},
    "draft": {"kk": "жоба дайындау", "ru": "подготовка проекта", "en": "draft"},
    "return": {"kk": "толықтыруға қайтару", "ru": "возврат на доработку", "en": "return for completion"},
    "sign": {"kk": "қол қою", "ru": "подписание", "en": "sign"},
    "deliver": {"kk": "тапсыру", "ru": "выдача", "en": "deliver"},
    "suspend": {"kk": "тоқтата тұру", "ru": "приостановление", "en": "suspend"},
    "resume": {"kk": "жалғастыру", "ru": "возобновление", "en": "resume"},
    "withdraw": {"kk": "кері қайтарып алу", "ru": "отзыв", "en": "withdraw"},
    "record_slip": {"kk": "қайтарылған хабарламаны тіркеу", "ru": "регистрация возвращенного уведомления",
                    "en": "record the returned slip"},
    "users": {"kk": "пайдаланушыларды басқару", "ru": "управление пользователями", "en": "manage users"},
    "calendar": {"kk": "күнтізбені өзгерту", "ru": "изменение календаря", "en": "change the calendar"},
}


ACTION_TITLES.update(PSC_ACTION_TITLES)


def _localise(key: str, value: object, lang: str) -> object:
    """Translate identifiers (roles, stages, actions) that errors carry as parameters."""
    from .model import ROLE_TITLES, STAGE_TITLES
    table = {"roles": ROLE_TITLES, "have": ROLE_TITLES, "stage": STAGE_TITLES, "action": ACTION_TITLES,
             "package": PACKAGE_TITLES}.get(key)
    if table is None:
        return value
    if isinstance(value, (tuple, list, frozenset, set)):
        return ", ".join(str(_localise(key, v, lang)) for v in value) or "—"
    return table.get(str(value), {}).get(lang, value)


def message(code: str, lang: str | None = None, /, **params: object) -> str:
    """The message ``code`` in ``lang``; positional-only so a parameter may be called ``code``."""
    table = MESSAGES.get(code)
    if table is None:
        return code
    lang = lang or _current
    text = table.get(lang) or table["en"]
    params = {k: _localise(k, v, lang) for k, v in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
