"""The words that signal each kind of event and each role, in English and Russian (Russian as
pymorphy3 lemmas, so one entry covers every inflection). Data, not logic: extend freely.

`TRIGGERS` is keyed by graph.model's event kinds (a test checks every kind has words)."""

from __future__ import annotations

from graph.ingest.candidates import EventKind

TRIGGERS: dict[EventKind, list[str]] = {
    "visit": [
        "visit", "visited", "visiting", "visits", "trip", "tour", "went to", "travelled to",
        "traveled to", "arrived in", "arrived at", "arrives in", "landed in", "came to", "flew to", "toured",
        "inspected", "inspects", "paid a visit", "осмотреть", "посетил",
        "визит", "посетить", "посещать", "посещение", "поездка", "прибыть", "приехать", "отправиться",
        "побывать", "прилететь", "турне", "съездить", "візіт", "наведаць",
    ],
    "contract_signing": [
        "signed", "signing", "signs", "sign", "concluded", "inked",
        "подписать", "подписывать", "подписание", "заключить", "заключение", "падпісаць",
    ],
    "ban": [
        "banned", "ban", "bans", "banning", "prohibited", "prohibits", "prohibit", "barred", "outlawed",
        "blacklisted", "forbade", "forbidden", "entry ban", "denied entry", "refused entry",
        "restricted", "restricts", "restrict", "suspended imports", "closed the border",
        "запретить", "запрет", "запрещать", "запрещение", "заборона", "забараніць", "ограничить",
        "ограничение ввоза", "не впустить", "запретить въезд",
    ],
    "statement": [
        "said", "says", "stated", "stating", "states that", "announced", "announces", "declared", "noted",
        "claimed", "claims", "believes", "believe", "told", "stressed", "emphasized", "emphasised", "warned",
        "denied", "denies", "according to", "remarked", "argued", "insisted", "admitted", "promised",
        "calling on", "called on", "called for", "called", "described", "refuted", "statement",
        "statements", "assured", "pointed out", "explained", "suggested", "acknowledged",
        "confirmed", "proposed", "proposes", "requested", "requests", "criticised", "criticized",
        "criticises", "criticizes", "attacked", "attacks", "emphasises", "emphasizes", "stresses", "notes",
        "urged", "urges", "condemned", "condemns", "accused", "accuses", "congratulated", "congratulates",
        "thanked", "thanks", "expressed", "expresses", "recalled", "added", "asserted", "vowed", "pledged",
        "welcomed", "welcomes", "warns", "declares", "announced that", "wrote", "writes", "as saying",
        "заявить", "сказать", "отметить", "сообщить", "подчеркнуть", "по слово", "объявить",
        "пообещать", "признать", "предупредить", "опровергнуть", "заявление", "указать", "назвать",
        "призвать", "подтвердить", "уверить", "пояснить", "заявіць", "адзначыць", "предложить",
        "раскритиковать", "критиковать", "поблагодарить", "поздравить", "осудить заявление", "выразить",
        "обратить внимание", "добавить", "напомнить", "констатировать", "обвинить", "пригрозить",
        "высказаться", "призывать", "уточнить", "написать", "считать", "выступить",
    ],
    "meeting": [
        "meeting", "met", "meets", "meet with", "talks", "negotiations", "negotiated",
        "summit", "discussed", "session", "conference", "consultations", "phone call", "telephone",
        "received", "receives", "hosted", "hosts", "forum", "congress", "was held", "were held",
        "summoned", "summons", "by phone", "by telephone", "phone conversation", "phone talks",
        "встреча", "встретиться", "переговоры", "совещание", "заседание", "саммит", "обсудить",
        "консультация", "телефонный разговор", "сустрэча", "сустрэцца", "перамовы", "принять",
        "форум", "съезд", "провести переговоры", "вызвать", "состояться",
    ],
    "publication": [
        "published", "publishes", "publication", "released", "issued", "posted",
        "опубликовать", "публикация", "обнародовать", "издать", "опубликование", "апублікаваць",
        "article entitled", "article titled", "статья",
    ],
    "appointment": [
        "appointed", "appoints", "appoint", "named as", "was named", "has been named", "named", "names",
        "appointment", "appointments", "took over as", "takes over as", "became the new", "назначить",
        "назначение", "согласовать кандидатура", "утвердить в должность", "возглавить", "appointing",
        "reappointed", "re-appointed", "became", "becomes", "has become", "approved the candidacy",
        "approved the candidature", "agreed the candidacy", "agreed on the candidacy", "took up the post",
        "assumed the post", "стать", "занять пост", "занять должность", "утвердить на должность",
        "вступить в должность", "replaced", "replaces", "succeeded", "succeeds", "сменить на пост",
    ],
    "dismissal": [
        "dismissed", "dismisses", "dismissal", "relieved of", "relieved", "sacked", "fired", "fires", "sacks",
        "removed from office", "removed", "recalled ambassador", "освободить от должность", "освободить",
        "уволить", "отставка", "отправить в отставка", "снять с должность", "отстранить", "отозвать",
        "was dismissed", "were dismissed", "been dismissed", "recalled its ambassador",
        "recalled the ambassador", "accepted the resignation", "accepted his resignation",
        "accepted her resignation", "снять", "покинуть пост", "покинуть должность",
    ],
    "detention": [
        "detained", "detains", "detention", "arrested", "arrests", "arrest", "taken into custody",
        "was taken", "were taken", "apprehended", "задержать", "задержание", "арестовать", "арест",
        "взят под стражу", "затрымаць",
    ],
    "sentence": [
        "sentenced", "sentences", "sentencing", "jailed", "convicted", "imprisoned", "given years",
        "приговорить", "приговор", "осудить", "лишение свобода", "назначить наказание",
    ],
    "fine": [
        "fined", "fines", "a fine", "fine of", "оштрафовать", "штраф",
    ],
    "sanction": [
        "sanctions", "sanctioned", "sanctioning", "restrictive measures", "санкция",
        "ограничительный мера", "продлить санкция",
    ],
    "expulsion": [
        "expelled", "expels", "expelling", "expulsion", "persona non grata", "ordered to leave",
        "выслать", "высылка", "объявить персона нон грата", "выдворить",
    ],
}  # fmt: skip

