<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
    <context>
        <name>AdminTab</name>
        <message>
            <location filename="../../desktop/ui/admin_tab.py" line="+193" />
            <source>File: %1
Cases: %2</source>
            <translation>Файл: %1
Дел: %2</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+15" />
            <source>Demo cases</source>
            <translation>Демо-дела</translation>
        </message>
        <message>
            <location line="-14" />
            <source>Add %1 synthetic demo cases to this register? They cannot be removed later.</source>
            <translation>Добавить в этот реестр %1 синтетических демо-дел? Удалить их потом будет нельзя.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Loading demo cases…</source>
            <translation>Загрузка демо-дел…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 demo cases added.</source>
            <translation>Добавлено демо-дел: %1.</translation>
        </message>
        <message>
            <location filename="../../forms/admin_tab.ui" line="+10" />
            <source>&amp;Users and roles</source>
            <translation>&amp;Пользователи и роли</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;New user…</source>
            <translation>&amp;Новый пользователь…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Edit name and roles…</source>
            <translation>&amp;Изменить имя и роли…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Deactivate</source>
            <translation>Откл&amp;ючить</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Reset password…</source>
            <translation>&amp;Сбросить пароль…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Office</source>
            <translation>&amp;Отдел</translation>
        </message>
        <message>
            <location line="+4" />
            <source>District department (read-only: fixed when the register was created)</source>
            <translation>Районный отдел (только чтение: задан при создании реестра)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Number:</source>
            <translation>Номер:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Name (Kazakh):</source>
            <translation>Название (на казахском):</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Name (Russian):</source>
            <translation>Название (на русском):</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Address:</source>
            <translation>Адрес:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Phone:</source>
            <translation>Телефон:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>E-mail:</source>
            <translation>Эл. почта:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Working hours:</source>
            <translation>Часы работы:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Register file</source>
            <translation>Файл реестра</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Synthetic demo &amp;cases:</source>
            <translation>Синтетические демо-&amp;дела:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Load demo cases</source>
            <translation>&amp;Загрузить демо-дела</translation>
        </message>
        <message>
            <location line="+23" />
            <source>&amp;Calendar</source>
            <translation>&amp;Календарь</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Public holidays and the government's day transfers are built in. Add here the local exceptions: an extra day off, or a Saturday worked.</source>
            <translation>Праздничные дни и переносы выходных по постановлению Правительства уже учтены. Здесь добавьте местные исключения: дополнительный выходной или рабочую субботу.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>D&amp;ay:</source>
            <translation>&amp;День:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>N&amp;ote:</source>
            <translation>Приме&amp;чание:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Add</source>
            <translation>Д&amp;обавить</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Remove</source>
            <translation>&amp;Удалить</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Service c&amp;atalogue</source>
            <translation>Катало&amp;г услуг</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Item</source>
            <translation>Элемент</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
    </context>
    <context>
        <name>AkimTab</name>
        <message>
            <location filename="../../desktop/ui/akim_tab.py" line="+143" />
            <source>Akimat: %1</source>
            <translation>Акимат: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This account is not bound to an akimat; ask the administrator.</source>
            <translation>Эта учетная запись не привязана к акимату; обратитесь к администратору.</translation>
        </message>
        <message>
            <location line="-12" />
            <source>The akimat's certificates in work: %1</source>
            <translation>Справки акимата в работе: %1</translation>
        </message>
        <message>
            <location line="+77" />
            <source>Nothing to decide or sign now.</source>
            <translation>Сейчас нечего решать или подписывать.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Issue the certificate</source>
            <translation>Выдать справку</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Draft the certificate (or the refusal) and send it for your signature in “Write and issue”.</source>
            <translation>Подготовьте проект справки (или отказа) на странице «Оформление и выдача» и отправьте себе на подпись.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Signed: print the certificate and hand it over in “Write and issue”.</source>
            <translation>Подписано: распечатайте справку и выдайте ее на странице «Оформление и выдача».</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The department's executor %1 works on this case.</source>
            <translation>Этим делом занимается исполнитель отдела %1.</translation>
        </message>
        <message>
            <location filename="../../forms/akim_tab.ui" line="+24" />
            <source>Inta&amp;ke</source>
            <translation>При&amp;ём</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Decide and si&amp;gn</source>
            <translation>Ре&amp;шение и подпись</translation>
        </message>
        <message>
            <location line="+46" />
            <source>&amp;Resolution:</source>
            <translation>Ре&amp;золюция:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Take it to &amp;issue myself</source>
            <translation>Оформлю &amp;сам</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Sign</source>
            <translation>&amp;Подписать</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reason to re&amp;turn the draft:</source>
            <translation>При&amp;чина возврата проекта:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Return for &amp;completion</source>
            <translation>&amp;Вернуть на доработку</translation>
        </message>
        <message>
            <location line="+17" />
            <source>&amp;Open it in “Write and issue”</source>
            <translation>О&amp;ткрыть в «Оформлении и выдаче»</translation>
        </message>
        <message>
            <location line="+20" />
            <source>&amp;Write and issue</source>
            <translation>Оформление и выдача</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Registry to the depart&amp;ment</source>
            <translation>Реестр в отдел</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Returned &amp;by courier</source>
            <translation>Возвра&amp;щено курьером</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Read&amp;y for the applicant</source>
            <translation>Готово к выдаче</translation>
        </message>
        <message>
            <source>Choose a case on the left.</source>
            <translation>Выберите дело слева.</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Подписать</translation>
        </message>
        <message>
            <source>Sign this certificate?</source>
            <translation>Подписать эту справку?</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Вернуть на доработку</translation>
        </message>
        <message>
            <source>Return this draft for completion?</source>
            <translation>Вернуть этот проект на доработку?</translation>
        </message>
        <message>
            <source>Return reason</source>
            <translation>Причина возврата</translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message>
            <location filename="../../desktop/ui/admin_tab.py" line="-163" />
            <location line="+5" />
            <source>Day off</source>
            <translation>Выходной день</translation>
        </message>
        <message>
            <location line="-4" />
            <location line="+4" />
            <source>Working day</source>
            <translation>Рабочий день</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
    </context>
    <context>
        <name>CaseCard</name>
        <message>
            <location filename="../../desktop/ui/casecard.py" line="+157" />
            <source>Case %1</source>
            <translation>Дело %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>package: %1</source>
            <translation>пакет: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage: %1</source>
            <translation>Стадия: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Due: %1</source>
            <translation>Срок: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>overdue</source>
            <translation>просрочено</translation>
        </message>
        <message>
            <location line="+3" />
            <source>due today</source>
            <translation>срок сегодня</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+27" />
            <source>Stage</source>
            <translation>Стадия</translation>
        </message>
        <message>
            <location line="-27" />
            <source>Entered</source>
            <translation>Начало</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due</source>
            <translation>Срок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Left</source>
            <translation>Окончание</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Passed on by</source>
            <translation>Передал</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On time?</source>
            <translation>В срок?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>late</source>
            <translation>с опозданием</translation>
        </message>
        <message>
            <location line="+0" />
            <source>late, still open</source>
            <translation>просрочено, ещё не завершено</translation>
        </message>
        <message>
            <location line="+3" />
            <source>on time</source>
            <translation>в срок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>open, in time</source>
            <translation>в работе, срок не истёк</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Actor</source>
            <translation>Исполнил</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>Действие</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <location line="+47" />
            <location line="+4" />
            <source>Printing is not available in this installation.</source>
            <translation>В этой установке печать недоступна.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No document fits this case at its current stage.</source>
            <translation>На текущей стадии дела нет документов для печати.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print a document of this case</source>
            <translation>Напечатать документ по делу</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Record the applicant's withdrawal of case %1?

