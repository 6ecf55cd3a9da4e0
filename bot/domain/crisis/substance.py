"""Which substance a message about use names, so the lapse reply can give the right advice.

Pure and standard library only; English and Spanish, with street and regional words. It does
not decide whether a message reports use (the screener does); it only picks the advice:
naloxone for an opioid or an unknown drug, alcohol's own safety after alcohol, "don't use
alone" for the rest (docs/clinical.md, Crisis tiers).

A wrong "opioid" costs little (that reply is also the one for an unknown drug), while a wrong
non-opioid answer drops the naloxone line. So every opioid word counts wherever it appears,
words for any drug ("pills", "drogas") make the answer unknown, two different substances make
it unknown, and words that often mean something else ("vino" is also "came", "bar" a pub, a
shot a photo) are left out or need their context. A denial in the same clause ("didn't
drink, just weed") takes a word back, except an opioid's.
"""

from __future__ import annotations

import re

from bot.domain.crisis.written import strip_accents

ALCOHOL, OPIOID, STIMULANT, CANNABIS, BENZO = "alcohol", "opioid", "stimulant", "cannabis", "benzo"
_UNKNOWN = "unknown"  # a drug is named without saying which

_WORDS: dict[str, tuple[str, ...]] = {
    ALCOHOL: (
        "alcohol", "booze", "liquor", "licor", "beer", "beers", "wine", "vodka", "whiskey",
        "whisky", "tequila", "rum", "gin", "brandy", "bourbon", "hennessy", "henny",
        "margarita", "mezcal", "shots", "drink", "drinks", "drank", "drinking", "drunk",
        "tipsy", "hungover", "hangover", "40s", "40oz", "forties", "tallboy", "tallboys",
        "sixpack", "cerveza", "birra", "pola", "chela", "caguama", "guaro", "pisto", "trago",
        "copas", "copitas", "aguardiente", "chupar", "chupe", "chupando", "chupamos",
        "bebi", "beber", "bebiendo", "borracho", "borracha", "borrachera",
        "emborrache", "peda", "pistear", "pisteando", "piste", "pistie", "pisteamos",
        "bebimos", "bebida", "bebidas", "tomadera", "briago", "briaga", "jumo", "juma",
        "pisteado", "pisteada",
    ),
    OPIOID: (
        "heroin", "heroine", "heroina", "dope", "fent", "fenty", "fetty", "fenta", "fentanyl",
        "fentanil", "fentanilo", "blues", "perc", "percs", "percocet", "oxy", "oxys", "oxies",
        "oxycodone", "oxycontin", "oxicodona", "roxy", "roxies", "hydrocodone", "vicodin",
        "norco", "dilaudid", "morphine", "morfina", "methadone", "metadona", "suboxone",
        "bupe", "buprenorphine", "tramadol", "codeine", "codeina", "lean", "sizzurp", "smack",
        "speedball", "painkillers", "opioid", "opioids", "opiate", "opiates", "opioide",
        "opioides", "opiaceo", "opiaceos", "manteca", "tecata", "chiva",
    ),
    STIMULANT: (
        "coke", "cocaine", "cocaina", "crack", "meth", "methamphetamine", "metanfetamina",
        "crystal", "cristal", "tina", "perico", "perica", "piedra", "yayo", "yeyo", "speed",
        "crank", "adderall", "amphetamine", "amphetamines", "anfetamina", "anfetaminas",
        "molly", "mdma", "ecstasy", "extasis", "pase", "pases", "pasecito", "pericazo",
        "pericazos", "farlopa", "empericado", "empericada",
    ),
    CANNABIS: (
        "weed", "pot", "marijuana", "marihuana", "cannabis", "ganja", "kush", "blunt", "blunts",
        "joint", "joints", "edible", "edibles", "dab", "dabs", "thc", "mota", "moto", "pasto",
        "porro", "porros",
    ),
    BENZO: (
        "xanax", "xans", "xannies", "zannies", "benzo", "benzos", "benzodiazepine",
        "benzodiazepines", "clonazepam", "klonopin", "klonopins", "kpins", "valium",
        "diazepam", "ativan", "lorazepam", "alprazolam", "rivotril", "tafil", "roche",
        "roches", "rochas",
    ),
    _UNKNOWN: (
        "pill", "pills", "pastilla", "pastillas", "drugs", "drogas", "droga",
    ),
}  # fmt: skip
_PAIRS: dict[tuple[str, str], str] = {
    ("tall", "boy"): ALCOHOL, ("tall", "boys"): ALCOHOL, ("six", "pack"): ALCOHOL,
    ("cold", "ones"): ALCOHOL, ("40", "oz"): ALCOHOL, ("purple", "drank"): OPIOID,
    ("black", "tar"): OPIOID, ("pain", "pills"): OPIOID, ("china", "white"): OPIOID,
    ("mary", "jane"): CANNABIS, ("k", "pins"): BENZO,
}  # fmt: skip
_EMOJI = {
    "🍺": ALCOHOL, "🍻": ALCOHOL, "🍷": ALCOHOL, "🥃": ALCOHOL, "🍸": ALCOHOL, "🍹": ALCOHOL,
    "🍾": ALCOHOL, "🥂": ALCOHOL, "🍃": CANNABIS, "💊": _UNKNOWN,
}  # fmt: skip
_KIND_OF = {word: kind for kind, words in _WORDS.items() for word in words}
# Spanish "tomar" with no object is drinking ("volví a tomar", "estuve tomando toda la noche",
# "tomé anoche"); with one it is whatever was taken ("me tomé las pastillas", "tomé agua").
_TOMAR = frozenset({
    "tomar", "tome", "tomo", "tomando", "tomado", "tomaba", "tomabamos", "tomamos", "tomaste",
    "tomarme", "tomara", "tomaron",
})  # fmt: skip
# What may follow it and still leave it without an object: a time, an amount, company.
_NO_OBJECT = frozenset({
    "|", "anoche", "ayer", "hoy", "otra", "de", "mucho", "muchisimo", "demasiado", "todo",
    "toda", "todos", "todas", "con", "en", "hasta", "y", "desde", "este", "esta", "sola",
    "solo", "bien", "poco",
})  # fmt: skip
_TIMES = frozenset({"noche", "fin", "dia", "tarde", "rato", "finde"})  # "tomé el fin de semana"
# "didn't drink", "no alcohol", "sin cerveza": a word shortly after these is what was not used.
_NEGATIONS = frozenset(
    {
        "not", "no", "never", "nor", "without", "didn", "didnt", "don", "dont", "wasn",
        "wasnt", "haven", "havent", "won", "wont", "nunca", "ni", "sin",
    }
)  # fmt: skip
_NEGATION_WINDOW = 3
# A denial reaches no further than its clause: "no alcohol, just coke" is coke.
_CLAUSE_ENDS = frozenset({"|", "but", "just", "only", "pero", "solo", "nomas", "sino"})
_WORD = re.compile(r"[a-z0-9]+|[,.;:!?\n]")