SHALLOW_TRIGGERS: dict[EventKind, list[str]] = {
    "visit": ["besuch", "besuchte", "besucht", "reist", "reiste", "wizyta", "wizytę", "odwiedził",
              "przyjechał", "візыт", "візит"],
    "meeting": ["treffen", "traf", "trafen", "gespräch", "gespräche", "empfing", "spotkanie", "spotkał",
                "rozmowy", "sustrecha", "зустріч", "зустрівся", "сустрэўся"],
    "statement": ["sagte", "erklärte", "betonte", "teilte mit", "mitteilung", "powiedział", "oświadczył",
                  "stwierdził", "potępia", "potępił", "zaznaczył", "заявив", "сказав", "заявіў", "сказаў"],
    "contract_signing": ["unterzeichnet", "unterzeichneten", "podpisał", "podpisali", "подписали"],
    "ban": ["verbot", "verboten", "zakaz", "zakazał"],
    "fine": ["geldstrafe", "grzywna", "grzywny", "grzywnę", "ukarany", "ukarani", "ukarana", "оштрафаваў",
             "штраф"],
    "sentence": ["verurteilt", "skazany", "skazała", "skazał", "вынес приговор"],
    "detention": ["festgenommen", "verhaftet", "zatrzymany", "zatrzymana", "aresztowany", "затрыманы"],
    "sanction": ["sanktionen", "sankcje"],
    "expulsion": ["ausgewiesen", "wydalony", "wydalić"],
    "appointment": ["ernannt", "mianowany", "powołany"],
    "dismissal": ["entlassen", "odwołany", "zdymisjonowany"],
}  # fmt: skip
"""Words of languages the rules do not read fully: they only name the kind of a low-confidence candidate."""

GATHERINGS = {"forum", "congress", "summit", "session", "conference", "форум", "съезд", "саммит",
              "заседание", "совещание"}  # fmt: skip
"""Nouns naming a gathering: an event of their own beside a meeting held on its sidelines."""

HOST_VERBS = {"received", "receives", "hosted", "hosts", "принять", "summoned", "summons", "вызвать"}
"""Meetings told from the host's side: the name after the verb is the guest."""
NEEDS_PERSON_AFTER = {"received", "receives", "принять", "summoned", "summons", "вызвать"}
"""Triggers that only count with a person or organisation named right after them ('received a fine' is
not a meeting)."""

