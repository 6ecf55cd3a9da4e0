"""Crisis-language screener: which safety script, if any, a free-text message calls for.

Pure and standard library only; English and Spanish. Two halves decide together:

- hand-written rules (`patterns`), the floor: a rule for an emergency (tier 1) always gets an
  answer, the 911 script unless the model is sure the message is ordinary (then the check);
- a learned model (`model`, built from the labelled train split under data/crisis/) that
  generalises to paraphrase, slang, typos and both languages, and gives a probability per
  label.

`decide` turns both into one answer: a tier's full script when the model is sure of it (or a
rule fired and the model does not call the message ordinary), the calm safety check
(`Tier.CHECK`) when something heavy was said but no tier is clear, else nothing. It favours
recall (docs/clinical.md, Crisis screening): a check shown to someone who did not need it
costs little, a missed crisis costs a great deal. The thresholds are chosen by the build tool
on the train split.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import IntEnum
from typing import Literal

from bot.domain.crisis import model
from bot.domain.crisis import patterns as cp
from bot.domain.crisis.written import strip_accents


class Tier(IntEnum):
    """The scripted reply a message calls for; a lower number is more urgent."""

    EMERGENCY = 1  # overdose now, unresponsive or not breathing, intent with means or "now"
    CRISIS = 2  # suicidal thoughts, self-harm, harm to others, abuse or threats
    LAPSE = 3  # the client reports their own alcohol or drug use
    POISON = 4  # accidental dose or swallowed household product, no sign of collapse
    CHECK = 5  # something heavy but no tier is clear, or a denial: a calm safety check


_RULES_BY_TIER: tuple[tuple[Tier, tuple[cp.Rule, ...]], ...] = (
    (Tier.EMERGENCY, cp.EMERGENCY),
    (Tier.CRISIS, cp.CRISIS),
    (Tier.LAPSE, cp.LAPSE),
    (Tier.POISON, cp.POISON),
)
_TIERS = (Tier.EMERGENCY, Tier.CRISIS, Tier.LAPSE, Tier.POISON)
# Which histories let a rule's match go (`_history`): none, any, or the writer's own only.
History = Literal["", "any", "own"]
_HISTORY_BY_TIER: dict[Tier, History] = {
    Tier.EMERGENCY: "own", Tier.CRISIS: "any", Tier.LAPSE: "any",
}  # fmt: skip
MIN_WORDS_FOR_CHECK = 3
PART_WORDS = 40  # a longer message is screened a few sentences at a time
_SENTENCES = re.compile(r"(?<=[.!?\n])\s+")
_CLAUSES = re.compile(r"(?<=[,;:])\s+")
# Said of oneself, on the normalised text: "not suicidal", "no soy suicida", "i dont want
# to die", "no me quiero matar". "no quiero vivir" is not one: it wishes not to live.
_DENIAL = re.compile(
    r"\b(?:im not|i am not|not|never|no)\s+(?:suicidal|suicida)\b"
    r"|\bno\s+(?:soy|estoy)\s+suicida\b"
    r"|\b(?:dont|do not|never)\s+want\s+to\s+(?:die|kill myself|end it)\b"
    r"|\bno\s+(?:me\s+)?quiero\s+(?:morir|matar(?:me)?)\b"
    # "im not gonna kill myself, just tired", "no me voy a matar, nomas estoy cansada".
    r"|\b(?:not|never|wont|wouldnt|would never|will never)\s+(?:going\s+to\s+|gonna\s+|about\s+to"
    r"\s+)?(?:kill\s+myself|end\s+my\s+life|end\s+it|do\s+anything\s+stupid|hurt\s+myself"
    r"|do\s+anything\s+to\s+myself)\b"
    r"|\bno\s+(?:estoy\s+pensando|pienso|planeo)\s+en\s+(?:suicidarme|matarme|quitarme\s+la"
    r"\s+vida|hacerme\s+(?:dano|algo))\b|\bno\s+me\s+voy\s+a\s+hacer\s+(?:dano|nada)\b"
    r"|\bno\s+(?:me\s+)?voy\s+a\s+(?:matar|suicidar|quitar\s+la\s+vida|hacer\s+nada)\b"
    r"|\bno\s+(?:voy\s+a|pienso)\s+(?:matarme|suicidarme|quitarme\s+la\s+vida)\b"
    r"|\b(?:nunca|jamas)\s+(?:me\s+mataria|me\s+suicidaria|me\s+quitaria\s+la\s+vida)\b"
    # "no thoughts of hurting myself", "no tengo pensamientos de hacerme dano".
    r"|\b(?:no\s+|not\s+having\s+(?:any\s+)?|dont\s+have\s+(?:any\s+)?|without\s+(?:any\s+)?)"
    r"(?:suicidal\s+)?thoughts?\s+of\s+(?:hurting|killing|harming|ending)\s+(?:myself|my\s+life)\b"
    r"|\bno\s+suicidal\s+thoughts\b|\b(?:no\s+(?:tengo\s+)?|sin\s+)(?:ningun\s+)?pensamientos?"
    r"\s+(?:suicidas?|de\s+(?:hacerme\s+dano|matarme|suicidarme|quitarme\s+la\s+vida"
    r"|suicidio))\b"
    # Asked and answered no: "my therapist asked if i have thoughts of hurting myself and i
    # said no", "me pregunto si quiero hacerme dano y le dije que no".
    # Not when the answer is then taken back ("and i said no but i lied").
    r"|(?:\b(?:asked|asks|asking)\s+(?:me\s+)?(?:if|whether)\s+(?:\w+\s+){1,10}?(?:and\s+)?i"
    r"\s+said\s+no\b|\b(?:me\s+)?pregunt\w+\s+si\s+(?:\w+\s+){1,10}?(?:y\s+)?(?:le\s+|les\s+)?"
    r"dije\s+que\s+no\b)(?!.*\b(?:but|pero|lied|menti\w*|mentira|truth|verdad|actually"
    r"|honestly|la neta|aunque)\b)"
)


def screen(text: str) -> Tier | None:
    """The reply `text` calls for: a tier, `Tier.CHECK`, or None (nothing to say).

    A long message is read a few sentences at a time (the model learned from phone-length
    messages), and the most urgent answer of any part is the message's answer; a sentence
    of more than PART_WORDS words also a few clauses at a time."""
    normal = normalize(text)
    if not normal.strip(" ."):
        return None
    rule, taught = _rule_tiers(normal)
    if rule is Tier.EMERGENCY and len(text.split()) > PART_WORDS:
        return rule
    parts, finer = _parts(text), _parts(text, clauses=True)
    answer = _screen_parts(text, normal, rule, taught, parts)
    if finer != parts:
        # A run-on sentence is also read a few clauses at a time, and the more urgent reading
        # stands: a critic's "...group went ok, my counselor asked about my week and I lied
        # ... Ive been thinking about killing myself every night since my mom passed, then I
        # went to the pharmacy..." got nothing, its 63 words one part the model read as
        # ordinary; read whole, another message's collapse is clearer than in its clauses.
        found = [a for a in (answer, _screen_parts(text, normal, rule, taught, finer)) if a]
        answer = min(found) if found else None
    return answer


def _screen_parts(
    text: str, normal: str, rule: Tier | None, taught: Tier | None, parts: list[str]
) -> Tier | None:
    """The answer for `text` read as `parts`: one part as a whole message, or several, the
    most urgent answer of any (the whole message's rule tier when none answers)."""
    if len(parts) == 1:
        answer = _screen_part(text, normal, rule, taught)
        if answer is Tier.CHECK and any(
            _screen_part(tail, n, *_rule_tiers(n, whole=False)) is Tier.EMERGENCY
            for tail in _after_but(text) if (n := normalize(tail)).strip(" .")
        ):  # fmt: skip
            # Doubt already, and what follows a "but" reads as an emergency alone: recovery
            # or a denial said first ("tenia 2 anos limpio pero hoy me inyecte y no puedo
            # respirar") had made the model doubt the emergency after it (a critic's, issue 8).
            return Tier.EMERGENCY
        return answer
    found = []
    for part in parts:
        part_normal = normalize(part)
        if part_normal.strip(" ."):
            # Its history exception is for a whole message: a part lacks the rest of it.
            found.append(_screen_part(part, part_normal, *_rule_tiers(part_normal, whole=False)))
    answers = [tier for tier in found if tier is not None]
    return min(answers) if answers else rule


# "But" in either language, typed or normalised.
_BUT = re.compile(r"(?i)\b(?:but|though|although|however|pero|aunque|sin embargo)\b")


MIN_TAIL_WORDS = 3
# A tail that says all is well ("but he coughed it up and hes fine now") is no emergency.
_REASSURED = re.compile(
    r"\b(?:hes|shes|im|were|theyre|he is|she is|i am|we are|they are|its|it is|everyones"
    r"|everybody is) (?:all |totally |really |completely )?(?:fine|ok|okay|good|alright"
    r"|all right|safe|breathing)"
    r"(?: now)?\b|(?<!\bno )\b(?:ya )?(?:esta|estoy|estamos|estan) (?:bien|a salvo|mejor)\b"
)


def _after_but(text: str) -> list[str]:
    """What follows each "but" ("pero", "though", ...) of `text`, when it is at least
    `MIN_TAIL_WORDS` words."""
    tails = (text[m.end() :].strip(" ,.;:") for m in _BUT.finditer(text))
    return [
        tail for tail in tails
        if len(tail.split()) >= MIN_TAIL_WORDS and not _REASSURED.search(normalize(tail))
    ]  # fmt: skip


def _emergency_after_but(normal: str) -> bool:
    """Whether an emergency rule fires on what follows a "but" ("pero", "though", ...) of
    the normalised message, read alone."""
    return any(
        _rule_tiers(normal[m.end() :].strip(" ."), whole=False)[0] is Tier.EMERGENCY
        for m in _BUT.finditer(normal)
    )


def denies(normal: str) -> bool:
    """Whether a normalised message denies suicidal intent ("not suicidal, just tired")."""
    return _DENIAL.search(normal) is not None


def word_count(normal: str, text: str = "") -> int:
    """Words of a normalised message, sentence breaks left out, plus each run of emoji in
    the original `text` ("bye everyone 💊💊💊 👋" is three): they carry meaning. With `text`,
    a word is counted as typed: the normaliser spells out "idk" as "i dont know", and a reply
    of one or two typed words ("idk", "idk tbh") is as short as "no" ("decide" gives no check
    to one or two words with no rule behind them)."""
    words = sum(1 for word in normal.split() if word != ".")
    if text:
        words = min(words, len(_TYPED_WORD.findall(text)))
    return words + len(_EMOJI_RUN.findall(text))


# What people type to steer the conversation ("stop" at a step, "salir"): said alone, never
# crisis language. The model learned "stop" from "make it stop" and "he won't stop".
CONTROL_WORDS = frozenset({
    "stop", "cancel", "skip", "back", "menu", "done", "next", "quit", "exit", "end",
    "parar", "para", "cancelar", "saltar", "atras", "listo", "salir", "siguiente",
    "terminar", "fin",
})  # fmt: skip


# Risk words that, in a message of a few words with nothing else to go on ("suicide",
# "no hope", "me rindo", "ugh kill me"), call for the calm safety check: the model learned
# them in sentences and can miss them alone, and the rules need more context to give a
# script. Matched on the normalised text (lowercase, no accents).
SHORT_WORDS = 4
_SHORT_RISK = re.compile(
    r"\b(?:suicid\w*|die|dying|death|kill me|kill myself|killing myself|hopeless\w*"
    r"|no hope|without hope|no point|pointless|nothing matters|worthless|give up|giving up"
    r"|gave up|cant go on|cant do this|end it all|end my life|unalive|self harm|cut myself"
    r"|cutting myself|hang myself|want out"
    r"|morir\w*|muerte|muerto|muerta|matar(?:me|nos)?|matenme|sin esperanza|no hay esperanza"
    r"|no tengo esperanza|nada importa|nada vale|no vale la pena|me rindo|rendirme|no puedo mas"
    r"|sin sentido|autolesion\w*|cortarme|ahorcarme|desesperad[oa]|desesperanza)\b"
)
# What may stand beside such a word for the check to hold ("i just want to die", "ya me
# rindo"); any other word ("dying to see you", "muerta de hambre", "death metal", "lol")
# makes it the everyday phrase, left to the model.
_SHORT_FILLER = frozenset({
    "i", "im", "am", "so", "just", "ugh", "really", "feel", "feeling", "me", "want", "to",
    "its", "it", "is", "all", "now", "rn", "honestly", "tbh", "fr", "idk", "man", "bro",
    "yo", "ya", "solo", "siento", "estoy", "quiero", "todo", "ahora", "neta", "la", "de", ".",
})  # fmt: skip


def _short_risk(normal: str) -> bool:
    """A few words that are a risk word and nothing but fillers (`_SHORT_RISK`)."""
    found = _SHORT_RISK.search(normal)
    if found is None:
        return False
    rest = (normal[: found.start()] + " " + normal[found.end() :]).split()
    return all(word in _SHORT_FILLER for word in rest)


def _screen_part(text: str, normal: str, rule: Tier | None, taught: Tier | None) -> Tier | None:
    """One part's answer, given what the rules said of it (`rule`: all of them; `taught`:
    those the model was trained with, its input). A tier 1 only a rule not taught yet gives
    stands: the model cannot weigh a kind it never learned.

    Three guards on the model where it has too little to go on: a bare control word is no
    crisis; one word alone ("bye", "adiós") that no rule reads as a crisis gets at most the
    safety check, never a full script: the check asks, with help one tap away, and only when
    a tier is the model's clear reading of it (its probability at "full"), not on the
    "alarm" or the lower "emergency" threshold (a P(emergency) that turns a longer message's
    reply into the 911 script: one word such as "purple" or "tonight" reaches it without
    meaning anything; "purple" alone read 0.61 once the train data held purple lips); and a
    few words with a risk word in them (`_SHORT_RISK`) get at least that check."""
    bare = normal.strip(" .!?¡¿").replace("á", "a").replace("ú", "u")
    if rule is None and bare in CONTROL_WORDS:
        return None
    if rule is Tier.EMERGENCY and taught is not Tier.EMERGENCY:
        # Only a rule not taught yet says tier 1 (cp.Rule.taught): the model never learned
        # its kind, so its doubt ("this reads as ordinary") is no reason to stand it down.
        return rule
    if rule is Tier.EMERGENCY and _emergency_after_but(normal):
        # An emergency rule in what follows a "but" ("im 2 years clean but my sponsor isnt
        # breathing"): the recovery said first is no reason for the model's doubt (a
        # critic's, issue 8).
        return rule
    loaded = model.load()
    probabilities = loaded.probabilities(text, normal, int(taught) if taught else None)
    denial = denies(normal)
    thresholds = loaded.header["thresholds"]
    words = word_count(normal, text)
    if rule is None and words <= 1:  # a clear reading: the top tier at "full", not lower
        thresholds = {**thresholds, "alarm": 2.0, "emergency": thresholds["full"]}
    answer = decide(rule, probabilities, thresholds, words, denial, language(normal))
    if rule is None and words <= 1 and answer is not None and answer < Tier.CHECK:
        return Tier.CHECK
    if answer is None and words <= SHORT_WORDS and not denial and _short_risk(normal):
        return Tier.CHECK
    return answer


def _parts(text: str, most: int = PART_WORDS, clauses: bool = False) -> list[str]:
    """`text` as pieces of whole sentences, each at most about `most` words. With `clauses`,
    a sentence longer than that (a voice-to-text run-on, commas for full stops) is cut at its
    commas, and a clause still longer into windows of `most` words that overlap by half."""
    if len(text.split()) <= most:
        return [text]
    pieces: list[str] = []
    for sentence in _SENTENCES.split(text):
        if not clauses or len(sentence.split()) <= most:
            pieces.append(sentence)
            continue
        for clause in _CLAUSES.split(sentence):
            words = clause.split()
            step = most // 2
            pieces += (
                [clause] if len(words) <= most
                else [" ".join(words[i : i + most]) for i in range(0, len(words) - step, step)]
            )  # fmt: skip
    parts: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if current and len(" ".join([*current, piece]).split()) > most:
            parts.append(" ".join(current))
            current = []
        current.append(piece)
    parts.append(" ".join(current))
    return [part for part in parts if part.strip()]


def rule_tier(text: str) -> Tier | None:
    """What the hand-written rules alone say: the most urgent tier that matches, or None."""
    normal = normalize(text)
    return _rule_tiers(normal)[0] if normal.strip(" .") else None


def taught_tier(text: str) -> Tier | None:
    """What the rules the model was trained with say (`cp.Rule.taught`): its input."""
    normal = normalize(text)
    return _rule_tiers(normal)[1] if normal.strip(" .") else None


def _rule_tiers(normal: str, whole: bool = True) -> tuple[Tier | None, Tier | None]:
    """The most urgent tier whose rules match `normal`, and the most urgent whose taught
    rules do. A crisis or lapse rule told as history from recovery (`_history`) does not
    count in a `whole` message, nor an emergency rule told as the writer's own ("back when i
    was using i woke up not breathing. never again"); a poisoning always does, and an
    emergency that was someone else's (what is well now is the writer, not the person who
    was in danger)."""
    found: Tier | None = None
    for tier, rules in _RULES_BY_TIER:
        history = _HISTORY_BY_TIER.get(tier, "") if whole else ""
        for rule in rules:
            if (rule.taught or found is None) and _fires(rule, normal, history):
                if rule.taught:
                    return found or tier, tier
                found = tier
    return found, None


def decide(
    rule: Tier | None, p: Mapping[str, float], thresholds: Mapping[str, float],
    words: int = 3, denial: bool = False, lang: str = "",
) -> Tier | None:  # fmt: skip
    """Rules and model probabilities -> the reply. A rule for an emergency always gets an answer:
    the 911 script, or the safety check when P(none) reaches "doubt" (the words of an emergency
    in an ordinary message, such as news about an overdose or a story from years ago) and the
    message has three words or more. The other `thresholds`: "full" (a tier's script when its
    probability reaches it; "emergency", lower, for the 911 script when tier 1 is the likeliest
    tier), "alarm" (the 911 script when P(emergency) reaches it and P(none) is under "veto",
    even if another tier is likelier: an overdose a lapse rule caught, "I used and now I can't
    breathe"), "veto" (a rule stands unless P(none) reaches it; a lapse rule on one or two
    words always stands, "recaí" alone being a report of use, while "suicide" alone may be a
    title), "check" (the safety check when P(anything but none) reaches it; "check_en" /
    "check_es" replace it for a message `language` reads as that language). `words`: the
    message's length; one or two words with no rule behind them ("no", "8pm", a name) never get
    the check. `denial`: the message denies suicidal intent ("not suicidal, just tired"): the
    check at most, unless it is an emergency."""
    if rule is Tier.EMERGENCY:  # on one or two words ("I overdosed", "no respira") it stands
        stands = p["none"] < thresholds.get("doubt", 2.0) or words < MIN_WORDS_FOR_CHECK
        return rule if stands else Tier.CHECK
    if denial and rule is Tier.CRISIS:
        return Tier.CHECK
    if p["emergency"] >= thresholds.get("alarm", 2.0) and p["none"] < thresholds["veto"]:
        return Tier.EMERGENCY
    best = max(_TIERS, key=lambda tier: p[tier.name.lower()])
    sure = thresholds.get("emergency", 1.0) if best is Tier.EMERGENCY else 1.0
    if p[best.name.lower()] >= min(thresholds["full"], sure):
        return min(best, rule) if rule is not None else best
    if rule is not None and p["none"] < thresholds["veto"]:
        return rule
    if rule is Tier.LAPSE and words < MIN_WORDS_FOR_CHECK:
        return rule  # "recaí", "i relapsed": the model has too little to weigh against it
    check = thresholds.get(f"check_{lang}", thresholds["check"])
    if words >= MIN_WORDS_FOR_CHECK and 1.0 - p["none"] >= check:
        return Tier.CHECK
    return None


# --- which emergency: suicidal intent, or a body in danger ---------------------------------

# Suicide said or implied, of oneself or of someone else: the self-harm rules, a high place,
# a weapon or a rope, a farewell, or "himself"/"herself" with a way of dying.
_SUICIDE_CUE = re.compile(
    rf"{cp.FAREWELL}|\b{cp.HIGH_PLACES}\b"
    # The note written, the night set ("i wrote my note. tonight is the night").
    r"|\b(?:wrote|left|writing|written) (?:my|a|the|them) (?:last |goodbye |suicide )?(?:note"
    r"|letter)s?\b|\b(?:deje|escribi) (?:mi|una|la|las) (?:nota|carta)s?\b"
    r"|\btonight is the night\b|\bhoy es el dia\b"
    # The means held by the writer, not yet used ("the pills in my hand"); not someone else's
    # ("he's got a knife" is violence).
    rf"|(?<!\bhe )(?<!\bshe )(?<!\bhes )(?<!\bshes )(?<!\bthey )(?<!\btheyve )(?<!\bhas )"
    rf"(?:{cp.HOLDING_MEANS})"
    r"|\b(?:gun|guns|pistol|revolver|rifle|shotgun|rope|noose|pistola|arma|cuete|soga|cuerda)\b"
    r"|\b(?:kill|killing|shoot|shooting|hang|hanging|end|ending) (?:himself|herself|themselves"
    r"|his life|her life|their life)\b|\bsuicid\w*"
    r"|\bse (?:va|quiere|iba) a (?:matar|morir|aventar|tirar|colgar|ahorcar)\b"
    r"|\bquitarse la vida\b|\b(?:me|se) (?:voy|va) a (?:aventar|tirar|colgar|ahorcar)\b"
    r"|\b(?:going to|gonna|about to|want to|wanna|ready to|voy a|me voy a|quiero)"
    r" (?:\w+ )?(?:take|swallow|tomar|tomarme|tragar|tragarme)"
    r" (?:\w+ ){0,3}?(?:pills|pastillas|them all|all of them|everything|todas|todo)\b"
)
# Something already taken or done, or a body in danger: then the overdose steps are the help.
_ACT_OR_BODY = re.compile(
    r"\b(?:took|taken|swallowed|popped|downed|drank|ate|snorted|sniffed|smoked|injected"
    r"|shot up|used|mixed|overdosed|overdosing|tome|me tome|trague|me trague|bebi|me meti"
    r"|me inyecte|se tomo|se trago|se metio|se inyecto|fume)\b"
    r"|\b(?:breath\w*|breathing|respir\w*|wake|waking|awake|despiert\w*|respond\w*|answer\w*"
    r"|reacciona\w*|contesta\w*|blue|grey|gray|purple|pale|azul|morad\w*|palid\w*|cold"
    r"|frio|fria|seiz\w*|convuls\w*|foam\w*|espuma|bleed\w*|blood|sangr\w*|unconscious"
    r"|inconsciente|passed out|collapsed|desmay\w*|pulse|pulso|heart|corazon|chest|pecho"
    r"|dying|muriendo)\b"
)

# Something taken: with violence in the same message, the overdose steps still come first.
# Drug words only: "took my phone" is no overdose.
_TAKEN = re.compile(
    r"\b(?:swallowed|snorted|injected|shot up|overdosed|overdosing|overdose|od|pills|naloxone"
    r"|narcan|fentanyl|fent|trague|me trague|me inyecte|se trago|se inyecto|sobredosis"
    r"|pastillas|naloxona|fentanilo)\b|\b(?:took|taken|tome|me tome|se tomo|me meti|se metio)"
    r" (?:\w+ ){0,2}?(?:pills|them all|all of them|everything|a bunch|a lot|too much|some"
    r"|something|pastillas|todo|todas|un monton|algo|de mas)\b"
)

# Someone else's threat to the writer ("says hell kill me", "me va a matar", "they will shoot
# us"), not a wish ("someone just kill me").
_THREAT_BY_OTHER = re.compile(
    r"\b(?:he|she|they|hes|shes|theyre|he is|she is|they are|hell|shell|theyll|he will"
    r"|she will|they will|says|said|keeps saying|threatens|threatened|swore|swears)"
    r" (?:\w+ ){0,3}?(?:kill|hurt|shoot|stab|choke|beat|end|cut) (?:me|us)\b"
    r"|\b(?:me|nos) (?:va|van|quiere|quieren) (?:a )?(?:matar|disparar|apunalar|pegar)\b"
    r"|\b(?:hoy|ahorita|ahora) (?:me|nos) mata\b"
)

# Someone else as the actor: a pronoun, a person named ("my bf", "mi novio", "el guy"), or
# a stranger ("a guy", "some dude", "alguien", "un tipo").
_ACTOR = (
    rf"(?:{cp.WHO}|(?:my|mi|el|la|the|this|that|a|some|un|una|los|las) (?:\w+ )?(?:{cp.PEOPLE}"
    r"|bf|gf|roomate|roomie|dude|stranger|intruder|wey|vato|tipo|hombre|senor|marido|pareja"
    r"|suegro|padrastro|cunado|boys|guys|del punto)|alguien|ella|ellos|theres (?:a|some) \w+)"
)
_WEAPON = (
    r"(?:gun|guns|pistol|knife|knives|machete|bat|hammer|blade|rifle|shotgun|pistola|cuchillo"
    r"|navaja|arma|bate|fierro|fierros|cuete|escopeta|martillo)"
)
# Tier 1 already decided: which emergency it is. Violence read more widely than the rules
# read it (a critic's, issue 8): someone else armed ("hes at the door with a gun", "el guy
# tiene un gun"), unless a goodbye or a suicide is said (then it is their intent: "my dad
# texted goodbye and left with his shotgun"); an attack in any tense or just begun ("just
# started choking me", "threw a pot at my head", "is hurting my little sister"); being
# locked in or hiding ("he locked me in", "me encerro", "estoy escondida"); a break-in.
_ARMED = re.compile(
    rf"\b{_ACTOR} (?:\w+ ){{0,8}}?(?:has|got|with|holding|swinging|waving|pointing|pulled"
    rf"|tiene|trae|traen|con|agarro|saco|apuntando con) (?:\w+ ){{0,2}}?{_WEAPON}\b"
    rf"|\b{_WEAPON} (?:to|at|against) (?:us|her|him|my {cp.PEOPLE})\b"
    rf"|\b(?:me|nos) (?:esta|estan|anda|andan) apuntando\b"
    rf"|\b(?:esta|estan|anda|andan) (?:\w+ ){{0,3}}?con (?:(?:un|una|unos|unas|sus|su) )?"
    rf"{_WEAPON}\b"
)
_ATTACK = re.compile(
    r"(?<!\bi )(?<!\byo )\b(?:hitting|beating|choking|strangling|stabbing|punching|kicking"
    r"|attacking|hurting|slapping|shoving|dragging|threatening|chasing|throwing \w+ at"
    r"|swinging (?:\w+ ){0,2}at|started (?:hitting|choking|beating|punching|strangling"
    r"|kicking)) (?:me|us|my|her|him|them|his|their)\b"
    r"|(?<!\bi )\b(?:stabbed|punched|choked|strangled|kicked|slapped|attacked|beat|hit"
    r"|shot) (?:me|us|someone|somebody|a guy|a girl|my (?!head\b|face\b)\w+)\b"
    r"|(?<!\bi )\b(?:threw|throwing|slamming|slammed|stomping|stomped) (?:\w+ ){0,3}?(?:at|into"
    r"|against) (?:me|us|my|the wall|the floor)\b|(?<!\bi )\b(?:stomping|stomped|slamming)"
    r" (?:me|us|my|her|him)\b|\b(?:has|got|grabbed) (?:me|us|my|her|him)(?: \w+)? (?:by the )?"
    r"(?:throat|neck)\b|\btiene a (?:\w+ ){1,2}del cuello\b"
    r"|\b(?:le|les) esta(?:n)? (?:dando|pegando|golpeando) a\b|\b(?:le|les) (?:pego|pegaron) a\b"
    r"|\b(?:la|lo|los|las|le|me|nos) (?:esta|estan|tiene|tienen) (?:\w+ )?(?:pegando|golpeando"
    r"|arrastrando|ahorcando|jalando|agarrad[oa] del (?:cuello|pelo)|contra la pared)\b"
    r"|\b(?:ahorcandola|ahorcandolo|golpeandola|golpeandolo|pegandole|arrastrandola)\b"
    r"|\bagarro (?:a )?(?:\w+ ){0,3}?del (?:cuello|pelo)\b|\b(?:dio|dar) un (?:madrazo|putazo"
    r"|golpe|chingadazo)\b|\b(?:punching|kicking|smashing|breaking) (?:the|my) (?:\w+ )?"
    r"(?:window|windshield|door)s?\b|\bbreaking in\b|\brompio la (?:puerta|ventana)\b"
    r"|\b(?:locked|locks|has) (?:me|us) (?:in|up|inside)\b|\b(?:has|got) (?:me|us) locked\b"
    r"|\bwont let (?:me|us) (?:leave|out|go)\b|\bhiding (?:from|in)\b|\bim hiding\b"
    r"|\b(?:me|nos) (?:encerro|encerraron|tiene encerrad\w*|apunta|apuntan|acaba de (?:ahorcar"
    r"|pegar|golpear|apunalar)|esta(?:n)? (?:pegando|golpeando|lastimando|ahorcando|hitting"
    r"|amenazando|aventando|jalando|arrastrando))\b|\bno (?:me|nos) deja(?:n)? salir\b"
    r"|\b(?:estoy|estamos) escondid\w*|\bme estoy escondiendo\b"
    r"|\b(?:broke|kicked|busted|breaking|kicking|pounding on|banging on) (?:the|my|our|down the)"
    r" (?:\w+ )?(?:door|window)s?\b|\bbroke in\b|\b(?:se metio|se quiere meter|se quieren"
    r" meter|quiere entrar|quieren entrar|tratando de entrar|queriendo entrar"
    r"|intentando entrar) (?:a|en|por) (?:mi|la|nuestra) (?:casa|ventana|puerta|cuarto|depa"
    r"|departamento)\b|\b(?:trying to|tryna) (?:get|break) (?:in|into)\b"
    r"|\b(?:rompiendo|pateando|patadas a) la (?:puerta|ventana)\b"
    r"|\b(?:me|nos) (?:quiere|quieren) matar\b"
)
_GOODBYE = re.compile(
    rf"{cp.FAREWELL}|\b(?:texted|said|saying|sent|left|mando|mandaron|dejo)(?: \w+){{0,3}}"
    r" (?:goodbye|bye|sorry|love you|despedida|adios)\b|\bdespidiendose\b|\bse despidio\b"
    r"|\b(?:in (?:his|her|their)|en la) (?:mouth|boca)\b|\b(?:hes|shes|he is|she is|theyre)"
    r" (?:doing|gonna do|going to do) it\b"
)
# Someone else's suicide, which the intent reply answers: "going to shoot himself".
_OTHERS_SUICIDE = re.compile(
    r"\b(?:himself|herself|themselves|suicid\w*|his life|her life|their life"
    r"|quitarse la vida|se (?:va|quiere|iba) a (?:matar|morir|quitar|colgar|ahorcar|tirar)"
    r"|se quiere (?:matar|morir)|se mata|se va a matar)\b"
)
# The writer's own suicide said: a goodbye, a high place, the words.
_OWN_INTENT = re.compile(
    rf"{cp.FAREWELL}|\b{cp.HIGH_PLACES}\b|\b(?:kill myself|end my life|end it all|matarme"
    r"|quitarme la vida|suicid\w*|kms)\b"
)
# A car running in a closed garage, charcoal in a sealed room: away from the means, not the
# overdose steps.
_FUMES = re.compile(
    r"\b(?:charcoal|carbon|anafre|brasero)\b|\bsealed (?:the|my) (?:windows|door|room)\b|"
    r"\b(?:garage|garaje|cochera)\b.*\b(?:engine|running|motor|prend\w*|encend\w*)\b"
    r"|\b(?:engine|car|motor|carro|troca) (?:\w+ ){0,3}(?:running|on|prend\w*|encend\w*)\b"
    r".*\b(?:garage|garaje|cochera)\b"
)

# What `emergency_kind` reads as violence, and as intent (the untaught rules marked so).
_VIOLENCE_RULES = (*cp.VIOLENCE_HAPPENING, *cp.VIOLENCE_UNTAUGHT)
_ATTACKED = cp.HARM_FROM_OR_TO_OTHERS[:2]
_INTENT_RULES = (*cp.SELF_HARM, *cp.EMERGENCY_INTENT, *(r for r in cp.EMERGENCY if r.intent))

EmergencyKind = Literal["violence", "intent", "body"]


def emergency_kind(text: str) -> EmergencyKind:
    """Which emergency reply a tier-1 message calls for; every one begins with 911.

    - "violence": someone hurting or threatening the writer or someone with them now ("he
      has a gun and says hell kill me", "me está pegando"), nothing said to be taken: get
      away, leave the line open, the domestic violence hotline when safe.
    - "intent": suicidal intent not yet acted on ("I want to end my life tonight", a gun in
      hand, a bridge, a goodbye), of oneself or of someone else: 911 and 988, stay with
      someone, away from the means.
    - "body": an overdose, a body in danger, anything taken, or no cue at all: the overdose
      steps (the default in doubt, since they also begin with 911).
    """
    normal = normalize(text)
    suicide = _OTHERS_SUICIDE.search(normal) or _OWN_INTENT.search(normal)
    violent = bool(_THREAT_BY_OTHER.search(normal)) or any(
        _fires(r, normal) for r in _VIOLENCE_RULES
    )
    if not violent and not suicide:  # the wider reading yields to a suicide said
        violent = bool(_ATTACK.search(normal)) or bool(
            _ARMED.search(normal) and not _GOODBYE.search(normal)
        )
    # Attacked, told in any tense ("he stabbed me and im bleeding"), in an emergency message
    # with no word of suicide: the harm done to the writer is the emergency.
    attacked = any(_fires(r, normal) for r in _ATTACKED) and not _SUICIDE_CUE.search(normal)
    if violent or attacked:
        return "body" if _TAKEN.search(normal) else "violence"
    if _ACT_OR_BODY.search(normal):
        return "body"
    cue = suicide or _FUMES.search(normal) or _SUICIDE_CUE.search(normal)
    if cue or any(_fires(r, normal) for r in _INTENT_RULES):
        return "intent"
    return "body"


# Common words of one language and not the other, on normalised text (accents off).
_SPANISH = frozenset(
    cp.words(
        "que q de la el los las y en me mi mis es esta estoy estaba por pa para con un una ya"
        " pero se lo le les del al su sus yo tu te nos voy va hay como cuando porque xq pq muy"
        " mas todo toda nada quiero tengo hoy anoche ahorita nomas ni eso esto ese esa aqui"
        " bien mal solo sola vez otra otro cosas casa hace fue soy son mucho poco ayer manana"
        " gracias buenos buenas dias noches ando anda estar estoy estas vida muerte muero matar"
        " matarme morir morirme kiero tomaba tome recai volvi limpio limpia ganas jaja sin pero"
    )
)
_ENGLISH = frozenset(
    cp.words(
        "the an and i im ive id my to is it its you u of in on at that this was with for he she"
        " hes shes they we dont cant just so but got have had get be are not all what up out"
        " ill been if or him her them your do did about like really today last night"
    )
)


def language(normal: str) -> str:
    """The language a normalised message reads as, "es" or "en" (more common Spanish words
    than English ones, or not): enough to pick a threshold, not a language detector."""
    words = normal.split()
    spanish = sum(word in _SPANISH for word in words)
    english = sum(word in _ENGLISH for word in words)
    return "es" if spanish > english else "en"


# --- normalisation ------------------------------------------------------------------------

# Symbols that are not letters, digits or punctuation (emoji, mostly), one run at a time;
# the joining and variation characters inside an emoji belong to its run.
_TYPED_WORD = re.compile(r"\w+(?:['’]\w+)*")  # "don't" is one word, "..." none
_EMOJI_RUN = re.compile(
    "[\u2190-\u2bff\U0001f000-\U0001faff][\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d ]*"
)
_JOKE_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f639\U0001f480]")
# "OD", "ODd", "OD'ing": upper case tells the abbreviation from the word "odd".
_OD_UPPER = re.compile(r"\bOD(['’]?[dD]|['’]?(?:ed|ED|ing|ING|in|IN))?\b")
_OD_LOWER = re.compile(r"\bod(['’]d|['’]?ed|['’]?ing|['’]?in)?\b")
_APOSTROPHES = re.compile("['’‘`´]")
# Symbols standing for letters inside a word: "d!e", "k1ll", "su1c1de", "$elf".
_LEET = re.compile(r"(?<=[a-z])[!1|@0$3](?=[a-z])|(?<![a-z0-9])\$(?=[a-z])")
_LEET_LETTERS = {"!": "i", "1": "i", "|": "i", "@": "a", "0": "o", "$": "s", "3": "e"}
_SENTENCE_BREAK = re.compile(r"[.!?;:,\n\r\t…]+")
_NOT_WORD = re.compile(r"[^a-z0-9. ]+")
_LONG_RUN = re.compile(r"([a-z])\1{2,}")
_ANY_RUN = re.compile(r"([a-z])\1+")
_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in cp.PHRASES) + r")\b")
_STRETCHED = {_ANY_RUN.sub(r"\1", word): word for word in cp.STRETCHABLE}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# Each target and each of its one-letter deletions -> the targets it comes from: a word one
# slip from a target shares the target itself or one of its deletions with it.
_TYPO_KEYS: dict[str, set[str]] = {}
for _target in cp.TYPO_TARGETS:
    for _key in {_target} | _deletions(_target):
        _TYPO_KEYS.setdefault(_key, set()).add(_target)
