<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
    <context>
        <name>AdminTab</name>
        <message>
            <location filename="../../desktop/ui/admin_tab.py" line="+193" />
            <source>File: %1
Cases: %2</source>
            <translation>Файл: %1
Істер саны: %2</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+15" />
            <source>Demo cases</source>
            <translation>Демо-істер</translation>
        </message>
        <message>
            <location line="-14" />
            <source>Add %1 synthetic demo cases to this register? They cannot be removed later.</source>
            <translation>Осы тізілімге %1 жасанды демо-іс қосылсын ба? Кейін оларды жою мүмкін емес.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Loading demo cases…</source>
            <translation>Демо-істер жүктелуде…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 demo cases added.</source>
            <translation>%1 демо-іс қосылды.</translation>
        </message>
        <message>
            <location filename="../../forms/admin_tab.ui" line="+10" />
            <source>&amp;Users and roles</source>
            <translation>&amp;Пайдаланушылар мен рөлдер</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;New user…</source>
            <translation>&amp;Жаңа пайдаланушы…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Edit name and roles…</source>
            <translation>&amp;Аты мен рөлдерін өзгерту…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Deactivate</source>
            <translation>&amp;Өшіру</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Reset password…</source>
            <translation>Құпиясөз&amp;ді жаңарту…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Office</source>
            <translation>&amp;Бөлім</translation>
        </message>
        <message>
            <location line="+4" />
            <source>District department (read-only: fixed when the register was created)</source>
            <translation>Аудандық бөлім (тек оқу үшін: тізілім құрылғанда бекітілген)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Number:</source>
            <translation>Нөмірі:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Name (Kazakh):</source>
            <translation>Атауы (қазақша):</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Name (Russian):</source>
            <translation>Атауы (орысша):</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Address:</source>
            <translation>Мекенжайы:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Phone:</source>
            <translation>Телефоны:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>E-mail:</source>
            <translation>Электрондық пошта:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Working hours:</source>
            <translation>Жұмыс уақыты:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Register file</source>
            <translation>Тізілім файлы</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Synthetic demo &amp;cases:</source>
            <translation>Жасанды демо-&amp;істер:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Load demo cases</source>
            <translation>Демо-істерді &amp;жүктеу</translation>
        </message>
        <message>
            <location line="+23" />
            <source>&amp;Calendar</source>
            <translation>&amp;Күнтізбе</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Public holidays and the government's day transfers are built in. Add here the local exceptions: an extra day off, or a Saturday worked.</source>
            <translation>Мереке күндері мен Үкіметтің демалыс күндерін ауыстыруы бағдарламада бар. Мұнда жергілікті ерекшеліктерді қосыңыз: қосымша демалыс күні немесе жұмыс істейтін сенбі.</translation>
        </message>
        <message>
            <location line="+16" />
            <source>D&amp;ay:</source>
            <translation>Кү&amp;н:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>N&amp;ote:</source>
            <translation>&amp;Ескерту:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Add</source>
            <translation>Қо&amp;су</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Remove</source>
            <translation>&amp;Жою</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Service c&amp;atalogue</source>
            <translation>&amp;Қызметтер каталогы</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Item</source>
            <translation>Элемент</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Толығырақ</translation>
        </message>
    </context>
    <context>
        <name>AkimTab</name>
        <message>
            <location filename="../../desktop/ui/akim_tab.py" line="+143" />
            <source>Akimat: %1</source>
            <translation>Әкімдік: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This account is not bound to an akimat; ask the administrator.</source>
            <translation>Бұл есептік жазба ешбір әкімдікке бекітілмеген; әкімшіге хабарласыңыз.</translation>
        </message>
        <message>
            <location line="-12" />
            <source>The akimat's certificates in work: %1</source>
            <translation>Әкімдіктің жұмыстағы анықтамалары: %1</translation>
        </message>
        <message>
            <location line="+77" />
            <source>Nothing to decide or sign now.</source>
            <translation>Қазір шешетін немесе қол қоятын ештеңе жоқ.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Issue the certificate</source>
            <translation>Анықтама берілсін</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Draft the certificate (or the refusal) and send it for your signature in “Write and issue”.</source>
            <translation>Анықтаманың (немесе бас тартудың) жобасын «Жазу және беру» бетінде дайындап, өз қолыңызға жіберіңіз.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Signed: print the certificate and hand it over in “Write and issue”.</source>
            <translation>Қол қойылды: анықтаманы «Жазу және беру» бетінде басып шығарып, өтініш берушіге беріңіз.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The department's executor %1 works on this case.</source>
            <translation>Бұл іспен бөлімнің орындаушысы %1 айналысады.</translation>
        </message>
        <message>
            <location filename="../../forms/akim_tab.ui" line="+24" />
            <source>Inta&amp;ke</source>
            <translation>Қабыл&amp;дау</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Decide and si&amp;gn</source>
            <translation>Шеш&amp;у және қол қою</translation>
        </message>
        <message>
            <location line="+46" />
            <source>&amp;Resolution:</source>
            <translation>Ре&amp;золюция:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Take it to &amp;issue myself</source>
            <translation>Өзім &amp;беремін</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Sign</source>
            <translation>Қ&amp;ол қою</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Reason to re&amp;turn the draft:</source>
            <translation>Жобаны қайтару &amp;себебі:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Return for &amp;completion</source>
            <translation>Толықтыруға қ&amp;айтару</translation>
        </message>
        <message>
            <location line="+17" />
            <source>&amp;Open it in “Write and issue”</source>
            <translation>«Жазу және беру» бетінде &amp;ашу</translation>
        </message>
        <message>
            <location line="+20" />
            <source>&amp;Write and issue</source>
            <translation>Жазу ж&amp;әне беру</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Registry to the depart&amp;ment</source>
            <translation>Б&amp;өлімге реестр</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Returned &amp;by courier</source>
            <translation>Курьермен қайтар&amp;ылғандар</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Read&amp;y for the applicant</source>
            <translation>Өтініш беруші&amp;ге дайын</translation>
        </message>
        <message>
            <source>Choose a case on the left.</source>
            <translation>Сол жақтан істі таңдаңыз.</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Қол қою</translation>
        </message>
        <message>
            <source>Sign this certificate?</source>
            <translation>Осы анықтамаға қол қоясыз ба?</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Пысықтауға қайтару</translation>
        </message>
        <message>
            <source>Return this draft for completion?</source>
            <translation>Осы жобаны пысықтауға қайтарасыз ба?</translation>
        </message>
        <message>
            <source>Return reason</source>
            <translation>Қайтару себебі</translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message>
            <location filename="../../desktop/ui/admin_tab.py" line="-163" />
            <location line="+5" />
            <source>Day off</source>
            <translation>Демалыс күні</translation>
        </message>
        <message>
            <location line="-4" />
            <location line="+4" />
            <source>Working day</source>
            <translation>Жұмыс күні</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Day</source>
            <translation>Күн</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Түрі</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>Ескерту</translation>
        </message>
    </context>
    <context>
        <name>CaseCard</name>
        <message>
            <location filename="../../desktop/ui/casecard.py" line="+157" />
            <source>Case %1</source>
            <translation>%1 ісі</translation>
        </message>
        <message>
            <location line="+7" />
            <source>package: %1</source>
            <translation>пакет: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage: %1</source>
            <translation>Сатысы: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Due: %1</source>
            <translation>Мерзімі: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>overdue</source>
            <translation>мерзімі өтті</translation>
        </message>
        <message>
            <location line="+3" />
            <source>due today</source>
            <translation>мерзімі бүгін</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+27" />
            <source>Stage</source>
            <translation>Сатысы</translation>
        </message>
        <message>
            <location line="-27" />
            <source>Entered</source>
            <translation>Басталды</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due</source>
            <translation>Мерзімі</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Left</source>
            <translation>Аяқталды</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Passed on by</source>
            <translation>Жіберген</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On time?</source>
            <translation>Мерзімінде ме?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>late</source>
            <translation>кешіктірілді</translation>
        </message>
        <message>
            <location line="+0" />
            <source>late, still open</source>
            <translation>кешігуде, әлі аяқталмаған</translation>
        </message>
        <message>
            <location line="+3" />
            <source>on time</source>
            <translation>мерзімінде</translation>
        </message>
        <message>
            <location line="+0" />
            <source>open, in time</source>
            <translation>орындалуда, мерзімі өтпеген</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Time</source>
            <translation>Уақыты</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Actor</source>
            <translation>Орындаған</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>Әрекет</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Details</source>
            <translation>Толығырақ</translation>
        </message>
        <message>
            <location line="+47" />
            <location line="+4" />
            <source>Printing is not available in this installation.</source>
            <translation>Бұл орнатуда басып шығару мүмкін емес.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No document fits this case at its current stage.</source>
            <translation>Істің қазіргі сатысында басып шығаратын құжат жоқ.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print a document of this case</source>
            <translation>Осы істің құжатын басып шығару</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Record the applicant's withdrawal of case %1?