AGREEMENT_NOUNS = (
    "agreement", "agreements", "contract", "contracts", "memorandum", "memoranda", "treaty", "deal", "deals",
    "accord", "protocol", "roadmap", "roadmaps", "programme", "program", "plan", "declaration", "documents",
    "document", "соглашение", "договор", "контракт", "меморандум", "протокол", "дорожный", "программа",
    "план", "декларация", "документ", "сделка", "договоренность",
)  # fmt: skip
IMPOSING = (
    "imposed", "imposes", "impose", "imposing", "extended", "extends", "prolonged", "prolongs", "introduced",
    "adopted", "announced", "approved", "expanded", "new", "package", "ввести", "продлить", "расширить",
    "утвердить", "вводить", "продлевать", "пакет", "новый",
)  # fmt: skip
OFFICE_WORDS = (
    "post", "position", "office", "ambassador", "ambassadors", "minister", "head", "chief", "director",
    "duties", "governor", "decree", "deputy", "chairman", "chairwoman", "envoy", "commander", "rector",
    "должность", "пост", "обязанность", "посол", "министр", "председатель", "глава", "губернатор",
    "руководитель", "директор", "заместитель", "указ", "помощник", "командующий", "ректор", "начальник",
    "облисполком", "горисполком", "министерство", "полпред", "представитель", "судья", "прокурор",
)  # fmt: skip
"""Words of a post: a dismissal or appointment verb that means other things ('fired shots', 'removed
the barrier', 'освободили из-под стражи', 'возглавил колонну') counts only with one of them."""
OFFICE_ONLY = ("post", "position", "office", "duties", "должность", "пост", "обязанность")
"""'relieved of his duties', 'освободил от должности': words that leave no doubt the act is about a post."""
BECOMING = ("became", "becomes", "has become", "стать")
"""'X became the new governor', 'стал послом', 'Новым послом стал X': an appointment only with a post
named right beside the verb (in Russian in the instrumental); 'became the first country' is none."""
TAKING_POST = {*BECOMING, "took over as", "takes over as", "became the new", "took up the post",
               "assumed the post", "занять пост", "занять должность", "вступить в должность",
               "возглавить", "replaced", "replaces", "succeeded", "succeeds", "сменить на пост"}  # fmt: skip
"""Triggers whose subject took the post (nobody decided in the sentence); 'X replaced Y as minister':
the one named after the verb left it."""
PENALTIES = {"штраф", "наказание", "арест", "срок", "сутки", "экспертиза", "проверка", "выборы", "дата",
             "заседание", "слушание", "референдум", "встреча", "пенсия", "fine", "penalty", "date",
             "hearing", "trial", "election", "elections"}  # fmt: skip
"""'назначили штраф', 'назначить выборы': a penalty or a date is imposed or set, nobody is appointed."""

COMPANION_AFTER = {"dismissed", "dismisses", "dismissal", "fired", "sacked", "relieved", "removed",
                   "освободить", "отстранить", "named", "names", "возглавить", "снять", "fires", "sacks",
                   "replaced", "replaces", "succeeded", "succeeds",
                   "took over as", "takes over as", "became the new"}  # fmt: skip
"""Triggers whose companion word must follow them ('dismissed X from the post', not 'a former director
dismissed the opposition')."""

NEEDS_COMPANION: dict[str, tuple[str, ...]] = {
    **{
        verb: AGREEMENT_NOUNS
        for verb in ("signed", "signing", "signs", "sign", "подписать", "подписывать", "подписание", "inked")
    },
    **{noun: IMPOSING for noun in ("sanctions", "санкция", "restrictive measures", "ограничительный мера")},
    **{
        verb: OFFICE_WORDS
        for verb in (
            "dismissed",
            "dismisses",
            "dismissal",
            "fired",
            "sacked",
            "fires",
            "sacks",
            "replaced",
            "replaces",
            "succeeded",
            "succeeds",
            "named",
            "names",
            "возглавить",
            "took over as",
            "takes over as",
            "became the new",
        )
    },
    **{noun: (*OFFICE_WORDS, "following") for noun in ("appointment", "appointments")},
    **{verb: OFFICE_ONLY for verb in ("relieved", "removed", "освободить", "отстранить", "снять")},
    **{verb: OFFICE_WORDS for verb in ("was dismissed", "were dismissed", "been dismissed")},
    "was held": ("forum", "congress", "summit", "session", "conference", "meeting", "talks", "negotiations"),
    "were held": ("talks", "negotiations", "consultations", "meetings"),
    "состояться": ("переговоры", "встреча", "заседание", "форум", "саммит", "съезд", "совещание"),
    "restricted": ("import", "imports", "entry", "transit", "supplies", "access"),
    "restricts": ("import", "imports", "entry", "transit", "supplies", "access"),
    "restrict": ("import", "imports", "entry", "transit", "supplies", "access"),
    "ограничить": ("ввоз", "поставка", "импорт", "въезд", "транзит"),
    "отозвать": ("посол", "посла"),
    "was taken": ("custody", "detention", "police", "masked", "unidentified"),
    "were taken": ("custody", "detention", "police", "masked", "unidentified"),
    "статья": ("опубликовать", "выйти", "написать"),
    "concluded": ("agreement", "contract", "deal", "treaty", "memorandum"),
    "заключить": ("соглашение", "договор", "контракт", "меморандум", "сделка"),
    "заключение": ("соглашение", "договор", "контракт", "меморандум", "сделка"),
    "issued": ("decree", "list", "report", "order", "instructions", "statement", "document"),
    "released": ("report", "statement", "document", "list", "video"),
    "posted": ("statement", "video", "message"),
}
"""Triggers that only count when one of these words is in the same sentence."""