_KNOWN = frozenset(cp.TYPO_TARGETS) | frozenset(cp.NOT_TYPOS)


def normalize(text: str) -> str:
    """Lowercase ASCII words, slang expanded, sentence breaks as " . " tokens."""
    text = _JOKE_EMOJI.sub(" lol ", text)
    text = _OD_UPPER.sub(_expand_od, text)
    text = _OD_LOWER.sub(_expand_od, strip_accents(text).lower())
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    text = _LEET.sub(lambda m: _LEET_LETTERS[m.group(0)], text)
    text = _NOT_WORD.sub(" ", _SENTENCE_BREAK.sub(" . ", text))
    text = _LONG_RUN.sub(r"\1\1", text)
    text = " ".join(_fix_word(word) for word in text.split())
    return _PHRASE.sub(lambda m: cp.PHRASES[m.group(0)], text)


def _expand_od(match: re.Match[str]) -> str:
    suffix = _APOSTROPHES.sub("", match.group(1) or "").lower()
    if suffix in ("d", "ed"):
        return "overdosed"
    return "overdosing" if suffix else "overdose"


def _fix_word(word: str) -> str:
    """Expand slang; undo stretching ("diieee" -> "die") for the words that matter."""
    # Only known words are un-stretched: squeezing "odd" would turn it into "od" (overdose).
    word = _STRETCHED.get(_ANY_RUN.sub(r"\1", word), word)
    return cp.SLANG.get(word) or _corrected(word)