Reason: %2

The case is closed and cannot be taken up again.</source>
            <translation>Зарегистрировать отзыв заявления заявителем по делу %1?

Причина: %2

Дело будет закрыто, возобновить его будет нельзя.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Withdrawal</source>
            <translation>Отзыв заявления</translation>
        </message>
        <message>
            <location filename="../../forms/case_card.ui" line="+9" />
            <source>Case card</source>
            <translation>Карточка дела</translation>
        </message>
        <message>
            <location line="+40" />
            <source>&amp;Details</source>
            <translation>&amp;Сведения</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Steps and deadlines</source>
            <translation>&amp;Этапы и сроки</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;History</source>
            <translation>&amp;История</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The applicant's written withdrawal</source>
            <translation>Письменный отзыв заявления заявителем</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Withdrawal reason:</source>
            <translation>При&amp;чина отзыва:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. The applicant's statement of 25.11.2026: the service is no longer needed</source>
            <translation>например: заявление заявителя от 25.11.2026: услуга больше не нужна</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Withdraw the applicatio&amp;n…</source>
            <translation>Отозвать &amp;заявление…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Print</source>
            <translation>&amp;Печать</translation>
        </message>
    </context>
    <context>
        <name>CaseDetails</name>
        <message>
            <location filename="../../desktop/ui/casecard_details.py" line="+79" />
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <location line="+17" />
            <source>executor</source>
            <translation>исполнитель</translation>
        </message>
        <message>
            <location line="+0" />
            <source>executor id</source>
            <translation>id исполнителя</translation>
        </message>
        <message>
            <location line="+1" />
            <source>resolution</source>
            <translation>резолюция</translation>
        </message>
        <message>
            <location line="+0" />
            <source>decision</source>
            <translation>решение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refusal reasons</source>
            <translation>причины отказа</translation>
        </message>
        <message>
            <location line="+0" />
            <source>text</source>
            <translation>текст</translation>
        </message>
        <message>
            <location line="+0" />
            <source>reason</source>
            <translation>причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>delivery</source>
            <translation>выдача</translation>
        </message>
        <message>
            <location line="+0" />
            <source>date</source>
            <translation>дата</translation>
        </message>
        <message>
            <location line="+0" />
            <source>post number</source>
            <translation>почтовый номер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>due</source>
            <translation>срок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>paused, seconds</source>
            <translation>приостановлено, секунд</translation>
        </message>
        <message>
            <location line="+1" />
            <source>documents</source>
            <translation>документы</translation>
        </message>
        <message>
            <location line="+0" />
            <source>result</source>
            <translation>результат</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+108" />
            <source>IIN</source>
            <translation>ИИН</translation>
        </message>
        <message>
            <location line="-107" />
            <source>service</source>
            <translation>услуга</translation>
        </message>
        <message>
            <location line="+0" />
            <source>channel</source>
            <translation>канал</translation>
        </message>
        <message>
            <location line="+0" />
            <source>warning</source>
            <translation>предупреждение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>document</source>
            <translation>документ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>catalogue version</source>
            <translation>версия каталога</translation>
        </message>
        <message>
            <location line="+1" />
            <source>another open case</source>
            <translation>другое открытое дело</translation>
        </message>
        <message>
            <location line="+1" />
            <source>registry</source>
            <translation>реестр</translation>
        </message>
        <message>
            <location line="+0" />
            <source>direction</source>
            <translation>направление</translation>
        </message>
        <message>
            <location line="+0" />
            <source>package</source>
            <translation>пакет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>code</source>
            <translation>код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>place</source>
            <translation>место</translation>
        </message>
        <message>
            <location line="+0" />
            <source>against</source>
            <translation>по предъявлении</translation>
        </message>
        <message>
            <location line="+24" />
            <source>the Қолхат</source>
            <translation>расписка ЦОН</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the identity document</source>
            <translation>документ, удостоверяющий личность</translation>
        </message>
        <message>
            <location line="+48" />
            <source>at the department</source>
            <translation>в отделе</translation>
        </message>
        <message>
            <location line="+0" />
            <source>through the village akimat</source>
            <translation>через аппарат акима сельского округа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>through a public service centre</source>
            <translation>через центр обслуживания населения</translation>
        </message>
        <message>
            <location line="+4" />
            <source>handed over at the public service centre</source>
            <translation>выдано в ЦОН</translation>
        </message>
        <message>
            <location line="+1" />
            <source>handed over at the akimat</source>
            <translation>выдано в акимате</translation>
        </message>
        <message>
            <location line="+4" />
            <source>package sent on a registry</source>
            <translation>пакет отправлен по реестру</translation>
        </message>
        <message>
            <location line="+1" />
            <source>package received by scanning</source>
            <translation>пакет принят сканированием</translation>
        </message>
        <message>
            <location line="+1" />
            <source>package scan (flagged)</source>
            <translation>сканирование пакета (с отметкой)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>package missing from its registry</source>
            <translation>пакет не поступил по реестру</translation>
        </message>
        <message>
            <location line="+1" />
            <source>result handed over</source>
            <translation>результат выдан</translation>
        </message>
        <message>
            <location line="+0" />
            <source>printed</source>
            <translation>напечатано</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 d</source>
            <translation>%1 дн.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Applicant</source>
            <translation>Заявитель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Surname</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patronymic</source>
            <translation>Отчество</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Birth date</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <location line="+0" />
            <source>male</source>
            <translation>мужской</translation>
        </message>
        <message>
            <location line="+0" />
            <source>female</source>
            <translation>женский</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Application</source>
            <translation>Заявление</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registration number</source>
            <translation>Регистрационный номер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>Услуга</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Channel</source>
            <translation>Канал</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered</source>
            <translation>Зарегистрировано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered by</source>
            <translation>Зарегистрировал</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stage</source>
            <translation>Стадия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In this stage since</source>
            <translation>На этой стадии с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current step due</source>
            <translation>Срок текущего этапа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due (whole service)</source>
            <translation>Срок оказания услуги</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>Закрыто</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Catalogue version</source>
            <translation>Версия каталога</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Documents presented</source>
            <translation>Представленные документы</translation>
        </message>
        <message>
            <location line="+2" />
            <source>presented</source>
            <translation>представлен</translation>
        </message>
        <message>
            <location line="+0" />
            <source>not presented</source>
            <translation>не представлен</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Resolution and decision</source>
            <translation>Резолюция и решение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolution</source>
            <translation>Резолюция</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved by</source>
            <translation>Резолюцию наложил</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Executor</source>
            <translation>Исполнитель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refusal reasons</source>
            <translation>Причины отказа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Draft text</source>
            <translation>Текст проекта</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Returned for completion, times</source>
            <translation>Возвращено на доработку, раз</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last return reason</source>
            <translation>Причина последнего возврата</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed by</source>
            <translation>Подписал</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed</source>
            <translation>Подписано</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delivery, suspension, withdrawal</source>
            <translation>Выдача, приостановление, отзыв</translation>
        </message>
        <message>
            <location line="-94" />
            <source>handed over in person</source>
            <translation>выдано лично</translation>
        </message>
        <message>
            <location line="+0" />
            <source>posted</source>
            <translation>отправлено почтой</translation>
        </message>
        <message>
            <location line="+97" />
            <source>Delivery</source>
            <translation>Выдача</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery date</source>
            <translation>Дата выдачи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Post number</source>
            <translation>Почтовый номер</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suspended from stage</source>
            <translation>Приостановлено на стадии</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suspended</source>
            <translation>Приостановлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suspension reason</source>
            <translation>Причина приостановления</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Time paused</source>
            <translation>Время приостановления</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawal reason</source>
            <translation>Причина отзыва</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Referral slip: work started</source>
            <translation>Уведомление о направлении: приступил к работе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip: order number</source>
            <translation>Уведомление о направлении: номер приказа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip: institution</source>
            <translation>Уведомление о направлении: организация</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip: recorded</source>
            <translation>Уведомление о направлении: зарегистрировано</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Package and scans</source>
            <translation>Пакет и сканирования</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Where the package is</source>
            <translation>Где пакет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received at the department</source>
            <translation>Принят в отделе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returned to the branch</source>
            <translation>Возвращен в ЦОН (акимат)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Registry %1</source>
            <translation>Реестр %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Scan %1</source>
            <translation>Сканирование %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Other data</source>
            <translation>Прочие данные</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Application details</source>
            <translation>Сведения заявления</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>print No</source>
            <translation>печать №</translation>
        </message>
        <message>
            <source>copies</source>
            <translation>экземпляров</translation>
        </message>
        <message>
            <source>printer</source>
            <translation>принтер</translation>
        </message>
        <message>
            <source>PDF file</source>
            <translation>PDF-файл</translation>
        </message>
        <message>
            <source>language</source>
            <translation>язык</translation>
        </message>
        <message>
            <source>previous executor</source>
            <translation>прежний исполнитель</translation>
        </message>
        <message>
            <source>started on</source>
            <translation>дата начала работы</translation>
        </message>
        <message>
            <source>order No</source>
            <translation>приказ №</translation>
        </message>
        <message>
            <source>institution</source>
            <translation>учреждение</translation>
        </message>
        <message>
            <source>recorded</source>
            <translation>зарегистрировано</translation>
        </message>
        <message>
            <source>Kazakh</source>
            <translation>казахский</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>русский</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <location filename="../../desktop/ui/models.py" line="+41" />
            <source>Reg. No</source>
            <translation>Рег. №</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>Услуга</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>Заявитель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IIN</source>
            <translation>ИИН</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Стадия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Registered</source>
            <translation>Зарегистрировано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step due</source>
            <translation>Срок этапа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Срок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Executor</source>
            <translation>Исполнитель</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Время</translation>
        </message>
    </context>
    <context>
        <name>Casework</name>
        <message>
            <source>No connection to the server — retrying…</source>
            <translation>Нет связи с сервером — повторяем попытку…</translation>
        </message>
        <message>
            <source>Connection restored — the action is done.</source>
            <translation>Связь восстановлена — действие выполнено.</translation>
        </message>
        <message>
            <source>Connection restored.</source>
            <translation>Связь восстановлена.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/casework.py" line="+168" />
            <source>IIN %1</source>
            <translation>ИИН %1</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Service</source>
            <translation>Услуга</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>Заявитель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Стадия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered</source>
            <translation>Зарегистрировано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step due</source>
            <translation>Срок этапа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Срок</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Resolution</source>
            <translation>Резолюция</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Executor</source>
            <translation>Исполнитель</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Returned by the head</source>
            <translation>Возвращено руководителем</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Suspended</source>
            <translation>Приостановлено</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refusal reasons</source>
            <translation>Причины отказа</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Returned before</source>
            <translation>Ранее возвращалось</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <location filename="../../desktop/ui/admin_tab.py" line="+53" />
            <source>%1 min</source>
            <translation>%1 мин</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 h</source>
            <translation>%1 ч</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 calendar days</source>
            <translation>%1 календ. дн.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 working days</source>
            <translation>%1 раб. дн.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 — version %2. Read-only: the catalogue is edited in data/catalogue.toml.</source>
            <translation>%1 — версия %2. Только чтение: каталог правится в файле data/catalogue.toml.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Deadline</source>
            <translation>Срок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Head may return a draft</source>
            <translation>Руководитель может вернуть проект</translation>
        </message>
        <message>
            <location line="+0" />
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Steps</source>
            <translation>Этапы</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refusal reasons</source>
            <translation>Причины отказа</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fields</source>
            <translation>Поля</translation>
        </message>
        <message>
            <location line="+2" />
            <source>intake</source>
            <translation>приём</translation>
        </message>
        <message>
            <location line="+0" />
            <source>result</source>
            <translation>результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>required</source>
            <translation>обязательное</translation>
        </message>
        <message>
            <location line="+0" />
            <source>optional</source>
            <translation>необязательное</translation>
        </message>
        <message numerus="yes">
            <source>The service catalogue in force: %n service(s). Read-only: the office edits the file catalogue.toml.</source>
            <translation>
                <numerusform>Действующий каталог услуг: %n услуга. Только чтение: отдел правит файл catalogue.toml.</numerusform>
                <numerusform>Действующий каталог услуг: %n услуги. Только чтение: отдел правит файл catalogue.toml.</numerusform>
                <numerusform>Действующий каталог услуг: %n услуг. Только чтение: отдел правит файл catalogue.toml.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClerkDesk</name>
        <message>
            <location filename="../../forms/clerk_desk.ui" line="+18" />
            <source>Co&amp;unter</source>
            <translation>При&amp;ём</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Receive re&amp;gistries</source>
            <translation>В&amp;ходящие реестры</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Send results &amp;back</source>
            <translation>Отправка результатов о&amp;братно</translation>
        </message>
    </context>
    <context>
        <name>ClerkTab</name>
        <message>
            <location filename="../../desktop/ui/clerk_tab.py" line="+102" />
            <source>Only a clerk registers applications.</source>
            <translation>Заявления регистрирует только сотрудник канцелярии.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Register</source>
            <translation>Реестр</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Clear</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print receipt</source>
            <translation>Печать расписки</translation>
        </message>
        <message numerus="yes">
            <location line="+43" />
            <source>Today's intakes: %n</source>
            <translation>
                <numerusform>Сегодня принято: %n</numerusform>
                <numerusform>Сегодня принято: %n</numerusform>
                <numerusform>Сегодня принято: %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+113" />
            <source>Result due if registered now: %1</source>
            <translation>Если зарегистрировать сейчас, срок результата: %1</translation>
        </message>
        <message>
            <location line="+67" />
            <source>male</source>
            <translation>мужской</translation>
        </message>
        <message>
            <location line="+0" />
            <source>female</source>
            <translation>женский</translation>
        </message>
        <message>
            <location line="+1" />
            <source>born %1, %2</source>
            <translation>дата рождения %1, %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Known applicant: %1</source>
            <translation>Заявитель уже известен: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Earlier cases (%n):</source>
            <translation>
                <numerusform>Прежние дела (%n):</numerusform>
                <numerusform>Прежние дела (%n):</numerusform>
                <numerusform>Прежние дела (%n):</numerusform>
            </translation>
        </message>
        <message>
            <location line="+58" />
            <source>%1 · %2
