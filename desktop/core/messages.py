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
    "control_character": {
        "kk": "Мәтінде сақтауға болмайтын басқару таңбасы бар ({code_point}, «{label}» өрісі). Оны өшіріп, "
              "мәтінді қайта теріңіз.",
        "ru": "В тексте есть управляющий символ, который нельзя сохранить ({code_point}, поле «{label}»). Удалите "
              "его и наберите текст заново.",
        "en": "The text holds a control character that cannot be stored ({code_point}, field “{label}”). Delete it "
              "and type the text again."},
    "bad_phone": {
        "kk": "Телефон нөмірі дұрыс емес: «{text}». Нөмір 10 цифрдан тұрады, мысалы: +7 701 123 45 67.",
        "ru": "Неверный номер телефона: «{text}». Номер из 10 цифр, например: +7 701 123 45 67.",
        "en": "The phone number is not valid: “{text}”. A number has 10 digits, e.g. +7 701 123 45 67."},
    "too_long": {
        "kk": "«{label}» өрісі тым ұзын: {length} таңба, ең көбі {max} болуы керек.",
        "ru": "Поле «{label}» слишком длинное: {length} симв., допустимо не больше {max}.",
        "en": "“{label}” is too long: {length} characters, at most {max}."},
    "date_in_future": {
        "kk": "«{label}»: {date} күні әлі келген жоқ (бүгін {today}). Болашақ күн қабылданбайды.",
        "ru": "«{label}»: дата {date} ещё не наступила (сегодня {today}). Будущая дата не принимается.",
        "en": "“{label}”: {date} has not come yet (today is {today}). A future date is not accepted."},
    "same_executor": {
        "kk": "Іс қазір де {user} орындаушыда. Басқа орындаушыны таңдаңыз.",
        "ru": "Дело и так у исполнителя {user}. Выберите другого исполнителя.",
        "en": "The case is already with {user}. Choose another executor."},
    "no_executor_yet": {
        "kk": "{reg_no} ісіне әлі орындаушы тағайындалмаған: орындаушыны резолюция белгілейді.",
        "ru": "Делу {reg_no} ещё не назначен исполнитель: исполнителя называет резолюция.",
        "en": "Case {reg_no} has no executor yet: the resolution names one."},
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
    "db_refused": {
        "kk": "Дерекқор бұл әрекетке рұқсат бермеді: {detail}. Ештеңе өзгерген жоқ.",
        "ru": "База данных не разрешила это действие: {detail}. Ничего не изменено.",
        "en": "The database refused: {detail}. Nothing was changed."},
    "db_not_your_session": {
        "kk": "Бұл жұмыс орны дерекқорға «{session}» ретінде қосылған, ал әрекет «{user}» атынан. "
              "«{user}» ретінде қайта кіріңіз.",
        "ru": "Это рабочее место подключено к базе как «{session}», а действие — от имени «{user}». "
              "Войдите заново как «{user}».",
        "en": "This desk is connected to the database as “{session}”, but the action is “{user}”’s. "
              "Sign in again as “{user}”."},
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
    # ------------------------------------------------------------ the command line (desktop/cli.py, kense print)
    "cli_bad_int": {
        "kk": "Бүтін сан керек, енгізілгені: «{text}».", "ru": "Нужно целое число, указано: «{text}».",
        "en": "Not a whole number: “{text}”."},
    "cli_bad_reg_no": {
        "kk": "Тіркеу нөмірі дұрыс емес: «{text}». Нөмір K әрпінен, бөлім нөмірінің 2 цифрынан, жылдың 4 цифрынан "
              "және реттік нөмірдің 6 цифрынан тұрады, мысалы {example}.",
        "ru": "Неверный регистрационный номер: «{text}». Номер состоит из буквы K, 2 цифр номера отдела, 4 цифр "
              "года и 6 цифр порядкового номера, например {example}.",
        "en": "Not a registration number: “{text}”. A number is K, the department (2 digits), the year (4 digits) "
              "and the sequence (6 digits), e.g. {example}."},
    "cli_registry_not_case": {
        "kk": "«{text}» — реестрдің нөмірі, іс нөмірі емес. Іс нөмірі K әрпінен басталады, мысалы {example}; "
              "реестрді басу: kense print registry {text} -o ФАЙЛ.pdf",
        "ru": "«{text}» — номер реестра, а не дела. Номер дела начинается с буквы K, например {example}; "
              "печать реестра: kense print registry {text} -o ФАЙЛ.pdf",
        "en": "“{text}” is a registry number, not a case's. A case number begins with K, e.g. {example}; "
              "to print the registry: kense print registry {text} -o FILE.pdf"},
    "cli_found_more": {
        "kk": "Сәйкес істер бұдан көп: алғашқы {shown} іс көрсетілді. Қалғанын көру үшін --limit мәнін үлкейтіңіз "
              "немесе іздеуді нақтылаңыз.",
        "ru": "Подходящих дел больше: показаны первые {shown}. Чтобы увидеть остальные, увеличьте --limit или "
              "уточните поиск.",
        "en": "More cases match: the first {shown} are shown. Raise --limit or narrow the search to see the rest."},
    "cli_due": {"kk": "мерзімі", "ru": "срок", "en": "due"},
    "cli_catalogue_heading": {"kk": "Қызметтер каталогы, нұсқа {version}: {name}",
                              "ru": "Каталог услуг, версия {version}: {name}", "en": "{name} (version {version})"},
    "cli_unit_minutes": {"kk": "минут", "ru": "мин.", "en": "minutes"},
    "cli_unit_hours": {"kk": "сағат", "ru": "ч", "en": "hours"},
    "cli_unit_calendar_days": {"kk": "күнтізбелік күн", "ru": "календ. дн.", "en": "calendar days"},
    "cli_unit_working_days": {"kk": "жұмыс күні", "ru": "раб. дн.", "en": "working days"},
    "cli_backup_no_folder": {
        "kk": "Көшірменің қалтасы жоқ: {folder}. Бар қалтаны көрсетіңіз немесе алдымен оны жасаңыз.",
        "ru": "Папки для копии не существует: {folder}. Укажите существующую папку или сначала создайте её.",
        "en": "The folder for the copy does not exist: {folder}. Name an existing folder or create it first."},
    "cli_backup_exists": {
        "kk": "{path} файлы бұрыннан бар, көшірме оның үстінен жазылмады. Ауыстыру үшін --force қосыңыз немесе "
              "басқа файл атын көрсетіңіз.",
        "ru": "Файл {path} уже существует, копия поверх него не записана. Чтобы заменить его, добавьте --force "
              "или укажите другое имя файла.",
        "en": "{path} already exists; the copy was not written over it. Add --force to replace it, or name "
              "another file."},
    "cli_backup_is_folder": {
        "kk": "{path} — қалта, файл емес. Көшірменің файл атын көрсетіңіз, мысалы {example}.",
        "ru": "{path} — это папка, а не файл. Укажите имя файла копии, например {example}.",
        "en": "{path} is a folder, not a file. Name the copy's file, e.g. {example}."},
    "cli_print_done": {
        "kk": "{path}: {kind} — {reg_no} ісі, №{copy} басылым, {size} байт",
        "ru": "{path}: {kind} — дело {reg_no}, печать №{copy}, {size} байт",
        "en": "{path}: {kind} of {reg_no}, print No {copy}, {size} bytes"},
    "cli_print_registry_done": {
        "kk": "{path}: реестр {numbers}, {size} байт", "ru": "{path}: реестр {numbers}, {size} байт",
        "en": "{path}: registry {numbers}, {size} bytes"},
    "app_no_display": {
        "kk": "Графикалық дисплей жоқ: Kense-ті жұмыс үстелінде іске қосыңыз немесе пәрмен жолын пайдаланыңыз "
              "(kense --help).",
        "ru": "Нет графического дисплея: запустите Kense на рабочем столе или используйте командную строку "
              "(kense --help).",
        "en": "No graphical display: run it on a desktop, or use the command line (kense --help)."},
    "cli_screenshot_needs_user": {
        "kk": "--screenshot үшін --user АТЫ керек: терезе кімнің атынан көрсетілетінін көрсетіңіз.",
        "ru": "Для --screenshot нужен --user ИМЯ: укажите, от чьего имени показать окно.",
        "en": "--screenshot needs --user NAME: whose window to show."},
    "cli_no_tab": {
        "kk": "«{user}» пайдаланушысында «{tab}» қойындысы жоқ; оның қойындылары: {tabs}. Скриншот жасалмады.",
        "ru": "У пользователя «{user}» нет вкладки «{tab}»; его вкладки: {tabs}. Снимок не сделан.",
        "en": "User “{user}” has no “{tab}” tab; their tabs: {tabs}. No screenshot was written."},
    "cli_cannot_write": {
        "kk": "Файлды жазу мүмкін болмады: {path}", "ru": "Не удалось записать файл: {path}",
        "en": "Cannot write {path}"},
    # the help of the command line (kense --help, kense COMMAND --help)
    "cli_help_description": {
        "kk": "Kense — аудандық жұмыспен қамту және әлеуметтік бағдарламалар бөлімінің істер тізілімі.",
        "ru": "Kense — реестр дел районного отдела занятости и социальных программ.",
        "en": "Kense — case register of a district department of employment and social programmes."},
    "cli_help_epilog": {
        "kk": "Пәрменсіз Kense қолданбасы ашылады. --lang пәрменнің алдында да, артында да жазылады.",
        "ru": "Без команды открывается приложение Kense. --lang можно указать и до, и после команды.",
        "en": "Without a command, the Kense app opens. --lang may come before or after the command."},
    "cli_help_version": {"kk": "Kense нұсқасын көрсетіп, шығу", "ru": "показать версию Kense и выйти",
                         "en": "show the version of Kense and exit"},
    "cli_help_lang": {
        "kk": "хабарламалар мен құжаттардың тілі: kk (әдепкі), ru немесе en; пәрменнен кейін де жазылады",
        "ru": "язык сообщений и документов: kk (по умолчанию), ru или en; можно указать и после команды",
        "en": "language of messages and documents: kk (default), ru or en; may also follow the command"},
    "cli_help_db": {
        "kk": "тізілім файлы немесе сервер: postgresql://пайдаланушы@хост/дерекқор (әдепкі: пайдаланушының деректер "
              "қалтасындағы файл)",
        "ru": "файл реестра или сервер: postgresql://пользователь@хост/база (по умолчанию: файл в папке данных "
              "пользователя)",
        "en": "register file or server: postgresql://user@host/dbname (default: a file in the user's data "
              "directory)"},
    "cli_help_user": {
        "kk": "осы пайдаланушы ретінде кіру (қолданба; --screenshot кезінде құпиясөз сұралмайды)",
        "ru": "войти под этим пользователем (приложение; с --screenshot пароль не спрашивается)",
        "en": "log in as this user (GUI; with --screenshot no password is asked)"},
    "cli_help_screenshot": {
        "kk": "терезені экрансыз осы PNG файлына салып, шығу (--user керек)",
        "ru": "отрисовать окно без экрана в этот PNG-файл и выйти (нужен --user)",
        "en": "render the window offscreen into this PNG and exit (needs --user)"},
    "cli_help_tab": {
        "kk": "алдымен көрсетілетін қойынды: {tabs}", "ru": "вкладка, которую показать первой: {tabs}",
        "en": "the tab to show first: {tabs}"},
    "cli_help_init": {
        "kk": "бір аудандық бөлімге жаңа тізілім құру", "ru": "создать реестр для одного районного отдела",
        "en": "create a register for one district department"},
    "cli_help_office": {
        "kk": "бөлімнің нөмірі 1–19 (регламенттің 1-қосымшасы)", "ru": "номер отдела 1–19 (приложение 1 регламента)",
        "en": "department number 1–19 (regulation annex 1)"},
    "cli_help_admin_password": {
        "kk": "бірінші әкімші тіркелгісінің құпиясөзі (көрсетілмесе, сұралады)",
        "ru": "пароль первой учётной записи администратора (если не указан, спрашивается)",
        "en": "password of the first admin account (asked when omitted)"},
    "cli_help_demo": {
        "kk": "тізілімді шынайы синтетикалық бөліммен толтыру (тек демо үшін)",
        "ru": "заполнить реестр реалистичным синтетическим отделом (только для демо)",
        "en": "fill a register with a realistic synthetic office (demo only)"},
    "cli_help_demo_cases": {
        "kk": "жасалатын демо-істер саны (әдепкі {default})",
        "ru": "число создаваемых демо-дел (по умолчанию {default})",
        "en": "number of demo cases to make (default {default})"},
    "cli_help_demo_office": {
        "kk": "демо бөлімнің нөмірі 1–19: бланкісі мен тіркеу нөмірлері осыдан (әдепкі {default})",
        "ru": "номер демо-отдела 1–19: от него бланк и регистрационные номера (по умолчанию {default})",
        "en": "number of the demo department 1–19: its letterhead and registration numbers (default {default})"},
    "cli_help_demo_seed": {
        "kk": "кездейсоқ сандар генераторының бастапқы мәні: басқа мән басқа өтініш берушілер мен істер береді "
              "(әдепкі {default})",
        "ru": "начальное значение генератора случайных чисел: другое значение даёт других заявителей и другие дела "
              "(по умолчанию {default})",
        "en": "seed of the random generator: another seed gives other applicants and cases (default {default})"},
    "cli_help_find": {"kk": "тізілімнен іздеу", "ru": "поиск в реестре", "en": "search the register"},
    "cli_help_service": {"kk": "қызмет коды, S1…S7", "ru": "код услуги, S1…S7", "en": "service code, S1..S7"},
    "cli_help_stage": {"kk": "істің сатысы: {stages}", "ru": "стадия дела: {stages}", "en": "stage: {stages}"},
    "cli_help_iin": {"kk": "өтініш берушінің ЖСН-і (12 цифр)", "ru": "ИИН заявителя (12 цифр)",
                     "en": "the applicant's IIN (12 digits)"},
    "cli_help_reg": {"kk": "тіркеу нөмірі, мысалы {example}", "ru": "регистрационный номер, например {example}",
                     "en": "registration number, e.g. {example}"},
    "cli_help_name": {"kk": "өтініш берушінің аты-жөнінің басы (алдымен тегі)",
                      "ru": "начало ФИО заявителя (сначала фамилия)",
                      "en": "applicant name prefix (surname first)"},
    "cli_help_from": {"kk": "осы күні не одан кейін тіркелген (ЖЖЖЖ-АА-КК)",
                      "ru": "зарегистрировано в этот день или позже (ГГГГ-ММ-ДД)",
                      "en": "registered on or after (YYYY-MM-DD)"},
    "cli_help_to": {"kk": "осы күні не одан бұрын тіркелген (ЖЖЖЖ-АА-КК)",
                    "ru": "зарегистрировано в этот день или раньше (ГГГГ-ММ-ДД)",
                    "en": "registered on or before (YYYY-MM-DD)"},
    "cli_help_overdue": {"kk": "тек мерзімі өткен ашық істер", "ru": "только открытые дела с истёкшим сроком",
                         "en": "only open cases past their due time"},
    "cli_help_limit": {"kk": "ең көбі осынша іс көрсету (әдепкі {default})",
                       "ru": "показать не больше стольких дел (по умолчанию {default})",
                       "en": "show at most this many cases (default {default})"},
    "cli_help_json": {"kk": "JSON түрінде шығару (тұрақты кілттер мен канондық идентификаторлар)",
                      "ru": "вывод в JSON (постоянные ключи и канонические идентификаторы)",
                      "en": "JSON output (stable keys and canonical identifiers)"},
    "cli_help_catalogue": {"kk": "күшіндегі қызметтер каталогын көрсету", "ru": "показать действующий каталог услуг",
                           "en": "show the service catalogue in force"},
    "cli_help_verify": {"kk": "файлдың тұтастығын және аудит тізбегін тексеру",
                        "ru": "проверить целостность файла и цепочку аудита",
                        "en": "check the file's integrity and the audit chain"},
    "cli_help_backup": {"kk": "тізілімді жұмыс кезінде қауіпсіз көшіру",
                        "ru": "безопасно скопировать реестр во время работы",
                        "en": "copy the register safely while it is in use"},
    "cli_help_backup_output": {"kk": "көшірме файлы (қалтасы бар болуы керек)",
                               "ru": "файл копии (папка должна существовать)",
                               "en": "the copy's file (its folder must exist)"},
    "cli_help_force": {"kk": "бар файлдың үстінен жазу", "ru": "заменить существующий файл",
                       "en": "replace an existing file"},
    "cli_help_print": {"kk": "істің құжатын PDF файлына басу", "ru": "напечатать документ дела в PDF-файл",
                       "en": "print a document of a case into a PDF file"},
    "cli_help_print_description": {
        "kk": "Құжатты PDF файлына шығарып, басып шығаруды іс тарихына жазады. KIND: {kinds}.",
        "ru": "Формирует документ в PDF-файле и записывает печать в историю дела. KIND: {kinds}.",
        "en": "Render a document into a PDF file and record the print in the case history. KIND: {kinds}."},
    "cli_help_print_reg_no": {"kk": "істің тіркеу нөмірі", "ru": "регистрационный номер дела",
                              "en": "registration number of the case"},
    "cli_help_print_lang": {"kk": "құжат пен хабарламалардың тілі: kk (әдепкі) немесе ru",
                            "ru": "язык документа и сообщений: kk (по умолчанию) или ru",
                            "en": "language of the document and of messages: kk (default) or ru"},
    "cli_help_print_output": {"kk": "жазылатын PDF файлы", "ru": "PDF-файл, который будет записан",
                              "en": "the PDF file to write"},
    "cli_help_print_copies": {
        "kk": "файлдағы құжат даналары (label-sheet: жапсырмалар саны; әдепкі — толық парақ)",
        "ru": "экземпляров документа в файле (label-sheet: число этикеток; по умолчанию полный лист)",
        "en": "copies of the document in the file (label-sheet: number of labels; default a full sheet)"},
    "cli_help_registry_branch": {"kk": "registry: ХҚКО филиалының нөмірі 1–19",
                                 "ru": "registry: номер филиала ЦОН 1–19",
                                 "en": "registry: PSC branch number 1–19"},
    "cli_help_registry_akimat": {"kk": "registry: әкімдіктің нөмірі 1–254 (--branch орнына)",
                                 "ru": "registry: номер акимата 1–254 (вместо --branch)",
                                 "en": "registry: akimat number 1–254 (instead of --branch)"},
    "cli_help_registry_date": {"kk": "registry: реестрдің күні, ЖЖЖЖ-АА-КК (әдепкі — бүгін)",
                               "ru": "registry: дата реестра, ГГГГ-ММ-ДД (по умолчанию сегодня)",
                               "en": "registry: its day, YYYY-MM-DD (default today)"},
    "cli_help_registry_direction": {
        "kk": "registry: to-department (бөлімге жіберілген пакеттер, әдепкі) немесе to-branch (кері қайтарылған "
              "нәтижелер)",
        "ru": "registry: to-department (пакеты в отдел, по умолчанию) или to-branch (результаты обратно)",
        "en": "registry: to-department (packages to the department, default) or to-branch (results back)"},
}

