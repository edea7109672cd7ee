"""The words that signal each kind of event and each role, in English and Russian (Russian as
pymorphy3 lemmas, so one entry covers every inflection). Data, not logic: extend freely."""

from __future__ import annotations

from graph.ingest.candidates import EventKind

TRIGGERS: dict[EventKind, list[str]] = {
    "visit": [
        "visit", "visited", "visiting", "trip", "tour", "went to", "travelled to",
        "traveled to", "arrived in", "arrived at", "arrives in", "came to", "flew to", "toured",
        "визит", "посетить", "посещать", "посещение", "поездка", "прибыть", "приехать", "отправиться",
        "побывать", "турне", "съездить", "візіт", "наведаць",
    ],
    "contract_signing": [
        "signed", "signing", "signs", "sign", "concluded", "inked",
        "подписать", "подписывать", "подписание", "заключить", "заключение", "падпісаць",
    ],
    "ban": [
        "banned", "ban", "bans", "banning", "prohibited", "prohibits", "prohibit", "barred", "outlawed",
        "blacklisted", "forbade", "forbidden", "entry ban",
        "запретить", "запрет", "запрещать", "запрещение", "заборона", "забараніць",
    ],
    "statement": [
        "said", "says", "stated", "stating", "states that", "announced", "announces", "declared", "noted",
        "claimed", "claims", "believes", "believe", "told", "stressed", "emphasized", "emphasised", "warned",
        "denied", "denies", "according to", "remarked", "argued", "insisted", "admitted", "promised",
        "calling on", "called on", "called for", "called", "described", "refuted", "statement",
        "statements", "reported", "assured", "pointed out", "explained", "suggested", "acknowledged",
        "confirmed",
        "заявить", "сказать", "отметить", "сообщить", "подчеркнуть", "по слово", "считать", "объявить",
        "пообещать", "признать", "предупредить", "опровергнуть", "заявление", "указать", "назвать",
        "призвать", "выступить", "подтвердить", "уверить", "пояснить", "заявіць", "адзначыць",
    ],
    "meeting": [
        "meeting", "met", "meets", "meet with", "talks", "negotiations", "negotiated",
        "summit", "discussed", "session", "conference", "consultations", "phone call", "telephone",
        "встреча", "встретиться", "переговоры", "совещание", "заседание", "саммит", "обсудить",
        "консультация", "телефонный разговор", "сустрэча", "сустрэцца", "перамовы",
    ],
    "publication": [
        "published", "publishes", "publication", "released", "issued", "posted",
        "опубликовать", "публикация", "обнародовать", "издать", "опубликование", "апублікаваць",
    ],
}  # fmt: skip

NEEDS_COMPANION: dict[str, tuple[str, ...]] = {
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
ORG_HEADS = {
    "ministry", "committee", "council", "institute", "bank", "company", "party", "government", "agency",
    "service", "office", "union", "assembly", "parliament", "court", "commission", "corporation",
    "group", "administration", "department", "foundation", "association", "embassy", "academy",
    "university", "forces", "army", "kremlin", "duma", "pmc",
}  # fmt: skip
LOCATIVE = {"in", "to", "into", "at", "near", "across", "throughout", "в", "во", "на", "у", "около"}
ORIGIN = {"from", "из", "со", "з"}
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
