"""Messages of the PSC and akimat channels and of package tracking (issue 5), merged into core/messages.py.

Kept apart so that the channel work adds its wording without rewriting the shared table. Data only: this module
imports nothing, so messages.py can load it at import time.
"""
from __future__ import annotations

PACKAGE_TITLES: dict[str, dict[str, str]] = {
    "at_branch": {"kk": "ХҚКО бөлімінде", "ru": "В отделении ЦОН", "en": "At the branch"},
    "in_transit": {"kk": "Бөлімге жолда", "ru": "В пути в отдел", "en": "In transit to the department"},
    "at_department": {"kk": "Бөлімде", "ru": "В отделе", "en": "At the department"},
    "in_transit_back": {"kk": "ХҚКО-ға қайтуда", "ru": "В пути обратно", "en": "In transit back"},
    "at_branch_returned": {"kk": "ХҚКО-ға қайтарылды", "ru": "Возвращено в ЦОН", "en": "Returned to the branch"},
    "handed_over": {"kk": "Өтініш берушіге берілді", "ru": "Выдано заявителю", "en": "Handed over"},
}

PSC_ACTION_TITLES: dict[str, dict[str, str]] = {
    "registry_build": {"kk": "реестр құру", "ru": "составление реестра", "en": "build a registry"},
    "registry_receive": {"kk": "реестрді қабылдау", "ru": "прием реестра", "en": "receive a registry"},
    "hand_over": {"kk": "қолхат бойынша беру", "ru": "выдача по расписке", "en": "hand over against the Қолхат"},
    "settings": {"kk": "баптауларды өзгерту", "ru": "изменение настроек", "en": "change the settings"},
}