Reason: %2

The case is closed and cannot be taken up again.</source>
            <translation>%1 ісі бойынша өтініш берушінің өтінішін кері қайтарып алғаны тіркелсін бе?

Себебі: %2

Іс жабылады, оны қайта жалғастыру мүмкін емес.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Withdrawal</source>
            <translation>Өтінішті кері қайтарып алу</translation>
        </message>
        <message>
            <location filename="../../forms/case_card.ui" line="+9" />
            <source>Case card</source>
            <translation>Іс карточкасы</translation>
        </message>
        <message>
            <location line="+40" />
            <source>&amp;Details</source>
            <translation>&amp;Мәліметтер</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Field</source>
            <translation>Өріс</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>Мәні</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Steps and deadlines</source>
            <translation>&amp;Кезеңдер мен мерзімдер</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;History</source>
            <translation>&amp;Тарихы</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The applicant's written withdrawal</source>
            <translation>Өтініш берушінің өтінішті кері қайтарып алу туралы жазбаша өтініші</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Withdrawal reason:</source>
            <translation>Кері қайтарып алу &amp;себебі:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. The applicant's statement of 25.11.2026: the service is no longer needed</source>
            <translation>мысалы: өтініш берушінің 25.11.2026 жылғы өтініші: қызмет енді қажет емес</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Withdraw the applicatio&amp;n…</source>
            <translation>Өтінішті кері қ&amp;айтарып алу…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Print</source>
            <translation>&amp;Басып шығару</translation>
        </message>
    </context>
    <context>
        <name>CaseDetails</name>
        <message>
            <location filename="../../desktop/ui/casecard_details.py" line="+79" />
            <source>yes</source>
            <translation>иә</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>жоқ</translation>
        </message>
        <message>
            <location line="+17" />
            <source>executor</source>
            <translation>орындаушы</translation>
        </message>
        <message>
            <location line="+0" />
            <source>executor id</source>
            <translation>орындаушы id</translation>
        </message>
        <message>
            <location line="+1" />
            <source>resolution</source>
            <translation>резолюция</translation>
        </message>
        <message>
            <location line="+0" />
            <source>decision</source>
            <translation>шешім</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refusal reasons</source>
            <translation>бас тарту себептері</translation>
        </message>
        <message>
            <location line="+0" />
            <source>text</source>
            <translation>мәтін</translation>
        </message>
        <message>
            <location line="+0" />
            <source>reason</source>
            <translation>себебі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>delivery</source>
            <translation>тапсыру</translation>
        </message>
        <message>
            <location line="+0" />
            <source>date</source>
            <translation>күні</translation>
        </message>
        <message>
            <location line="+0" />
            <source>post number</source>
            <translation>пошта нөмірі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>due</source>
            <translation>мерзімі</translation>
        </message>
        <message>
            <location line="+0" />
            <source>paused, seconds</source>
            <translation>тоқтатылған уақыт, секунд</translation>
        </message>
        <message>
            <location line="+1" />
            <source>documents</source>
            <translation>құжаттар</translation>
        </message>
        <message>
            <location line="+0" />
            <source>result</source>
            <translation>нәтиже</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+108" />
            <source>IIN</source>
            <translation>ЖСН</translation>
        </message>
        <message>
            <location line="-107" />
            <source>service</source>
            <translation>қызмет</translation>
        </message>
        <message>
            <location line="+0" />
            <source>channel</source>
            <translation>арна</translation>
        </message>
        <message>
            <location line="+0" />
            <source>warning</source>
            <translation>ескерту</translation>
        </message>
        <message>
            <location line="+1" />
            <source>document</source>
            <translation>құжат</translation>
        </message>
        <message>
            <location line="+0" />
            <source>catalogue version</source>
            <translation>каталог нұсқасы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>another open case</source>
            <translation>басқа ашық іс</translation>
        </message>
        <message>
            <location line="+1" />
            <source>registry</source>
            <translation>реестр</translation>
        </message>
        <message>
            <location line="+0" />
            <source>direction</source>
            <translation>бағыты</translation>
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
            <translation>орны</translation>
        </message>
        <message>
            <location line="+0" />
            <source>against</source>
            <translation>ұсынылғаны</translation>
        </message>
        <message>
            <location line="+24" />
            <source>the Қолхат</source>
            <translation>қолхат</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the identity document</source>
            <translation>жеке басын куәландыратын құжат</translation>
        </message>
        <message>
            <location line="+48" />
            <source>at the department</source>
            <translation>бөлімде</translation>
        </message>
        <message>
            <location line="+0" />
            <source>through the village akimat</source>
            <translation>ауылдық округ әкімі аппараты арқылы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>through a public service centre</source>
            <translation>халыққа қызмет көрсету орталығы арқылы</translation>
        </message>
        <message>
            <location line="+4" />
            <source>handed over at the public service centre</source>
            <translation>ХҚКО-да берілді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>handed over at the akimat</source>
            <translation>әкімдікте берілді</translation>
        </message>
        <message>
            <location line="+4" />
            <source>package sent on a registry</source>
            <translation>пакет реестрмен жіберілді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>package received by scanning</source>
            <translation>пакет сканерлеу арқылы қабылданды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>package scan (flagged)</source>
            <translation>пакетті сканерлеу (белгіленді)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>package missing from its registry</source>
            <translation>пакет реестр бойынша келмеді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>result handed over</source>
            <translation>нәтиже берілді</translation>
        </message>
        <message>
            <location line="+0" />
            <source>printed</source>
            <translation>басып шығарылды</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 d</source>
            <translation>%1 күн</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Applicant</source>
            <translation>Өтініш беруші</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Surname</source>
            <translation>Тегі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>Аты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patronymic</source>
            <translation>Әкесінің аты</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Birth date</source>
            <translation>Туған күні</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sex</source>
            <translation>Жынысы</translation>
        </message>
        <message>
            <location line="+0" />
            <source>male</source>
            <translation>ер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>female</source>
            <translation>әйел</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Мекенжайы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Телефоны</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Application</source>
            <translation>Өтініш</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registration number</source>
            <translation>Тіркеу нөмірі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>Қызмет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Channel</source>
            <translation>Арна</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered</source>
            <translation>Тіркелді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered by</source>
            <translation>Тіркеген</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stage</source>
            <translation>Сатысы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In this stage since</source>
            <translation>Осы сатыда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Current step due</source>
            <translation>Ағымдағы кезең мерзімі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due (whole service)</source>
            <translation>Қызмет көрсету мерзімі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>Жабылды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Catalogue version</source>
            <translation>Каталог нұсқасы</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Documents presented</source>
            <translation>Ұсынылған құжаттар</translation>
        </message>
        <message>
            <location line="+2" />
            <source>presented</source>
            <translation>ұсынылды</translation>
        </message>
        <message>
            <location line="+0" />
            <source>not presented</source>
            <translation>ұсынылмады</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Resolution and decision</source>
            <translation>Резолюция және шешім</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolution</source>
            <translation>Резолюция</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved by</source>
            <translation>Резолюция қойған</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Executor</source>
            <translation>Орындаушы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision</source>
            <translation>Шешім</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refusal reasons</source>
            <translation>Бас тарту себептері</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Draft text</source>
            <translation>Жоба мәтіні</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Returned for completion, times</source>
            <translation>Пысықтауға қайтарылды, рет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last return reason</source>
            <translation>Соңғы қайтару себебі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed by</source>
            <translation>Қол қойған</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed</source>
            <translation>Қол қойылды</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Delivery, suspension, withdrawal</source>
            <translation>Тапсыру, тоқтата тұру, кері қайтарып алу</translation>
        </message>
        <message>
            <location line="-94" />
            <source>handed over in person</source>
            <translation>қолма-қол берілді</translation>
        </message>
        <message>
            <location line="+0" />
            <source>posted</source>
            <translation>поштамен жіберілді</translation>
        </message>
        <message>
            <location line="+97" />
            <source>Delivery</source>
            <translation>Тапсыру</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delivery date</source>
            <translation>Тапсырылған күні</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Post number</source>
            <translation>Пошта нөмірі</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suspended from stage</source>
            <translation>Тоқтатылған саты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suspended</source>
            <translation>Тоқтатылды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suspension reason</source>
            <translation>Тоқтата тұру себебі</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Time paused</source>
            <translation>Тоқтатылған уақыт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawal reason</source>
            <translation>Кері қайтарып алу себебі</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Referral slip: work started</source>
            <translation>Жолдама хабарламасы: жұмысқа кірісті</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip: order number</source>
            <translation>Жолдама хабарламасы: бұйрық нөмірі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip: institution</source>
            <translation>Жолдама хабарламасы: мекеме</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral slip: recorded</source>
            <translation>Жолдама хабарламасы: тіркелді</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Package and scans</source>
            <translation>Пакет және сканерлеулер</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Where the package is</source>
            <translation>Пакет қайда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received at the department</source>
            <translation>Бөлімде қабылданды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returned to the branch</source>
            <translation>ХҚКО-ға (әкімдікке) қайтарылды</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Registry %1</source>
            <translation>Реестр %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Scan %1</source>
            <translation>%1-сканерлеу</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Other data</source>
            <translation>Басқа деректер</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Application details</source>
            <translation>Өтініш деректері</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Result</source>
            <translation>Нәтиже</translation>
        </message>
        <message>
            <source>print No</source>
            <translation>басылым №</translation>
        </message>
        <message>
            <source>copies</source>
            <translation>дана саны</translation>
        </message>
        <message>
            <source>printer</source>
            <translation>принтер</translation>
        </message>
        <message>
            <source>PDF file</source>
            <translation>PDF файлы</translation>
        </message>
        <message>
            <source>language</source>
            <translation>тілі</translation>
        </message>
        <message>
            <source>previous executor</source>
            <translation>бұрынғы орындаушы</translation>
        </message>
        <message>
            <source>started on</source>
            <translation>жұмысқа кіріскен күні</translation>
        </message>
        <message>
            <source>order No</source>
            <translation>бұйрық №</translation>
        </message>
        <message>
            <source>institution</source>
            <translation>мекеме</translation>
        </message>
        <message>
            <source>recorded</source>
            <translation>тіркелді</translation>
        </message>
        <message>
            <source>Kazakh</source>
            <translation>қазақша</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>орысша</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <location filename="../../desktop/ui/models.py" line="+41" />
            <source>Reg. No</source>
            <translation>Тіркеу №</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>Қызмет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>Өтініш беруші</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IIN</source>
            <translation>ЖСН</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Сатысы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision</source>
            <translation>Шешім</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Registered</source>
            <translation>Тіркелді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step due</source>
            <translation>Кезең мерзімі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Мерзімі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Executor</source>
            <translation>Орындаушы</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Уақыты</translation>
        </message>
    </context>
    <context>
        <name>Casework</name>
        <message>
            <source>No connection to the server — retrying…</source>
            <translation>Сервермен байланыс жоқ — қайта қосылуда…</translation>
        </message>
        <message>
            <source>Connection restored — the action is done.</source>
            <translation>Байланыс қалпына келді — әрекет орындалды.</translation>
        </message>
        <message>
            <source>Connection restored.</source>
            <translation>Байланыс қалпына келді.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/casework.py" line="+168" />
            <source>IIN %1</source>
            <translation>ЖСН %1</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Service</source>
            <translation>Қызмет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>Өтініш беруші</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Мекенжайы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Сатысы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered</source>
            <translation>Тіркелді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step due</source>
            <translation>Кезең мерзімі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>Мерзімі</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Documents</source>
            <translation>Құжаттар</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Resolution</source>
            <translation>Резолюция</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Executor</source>
            <translation>Орындаушы</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Returned by the head</source>
            <translation>Басшы қайтарды</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Suspended</source>
            <translation>Тоқтатылды</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Decision</source>
            <translation>Шешім</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refusal reasons</source>
            <translation>Бас тарту себептері</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Text</source>
            <translation>Мәтін</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Returned before</source>
            <translation>Бұрын қайтарылған</translation>
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
            <translation>%1 сағ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 calendar days</source>
            <translation>%1 күнтізбелік күн</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 working days</source>
            <translation>%1 жұмыс күні</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 — version %2. Read-only: the catalogue is edited in data/catalogue.toml.</source>
            <translation>%1 — нұсқа %2. Тек оқу үшін: каталог data/catalogue.toml файлында өзгертіледі.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Deadline</source>
            <translation>Мерзімі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Head may return a draft</source>
            <translation>Басшы жобаны қайтара алады</translation>
        </message>
        <message>
            <location line="+0" />
            <source>yes</source>
            <translation>иә</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no</source>
            <translation>жоқ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Steps</source>
            <translation>Кезеңдер</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Documents</source>
            <translation>Құжаттар</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refusal reasons</source>
            <translation>Бас тарту себептері</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fields</source>
            <translation>Өрістер</translation>
        </message>
        <message>
            <location line="+2" />
            <source>intake</source>
            <translation>қабылдау</translation>
        </message>
        <message>
            <location line="+0" />
            <source>result</source>
            <translation>нәтиже</translation>
        </message>
        <message>
            <location line="+1" />
            <source>required</source>
            <translation>міндетті</translation>
        </message>
        <message>
            <location line="+0" />
            <source>optional</source>
            <translation>міндетті емес</translation>
        </message>
        <message numerus="yes">
            <source>The service catalogue in force: %n service(s). Read-only: the office edits the file catalogue.toml.</source>
            <translation>
                <numerusform>Күшіндегі қызметтер каталогы: %n қызмет. Тек оқу үшін: бөлім catalogue.toml файлын өзгертеді.</numerusform>
                <numerusform>Күшіндегі қызметтер каталогы: %n қызмет. Тек оқу үшін: бөлім catalogue.toml файлын өзгертеді.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClerkDesk</name>
        <message>
            <location filename="../../forms/clerk_desk.ui" line="+18" />
            <source>Co&amp;unter</source>
            <translation>Қабыл&amp;дау</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Receive re&amp;gistries</source>
            <translation>Келген р&amp;еестрлер</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Send results &amp;back</source>
            <translation>Нәтижелерді қайтар&amp;у</translation>
        </message>
    </context>
    <context>
        <name>ClerkTab</name>
        <message>
            <location filename="../../desktop/ui/clerk_tab.py" line="+102" />
            <source>Only a clerk registers applications.</source>
            <translation>Өтініштерді тек кеңсе қызметкері тіркейді.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Register</source>
            <translation>Тізілім</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Clear</source>
            <translation>Тазарту</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print receipt</source>
            <translation>Түбіртекті басып шығару</translation>
        </message>
        <message numerus="yes">
            <location line="+43" />
            <source>Today's intakes: %n</source>
            <translation>
                <numerusform>Бүгін қабылданғаны: %n</numerusform>
                <numerusform>Бүгін қабылданғаны: %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+113" />
            <source>Result due if registered now: %1</source>
            <translation>Қазір тіркелсе, нәтиже мерзімі: %1</translation>
        </message>
        <message>
            <location line="+67" />
            <source>male</source>
            <translation>ер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>female</source>
            <translation>әйел</translation>
        </message>
        <message>
            <location line="+1" />
            <source>born %1, %2</source>
            <translation>туған күні %1, %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Known applicant: %1</source>
            <translation>Бұрыннан белгілі өтініш беруші: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Earlier cases (%n):</source>
            <translation>
                <numerusform>Бұрынғы істер (%n):</numerusform>
                <numerusform>Бұрынғы істер (%n):</numerusform>
            </translation>
        </message>
        <message>
            <location line="+58" />
            <source>%1 · %2