AGREEMENT_WORDS = {
    "contract": "contract", "contracts": "contract", "memorandum": "memorandum", "agreement": "agreement",
    "agreements": "agreement", "treaty": "agreement", "deal": "contract", "resolution": "resolution",
    "plan": "plan", "контракт": "contract", "договор": "agreement", "соглашение": "agreement",
    "меморандум": "memorandum", "постановление": "resolution", "план": "plan", "сделка": "contract",
}  # fmt: skip

PERSON_TITLES = {
    "president", "minister", "governor", "chairman", "chairwoman", "chair", "head", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "secretary", "premier", "mayor", "deputy", "speaker",
    "director", "commander", "leader", "prime", "chief", "envoy", "patriarch", "general",
    "президент", "министр", "премьер-министр", "губернатор", "председатель", "глава", "посол",
    "спикер", "секретарь", "мэр", "заместитель", "вице-премьер", "директор", "командующий",
    "лидер", "руководитель", "представитель", "прэзідэнт", "міністр",
}  # fmt: skip
DAY_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "сегодня", "вчера",
    "накануне", "on", "в", "во", "the", "of", "also", "также",
}  # fmt: skip
"""Words of the day an utterance was made, and what joins them: 'заявил в понедельник глава МИД X'."""
ORG_HEADS = {
    "ministry", "committee", "council", "institute", "bank", "company", "party", "government", "agency",
    "service", "office", "union", "assembly", "parliament", "court", "commission", "corporation",
    "group", "administration", "department", "foundation", "association", "embassy", "academy",
    "university", "forces", "army", "kremlin", "duma", "pmc", "movement", "bloc", "front", "platform",
    "centre", "center", "initiative", "plant", "treasury", "district", "factory", "network", "fund",
}  # fmt: skip
CIRCUMSTANCE = {
    "at",
    "during",
    "on",
    "within",
    "на",
    "в ходе",
    "во время",
    "в рамках",
    "ход",
    "время",
    "рамка",
}
"""'at the meeting', 'на заседании', 'в ходе переговоров': a gathering named as the setting of another
event, not reported by itself."""
SIDELINES = {"sidelines", "margins", "полях", "поле"}
LOCATIVE = {"in", "to", "into", "at", "near", "across", "throughout", "в", "во", "на", "у", "около"}
ORIGIN = {"from", "из", "со", "з"}
SETTLEMENTS = {"city", "town", "village", "capital", "город", "деревня", "поселок", "посёлок", "агрогородок"}
"""'in the western city of Hrodna', 'в городе Гродно': the place named after the kind of place."""
PRONOUNS = {"he", "she", "him", "her", "his", "он", "она", "его", "ее", "ён", "яна"}
ANAPHORA = {
    "the visit": "visit", "the trip": "visit", "the meeting": "meeting", "the talks": "meeting",
    "the negotiations": "meeting", "визит": "visit", "встреча": "meeting", "переговоры": "meeting",
}  # fmt: skip
DEFINITE = {"the", "this", "that", "этот", "эта", "это", "данный", "тот"}
PASSIVE_AUXILIARIES = {"was", "were", "been", "be", "is", "are", "being"}
NOUN_TRIGGERS = {"visit", "trip", "tour", "meeting", "talks", "negotiations", "summit", "session",
                 "conference", "consultations", "statement", "statements", "publication", "ban", "signing",
                 "визит", "поездка", "встреча", "переговоры", "совещание", "заседание", "саммит", "заявление",
                 "публикация", "запрет", "подписание", "посещение"}  # fmt: skip
NEGATIONS = {"not", "never", "no", "didn't", "не", "ни", "не было"}