def _corrected(word: str) -> str:
    """The target word `word` is a typo of (`patterns.TYPO_TARGETS`), else `word` itself."""
    if len(word) < 6 or word in _KNOWN or not word.isalpha():
        return word
    found = set().union(*(_TYPO_KEYS.get(key, ()) for key in {word} | _deletions(word)))
    found = {target for target in found if target[0] == word[0] and _one_slip(word, target)}
    if len(found) > 1:  # "relapsd": "relapsed" with a letter left out, the likeliest slip
        found = {target for target in found if len(target) == len(word) + 1}
    return found.pop() if len(found) == 1 else word


def _one_slip(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter left out, added or changed, or two neighbours
    swapped (Damerau-Levenshtein distance 1)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i + 1 :] or swapped


# --- rule matching ------------------------------------------------------------------------


_PAST = re.compile(cp.PAST)
_WELL_NOW = re.compile(cp.WELL_NOW)
_AGAIN = re.compile(cp.AGAIN)
_RISK = re.compile(cp.RISK)
_OWN = re.compile(cp.OWN)
_OTHER = re.compile(cp.OTHER)


def _history(text: str, clause_start: int, clause_end: int, own: bool = False) -> bool:
    """Whether the clause `text[clause_start:clause_end]` tells of the past (cp.PAST) in a
    message that says, in another clause, that the writer is well now (cp.WELL_NOW), with
    nothing anywhere that says it is back (cp.AGAIN) and no risk in another clause (cp.RISK):
    "in 2014 I tried to take my life, today I am grateful to be here". `own`: the clause
    must also be the writer's own (cp.OWN) and name no one else (cp.OTHER)."""
    if not _PAST.search(text, clause_start, clause_end) or _AGAIN.search(text):
        return False
    if own and (
        not _OWN.search(text, clause_start, clause_end)
        or _OTHER.search(text, clause_start, clause_end)
    ):
        return False
    rest = f"{text[:clause_start]} . {text[clause_end:]}"
    return bool(_WELL_NOW.search(rest)) and not _RISK.search(rest)


def _fires(rule: cp.Rule, text: str, history: History = "") -> bool:
    if not all(need.search(text) for need in rule.needs):
        return False
    return any(_counts(rule, text, match, history) for match in rule.pattern.finditer(text))


def _counts(rule: cp.Rule, text: str, match: re.Match[str], history: History = "") -> bool:
    """Whether a match stands, given its clause (the text between sentence breaks)."""
    starts = [match.start(g) for g in rule.pattern.groupindex if match.start(g) >= 0]
    anchor = min(starts, default=match.start())
    previous_break = text.rfind(" . ", 0, anchor)
    clause_start = 0 if previous_break < 0 else previous_break + 3
    clause_end = text.find(" . ", match.end())
    clause_end = len(text) if clause_end < 0 else clause_end
    if rule.unless and rule.unless.search(text, clause_start, clause_end):
        return False
    if (
        rule.soft
        and rule.soft.search(text, clause_start, clause_end)
        and not (rule.still and rule.still.search(text, clause_start, clause_end))
    ):
        return False
    if history and _history(text, clause_start, clause_end, own=history == "own"):
        return False
    before = text[clause_start:anchor].split()[-rule.window :]
    return not rule.blockers.intersection(before)