# argparse's own wording (usage, errors, help headings), keyed by its English text; kense's parser swaps these in
# while it is built and parses (desktop/cli.py). A text missing here stays in English.
ARGPARSE_TEXTS: dict[str, dict[str, str]] = {
    "usage: ": {"kk": "қолданылуы: ", "ru": "использование: "},
    "%(prog)s: error: %(message)s\n": {"kk": "%(prog)s: қате: %(message)s\n", "ru": "%(prog)s: ошибка: %(message)s\n"},
    "argument %(argument_name)s: %(message)s": {"kk": "%(argument_name)s параметрі: %(message)s",
                                                "ru": "параметр %(argument_name)s: %(message)s"},
    "invalid choice: %(value)r (choose from %(choices)s)": {
        "kk": "%(value)r мәні жарамсыз, мүмкін мәндер: %(choices)s",
        "ru": "недопустимое значение %(value)r, допустимые значения: %(choices)s"},
    "invalid %(type)s value: %(value)r": {"kk": "%(value)r мәні жарамсыз (%(type)s күтілді)",
                                          "ru": "недопустимое значение %(value)r (ожидается %(type)s)"},
    "unrecognized arguments: %s": {"kk": "белгісіз параметрлер: %s", "ru": "нераспознанные параметры: %s"},
    "the following arguments are required: %s": {"kk": "мына параметрлер міндетті: %s",
                                                 "ru": "не указаны обязательные параметры: %s"},
    "one of the arguments %s is required": {"kk": "мына параметрлердің бірі міндетті: %s",
                                            "ru": "требуется один из параметров: %s"},
    "not allowed with argument %s": {"kk": "%s параметрімен бірге қолданылмайды",
                                     "ru": "нельзя указывать вместе с %s"},
    "expected one argument": {"kk": "бір мән күтілді", "ru": "ожидается одно значение"},
    "expected at most one argument": {"kk": "ең көбі бір мән күтілді", "ru": "ожидается не больше одного значения"},
    "expected at least one argument": {"kk": "кемінде бір мән күтілді", "ru": "ожидается хотя бы одно значение"},
    "expected %s argument": {"kk": "%s мән күтілді", "ru": "ожидается значений: %s"},
    "expected %s arguments": {"kk": "%s мән күтілді", "ru": "ожидается значений: %s"},
    "ambiguous option: %(option)s could match %(matches)s": {
        "kk": "%(option)s параметрі бірмәнді емес, мыналардың бірі болуы мүмкін: %(matches)s",
        "ru": "неоднозначный параметр %(option)s, подходят: %(matches)s"},
    "ignored explicit argument %r": {"kk": "%r мәні ескерілмеді", "ru": "значение %r проигнорировано"},
    "unexpected option string: %s": {"kk": "күтілмеген параметр: %s", "ru": "неожиданный параметр: %s"},
    "positional arguments": {"kk": "позициялық параметрлер", "ru": "позиционные параметры"},
    "options": {"kk": "параметрлер", "ru": "параметры"},
    "show this help message and exit": {"kk": "осы анықтаманы көрсетіп, шығу", "ru": "показать эту справку и выйти"},
}