result due %3</source>
            <translation>%1 · %2
нәтиже мерзімі %3</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Printing is not available yet.</source>
            <translation>Басып шығару әзірге қолжетімсіз.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Register an application to print its receipt.</source>
            <translation>Түбіртекті басып шығару үшін өтінішті тіркеңіз.</translation>
        </message>
        <message>
            <location filename="../../forms/clerk_tab.ui" line="+21" />
            <source>New application</source>
            <translation>Жаңа өтініш</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Ser&amp;vice:</source>
            <translation>&amp;Қызмет:</translation>
        </message>
        <message>
            <location line="+24" />
            <source>&amp;IIN:</source>
            <translation>&amp;ЖСН:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>12 digits</source>
            <translation>12 цифр</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Use &amp;earlier data</source>
            <translation>&amp;Бұрынғы деректерді қолдану</translation>
        </message>
        <message>
            <location line="+22" />
            <source>&amp;Surname:</source>
            <translation>&amp;Тегі:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Name:</source>
            <translation>&amp;Аты:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Patronymic:</source>
            <translation>Ә&amp;кесінің аты:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Address:</source>
            <translation>&amp;Мекенжайы:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>P&amp;hone:</source>
            <translation>Те&amp;лефон:</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Documents presented</source>
            <translation>Ұсынылған құжаттар</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&amp;Register (Enter)</source>
            <translation>Т&amp;іркеу (Enter)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>C&amp;lear (Esc)</source>
            <translation>Та&amp;зарту (Esc)</translation>
        </message>
        <message>
            <location line="+28" />
            <source>&amp;Open case (scan or type No):</source>
            <translation>Істі а&amp;шу (сканерлеу немесе № теру):</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Registered</source>
            <translation>Тіркелді</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Registration number</source>
            <translation>Тіркеу нөмірі</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Prin&amp;t receipt (F9)</source>
            <translation>Түбі&amp;ртекті басып шығару (F9)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Today's intakes</source>
            <translation>Бүгін қабылданғандар</translation>
        </message>
    </context>
    <context>
        <name>ExecutorTab</name>
        <message>
            <location filename="../../desktop/ui/executor_tab.py" line="+185" />
            <source>My &amp;cases (%1)</source>
            <translation>Менің &amp;істерім (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S4 s&amp;lips awaited (%1)</source>
            <translation>Күтілетін S4 &amp;хабарламалары (%1)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Nothing to do: the list is empty or no case is chosen.</source>
            <translation>Орындайтын ештеңе жоқ: тізім бос немесе іс таңдалмаған.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>This case needs nothing from you now.</source>
            <translation>Бұл іс қазір сізден ештеңе талап етпейді.</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Suspended: %1</source>
            <translation>Тоқтатылды: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>by post</source>
            <translation>поштамен</translation>
        </message>
        <message>
            <location line="+95" />
            <source>Printing is not available yet.</source>
            <translation>Басып шығару әзірге қолжетімсіз.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The result can be printed once the head has signed it.</source>
            <translation>Нәтижені басшы қол қойғаннан кейін басып шығаруға болады.</translation>
        </message>
        <message>
            <location filename="../../forms/executor_tab.ui" line="+16" />
            <source>My &amp;cases</source>
            <translation>Менің &amp;істерім</translation>
        </message>
        <message>
            <location line="+6" />
            <source>S4 s&amp;lips awaited</source>
            <translation>Күтілетін S4 &amp;хабарламалары</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Decision</source>
            <translation>Шешім</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Approve</source>
            <translation>&amp;Мақұлдау</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Re&amp;fuse</source>
            <translation>Бас &amp;тарту</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Refusal reasons (space ticks a reason):</source>
            <translation>Бас тарту себептері (бос орын пернесі себепті белгілейді):</translation>
        </message>
        <message>
            <location line="+11" />
            <source>E&amp;xplanation / text of the reply:</source>
            <translation>Т&amp;үсініктеме / жауап мәтіні:</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Send to the head</source>
            <translation>Басшыға &amp;жіберу</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Suspension reaso&amp;n:</source>
            <translation>Тоқтата тұру &amp;себебі:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sus&amp;pend</source>
            <translation>Тоқтата т&amp;ұру</translation>
        </message>
        <message>
            <location line="+23" />
            <source>&amp;Resume work</source>
            <translation>Жұмысты жал&amp;ғастыру</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Hand the signed result over</source>
            <translation>Қол қойылған нәтижені тапсыру</translation>
        </message>
        <message>
            <location line="+6" />
            <source>In p&amp;erson</source>
            <translation>&amp;Қолма-қол</translation>
        </message>
        <message>
            <location line="+6" />
            <source>By p&amp;ost</source>
            <translation>&amp;Поштамен</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Date:</source>
            <translation>&amp;Күні:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Post receipt &amp;number:</source>
            <translation>Пошта түбіртегінің &amp;нөмірі:</translation>
        </message>
        <message>
            <location line="+15" />
            <source>&amp;Hand over</source>
            <translation>Т&amp;апсыру</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The returned ЖОЛДАМА slip</source>
            <translation>Қайтарылған ЖОЛДАМА хабарламасы</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Started on:</source>
            <translation>Жұмысқа кі&amp;рісті:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>O&amp;rder No:</source>
            <translation>Бұ&amp;йрық №:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Institution:</source>
            <translation>М&amp;екеме:</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Record sli&amp;p</source>
            <translation>Хабар&amp;ламаны тіркеу</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Print res&amp;ult</source>
            <translation>Нәтижені &amp;басып шығару</translation>
        </message>
        <message>
            <source>Choose a case on the left.</source>
            <translation>Сол жақтан істі таңдаңыз.</translation>
        </message>
        <message>
            <source>Choose a case on the left (%1: the next case).</source>
            <translation>Сол жақтағы тізімнен істі таңдаңыз (%1: келесі іс).</translation>
        </message>
        <message>
            <source>%1: the next case.</source>
            <translation>%1: келесі іс.</translation>
        </message>
        <message>
            <source>%1 (%2) is sent to the head: %3.</source>
            <translation>%1 (%2) басшыға жіберілді: %3.</translation>
        </message>
        <message>
            <source>%1 (%2) is suspended: %3.</source>
            <translation>%1 (%2) тоқтатыла тұрды: %3.</translation>
        </message>
        <message>
            <source>%1 (%2) is taken up again.</source>
            <translation>%1 (%2) қайтадан жұмысқа алынды.</translation>
        </message>
        <message>
            <source>%1 (%2) is posted.</source>
            <translation>%1 (%2) поштамен жіберілді.</translation>
        </message>
        <message>
            <source>%1 (%2) is handed over.</source>
            <translation>%1 (%2) қолма-қол берілді.</translation>
        </message>
        <message>
            <source>The slip of %1 (%2) is recorded.</source>
            <translation>%1 (%2) хабарламасы тіркелді.</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <location filename="../../desktop/ui/intake_fields.py" line="+255" />
            <source>— choose or type —</source>
            <translation>— таңдаңыз немесе жазыңыз —</translation>
        </message>
        <message>
            <location line="+1" />
            <source>— choose —</source>
            <translation>— таңдаңыз —</translation>
        </message>
        <message>
            <location line="+10" />
            <source>dd.mm.yyyy</source>
            <translation>кк.аа.жжжж</translation>
        </message>
    </context>
    <context>
        <name>HandOverPanel</name>
        <message>
            <location filename="../../desktop/ui/registries.py" line="+435" />
            <source>Results waiting for the applicant: %1</source>
            <translation>Өтініш берушіні күтіп тұрған нәтижелер: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Hand over against the Қолхат</source>
            <translation>Қолхат бойынша &amp;беру</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Hand over to the applicant</source>
            <translation>Өтініш берушіге &amp;беру</translation>
        </message>
        <message>
            <location line="+43" />
            <source>%1: the result is here. Check the applicant's identity and hand it over.</source>
            <translation>%1: нәтиже осында. Өтініш берушінің жеке басын тексеріп, беріңіз.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>not a package</source>
            <translation>пакет емес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is not waiting here for the applicant (%2).</source>
            <translation>%1 мұнда өтініш берушіні күтіп тұрған жоқ (%2).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 is handed over to %2.</source>
            <translation>%1 берілді, алушы: %2.</translation>
        </message>
        <message>
            <location filename="../../forms/handover_panel.ui" line="+25" />
            <source>&amp;Receipt No (scan it):</source>
            <translation>Қолхат &amp;нөмірі (сканерлеңіз):</translation>
        </message>
        <message>
            <location line="+26" />
            <source>&amp;Hand over the result</source>
            <translation>Нәтижені &amp;беру</translation>
        </message>
        <message>
            <source>Scan the Қолхат or choose a result on the left.</source>
            <translation>Қолхатты сканерлеңіз немесе сол жақтан нәтижені таңдаңыз.</translation>
        </message>
    </context>
    <context>
        <name>HeadTab</name>
        <message>
            <source>%1 (%2) is handed to another executor: %3.</source>
            <translation>%1 (%2) басқа орындаушыға берілді: %3.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/head_tab.py" line="+143" />
            <source>Assign</source>
            <translation>Тағайындау</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Awaiting &amp;resolution (%1)</source>
            <translation>&amp;Резолюцияны күтуде (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Awaiting &amp;signature (%1)</source>
            <translation>&amp;Қол қоюды күтуде (%1)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>S&amp;uspended (%1)</source>
            <translation>Тоқтатылға&amp;ндар (%1)</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Only the head puts a resolution.</source>
            <translation>Резолюцияны тек басшы қояды.</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%1 — %n open case(s)</source>
            <translation>
                <numerusform>%1 — %n ашық іс</numerusform>
                <numerusform>%1 — %n ашық іс</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>Choose the executor.</source>
            <translation>Орындаушыны таңдаңыз.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Suspended on %1 at the stage “%2”.</source>
            <translation>%1 «%2» сатысында тоқтатылды.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Only the head returns a draft.</source>
            <translation>Жобаны тек басшы қайтарады.</translation>
        </message>
        <message>
            <location line="+27" />
            <location line="+17" />
            <source>Overdue</source>
            <translation>Мерзімі өткен</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+16" />
            <source>Due today</source>
            <translation>Мерзімі бүгін</translation>
        </message>
        <message>
            <location line="-15" />
            <location line="+15" />
            <source>On time</source>
            <translation>Мерзімінде</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Service</source>
            <translation>Қызмет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not assigned yet</source>
            <translation>Әлі тағайындалмаған</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Executor</source>
            <translation>Орындаушы</translation>
        </message>
        <message>
            <location filename="../../forms/head_tab.ui" line="+41" />
            <source>Awaiting &amp;resolution</source>
            <translation>&amp;Резолюцияны күтуде</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Resolutio&amp;n:</source>
            <translation>Резо&amp;люция:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>e.g. To examine and prepare the reply</source>
            <translation>мысалы: Қарап, жауап дайындау</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Executor:</source>
            <translation>&amp;Орындаушы:</translation>
        </message>
        <message>
            <location line="+22" />
            <source>&amp;Assign (Ctrl+Enter)</source>
            <translation>&amp;Тағайындау (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Documents missing: suspend until the applicant brings them</source>
            <translation>Құжаттар жетіспейді: өтініш беруші әкелгенше тоқтата тұру</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Suspension reas&amp;on:</source>
            <translation>Тоқтата тұру &amp;себебі:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. The income certificate is missing</source>
            <translation>мысалы: табыс туралы анықтама жоқ</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sus&amp;pend</source>
            <translation>Тоқтата т&amp;ұру</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Awaiting &amp;signature</source>
            <translation>&amp;Қол қоюды күтуде</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Draft</source>
            <translation>Жоба</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Si&amp;gn</source>
            <translation>Қол қо&amp;ю</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Return reas&amp;on:</source>
            <translation>Қайтару &amp;себебі:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Re&amp;turn for completion</source>
            <translation>&amp;Пысықтауға қайтару</translation>
        </message>
        <message>
            <location line="+15" />
            <source>S&amp;uspended</source>
            <translation>Тоқтатылға&amp;ндар</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Resu&amp;me work</source>
            <translation>Жұмысты &amp;жалғастыру</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Resuming moves the deadlines on by the time the case was suspended.</source>
            <translation>Жалғастырғанда мерзімдер іс тоқтатылып тұрған уақытқа жылжиды.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Deadlines</source>
            <translation>&amp;Мерзімдер</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open cases by service</source>
            <translation>Қызметтер бойынша ашық істер</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open cases by executor</source>
            <translation>Орындаушылар бойынша ашық істер</translation>
        </message>
        <message>
            <source>No case awaits a resolution.</source>
            <translation>Резолюцияны күтетін іс жоқ.</translation>
        </message>
        <message>
            <source>No case is suspended.</source>
            <translation>Тоқтатылған іс жоқ.</translation>
        </message>
        <message>
            <source>No draft awaits a signature.</source>
            <translation>Қол қоюды күтетін жоба жоқ.</translation>
        </message>
        <message>
            <source>Choose a case in the list on the left.</source>
            <translation>Сол жақтағы тізімнен істі таңдаңыз.</translation>
        </message>
        <message>
            <source>No case is with an executor.</source>
            <translation>Орындаушыларда іс жоқ.</translation>
        </message>
        <message>
            <source>With e&amp;xecutors (%1)</source>
            <translation>Орындаушылар&amp;дағы істер (%1)</translation>
        </message>
        <message>
            <source>With e&amp;xecutors</source>
            <translation>Орындаушылар&amp;дағы істер</translation>
        </message>
        <message>
            <source>Hand the case to another executor</source>
            <translation>Істі басқа орындаушыға беру</translation>
        </message>
        <message>
            <source>New e&amp;xecutor:</source>
            <translation>&amp;Жаңа орындаушы:</translation>
        </message>
        <message>
            <source>Rea&amp;son:</source>
            <translation>Себе&amp;бі:</translation>
        </message>
        <message>
            <source>e.g. The executor is on leave</source>
            <translation>мысалы: орындаушы демалыста</translation>
        </message>
        <message>
            <source>Re&amp;assign</source>
            <translation>Қайта та&amp;ғайындау</translation>
        </message>
        <message>
            <source>%1 (%2) is assigned to %3.</source>
            <translation>%1 (%2) орындаушыға берілді: %3.</translation>
        </message>
        <message>
            <source>%1 (%2) is suspended.</source>
            <translation>%1 (%2) тоқтатыла тұрды.</translation>
        </message>
        <message>
            <source>%1 (%2) is taken up again.</source>
            <translation>%1 (%2) қайтадан жұмысқа алынды.</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Қол қою</translation>
        </message>
        <message>
            <source>Sign this draft?</source>
            <translation>Осы жобаға қол қоясыз ба?</translation>
        </message>
        <message>
            <source>%1 (%2) is signed: %3.</source>
            <translation>%1 (%2) қол қойылды: %3.</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Пысықтауға қайтару</translation>
        </message>
        <message>
            <source>Return this draft to the executor?</source>
            <translation>Осы жобаны орындаушыға пысықтауға қайтарасыз ба?</translation>
        </message>
        <message>
            <source>Return reason</source>
            <translation>Қайтару себебі</translation>
        </message>
        <message>
            <source>%1 (%2) is returned to the executor: %3.</source>
            <translation>%1 (%2) орындаушыға қайтарылды: %3.</translation>
        </message>
        <message>
            <source>%1: the next case.</source>
            <translation>%1: келесі іс.</translation>
        </message>
        <message>
            <source>Choose a case in the list (%1: the next case).</source>
            <translation>Тізімнен істі таңдаңыз (%1: келесі іс).</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../forms/login.ui" line="+9" />
            <source>Kense — log in</source>
            <translation>Kense — жүйеге кіру</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;User:</source>
            <translation>&amp;Пайдаланушы:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Password:</source>
            <translation>&amp;Құпиясөз:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/mainwindow.py" line="+131" />
            <source>This part of Kense is not installed yet.</source>
            <translation>Kense-тің бұл бөлімі әлі орнатылмаған.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Clerk</source>
            <translation>Кеңсе</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Head</source>
            <translation>Басшы</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Executor</source>
            <translation>Орындаушы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Register</source>
            <translation>Тізілім</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Admin</source>
            <translation>Әкімші</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PSC</source>
            <translation>ХҚКО</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Akim</source>
            <translation>Әкім</translation>
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
            <translation>Тізілімнің сақтық көшірмесі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kense register (*.sqlite3)</source>
            <translation>Kense тізілімі (*.sqlite3)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Backing up the register…</source>
            <translation>Тізілімнің көшірмесі жасалуда…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Backup</source>
            <translation>Сақтық көшірме</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The copy is saved and verified (%1 audit events).</source>
            <translation>Көшірме сақталды және тексерілді (аудит жазбалары: %1).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Checking the register file…</source>
            <translation>Тізілім файлы тексерілуде…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The register file is damaged</source>
            <translation>Тізілім файлы бүлінген</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stop work and restore the register from the latest backup.</source>
            <translation>Жұмысты тоқтатып, тізілімді соңғы сақтық көшірмеден қалпына келтіріңіз.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Log file</source>
            <translation>Журнал файлы</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kense writes its log to:
%1</source>
            <translation>Kense журналын мына файлға жазады:
%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>About Kense</source>
            <translation>Kense туралы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kense %1 — case register of a district department of employment and social programmes (Almaty oblast regulation No 349).

%2</source>
            <translation>Kense %1 — аудандық жұмыспен қамту және әлеуметтік бағдарламалар бөлімінің істер тізілімі (Алматы облысының № 349 регламенті).

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
            <translation>&amp;Тіл</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Help</source>
            <translation>&amp;Анықтама</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Back up the register…</source>
            <translation>Тізілімнің сақтық &amp;көшірмесі…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the register to a file and check the copy</source>
            <translation>Тізілімді файлға көшіріп, көшірмені тексеру</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log &amp;out</source>
            <translation>Жүйеден &amp;шығу</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Жабу</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Log file…</source>
            <translation>&amp;Журнал файлы…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;About Kense</source>
            <translation>Kense &amp;туралы</translation>
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
            <translation>ХҚКО немесе әкімдік</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On the registry</source>
            <translation>Реестр бойынша</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../desktop/ui/admin_users.py" line="+120" />
            <source>The two passwords differ.</source>
            <translation>Екі құпиясөз сәйкес емес.</translation>
        </message>
        <message>
            <location filename="../../forms/password_dialog.ui" line="+9" />
            <source>Reset password</source>
            <translation>Құпиясөзді жаңарту</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New &amp;password:</source>
            <translation>Жаңа &amp;құпиясөз:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Repeat:</source>
            <translation>Қай&amp;талау:</translation>
        </message>
    </context>
    <context>
        <name>PersonRow</name>
        <message>
            <location filename="../../desktop/ui/intake_fields.py" line="-153" />
            <source>Full name</source>
            <translation>Аты-жөні</translation>
        </message>
        <message>
            <location line="+3" />
            <source>IIN</source>
            <translation>ЖСН</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Relation</source>
            <translation>Туыстығы</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Remove this person</source>
            <translation>Бұл адамды алып тастау</translation>
        </message>
    </context>
    <context>
        <name>PersonsEditor</name>
        <message>
            <location line="+38" />
            <source>A&amp;dd person</source>
            <translation>Адам &amp;қосу</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../desktop/ui/printing.py" line="+114" />
            <source>Print preview</source>
            <translation>Басып шығаруды алдын ала қарау</translation>
        </message>
        <message>
            <location line="+25" />
            <source>&amp;Print…</source>
            <translation>&amp;Басып шығару…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Save PDF…</source>
            <translation>PDF &amp;сақтау…</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Save PDF</source>
            <translation>PDF сақтау</translation>
        </message>
    </context>
    <context>
        <name>PscTab</name>
        <message>
            <location filename="../../desktop/ui/psc_tab.py" line="+67" />
            <source>This account is not bound to a public service centre branch; ask the administrator.</source>
            <translation>Бұл есептік жазба ешбір ХҚКО бөліміне бекітілмеген; әкімшіге хабарласыңыз.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Public service centre: %1</source>
            <translation>Халыққа қызмет көрсету орталығы: %1</translation>
        </message>
        <message>
            <location filename="../../forms/psc_tab.ui" line="+24" />
            <source>&amp;Counter and Қолхат</source>
            <translation>Қабыл&amp;дау және қолхат</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Registry to the depart&amp;ment</source>
            <translation>Б&amp;өлімге реестр</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Returned &amp;by courier</source>
            <translation>Курьермен қайтар&amp;ылғандар</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Read&amp;y for the applicant</source>
            <translation>Өтініш беруші&amp;ге дайын</translation>
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
            <translation>%1 — реестр нөмірі: реестрлер «Келген реестрлер» бетінде қабылданады.</translation>
        </message>
        <message>
            <source>%1 was not recognised as a scan (the keys came too slowly), so it was not typed into the field. Open registry %1?</source>
            <translation>%1 сканерлеу деп танылмады (пернелер тым баяу келді), сондықтан өріске жазылмады. %1 реестрін ашу керек пе?</translation>
        </message>
        <message>
            <source>%1 was not recognised as a scan (the keys came too slowly), so it was not typed into the field. Open case %1?</source>
            <translation>%1 сканерлеу деп танылмады (пернелер тым баяу келді), сондықтан өріске жазылмады. %1 ісін ашу керек пе?</translation>
        </message>
        <message>
            <source>Not recognised as a scan</source>
            <translation>Сканерлеу деп танылмады</translation>
        </message>
    </context>
    <context>
        <name>ReceivePanel</name>
        <message>
            <location line="-343" />
            <source>Scan the barcode of the registry that came with the courier.</source>
            <translation>Курьер әкелген реестрдің штрихкодын сканерлеңіз.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>No registry is open.</source>
            <translation>Ешбір реестр ашылмаған.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3, courier run %4 · %5 · received %6 of %7</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3, курьердің %4-рейсі · %5 · қабылданды: %6 / %7</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Missing (flagged): %1</source>
            <translation>Келмегендер (белгіленді): %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not on this registry (set aside, flagged): %1</source>
            <translation>Бұл реестрде жоқ (бөлек қойылды, белгіленді): %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Scanned twice: %1</source>
            <translation>Қайта сканерленгені: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Time</source>
            <translation>Уақыты</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Нәтижесі</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scanned by</source>
            <translation>Сканерлеген</translation>
        </message>
        <message>
            <location line="+48" />
            <source>%1 is not a registry for this desk (%2, %3).</source>
            <translation>%1 — бұл орынға арналған реестр емес (%2, %3).</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>Registry %1 is open: %n package(s). Scan each package now.</source>
            <translation>
                <numerusform>%1 реестрі ашылды: %n пакет. Енді әр пакетті сканерлеңіз.</numerusform>
                <numerusform>%1 реестрі ашылды: %n пакет. Енді әр пакетті сканерлеңіз.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+30" />
            <source>Scan the registry's barcode first; %1 is not a registry number.</source>
            <translation>Алдымен реестрдің штрихкодын сканерлеңіз; %1 — реестр нөмірі емес.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Every package has arrived.</source>
            <translation>Барлық пакет келді.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Finish the receipt</source>
            <translation>Қабылдауды аяқтау</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n package(s) of registry %1 were not scanned: %2.

Finish the receipt and flag them as missing? They stay on the registry and can still be scanned in when they turn up.</source>
            <translation>
                <numerusform>%1 реестрінің %n пакеті сканерленбеді: %2.

Қабылдауды аяқтап, оларды келмеді деп белгілейміз бе? Олар реестрде қалады, табылған кезде сканерлеп қабылдауға болады.</numerusform>
                <numerusform>%1 реестрінің %n пакеті сканерленбеді: %2.

Қабылдауды аяқтап, оларды келмеді деп белгілейміз бе? Олар реестрде қалады, табылған кезде сканерлеп қабылдауға болады.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Receipt finished; missing and flagged: %1</source>
            <translation>Қабылдау аяқталды; келмегендер белгіленді: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Receipt finished: every package has arrived.</source>
            <translation>Қабылдау аяқталды: барлық пакет келді.</translation>
        </message>
        <message>
            <location filename="../../forms/receive_panel.ui" line="+13" />
            <source>&amp;Scan the registry, then each package:</source>
            <translation>Алдымен реестрді, сосын әр пакетті &amp;сканерлеңіз:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Finish the rece&amp;ipt</source>
            <translation>Қабылдауды &amp;аяқтау</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Packages on the registry</source>
            <translation>Реестрдегі пакеттер</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Every scan of this registry</source>
            <translation>Осы реестр бойынша барлық сканерлеу</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Registries to receive</source>
            <translation>Қабылдауды күтетін реестрлер</translation>
        </message>
    </context>
    <context>
        <name>RegisterTab</name>
        <message>
            <location filename="../../desktop/ui/register_tab.py" line="+81" />
            <source>All services</source>
            <translation>Барлық қызметтер</translation>
        </message>
        <message>
            <location line="+5" />
            <source>All stages</source>
            <translation>Барлық сатылар</translation>
        </message>
        <message>
            <location line="+57" />
            <source>The period ends before it starts.</source>
            <translation>Кезеңнің соңы басынан ерте.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Nothing found</source>
            <translation>Ештеңе табылмады</translation>
        </message>
        <message>
            <location line="+2" />
            <source>First %1 cases shown; scroll for more</source>
            <translation>Алғашқы %1 іс көрсетілді; қалғаны төмен айналдырғанда шығады</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cases found: %1</source>
            <translation>Табылған істер: %1</translation>
        </message>
        <message>
            <location filename="../../forms/register_tab.ui" line="+8" />
            <source>Search the register</source>
            <translation>Тізілімнен іздеу</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reg. &amp;No:</source>
            <translation>&amp;Тіркеу №:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;IIN:</source>
            <translation>&amp;ЖСН:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>N&amp;ame:</source>
            <translation>&amp;Аты-жөні:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Surname first, any beginning</source>
            <translation>Алдымен тегі, басынан бірнеше әріп</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Service:</source>
            <translation>&amp;Қызмет:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>S&amp;tage:</source>
            <translation>&amp;Сатысы:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Registered from:</source>
            <translation>Тіркелген &amp;күні, бастап:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>t&amp;o:</source>
            <translation>&amp;дейін:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Search</source>
            <translation>&amp;Іздеу</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Clear</source>
            <translation>Та&amp;зарту</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Double-click a case or press Enter to open its card. Red: overdue; yellow: due today.</source>
            <translation>Іс карточкасын ашу үшін оны екі рет басыңыз немесе Enter пернесін басыңыз. Қызыл: мерзімі өткен; сары: мерзімі бүгін.</translation>
        </message>
    </context>
    <context>
        <name>Registries</name>
        <message>
            <location filename="../../desktop/ui/registries.py" line="-56" />
            <source>PSC branch No %1</source>
            <translation>ХҚКО №%1 бөлімі</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the department</source>
            <translation>бөлім</translation>
        </message>
        <message>
            <location line="+4" />
            <source>on its way</source>
            <translation>жолда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>being received</source>
            <translation>қабылдануда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>received in full</source>
            <translation>толық қабылданды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>closed, packages missing</source>
            <translation>жабылды, пакеттер жетіспейді</translation>
        </message>
        <message>
            <location line="+4" />
            <source>to the department</source>
            <translation>бөлімге</translation>
        </message>
        <message>
            <location line="+1" />
            <source>back to the branch</source>
            <translation>ХҚКО-ға (әкімдікке) қайтару</translation>
        </message>
        <message>
            <location line="+4" />
            <source>received</source>
            <translation>қабылданды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>missing</source>
            <translation>келмеді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not scanned yet</source>
            <translation>әлі сканерленбеген</translation>
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
            <translation>ХҚКО немесе әкімдік</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day, run</source>
            <translation>Күні, рейс</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Packages</source>
            <translation>Пакеттер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Received</source>
            <translation>Қабылданды</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Күйі</translation>
        </message>
    </context>
    <context>
        <name>RegistryBuilder</name>
        <message>
            <location line="+122" />
            <source>No signed results are waiting to go back.</source>
            <translation>Қайтаруды күтіп тұрған қол қойылған нәтиже жоқ.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Waiting: %1 · courier runs today: %2 of %3 used</source>
            <translation>Күтуде: %1 · бүгінгі курьер рейстері: %2 / %3</translation>
        </message>
        <message numerus="yes">
            <location line="+49" />
            <source>Registry %1 is built: %n package(s).</source>
            <translation>
                <numerusform>%1 реестрі құрылды: %n пакет.</numerusform>
                <numerusform>%1 реестрі құрылды: %n пакет.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../forms/registry_builder.ui" line="+11" />
            <source>Packages waiting for a registry</source>
            <translation>Реестрді күтіп тұрған пакеттер</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;From / to:</source>
            <translation>&amp;Қайдан / қайда:</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Build the registry and &amp;print it</source>
            <translation>Реестр құрып, &amp;басып шығару</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Registries sent</source>
            <translation>Жіберілген реестрлер</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Print the chosen registry &amp;again</source>
            <translation>Таңдалған реестрді қа&amp;йта басу</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location filename="../../desktop/ui/crash.py" line="+31" />
            <source>Kense — unexpected error</source>
            <translation>Kense — күтпеген қате</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Something went wrong inside Kense. Your data is safe: every saved action is in the register. Please send this report to your administrator.</source>
            <translation>Kense ішінде қате болды. Деректеріңіз сақталған: әрбір сақталған әрекет тізілімде бар. Осы есепті әкімшіге жіберіңіз.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Log file: %1</source>
            <translation>Журнал файлы: %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Copy report</source>
            <translation>Есепті &amp;көшіру</translation>
        </message>
    </context>
    <context>
        <name>Server</name>
        <message>
            <source>Register on the office server</source>
            <translation>Бөлім серверіндегі тізілім</translation>
        </message>
        <message>
            <source>The register cannot be reached; the lists are refreshed again as soon as it answers.</source>
            <translation>Тізілімге қосылу жоқ; байланыс қалпына келгенде тізімдер қайта жаңартылады.</translation>
        </message>
        <message>
            <source>&amp;Connect to server…</source>
            <translation>&amp;Серверге қосылу…</translation>
        </message>
        <message>
            <source>The register is on the office server (%1). It is backed up there, with pg_dump, by the server's nightly job (see the README); kense verify --db checks the register and a restored copy.</source>
            <translation>Тізілім бөлімнің серверінде (%1). Оның көшірмесі сол серверде pg_dump арқылы түнгі тапсырмамен жасалады (README қараңыз); тізілім мен қалпына келтірілген көшірмені kense verify --db тексереді.</translation>
        </message>
        <message>
            <source>Office server: %1</source>
            <translation>Бөлім сервері: %1</translation>
        </message>
        <message>
            <source>Connect to server</source>
            <translation>Серверге қосылу</translation>
        </message>
        <message>
            <source>Address of the office server, for example postgresql://kense-server/kense
(user name and password are asked at the login). Leave it empty to work on the register of this computer.</source>
            <translation>Бөлім серверінің мекенжайы, мысалы postgresql://kense-server/kense
(пайдаланушы аты мен құпиясөз кіру кезінде сұралады). Осы компьютердегі тізіліммен жұмыс істеу үшін бос қалдырыңыз.</translation>
        </message>
        <message>
            <source>“%1” is neither a server address (postgresql://server/database) nor a register file on this computer.</source>
            <translation>«%1» сервер мекенжайы да (postgresql://server/database), осы компьютердегі тізілім файлы да емес.</translation>
        </message>
        <message>
            <source>Server: %1
Cases: %2
The register is on the office server: it is backed up there with pg_dump and checked with kense verify (see the README).</source>
            <translation>Сервер: %1
Істер саны: %2
Тізілім бөлімнің серверінде: көшірмесі сол жерде pg_dump арқылы жасалады, kense verify арқылы тексеріледі (README қараңыз).</translation>
        </message>
        <message>
            <source>Demo cases are added on the server with kense demo --db.</source>
            <translation>Демо-істер серверге kense demo --db арқылы қосылады.</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <location filename="../../desktop/ui/admin_users.py" line="-51" />
            <source>New user</source>
            <translation>Жаңа пайдаланушы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User %1</source>
            <translation>Пайдаланушы %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Choose at least one role.</source>
            <translation>Кемінде бір рөлді таңдаңыз.</translation>
        </message>
        <message>
            <location filename="../../forms/user_dialog.ui" line="+9" />
            <source>User</source>
            <translation>Пайдаланушы</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Login:</source>
            <translation>&amp;Логин:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Full name:</source>
            <translation>&amp;Аты-жөні:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>P&amp;hone:</source>
            <translation>&amp;Телефон:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Password:</source>
            <translation>&amp;Құпиясөз:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Roles</source>
            <translation>Рөлдер</translation>
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
            <translation>Аты-жөні</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Roles</source>
            <translation>Рөлдер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Телефоны</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Күйі</translation>
        </message>
        <message>
            <location line="+7" />
            <source>active</source>
            <translation>белсенді</translation>
        </message>
        <message>
            <location line="+0" />
            <source>deactivated</source>
            <translation>өшірілген</translation>
        </message>
        <message>
            <location line="+25" />
            <source>&amp;Activate</source>
            <translation>&amp;Қосу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deactivate</source>
            <translation>&amp;Өшіру</translation>
        </message>
        <message>
            <location line="+37" />
            <location line="+3" />
            <source>Users</source>
            <translation>Пайдаланушылар</translation>
        </message>
        <message>
            <location line="-3" />
            <source>You cannot deactivate your own account.</source>
            <translation>Өз тіркелгіңізді өшіре алмайсыз.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Deactivate %1? The user will no longer be able to log in.</source>
            <translation>%1 өшірілсін бе? Пайдаланушы бұдан былай жүйеге кіре алмайды.</translation>
        </message>
    </context>
    <context>
        <name>DeskKeys</name>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Бас тарту (Esc)</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Тіркеу №</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>Өтініш беруші</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Қызмет</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Шешім</translation>
        </message>
    </context>
</TS>