result due %3</source>
            <translation>%1 · %2
срок результата %3</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Printing is not available yet.</source>
            <translation>Печать пока недоступна.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Register an application to print its receipt.</source>
            <translation>Зарегистрируйте заявление, чтобы напечатать расписку.</translation>
        </message>
        <message>
            <location filename="../../forms/clerk_tab.ui" line="+21" />
            <source>New application</source>
            <translation>Новое заявление</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Ser&amp;vice:</source>
            <translation>&amp;Услуга:</translation>
        </message>
        <message>
            <location line="+24" />
            <source>&amp;IIN:</source>
            <translation>&amp;ИИН:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>12 digits</source>
            <translation>12 цифр</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Use &amp;earlier data</source>
            <translation>&amp;Взять прежние данные</translation>
        </message>
        <message>
            <location line="+22" />
            <source>&amp;Surname:</source>
            <translation>&amp;Фамилия:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Name:</source>
            <translation>Им&amp;я:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Patronymic:</source>
            <translation>&amp;Отчество:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Address:</source>
            <translation>&amp;Адрес:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>P&amp;hone:</source>
            <translation>&amp;Телефон:</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Documents presented</source>
            <translation>Представленные документы</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&amp;Register (Enter)</source>
            <translation>&amp;Зарегистрировать (Enter)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>C&amp;lear (Esc)</source>
            <translation>О&amp;чистить (Esc)</translation>
        </message>
        <message>
            <location line="+28" />
            <source>&amp;Open case (scan or type No):</source>
            <translation>Открыть &amp;дело (сканер или № вручную):</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Registered</source>
            <translation>Зарегистрировано</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Registration number</source>
            <translation>Регистрационный номер</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Prin&amp;t receipt (F9)</source>
            <translation>&amp;Печать расписки (F9)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Today's intakes</source>
            <translation>Принятые сегодня</translation>
        </message>
    </context>
    <context>
        <name>ExecutorTab</name>
        <message>
            <location filename="../../desktop/ui/executor_tab.py" line="+185" />
            <source>My &amp;cases (%1)</source>
            <translation>&amp;Мои дела (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S4 s&amp;lips awaited (%1)</source>
            <translation>Ожидаемые &amp;уведомления S4 (%1)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Nothing to do: the list is empty or no case is chosen.</source>
            <translation>Делать нечего: список пуст или дело не выбрано.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>This case needs nothing from you now.</source>
            <translation>По этому делу от вас сейчас ничего не требуется.</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Suspended: %1</source>
            <translation>Приостановлено: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>by post</source>
            <translation>почтой</translation>
        </message>
        <message>
            <location line="+95" />
            <source>Printing is not available yet.</source>
            <translation>Печать пока недоступна.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The result can be printed once the head has signed it.</source>
            <translation>Результат можно напечатать после подписи руководителя.</translation>
        </message>
        <message>
            <location filename="../../forms/executor_tab.ui" line="+16" />
            <source>My &amp;cases</source>
            <translation>&amp;Мои дела</translation>
        </message>
        <message>
            <location line="+6" />
            <source>S4 s&amp;lips awaited</source>
            <translation>Ожидаемые &amp;уведомления S4</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Approve</source>
            <translation>&amp;Одобрить</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Re&amp;fuse</source>
            <translation>О&amp;тказать</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Refusal reasons (space ticks a reason):</source>
            <translation>Причины отказа (пробел отмечает причину):</translation>
        </message>
        <message>
            <location line="+11" />
            <source>E&amp;xplanation / text of the reply:</source>
            <translation>&amp;Пояснение / текст ответа:</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Send to the head</source>
            <translation>П&amp;ередать руководителю</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Suspension reaso&amp;n:</source>
            <translation>Прич&amp;ина приостановления:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sus&amp;pend</source>
            <translation>Приостанови&amp;ть</translation>
        </message>
        <message>
            <location line="+23" />
            <source>&amp;Resume work</source>
            <translation>&amp;Возобновить</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Hand the signed result over</source>
            <translation>Выдача подписанного результата</translation>
        </message>
        <message>
            <location line="+6" />
            <source>In p&amp;erson</source>
            <translation>&amp;Лично</translation>
        </message>
        <message>
            <location line="+6" />
            <source>By p&amp;ost</source>
            <translation>По&amp;чтой</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Date:</source>
            <translation>&amp;Дата:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Post receipt &amp;number:</source>
            <translation>&amp;Номер почтовой квитанции:</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;Hand over</source>
            <translation>В&amp;ыдать</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The returned ЖОЛДАМА slip</source>
            <translation>Возвращённое уведомление к ЖОЛДАМА</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Started on:</source>
            <translation>Приступил к &amp;работе:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>O&amp;rder No:</source>
            <translation>№ при&amp;каза:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Institution:</source>
            <translation>Ор&amp;ганизация:</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Record sli&amp;p</source>
            <translation>&amp;Зарегистрировать уведомление</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Print res&amp;ult</source>
            <translation>Печ&amp;ать результата</translation>
        </message>
        <message>
            <source>Choose a case on the left.</source>
            <translation>Выберите дело слева.</translation>
        </message>
        <message>
            <source>Choose a case on the left (%1: the next case).</source>
            <translation>Выберите дело в списке слева (%1: следующее дело).</translation>
        </message>
        <message>
            <source>%1: the next case.</source>
            <translation>%1: следующее дело.</translation>
        </message>
        <message>
            <source>%1 (%2) is sent to the head: %3.</source>
            <translation>%1 (%2) отправлено руководителю: %3.</translation>
        </message>
        <message>
            <source>%1 (%2) is suspended: %3.</source>
            <translation>%1 (%2) приостановлено: %3.</translation>
        </message>
        <message>
            <source>%1 (%2) is taken up again.</source>
            <translation>%1 (%2) снова в работе.</translation>
        </message>
        <message>
            <source>%1 (%2) is posted.</source>
            <translation>%1 (%2) отправлено почтой.</translation>
        </message>
        <message>
            <source>%1 (%2) is handed over.</source>
            <translation>%1 (%2) выдано на руки.</translation>
        </message>
        <message>
            <source>The slip of %1 (%2) is recorded.</source>
            <translation>Уведомление по %1 (%2) зарегистрировано.</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <location filename="../../desktop/ui/intake_fields.py" line="+255" />
            <source>— choose or type —</source>
            <translation>— выберите или введите —</translation>
        </message>
        <message>
            <location line="+1" />
            <source>— choose —</source>
            <translation>— выберите —</translation>
        </message>
        <message>
            <location line="+10" />
            <source>dd.mm.yyyy</source>
            <translation>дд.мм.гггг</translation>
        </message>
    </context>
    <context>
        <name>HandOverPanel</name>
        <message>
            <location filename="../../desktop/ui/registries.py" line="+435" />
            <source>Results waiting for the applicant: %1</source>
            <translation>Результаты, ожидающие заявителя: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Hand over against the Қолхат</source>
            <translation>&amp;Выдать по расписке</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Hand over to the applicant</source>
            <translation>&amp;Выдать заявителю</translation>
        </message>
        <message>
            <location line="+43" />
            <source>%1: the result is here. Check the applicant's identity and hand it over.</source>
            <translation>%1: результат здесь. Проверьте личность заявителя и выдайте.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>not a package</source>
            <translation>не пакет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not waiting here for the applicant (%2).</source>
            <translation>%1 здесь не ожидает заявителя (%2).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 is handed over to %2.</source>
            <translation>%1 выдано, получатель: %2.</translation>
        </message>
        <message>
            <location filename="../../forms/handover_panel.ui" line="+25" />
            <source>&amp;Receipt No (scan it):</source>
            <translation>&amp;Номер расписки (отсканируйте):</translation>
        </message>
        <message>
            <location line="+26" />
            <source>&amp;Hand over the result</source>
            <translation>&amp;Выдать результат</translation>
        </message>
        <message>
            <source>Scan the Қолхат or choose a result on the left.</source>
            <translation>Отсканируйте Қолхат или выберите результат слева.</translation>
        </message>
    </context>
    <context>
        <name>HeadTab</name>
        <message>
            <source>%1 (%2) is handed to another executor: %3.</source>
            <translation>%1 (%2) передано другому исполнителю: %3.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/head_tab.py" line="+143" />
            <source>Assign</source>
            <translation>Назначить</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Awaiting &amp;resolution (%1)</source>
            <translation>Ожидают &amp;резолюции (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Awaiting &amp;signature (%1)</source>
            <translation>Ожидают &amp;подписи (%1)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;uspended (%1)</source>
            <translation>Приостановл&amp;енные (%1)</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Only the head puts a resolution.</source>
            <translation>Резолюцию накладывает только руководитель.</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%1 — %n open case(s)</source>
            <translation>
                <numerusform>%1 — %n открытое дело</numerusform>
                <numerusform>%1 — %n открытых дела</numerusform>
                <numerusform>%1 — %n открытых дел</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>Choose the executor.</source>
            <translation>Выберите исполнителя.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Suspended on %1 at the stage “%2”.</source>
            <translation>Приостановлено %1 на стадии «%2».</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Only the head returns a draft.</source>
            <translation>Проект возвращает только руководитель.</translation>
        </message>
        <message>
            <location line="+27" />
            <location line="+17" />
            <source>Overdue</source>
            <translation>Просрочено</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+16" />
            <source>Due today</source>
            <translation>Срок сегодня</translation>
        </message>
        <message>
            <location line="-15" />
            <location line="+15" />
            <source>On time</source>
            <translation>В срок</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Service</source>
            <translation>Услуга</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not assigned yet</source>
            <translation>Ещё не назначено</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Executor</source>
            <translation>Исполнитель</translation>
        </message>
        <message>
            <location filename="../../forms/head_tab.ui" line="+41" />
            <source>Awaiting &amp;resolution</source>
            <translation>Ожидают &amp;резолюции</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Resolutio&amp;n:</source>
            <translation>Резо&amp;люция:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>e.g. To examine and prepare the reply</source>
            <translation>напр.: Рассмотреть и подготовить ответ</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Executor:</source>
            <translation>&amp;Исполнитель:</translation>
        </message>
        <message>
            <location line="+22" />
            <source>&amp;Assign (Ctrl+Enter)</source>
            <translation>&amp;Назначить (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Documents missing: suspend until the applicant brings them</source>
            <translation>Не хватает документов: приостановить, пока заявитель их не принесёт</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Suspension reas&amp;on:</source>
            <translation>Причин&amp;а приостановления:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. The income certificate is missing</source>
            <translation>например: нет справки о доходах</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sus&amp;pend</source>
            <translation>Приостанови&amp;ть</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Awaiting &amp;signature</source>
            <translation>Ожидают &amp;подписи</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Draft</source>
            <translation>Проект</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Si&amp;gn</source>
            <translation>По&amp;дписать</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Return reas&amp;on:</source>
            <translation>Причина &amp;возврата:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Re&amp;turn for completion</source>
            <translation>Верн&amp;уть на доработку</translation>
        </message>
        <message>
            <location line="+15" />
            <source>S&amp;uspended</source>
            <translation>Приостановл&amp;енные</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Resu&amp;me work</source>
            <translation>Воз&amp;обновить работу</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Resuming moves the deadlines on by the time the case was suspended.</source>
            <translation>При возобновлении сроки сдвигаются на время приостановления.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Deadlines</source>
            <translation>&amp;Сроки</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open cases by service</source>
            <translation>Открытые дела по услугам</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open cases by executor</source>
            <translation>Открытые дела по исполнителям</translation>
        </message>
        <message>
            <source>No case awaits a resolution.</source>
            <translation>Нет дел, ожидающих резолюции.</translation>
        </message>
        <message>
            <source>No case is suspended.</source>
            <translation>Приостановленных дел нет.</translation>
        </message>
        <message>
            <source>No draft awaits a signature.</source>
            <translation>Нет проектов, ожидающих подписи.</translation>
        </message>
        <message>
            <source>Choose a case in the list on the left.</source>
            <translation>Выберите дело в списке слева.</translation>
        </message>
        <message>
            <source>No case is with an executor.</source>
            <translation>У исполнителей нет дел.</translation>
        </message>
        <message>
            <source>With e&amp;xecutors (%1)</source>
            <translation>В ра&amp;боте (%1)</translation>
        </message>
        <message>
            <source>With e&amp;xecutors</source>
            <translation>В ра&amp;боте</translation>
        </message>
        <message>
            <source>Hand the case to another executor</source>
            <translation>Передать дело другому исполнителю</translation>
        </message>
        <message>
            <source>New e&amp;xecutor:</source>
            <translation>Новый &amp;исполнитель:</translation>
        </message>
        <message>
            <source>Rea&amp;son:</source>
            <translation>При&amp;чина:</translation>
        </message>
        <message>
            <source>e.g. The executor is on leave</source>
            <translation>например: исполнитель в отпуске</translation>
        </message>
        <message>
            <source>Re&amp;assign</source>
            <translation>Пере&amp;дать</translation>
        </message>
        <message>
            <source>%1 (%2) is assigned to %3.</source>
            <translation>%1 (%2) передано исполнителю: %3.</translation>
        </message>
        <message>
            <source>%1 (%2) is suspended.</source>
            <translation>%1 (%2) приостановлено.</translation>
        </message>
        <message>
            <source>%1 (%2) is taken up again.</source>
            <translation>%1 (%2) снова в работе.</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Подписать</translation>
        </message>
        <message>
            <source>Sign this draft?</source>
            <translation>Подписать этот проект?</translation>
        </message>
        <message>
            <source>%1 (%2) is signed: %3.</source>
            <translation>%1 (%2) подписано: %3.</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Вернуть на доработку</translation>
        </message>
        <message>
            <source>Return this draft to the executor?</source>
            <translation>Вернуть этот проект исполнителю на доработку?</translation>
        </message>
        <message>
            <source>Return reason</source>
            <translation>Причина возврата</translation>
        </message>
        <message>
            <source>%1 (%2) is returned to the executor: %3.</source>
            <translation>%1 (%2) возвращено исполнителю: %3.</translation>
        </message>
        <message>
            <source>%1: the next case.</source>
            <translation>%1: следующее дело.</translation>
        </message>
        <message>
            <source>Choose a case in the list (%1: the next case).</source>
            <translation>Выберите дело в списке (%1: следующее дело).</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../forms/login.ui" line="+9" />
            <source>Kense — log in</source>
            <translation>Kense — вход</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;User:</source>
            <translation>&amp;Пользователь:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Password:</source>
            <translation>П&amp;ароль:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/mainwindow.py" line="+131" />
            <source>This part of Kense is not installed yet.</source>
            <translation>Эта часть Kense ещё не установлена.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Clerk</source>
            <translation>Канцелярия</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Head</source>
            <translation>Руководитель</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Executor</source>
            <translation>Исполнитель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Register</source>
            <translation>Реестр</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Admin</source>
            <translation>Администратор</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PSC</source>
            <translation>ЦОН</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Akim</source>
            <translation>Аким</translation>
        </message>
        <message>
            <location line="+55" />
            <source>%1 (%2) — %3</source>
            <translation>%1 (%2) — %3</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Kense — %1</source>
            <translation>Kense — %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Back up the register</source>
            <translation>Резервная копия реестра</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kense register (*.sqlite3)</source>
            <translation>Реестр Kense (*.sqlite3)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Backing up the register…</source>
            <translation>Создание резервной копии…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Backup</source>
            <translation>Резервная копия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The copy is saved and verified (%1 audit events).</source>
            <translation>Копия сохранена и проверена (записей аудита: %1).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Checking the register file…</source>
            <translation>Проверка файла реестра…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The register file is damaged</source>
            <translation>Файл реестра повреждён</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop work and restore the register from the latest backup.</source>
            <translation>Прекратите работу и восстановите реестр из последней резервной копии.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Log file</source>
            <translation>Файл журнала</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kense writes its log to:
%1</source>
            <translation>Kense пишет журнал в файл:
%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>About Kense</source>
            <translation>О программе Kense</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kense %1 — case register of a district department of employment and social programmes (Almaty oblast regulation No 349).

%2</source>
            <translation>Kense %1 — реестр дел районного отдела занятости и социальных программ (регламент Алматинской области № 349).

%2</translation>
        </message>
        <message>
            <location filename="../../forms/main_window.ui" line="+26" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Back up the register…</source>
            <translation>&amp;Резервная копия реестра…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the register to a file and check the copy</source>
            <translation>Скопировать реестр в файл и проверить копию</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log &amp;out</source>
            <translation>&amp;Выйти из учётной записи</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Закрыть программу</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Log file…</source>
            <translation>&amp;Файл журнала…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;About Kense</source>
            <translation>&amp;О программе Kense</translation>
        </message>
    </context>
    <context>
        <name>PackageTableModel</name>
        <message>
            <location filename="../../desktop/ui/registries.py" line="-369" />
            <source>Package</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Branch or akimat</source>
            <translation>ЦОН или акимат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On the registry</source>
            <translation>По реестру</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../desktop/ui/admin_users.py" line="+120" />
            <source>The two passwords differ.</source>
            <translation>Пароли не совпадают.</translation>
        </message>
        <message>
            <location filename="../../forms/password_dialog.ui" line="+9" />
            <source>Reset password</source>
            <translation>Сброс пароля</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New &amp;password:</source>
            <translation>Новый &amp;пароль:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Repeat:</source>
            <translation>П&amp;овтор:</translation>
        </message>
    </context>
    <context>
        <name>PersonRow</name>
        <message>
            <location filename="../../desktop/ui/intake_fields.py" line="-153" />
            <source>Full name</source>
            <translation>ФИО</translation>
        </message>
        <message>
            <location line="+3" />
            <source>IIN</source>
            <translation>ИИН</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Relation</source>
            <translation>Родство</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Remove this person</source>
            <translation>Удалить этого человека</translation>
        </message>
    </context>
    <context>
        <name>PersonsEditor</name>
        <message>
            <location line="+38" />
            <source>A&amp;dd person</source>
            <translation>&amp;Добавить человека</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../desktop/ui/printing.py" line="+114" />
            <source>Print preview</source>
            <translation>Предварительный просмотр</translation>
        </message>
        <message>
            <location line="+25" />
            <source>&amp;Print…</source>
            <translation>&amp;Печать…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Save PDF…</source>
            <translation>&amp;Сохранить PDF…</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Save PDF</source>
            <translation>Сохранить PDF</translation>
        </message>
    </context>
    <context>
        <name>PscTab</name>
        <message>
            <location filename="../../desktop/ui/psc_tab.py" line="+67" />
            <source>This account is not bound to a public service centre branch; ask the administrator.</source>
            <translation>Эта учетная запись не привязана к отделению ЦОН; обратитесь к администратору.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Public service centre: %1</source>
            <translation>Центр обслуживания населения: %1</translation>
        </message>
        <message>
            <location filename="../../forms/psc_tab.ui" line="+24" />
            <source>&amp;Counter and Қолхат</source>
            <translation>При&amp;ём и расписка</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Registry to the depart&amp;ment</source>
            <translation>Реестр в отдел</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Returned &amp;by courier</source>
            <translation>Возвра&amp;щено курьером</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Read&amp;y for the applicant</source>
            <translation>Готово к выдаче</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDesk</name>
        <message>
            <location filename="../../desktop/ui/receipt_desk.py" line="+425" />
            <source>%1 is a registry number: registries are received at the registry desks.</source>
            <translation>%1 — номер реестра: реестры принимаются на странице «Входящие реестры».</translation>
        </message>
        <message>
            <source>%1 was not recognised as a scan (the keys came too slowly), so it was not typed into the field. Open registry %1?</source>
            <translation>%1 не распознан как скан (клавиши пришли слишком медленно), поэтому в поле не введён. Открыть реестр %1?</translation>
        </message>
        <message>
            <source>%1 was not recognised as a scan (the keys came too slowly), so it was not typed into the field. Open case %1?</source>
            <translation>%1 не распознан как скан (клавиши пришли слишком медленно), поэтому в поле не введён. Открыть дело %1?</translation>
        </message>
        <message>
            <source>Not recognised as a scan</source>
            <translation>Не распознано как скан</translation>
        </message>
    </context>
    <context>
        <name>ReceivePanel</name>
        <message>
            <location line="-343" />
            <source>Scan the barcode of the registry that came with the courier.</source>
            <translation>Отсканируйте штрихкод реестра, доставленного курьером.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>No registry is open.</source>
            <translation>Реестр не открыт.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3, courier run %4 · %5 · received %6 of %7</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3, рейс курьера %4 · %5 · принято %6 из %7</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Missing (flagged): %1</source>
            <translation>Не поступили (отмечены): %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not on this registry (set aside, flagged): %1</source>
            <translation>Нет в этом реестре (отложены, отмечены): %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Scanned twice: %1</source>
            <translation>Отсканировано повторно: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scanned by</source>
            <translation>Кто сканировал</translation>
        </message>
        <message>
            <location line="+48" />
            <source>%1 is not a registry for this desk (%2, %3).</source>
            <translation>%1 — реестр не для этого места приема (%2, %3).</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>Registry %1 is open: %n package(s). Scan each package now.</source>
            <translation>
                <numerusform>Реестр %1 открыт: %n пакет. Теперь отсканируйте каждый пакет.</numerusform>
                <numerusform>Реестр %1 открыт: %n пакета. Теперь отсканируйте каждый пакет.</numerusform>
                <numerusform>Реестр %1 открыт: %n пакетов. Теперь отсканируйте каждый пакет.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+30" />
            <source>Scan the registry's barcode first; %1 is not a registry number.</source>
            <translation>Сначала отсканируйте штрихкод реестра; %1 — не номер реестра.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Every package has arrived.</source>
            <translation>Все пакеты поступили.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Finish the receipt</source>
            <translation>Завершить прием</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n package(s) of registry %1 were not scanned: %2.

Finish the receipt and flag them as missing? They stay on the registry and can still be scanned in when they turn up.</source>
            <translation>
                <numerusform>Из реестра %1 не отсканирован %n пакет: %2.

Завершить прием и отметить непоступившие? Они остаются в реестре, и их можно будет принять сканированием, когда они найдутся.</numerusform>
                <numerusform>Из реестра %1 не отсканированы %n пакета: %2.

Завершить прием и отметить непоступившие? Они остаются в реестре, и их можно будет принять сканированием, когда они найдутся.</numerusform>
                <numerusform>Из реестра %1 не отсканировано %n пакетов: %2.

Завершить прием и отметить непоступившие? Они остаются в реестре, и их можно будет принять сканированием, когда они найдутся.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Receipt finished; missing and flagged: %1</source>
            <translation>Прием завершен; не поступили и отмечены: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Receipt finished: every package has arrived.</source>
            <translation>Прием завершен: все пакеты поступили.</translation>
        </message>
        <message>
            <location filename="../../forms/receive_panel.ui" line="+13" />
            <source>&amp;Scan the registry, then each package:</source>
            <translation>&amp;Сканируйте реестр, затем каждый пакет:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Finish the rece&amp;ipt</source>
            <translation>За&amp;вершить прием</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Packages on the registry</source>
            <translation>Пакеты по реестру</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Every scan of this registry</source>
            <translation>Все сканирования по этому реестру</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Registries to receive</source>
            <translation>Реестры к приему</translation>
        </message>
    </context>
    <context>
        <name>RegisterTab</name>
        <message>
            <location filename="../../desktop/ui/register_tab.py" line="+81" />
            <source>All services</source>
            <translation>Все услуги</translation>
        </message>
        <message>
            <location line="+5" />
            <source>All stages</source>
            <translation>Все стадии</translation>
        </message>
        <message>
            <location line="+57" />
            <source>The period ends before it starts.</source>
            <translation>Конец периода раньше начала.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Nothing found</source>
            <translation>Ничего не найдено</translation>
        </message>
        <message>
            <location line="+2" />
            <source>First %1 cases shown; scroll for more</source>
            <translation>Показаны первые %1 дел; прокрутите, чтобы увидеть остальные</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cases found: %1</source>
            <translation>Найдено дел: %1</translation>
        </message>
        <message>
            <location filename="../../forms/register_tab.ui" line="+8" />
            <source>Search the register</source>
            <translation>Поиск по реестру</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reg. &amp;No:</source>
            <translation>&amp;Рег. №:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;IIN:</source>
            <translation>&amp;ИИН:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>N&amp;ame:</source>
            <translation>&amp;ФИО:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Surname first, any beginning</source>
            <translation>Сначала фамилия, можно начало</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Service:</source>
            <translation>&amp;Услуга:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>S&amp;tage:</source>
            <translation>&amp;Стадия:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Registered from:</source>
            <translation>&amp;Зарегистрировано с:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>t&amp;o:</source>
            <translation>&amp;по:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Search</source>
            <translation>&amp;Найти</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Clear</source>
            <translation>&amp;Очистить</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Double-click a case or press Enter to open its card. Red: overdue; yellow: due today.</source>
            <translation>Чтобы открыть карточку дела, щёлкните дважды или нажмите Enter. Красный: просрочено; жёлтый: срок сегодня.</translation>
        </message>
    </context>
    <context>
        <name>Registries</name>
        <message>
            <location filename="../../desktop/ui/registries.py" line="-56" />
            <source>PSC branch No %1</source>
            <translation>Отделение ЦОН №%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the department</source>
            <translation>отдел</translation>
        </message>
        <message>
            <location line="+4" />
            <source>on its way</source>
            <translation>в пути</translation>
        </message>
        <message>
            <location line="+1" />
            <source>being received</source>
            <translation>идет прием</translation>
        </message>
        <message>
            <location line="+1" />
            <source>received in full</source>
            <translation>принят полностью</translation>
        </message>
        <message>
            <location line="+1" />
            <source>closed, packages missing</source>
            <translation>закрыт, есть непоступившие пакеты</translation>
        </message>
        <message>
            <location line="+4" />
            <source>to the department</source>
            <translation>в отдел</translation>
        </message>
        <message>
            <location line="+1" />
            <source>back to the branch</source>
            <translation>обратно в ЦОН (акимат)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>received</source>
            <translation>принят</translation>
        </message>
        <message>
            <location line="+1" />
            <source>missing</source>
            <translation>не поступил</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not scanned yet</source>
            <translation>еще не отсканирован</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Registry %1</source>
            <translation>Реестр %1</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Registry No</source>
            <translation>Реестр №</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Branch or akimat</source>
            <translation>ЦОН или акимат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day, run</source>
            <translation>День, рейс</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Packages</source>
            <translation>Пакетов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>Принято</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
    </context>
    <context>
        <name>RegistryBuilder</name>
        <message>
            <location line="+122" />
            <source>No signed results are waiting to go back.</source>
            <translation>Нет подписанных результатов, ожидающих возврата.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Waiting: %1 · courier runs today: %2 of %3 used</source>
            <translation>Ожидают: %1 · рейсов курьера сегодня: %2 из %3</translation>
        </message>
        <message numerus="yes">
            <location line="+49" />
            <source>Registry %1 is built: %n package(s).</source>
            <translation>
                <numerusform>Реестр %1 составлен: %n пакет.</numerusform>
                <numerusform>Реестр %1 составлен: %n пакета.</numerusform>
                <numerusform>Реестр %1 составлен: %n пакетов.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../forms/registry_builder.ui" line="+11" />
            <source>Packages waiting for a registry</source>
            <translation>Пакеты, ожидающие реестра</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;From / to:</source>
            <translation>&amp;Откуда / куда:</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Build the registry and &amp;print it</source>
            <translation>Составить реестр и &amp;напечатать</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Registries sent</source>
            <translation>Отправленные реестры</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Print the chosen registry &amp;again</source>
            <translation>Напечатать выбранный реестр &amp;снова</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location filename="../../desktop/ui/crash.py" line="+31" />
            <source>Kense — unexpected error</source>
            <translation>Kense — непредвиденная ошибка</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Something went wrong inside Kense. Your data is safe: every saved action is in the register. Please send this report to your administrator.</source>
            <translation>В Kense произошла ошибка. Ваши данные в безопасности: каждое сохранённое действие есть в реестре. Отправьте этот отчёт администратору.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Log file: %1</source>
            <translation>Файл журнала: %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Copy report</source>
            <translation>&amp;Копировать отчёт</translation>
        </message>
    </context>
    <context>
        <name>Server</name>
        <message>
            <source>Register on the office server</source>
            <translation>Реестр на сервере отдела</translation>
        </message>
        <message>
            <source>The register cannot be reached; the lists are refreshed again as soon as it answers.</source>
            <translation>Нет связи с реестром; списки обновятся, как только связь восстановится.</translation>
        </message>
        <message>
            <source>&amp;Connect to server…</source>
            <translation>&amp;Подключиться к серверу…</translation>
        </message>
        <message>
            <source>The register is on the office server (%1). It is backed up there, with pg_dump, by the server's nightly job (see the README); kense verify --db checks the register and a restored copy.</source>
            <translation>Реестр находится на сервере отдела (%1). Его резервная копия делается там же, ночным заданием с pg_dump (см. README); реестр и восстановленную копию проверяет kense verify --db.</translation>
        </message>
        <message>
            <source>Office server: %1</source>
            <translation>Сервер отдела: %1</translation>
        </message>
        <message>
            <source>Connect to server</source>
            <translation>Подключение к серверу</translation>
        </message>
        <message>
            <source>Address of the office server, for example postgresql://kense-server/kense
(user name and password are asked at the login). Leave it empty to work on the register of this computer.</source>
            <translation>Адрес сервера отдела, например postgresql://kense-server/kense
(имя пользователя и пароль спрашиваются при входе). Оставьте пустым, чтобы работать с реестром этого компьютера.</translation>
        </message>
        <message>
            <source>“%1” is neither a server address (postgresql://server/database) nor a register file on this computer.</source>
            <translation>«%1» — не адрес сервера (postgresql://server/database) и не файл реестра на этом компьютере.</translation>
        </message>
        <message>
            <source>Server: %1
Cases: %2
The register is on the office server: it is backed up there with pg_dump and checked with kense verify (see the README).</source>
            <translation>Сервер: %1
Дел: %2
Реестр находится на сервере отдела: резервная копия делается там же с pg_dump, проверка — kense verify (см. README).</translation>
        </message>
        <message>
            <source>Demo cases are added on the server with kense demo --db.</source>
            <translation>Демо-дела добавляются на сервер командой kense demo --db.</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <location filename="../../desktop/ui/admin_users.py" line="-51" />
            <source>New user</source>
            <translation>Новый пользователь</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User %1</source>
            <translation>Пользователь %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Choose at least one role.</source>
            <translation>Выберите хотя бы одну роль.</translation>
        </message>
        <message>
            <location filename="../../forms/user_dialog.ui" line="+9" />
            <source>User</source>
            <translation>Пользователь</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Login:</source>
            <translation>&amp;Логин:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Full name:</source>
            <translation>&amp;ФИО:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>P&amp;hone:</source>
            <translation>&amp;Телефон:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Password:</source>
            <translation>П&amp;ароль:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Roles</source>
            <translation>Роли</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <location filename="../../desktop/ui/admin_users.py" line="+79" />
            <source>Login</source>
            <translation>Логин</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Full name</source>
            <translation>ФИО</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Roles</source>
            <translation>Роли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location line="+7" />
            <source>active</source>
            <translation>активен</translation>
        </message>
        <message>
            <location line="+0" />
            <source>deactivated</source>
            <translation>отключён</translation>
        </message>
        <message>
            <location line="+25" />
            <source>&amp;Activate</source>
            <translation>&amp;Включить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deactivate</source>
            <translation>Откл&amp;ючить</translation>
        </message>
        <message>
            <location line="+37" />
            <location line="+3" />
            <source>Users</source>
            <translation>Пользователи</translation>
        </message>
        <message>
            <location line="-3" />
            <source>You cannot deactivate your own account.</source>
            <translation>Нельзя отключить собственную учётную запись.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Deactivate %1? The user will no longer be able to log in.</source>
            <translation>Отключить %1? Пользователь больше не сможет войти.</translation>
        </message>
    </context>
    <context>
        <name>DeskKeys</name>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Отмена (Esc)</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Рег. №</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Заявитель</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Услуга</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
    </context>
</TS>