def argparse_text(text: str, lang: str | None = None) -> str:
    """argparse's English ``text`` in ``lang`` (the current language by default); unknown texts stay as they are."""
    return ARGPARSE_TEXTS.get(text, {}).get(lang or _current, text)


# issue 5: the PSC / akimat channels and package tracking keep their wording in messages_psc.py
from .messages_psc import PACKAGE_TITLES, PSC_ACTION_TITLES, PSC_MESSAGES  # noqa: E402

MESSAGES.update(PSC_MESSAGES)

# issue 9: several desks on one register (conflicts, a lost connection) keep their wording in messages_desks.py
from .messages_desks import DESK_MESSAGES, DONE_TITLES  # noqa: E402

MESSAGES.update(DESK_MESSAGES)

# issue 9: the command line on a PostgreSQL server (backup/verify of a dump, kense migrate); merged without
# overwriting a text another part of issue 9 defines
SERVER_CLI_MESSAGES: dict[str, dict[str, str]] = {
    "cli_help_verify_dump": {
        "kk": "pg_dump мұрағатын --db көрсеткен бос дерекқорға қалпына келтіріп, соны тексеру",
        "ru": "восстановить архив pg_dump в пустую базу --db и проверить её",
        "en": "restore a pg_dump archive into the empty database --db and verify it"},
    "cli_help_migrate": {
        "kk": "SQLite тізілімін түгел PostgreSQL серверіне көшіру",
        "ru": "перенести реестр SQLite целиком на сервер PostgreSQL",
        "en": "move a whole SQLite register to a PostgreSQL server"},
    "cli_help_migrate_from": {"kk": "көшірілетін тізілім файлы", "ru": "файл переносимого реестра",
                              "en": "the register file to move"},
    "cli_help_migrate_to": {"kk": "бос дерекқор: postgresql://иесі@хост/дерекқор",
                            "ru": "пустая база: postgresql://владелец@хост/база",
                            "en": "an empty database: postgresql://owner@host/dbname"},
    "cli_backup_dump_done": {
        "kk": "{path}: {db} дерекқорының pg_dump мұрағаты (аудитте {events} оқиға, тізбек бүтін). Мұрағатты толық "
              "тексеру: kense verify --dump {path} --db postgresql://.../бос_дерекқор",
        "ru": "{path}: архив pg_dump базы {db} (в аудите {events} событий, цепочка цела). Полная проверка архива: "
              "kense verify --dump {path} --db postgresql://.../пустая_база",
        "en": "{path}: pg_dump archive of {db} ({events} audit events, chain intact). To check the archive in full: "
              "kense verify --dump {path} --db postgresql://.../empty_scratch_db"},
    "cli_verify_dump_ok": {
        "kk": "{dump} мұрағаты {path} дерекқорына қалпына келтірілді және тексерілді; тексеруден кейін оны жоюға болады",
        "ru": "архив {dump} восстановлен в {path} и проверен; после проверки эту базу можно удалить",
        "en": "{dump} was restored into {path} and verified; that scratch database may be dropped now"},
    "cli_dump_needs_server": {
        "kk": "--dump үшін --db бос PostgreSQL дерекқоры болуы керек (postgresql://...).",
        "ru": "Для --dump укажите в --db пустую базу PostgreSQL (postgresql://...).",
        "en": "--dump needs --db to be an empty PostgreSQL database (postgresql://...)."},
    "cli_dump_missing": {"kk": "Мұрағат жоқ: {path}", "ru": "Архив не найден: {path}", "en": "No archive at {path}"},
    "cli_dump_target_not_empty": {
        "kk": "{path} бос емес: мұрағатты тексеру үшін жаңа бос дерекқор жасаңыз (createdb).",
        "ru": "{path} не пуста: для проверки архива создайте новую пустую базу (createdb).",
        "en": "{path} is not empty: create a new empty database for the check (createdb)."},
    "db_tool_missing": {
        "kk": "{tool} бағдарламасы табылмады (Debian: apt install postgresql-client). Қолмен: {command}",
        "ru": "Программа {tool} не найдена (Debian: apt install postgresql-client). Вручную: {command}",
        "en": "{tool} was not found (Debian: apt install postgresql-client). By hand: {command}"},
    "cli_server_password": {
        "kk": "Сервер құпиясөз сұрайды: оны ~/.pgpass файлына немесе PGPASSWORD айнымалысына жазыңыз, не "
              "командны терминалдан іске қосыңыз.",
        "ru": "Сервер требует пароль: запишите его в ~/.pgpass или PGPASSWORD, либо запустите команду в терминале.",
        "en": "The server wants a password: put it in ~/.pgpass or PGPASSWORD, or run the command in a terminal."},
    "cli_migrate_done": {
        "kk": "{source} → {target}: көшірілді {seconds} с ішінде, тексерілді (аудитте {events} оқиға, тізбек бүтін)",
        "ru": "{source} → {target}: перенесено за {seconds} с, проверено (в аудите {events} событий, цепочка цела)",
        "en": "{source} → {target}: moved in {seconds} s and verified ({events} audit events, chain intact)"},
    "cli_migrate_source": {"kk": "бастапқы", "ru": "источник", "en": "source"},
    "cli_migrate_target": {"kk": "сервер", "ru": "сервер", "en": "server"},
    "cli_migrate_passwords": {
        "kk": "Бір реттік құпиясөздер (тек қазір көрсетіледі, еш жерде сақталмайды; әр қызметкер бірінші кіргенде "
              "өзгертеді):",
        "ru": "Одноразовые пароли (показаны только сейчас и нигде не хранятся; каждый сотрудник сменит свой при "
              "первом входе):",
        "en": "One-time passwords (shown only now, stored nowhere; each user changes theirs at the first sign-in):"},
    "migrate_target_not_server": {
        "kk": "--to PostgreSQL дерекқоры болуы керек (postgresql://иесі@хост/дерекқор), берілгені: {target}",
        "ru": "--to должен быть базой PostgreSQL (postgresql://владелец@хост/база), указано: {target}",
        "en": "--to must be a PostgreSQL database (postgresql://owner@host/dbname), not {target}"},
    "migrate_source_missing": {"kk": "Тізілім файлы жоқ: {path}", "ru": "Файл реестра не найден: {path}",
                               "en": "No register file at {path}"},
    "migrate_source_empty": {"kk": "{path} әлі тізілім емес (kense init жасалмаған).",
                             "ru": "{path} ещё не реестр (не выполнен kense init).",
                             "en": "{path} is not a register yet (kense init was never run)."},
    "migrate_source_broken": {
        "kk": "{path} тексеруден өтпеді ({detail}): ештеңе көшірілмеді.",
        "ru": "{path} не прошёл проверку ({detail}): ничего не перенесено.",
        "en": "{path} does not verify ({detail}): nothing was moved."},
    "migrate_target_not_empty": {
        "kk": "{target} бос емес: көшіру тек бос дерекқорға жасалады. Ештеңе өзгертілмеді.",
        "ru": "{target} не пуста: перенос делается только в пустую базу. Ничего не изменено.",
        "en": "{target} is not empty: a register moves only into an empty database. Nothing was changed."},
    "migrate_roles_taken": {
        "kk": "Бұл серверде {users} рөлдері бар (рөлдер бүкіл кластерге ортақ): басқа кластерді немесе портты "
              "пайдаланыңыз. Ештеңе өзгертілмеді.",
        "ru": "На этом сервере уже есть роли {users} (роли общие для всего кластера): используйте другой кластер "
              "или порт. Ничего не изменено.",
        "en": "The server already has roles {users} (roles belong to the whole cluster): use another cluster or "
              "port. Nothing was changed."},
    "password_change_required": {
        "kk": "Сіз бір реттік құпиясөзбен кірдіңіз: жаңа құпиясөз ойлап табыңыз.",
        "ru": "Вы вошли с одноразовым паролем: придумайте новый пароль.",
        "en": "You signed in with a one-time password: choose a new one."},
}
for _key, _texts in SERVER_CLI_MESSAGES.items():
    MESSAGES.setdefault(_key, _texts)


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
    "reassign": {"kk": "басқа орындаушыға беру", "ru": "передача другому исполнителю",
                 "en": "reassign to another executor"},
    "users": {"kk": "пайдаланушыларды басқару", "ru": "управление пользователями", "en": "manage users"},
    "calendar": {"kk": "күнтізбені өзгерту", "ru": "изменение календаря", "en": "change the calendar"},
}