PSC_MESSAGES: dict[str, dict[str, str]] = {
    "bad_channel": {
        "kk": "Қабылдау арнасы дұрыс емес: «{channel}» (department, psc:N немесе akimat:ID).",
        "ru": "Неверный канал приема: «{channel}» (department, psc:N или akimat:ID).",
        "en": "Not a channel: “{channel}” (department, psc:N or akimat:ID)."},
    "unknown_psc_branch": {
        "kk": "Мұндай ХҚКО бөлімі жоқ: №{number} (1–{max}).", "ru": "Нет такого отделения ЦОН: №{number} (1–{max}).",
        "en": "No public service centre branch No {number} (1–{max})."},
    "unknown_akimat": {
        "kk": "Мұндай әкімдік жоқ: №{number} (1–{max}).", "ru": "Нет такого акимата: №{number} (1–{max}).",
        "en": "No akimat No {number} (1–{max})."},
    "psc_branch_required": {
        "kk": "ХҚКО инспекторына ХҚКО бөлімін көрсетіңіз.", "ru": "Для инспектора ЦОН укажите отделение ЦОН.",
        "en": "A PSC inspector must be bound to a PSC branch."},
    "akimat_required": {
        "kk": "Әкімге әкімдікті көрсетіңіз.", "ru": "Для акима укажите акимат.",
        "en": "An akim must be bound to an akimat."},
    "not_bound": {
        "kk": "«{user}» пайдаланушысы ешбір {channel} орнына бекітілмеген.",
        "ru": "Пользователь «{user}» не привязан ни к одному месту приема {channel}.",
        "en": "User “{user}” is not bound to any {channel} office."},
    "other_place": {
        "kk": "«{user}» тек өз орнының ({own}) құжаттарымен жұмыс істей алады; бұл {channel}.",
        "ru": "«{user}» работает только с документами своего места ({own}); это {channel}.",
        "en": "“{user}” may work only with the documents of {own}; these belong to {channel}."},
    "akim_other_akimat": {
        "kk": "{reg_no} ісі басқа әкімдікке ({channel}) тиесілі; сіздің әкімдігіңіз: {own}.",
        "ru": "Дело {reg_no} относится к другому акимату ({channel}); ваш акимат: {own}.",
        "en": "Case {reg_no} belongs to another akimat ({channel}); yours is {own}."},
    "deliver_via_registry": {
        "kk": "{reg_no} ісінің нәтижесі қайтару реестрімен {channel} орнына жіберіледі және сонда беріледі.",
        "ru": "Результат по делу {reg_no} отправляется реестром возврата в {channel} и выдается там.",
        "en": "The result of case {reg_no} goes back to {channel} on a return registry and is handed over there."},
    "wrong_package_state": {
        "kk": "{reg_no} ісі «{stage}» сатысында, пакет: «{package}»; «{action}» мүмкін емес.",
        "ru": "Дело {reg_no} на стадии «{stage}», пакет: «{package}»; действие «{action}» невозможно.",
        "en": "Case {reg_no} is at “{stage}”, package “{package}”; “{action}” is not possible."},
    "bad_direction": {
        "kk": "Реестр бағыты дұрыс емес: «{direction}» (to-department немесе to-branch).",
        "ru": "Неверное направление реестра: «{direction}» (to-department или to-branch).",
        "en": "Not a registry direction: “{direction}” (to-department or to-branch)."},
    "bad_source": {
        "kk": "Реестр ХҚКО бөлімінің (psc:N) немесе әкімдіктің (akimat:ID) реестрі болуы керек: «{source}».",
        "ru": "Реестр должен относиться к отделению ЦОН (psc:N) или акимату (akimat:ID): «{source}».",
        "en": "A registry belongs to a PSC branch (psc:N) or an akimat (akimat:ID): “{source}”."},
    "bad_courier_runs": {
        "kk": "Курьер рейстерінің саны 1-ден {max}-ге дейін болуы керек: «{value}».",
        "ru": "Число рейсов курьера должно быть от 1 до {max}: «{value}».",
        "en": "Courier runs per day must be 1 to {max}; got “{value}”."},
    "courier_runs_used": {
        "kk": "{day} күні {source} үшін {runs} реестр жіберілді (күніне {runs} рейс); келесі реестр ертең.",
        "ru": "{day} для {source} уже отправлено реестров: {runs} (рейсов в день: {runs}); следующий — завтра.",
        "en": "{runs} registries already went from {source} on {day} ({runs} courier runs a day); the next one "
              "goes tomorrow."},
    "registry_empty": {
        "kk": "{source} бойынша жіберілетін пакет жоқ.", "ru": "По {source} нет пакетов для отправки.",
        "en": "There are no packages to send for {source}."},
    "not_waiting": {
        "kk": "{reg_no} пакеті {source} бойынша жіберуді күтіп тұрған жоқ.",
        "ru": "Пакет {reg_no} не ожидает отправки по {source}.",
        "en": "Package {reg_no} is not waiting to be sent for {source}."},
    "registry_cli_source": {
        "kk": "Реестрді көрсетіңіз: --branch N немесе --akimat ID (және --date ЖЖЖЖ-АА-КК), не реестр нөмірін.",
        "ru": "Укажите реестр: --branch N или --akimat ID (и --date ГГГГ-ММ-ДД), либо номер реестра.",
        "en": "Name the registry: --branch N or --akimat ID (with --date YYYY-MM-DD), or its number."},
    "registry_not_found": {
        "kk": "Реестр табылмады: «{number}».", "ru": "Реестр не найден: «{number}».",
        "en": "No registry “{number}”."},
    "registry_none_on_day": {
        "kk": "{day} күні {source} бойынша {direction} реестр жоқ.",
        "ru": "Реестров {source} за {day} ({direction}) нет.",
        "en": "No {direction} registry of {source} on {day}."},
    "not_forwarded": {
        "kk": "{reg_no} ісі ХҚКО немесе әкімдік арқылы жіберілмеген.",
        "ru": "Дело {reg_no} не поступало через ЦОН или акимат.",
        "en": "Case {reg_no} did not come through a PSC branch or an akimat."},
    "scan_received": {
        "kk": "{code}: қабылданды ({received}/{expected}).", "ru": "{code}: принято ({received}/{expected}).",
        "en": "{code}: received ({received}/{expected})."},
    "scan_not_on_registry": {
        "kk": "{code}: бұл пакет {registry} реестрінде жоқ! Бөлек қойыңыз.",
        "ru": "{code}: этого пакета нет в реестре {registry}! Отложите его.",
        "en": "{code}: this package is not on registry {registry}! Set it aside."},
    "scan_unknown": {
        "kk": "{code}: мұндай іс жоқ! Штрихкодты тексеріңіз.", "ru": "{code}: такого дела нет! Проверьте штрихкод.",
        "en": "{code}: no such case! Check the barcode."},
    "scan_duplicate": {
        "kk": "{code}: бұл пакет бұрын қабылданған.", "ru": "{code}: этот пакет уже принят.",
        "en": "{code}: this package was already received."},
    "scan_registry": {
        "kk": "{code}: бұл реестр нөмірі, пакет емес.", "ru": "{code}: это номер реестра, а не пакета.",
        "en": "{code}: that is a registry number, not a package."},
}