def substance_of(text: str) -> str | None:
    """The substance `text` names: alcohol, opioid, stimulant, cannabis, benzo, or None."""
    kinds = _kinds(_words(text)) | {kind for ch, kind in _EMOJI.items() if ch in text}
    if OPIOID in kinds:
        return OPIOID
    if len(kinds) != 1 or _UNKNOWN in kinds:
        return None  # nothing named, a drug not named, or a mix: the naloxone reply
    return kinds.pop()


def _words(text: str) -> list[str]:
    """Lower-case ASCII words, "|" where a clause ends ("didn't" is "didn", the lone "t"
    dropped)."""
    plain = strip_accents(text.lower())
    words = [w if w.isalnum() else "|" for w in _WORD.findall(plain)]
    return [w for w in words if w not in ("t", "s")]


def _kind(word: str) -> str | None:
    """The word's substance, plurals included ("cervezas", "licores")."""
    for stem in (
        word,
        word[:-1] if word.endswith("s") else "",
        word[:-2] if word.endswith("es") else "",
    ):
        if stem in _KIND_OF:
            return _KIND_OF[stem]
    return None


def _kinds(words: list[str]) -> set[str]:
    found: set[str] = set()
    for i, word in enumerate(words):
        before = _clause_before(words, i)
        kind = _pair_kind(words, i) or _kind(word) or _drinking(words, i)
        if word == "bars" and before[-1:] not in (["the"], ["los"], ["las"]):
            kind = BENZO  # Xanax bars; "the bars" are where people drink
        # An opioid counts even when denied: that reply is the one for "unknown" too.
        if kind and (kind == OPIOID or _NEGATIONS.isdisjoint(before)):
            found.add(kind)
    return found


def _clause_before(words: list[str], i: int) -> list[str]:
    """Up to three words before `words[i]`, within its clause."""
    before = words[max(0, i - _NEGATION_WINDOW) : i]
    ends = [n for n, w in enumerate(before) if w in _CLAUSE_ENDS]
    return before[ends[-1] + 1 :] if ends else before


def _pair_kind(words: list[str], i: int) -> str | None:
    """The substance two words name together, counted at the second ("tall boys")."""
    return _PAIRS.get((words[i - 1], words[i])) if i else None


def _drinking(words: list[str], i: int) -> str | None:
    """ALCOHOL for a form of "tomar" with no object after it (`_TOMAR`, `_NO_OBJECT`)."""
    if words[i] not in _TOMAR:
        return None
    after = words[i + 1 : i + 3] or ["|"]
    if after[0] in ("el", "la", "un", "una"):  # an object, unless a time: "el fin de semana"
        return ALCOHOL if after[1:] and after[1] in _TIMES else None
    return ALCOHOL if after[0] in _NO_OBJECT else None