ACTION_TITLES.update(PSC_ACTION_TITLES)


# The titles of the fields a message may name (``label``): one language at a time, never «Тегі / Фамилия».
FIELD_TITLES: dict[str, dict[str, str]] = {
    "surname": {"kk": "Тегі", "ru": "Фамилия", "en": "Surname"},
    "name": {"kk": "Аты", "ru": "Имя", "en": "First name"},
    "patronymic": {"kk": "Әкесінің аты", "ru": "Отчество", "en": "Patronymic"},
    "address": {"kk": "Мекенжайы", "ru": "Адрес", "en": "Address"},
    "phone": {"kk": "Телефон", "ru": "Телефон", "en": "Phone"},
    "iin": {"kk": "ЖСН", "ru": "ИИН", "en": "IIN"},
    "reason": {"kk": "Себебі", "ru": "Причина", "en": "Reason"},
    "resolution": {"kk": "Резолюция", "ru": "Резолюция", "en": "Resolution"},
    "executor": {"kk": "Орындаушы", "ru": "Исполнитель", "en": "Executor"},
    "action": {"kk": "Әрекет", "ru": "Действие", "en": "Action"},
    "documents": {"kk": "Құжаттар", "ru": "Документы", "en": "Documents"},
    "date": {"kk": "Күні", "ru": "Дата", "en": "Date"},
    "started_on": {"kk": "Жұмысқа кіріскен күні", "ru": "Дата начала работы", "en": "Started on"},
}


def _localise(key: str, value: object, lang: str) -> object:
    """Translate identifiers (roles, stages, actions, field keys) that errors carry as parameters."""
    from .model import ROLE_TITLES, STAGE_TITLES
    table = {"roles": ROLE_TITLES, "have": ROLE_TITLES, "stage": STAGE_TITLES, "action": ACTION_TITLES,
             "package": PACKAGE_TITLES, "label": FIELD_TITLES, "did": DONE_TITLES}.get(key)
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
    if params.get(f"label_{lang}"):  # a catalogue field names itself in each language
        params = {**params, "label": params[f"label_{lang}"]}
    params = {k: _localise(k, v, lang) for k, v in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
