"""Vocabulary and rules for the crisis screener in `bot.domain.crisis.screen`.

Every pattern runs on normalised text: lowercase ASCII without accents or apostrophes
("cant", "im", "hes"), slang expanded ("kms" -> "kill myself"), sentence punctuation turned
into a " . " token, single spaces. Patterns describe kinds of phrasing, not sentences from the
test set. When in doubt a rule fires: a false alarm shows help, a miss hides it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern plus the context that confirms or cancels a match.

    needs: patterns that must all appear somewhere in the message.
    unless: a pattern that cancels the match when found in the same clause.
    blockers: words that cancel the match when among the `window` words before it (before
    the verb when the pattern names one with a group called "v").
    soft: a pattern that cancels the match when found in the same clause, unless `still`
    is found there too ("an overdose years ago" cancels, "years ago ... hes overdosing rn"
    does not).
    taught: whether the model was trained with this rule's say (`screen.taught_tier`). A rule
    written since is not its input until a build and a look at the report split show the
    model retrained beside it no worse: it can only add answers meanwhile.
    intent: an untaught tier-1 rule whose match tells suicidal intent not yet acted on, which
    has its own emergency reply (`screen.emergency_kind`); the taught ones are known there
    by their tuples.
    """

    pattern: re.Pattern[str]
    needs: tuple[re.Pattern[str], ...] = ()
    unless: re.Pattern[str] | None = None
    blockers: frozenset[str] = frozenset()
    window: int = 2
    soft: re.Pattern[str] | None = None
    still: re.Pattern[str] | None = None
    taught: bool = True
    intent: bool = False


def _rule(
    *alternatives: str,
    needs: tuple[str, ...] = (),
    unless: str | None = None,
    blockers: frozenset[str] = frozenset(),
    window: int = 2,
    soft: str | None = None,
    still: str | None = None,
    taught: bool = True,
    intent: bool = False,
) -> Rule:
    # Several alternatives may name their verb "v"; number them so group names stay unique.
    numbers = itertools.count()
    pattern = re.sub(r"\(\?P<v>", lambda _: f"(?P<v{next(numbers)}>", "|".join(alternatives))
    return Rule(
        re.compile(pattern),
        tuple(re.compile(n) for n in needs),
        re.compile(unless) if unless else None,
        blockers,
        window,
        re.compile(soft) if soft else None,
        re.compile(still) if still else None,
        taught,
        intent,
    )


def _group(alternatives: str) -> str:
    return f"(?:{alternatives})"


def words(text: str) -> tuple[str, ...]:
    """The words of `text`: a sentence of words reads better than a list of strings."""
    return tuple(text.split())


# Up to n filler words between the parts of a phrase, and the end of a clause.
W1 = r"(?:\w+ )?"
W2 = r"(?:\w+ ){0,2}"
W4 = r"(?:\w+ ){0,4}"
END = r"(?= \.|$)"

# --- vocabulary ---------------------------------------------------------------------------

PEOPLE = _group(
    "friends?|buddy|homie|bro|brother|sis|sister|sons?|daughters?|kids?|child|children|baby"
    "|mom|moms|mother|mum|dad|father|step ?dad|step ?mom|stepfather|stepmother|husband|wife"
    "|partner|boyfriend|girlfriend|fiancee?|roommate|cousin|uncle|aunt|grandma|grandpa"
    "|grandmother|grandfather|nephew|niece|neighbou?r|ex|man|guy|girl|sponsor|boss|dealer"
    "|landlord|coworker|tio|tia|primo|prima|hermano|hermana|hijo|hija|novio|novia|esposo"
    "|esposa|amigo|amiga|papa|mama|abuela|abuelo"
)
# Someone other than the writer, as the subject or the object of a verb.
WHO = rf"(?:he|she|they|hes|shes|theyre|someone|somebody|(?:my|our|his|her) {W1}{PEOPLE})"
WHO_OBJ = (
    r"(?:him|her|them|someone|somebody|everyone|everybody|people"
    rf"|(?:my|his|her|our) {W1}{PEOPLE}"
    r"|(?:that|this|the) (?:\w+ )?(?:guy|girl|dude|man|woman|person|bitch|bastard|mf|fucker))"
)
# Who might swallow something by accident: children and pets.
CHILD = _group(
    r"kids?|sons?|daughters?|baby|toddler|child|grandkids?|grandson|granddaughter|nephew"
    r"|niece|infant|little one|grandbaby|\d+ (?:year|yr|month) old|dog|cat|puppy|kitten"
    # "4yo", "4 yo", "4 y o" (from "4 y/o"), "18mo": a child's age as people text it
    r"|\d+ ?(?:yo|y o|yr old|mo|mos)"
    r"|hij[oa]|nin[oa]|bebe|niet[oa]|sobrin[oa]|nen[ea]|chamac[oa]|perr(?:it)?o|gat(?:it)?o"
    # regional words for a child: Central America, Mexico, Spain, the Caribbean
    r"|cipot[ea]|guirr[oa]|chiquit[oa]|chiquill[oa]|cri[oa]|chamaquit[oa]|pelaitos?|carajit[oa]"
    r"|guerc[oa]|huerc[oa]|plebit[oa]|chavit[oa]|escuincl[ea]|chamo|chama|pibe|piba|nen[oa]"
)
DRUGS = _group(
    "heroin|dope|fent|fentanyl|fetty|oxys?|oxies|oxycodone|oxycontin|percs?|percocets?"
    "|vicodin|hydros|morphine|opiates|opioids|xanax|xans|bars|benzos|klonopin|valium|coke"
    "|cocaine|crack|meth|ice|crystal|tina|speed|adderall|molly|mdma|ecstasy|lsd|acid|shrooms"
    "|ketamine|ket|pcp|weed|pot|marijuana|bud|dabs?|edibles?|blunts?|joints?|drugs|blues"
    "|m30s?|tranq|xylazine|spice|k2|lean|lines?|rocks?|smack|pressies|dilaudid|kratom"
    "|mota|marihuana|coca|cocaina|perico|cristal|heroina|chiva|tachas|fentanilo|fenta|drogas?"
)
ALCOHOL = _group(
    "alcohol|booze|vodka|whiske?y|tequila|rum|gin|beers?|wine|liquor|drinks?|shots|fifth"
    "|pint|six ?pack|twelve ?pack|margaritas?|cocktails?|brandy|cognac|white claws?"
    "|hard seltzers?|mimosas?|sake|jager|henny|hennessy|bourbon|scotch|moonshine|cervezas?"
    "|chelas?|cheves?|birras?|cubas?|caguamas?|tragos?|copas?|vino|mezcal|ron|guaro"
    "|aguardiente|pisto|chupe"
    "|jack|jameson|fireball|titos|smirnoff|bacardi|patron|modelos?|heinekens?|coors|bud lights?"
    "|four lokos?|steel reserve"
)
# Medicines by generic name, in English and Spanish spelling, and brands common in Latin
# America and Spain: "a whole box of" a benzodiazepine is a medicine whatever it is called. A
# closed list: open stems (-olol, -apina, -pentina) matched "lololol", "chapina", "repentina".
GENERIC_MED = (
    r"(?:alprazolam|clonazepa[mn]|diazepa[mn]|lorazepa[mn]|temazepam|bromazepa[mn]|midazolam"
    r"|triazolam|oxazepam|lormetazepam|rivotril|tafil|orfidal|lexatin|ativan|trankimazin"
    r"|fluoxetin[ae]|sertralin[ae]|paroxetin[ae]|escitalopram|citalopram|venlafaxin[ae]"
    r"|duloxetin[ae]|mirtazapin[ae]|bupropi[oó]na?|amitriptylin[ae]|amitriptilin[ae]"
    r"|nortriptylin[ae]|quetiapin[ae]|olanzapin[ae]|risperidon[ae]|aripiprazol[e]?"
    r"|haloperidol|clozapin[ae]|lamotrigin[ae]|carbamazepin[ae]|valproat[eo]|depakote"
    r"|topiramat[eo]|pregabalin[ae]?|gabapentin[ae]|zolpidem|hydroxyzine|hidroxicina"
    r"|diphenhydramine|difenhidramina|acetaminoph?en|acetaminofen|paracetamol|naproxen[o]?"
    r"|diclofenac[o]?|ketorolac[o]?|metamizol|nolotil|codein[ae]|hydromorphone|oxycodone"
    r"|oxicodona|hidrocodona|baclofen[o]?|cyclobenzaprine|ciclobenzaprina|clonidin[ae]"
    r"|metoprolol|propranolol|atenolol|lisinopril|enalapril|amlodipin[aeo]|losartan"
    r"|metformin[a]?|warfarin[a]?|promethazine|prometazina|ondansetron|disulfiram"
    r"|acamprosat[eo])"
)
MEDS = _group(
    f"{GENERIC_MED}|"
    "meds|medications?|medicines?|pills?|doses?|dosage|tablets?|prescriptions?|methadone"
    "|suboxone|subs|bupe|buprenorphine|naltrexone|vivitrol|antabuse|sublocade|strips?"
    "|tylenol|advil|ibuprofen|aspirin|benadryl|nyquil|melatonin|sleeping pills|insulin"
    "|lithium|seroquel|trazodone|ambien|lorazepam|clonazepam|alprazolam|zoloft|prozac"
    "|lexapro|wellbutrin|gabapentin|tramadol|hydrocodone|antidepressants?|antipsychotics?"
    "|painkillers?|pain meds|sleeping meds|heart meds|blood pressure meds"
    "|pastillas?|medicinas?|medicamentos?|dosis|metadona|tabletas?|pildoras?"
)
PILLS_AND_DRUGS = f"(?:{MEDS}|{DRUGS})"
SUBSTANCE = f"(?:{MEDS}|{DRUGS}|{ALCOHOL})"
ES_SUBSTANCE = _group(
    "mota|marihuana|hierba|porros?|coca|cocaina|perico|polvo|cristal|piedra|crack"
    "|heroina|chiva|tachas|drogas?|fentanilo|fenta|rayas?|cervezas?|chelas?|cheves?|birras?"
    "|cubas?|caguamas?"
    "|tragos?|copas?|vino|tequila|mezcal|ron|whisky|vodka|alcohol|pisto|chupe|shots?|guaro"
    "|aguardiente"
)
# Drinks and medicines that make "drank" or "volvi a tomar" ordinary.
NON_ALCOHOLIC = (
    r"\b(?:water|tea|coffee|soda|juice|milk|pop|sparkling|kombucha|smoothie|gatorade"
    r"|lemonade|shake|protein|coke zero|diet coke|coca cola|agua|cafe|jugo|refresco|leche"
    r"|(?:un|mi|su) te|tes|te (?:de|verde|negro|helado|chai|con limon|con miel|caliente"
    r"|frio|en las mananas)|tecito"
    r"|atole|licuado|medicina"
    r"|medicamento|tratamiento|dosis|receta|vitaminas)\b"
)
POISON_THINGS = _group(
    f"{MEDS}|gumm(?:y|ies)(?! bears?| worms?)|vitamins?|syrup|cough medicine|jarabe"
    "|bleach|soap|detergent|pods?|batter(?:y|ies)|nicotine"
    "|patch|vape|cleaner|mouthwash|sanitizer|edibles?|cigarettes?|antifreeze|poison"
    "|cloro|jabon|detergente|pilas?|colillas?|cigarros?|vitaminas?|veneno|limpiador"
    "|enjuague|gomitas?"
    # household products by brand or as spoken (Mexico, Central America, the Caribbean)
    "|fabuloso|pinol|clorox|cloralex|lysol|windex|suavitel|ajax|maestro limpio|thinner|tiner"
    "|gasolina|gasoline|kerosene|queroseno|lejia|amoniaco|ammonia|vaporub|vaporu|vicks"
    "|rubbing alcohol|alcohol isopropilico|alcohol de curar|zyn|nicotine pouch(?:es)?"
    "|(?:windshield |wiper )?washer fluid|wiper fluid|mistolin|limpiavidrios|pine ?sol"
    "|lava ?trastes"
)
SELF_MEANS = _group(
    "gun|pistol|rope|noose|knife|blade|razor|pills|bottle|bridge|roof|ledge|train|tracks"
    "|garage|everything i need|pistola|soga|cuerda|cuchillo|navaja|pastillas|puente|azotea"
    "|edificio|vias|todo listo|frasco|botella"
)
HIGH_PLACES = _group(
    "bridge|roof|ledge|building|balcony|cliff|overpass|tracks|puente|azotea|edificio|techo"
    "|balcon|vias|precipicio|barranco"
)

# --- context ------------------------------------------------------------------------------

# "now" or "tonight", but not "I'm safe right now".
NOW = (
    r"(?<!safe )(?<!ok )(?<!okay )(?<!fine )(?<!good )\b(?:right now|tonight|tonights"
    r"|this is it|about to|ahora mismo|ahorita|esta noche|ya mismo|en este momento|hoy mismo)\b"
    r"|(?<!right )\bnow" + END
)
HOLDING_MEANS = (
    r"\b(?:have|got|holding|bought|loaded|lined up|tengo|compre|cargue|agarre)\b"
    rf"(?: \w+){{0,3}} {SELF_MEANS}\b"
    rf"|\b{SELF_MEANS}\b(?: \w+){{0,3}} (?:ready|lined up|in my hand|right here|loaded"
    r"|next to me|listos?|listas?|en la mano|aqui)\b"
)
FAREWELL = (
    r"\b(?:bye|goodbye|good bye|farewell|adios|this is it|forgive me|perdonenme|perdoname"
    r"|love you all|los quiero|dont call anyone|no llamen a nadie|dont try to stop me"
    r"|se acabo)\b"
)
# Talk about a news story, a show or a song, and a story told of the past: the words of an
# overdose are there, the overdose is not happening.
MEDIA = (
    r"\b(?:news|article|documentary|podcast|song|movie|film|tv show|episode|series|book|radio"
    r"|video|netflix|newspaper|headline|report|noticias?|periodico|articulo|documental|pelicula"
    r"|cancion|serie|libro|rap|reportaje|titular)\b"
)
STORY = (
    r"\b(?:shared|my story|memorial|funeral|first overdose|second overdose|since (?:19|20)\d\d"
    r"|at (?:age )?(?:1[3-9]|[2-6]\d)(?! (?:am|pm|oclock|tonight|\.))|deaths|muertes|muertos"
    r"|compart\w*|testimonio|misa|velorio|a los \d\d|en (?:19|20)\d\d|desde (?:19|20)\d\d)\b"
)
# Other senses of a lapse word: a fall, a diet, a habit that is not a substance, a cold.
# An illness that relapses is said right after the verb ("a relapse of the flu", "recai de
# la tos"): ILLNESS_AFTER, a lookahead.
ILLNESS = (
    r"(?:flu|cough|fever|bronchitis|covid|strep|pneumonia|sinus infection|migraines?"
    r"|asthma|tos|gripa|gripe|fiebre|bronquitis|neumonia|migranas?|resfriado|asma|alergia)"
)
ILLNESS_AFTER = rf"(?! (?:of|with|on|in|de|con|en) (?:the |my |a |la |el |mi )?{ILLNESS}\b)"
OTHER_SENSE = (
    r"\b(?:ice|icy|snow|wet floor|stairs|sidewalk|diet|workout|gym|exercise|duolingo|budget"
    r"|sugar|candy|chocolate|cake|junk food|espresso|dieta|ejercicio|gripa|gripe|resfriado"
    r"|celular|hielo|escaleras|banqueta|afilar|azucar|dulces|pastel)\b"
)
JOKE = r"\b(?:lol|lmao|lmfao|rofl|jk|haha\w*|jaja\w*|jeje\w*|xd|kidding|bromeando)\b"
# Play, where "beating me", "viene a matarme" or "punched me" is a game's: board and card
# games, video games, sports and children's games.
PLAY = (
    r"\b(?:scrabble|chess|ajedrez|playing uno|jugando uno|dominoes|domino|mario ?kart|fifa"
    r"|madden|2k|fortnite|call of duty|warzone|smash bros|xbox|playstation|ps[45]|video ?games?"
    r"|videojuegos?|board games?|card games?|online game|juego en linea|ping ?pong|arm ?wrestl\w*"
    r"|vencidas|punch ?buggy|slug ?bug|hide and seek|escondidas|pickleball|trivia|monopoly"
    r"|loteria|cornhole|beer pong)\b"
    # a sport or a table game named after "at" or "en": "beating me at pool", "en el billar"
    r"|\b(?:at|en el|en|al) (?:pool|billar|tennis|tenis|bowling|boliche|basketball|basket"
    r"|one on one|uno contra uno|tag|la trae|cards|cartas|poker|darts|dardos|golf)\b"
)
ACCIDENT = (
    r"\b(?:accident\w*|by mistake|at the gym|at work|lifting|playing|cooking|stove|oven|iron"
    r"|pan|fell|tripped|slipped|pulled|shaving|working out|running|on the|sin querer"
    r"|por accidente|cocinando|trabajando|jugando|afeitandome|rasurandome)\b"
)
ROUTINE = (
    r"\b(?:this morning|like usual|as usual|as prescribed|on time|like normal|like always"
    r"|refill|like the doctor said|resurtir|como dijo el doctor"
    r"|for today|every day|daily|morning|night meds|como siempre|de hoy|en la manana"
    r"|a tiempo|como me dijo|course|like they said|en una semana|jarabe para la tos|pride"
    r"|orgullo|prescription of|organi[sz]er|pill ?box|pill case|pastillero)\b"
    r"|\btook (?:like )?\d+ ?(?:mins?|minutes|hours?|hrs?)\b"
)
IDEATION = r"\b(?:think\w*|thought|considering|about taking|of taking)\b"
SUBSTANCE_CONTEXT = (
    r"\b(?:took|mixed|using|used|shot up|snorted|smoked|drank|needle|syringe"
    rf"|{SUBSTANCE}|tome|mezcle|consumi|inyect\w*|fume|me meti|se metio|usaba|usando|consumia"
    r"|consumiendo|sobredosis|overdos\w*)\b"
)

# Words that cancel a wish or an act said right after them ("I don't want to die").
NEGATIONS = frozenset(
    {"not", "no", "never", "dont", "didnt", "doesnt", "wont", "wouldnt", "nunca", "jamas"}
)
# For use reports also near misses, fears and habits ("almost relapsed", "when I drank").
LAPSE_BLOCKERS = NEGATIONS | frozenset(
    words(
        "havent hasnt hadnt isnt wasnt wouldnt almost nearly afraid scared worried when whenever"
        " if without instead casi ni tampoco sin miedo cuando dream dreamt dreamed dreaming"
        " nightmare sone sonaba sonando pesadilla"
    )
)
# An overdose that has not happened ("my son will overdose", "not to overdose").
HYPOTHETICAL = frozenset({"will", "might", "could", "would", "may", "not", "never", "dont", "to"})

# A history told from recovery: "in 2014 I tried to take my life, today I am grateful to be
# here", "I used to want to die every day. Not anymore, thank god". A crisis or lapse rule's
# match does not count when its clause is set in the past (PAST), another clause says the
# writer is well now (WELL_NOW), nothing says it is back (AGAIN, anywhere) and no other clause
# speaks of a risk (RISK). An emergency rule's match counts as history only when the clause
# is the writer's own (OWN, and no one else in it: "back when i was using i woke up not
# breathing. never again"), since the one who is well now may not be the one who was in
# danger; never a poisoning's. The model still weighs the message. Years count as past up to
# 2023: when that grows stale, a later year only leaves the rule standing (the safe side).
PAST = (
    r"(?<!im )(?<!so )(?<!am )(?<!be )(?<!not )(?<!get )(?<!got )(?<!gotten )(?<!getting )"
    r"(?<!like )(?<!like i )\bused to\b|\bback in the day\b|\bback in (?:19\d\d|20[01]\d"
    r"|202[0-3])\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many) (?:years|yrs"
    r"|decades) ago\b|\b(?:a|one) year ago\b|\bhace un ano\b|\ba long time ago\b|\byears ago\b"
    r"|\b(?:last year|el ano pasado|once i|una vez (?:me|que|deje|tuve|casi))\b"
    r"|\bat (?:1\d|2\d|3\d)(?= \.|$)"
    r"|\bwhen i was (?:using|drinking|younger|a kid|a teen"
    r"|\d+|in high school|in my (?:teens|20s|30s|twenties|thirties))\b"
    r"|(?<!like )(?<!como )\b(?:in|en|en el) (?:19\d\d|20[01]\d|202[0-3])\b"
    r"|\bfirst time i got (?:sober|clean)\b"
    r"|\bhace (?:\d+|muchos|varios|unos|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
    r"|doce|quince|veinte) anos\b(?! que\b)|\bantes (?:pensaba|creia|queria|sentia)\b"
    r"|\bde (?:chamac[oa]|joven|nin[oa]|chav[oa]|adolescente)\b|\bcuando (?:era|tenia \d+)\b"
    # A time told back to: "back when", "the night i overdosed", "i remember when", "that was
    # my bottom", "la noche de mi sobredosis", "me acuerdo de cuando".
    r"|\bback when\b|\b(?:the|that) (?:night|day|morning|time|year|summer|winter) (?:that )?i"
    r" (?!am\b|m\b|will\b|ll\b)|\bi remember (?:the|when|that|being|waking)\b"
    r"|\b(?:was|that was|hit) my (?:rock )?bottom\b"
    r"|\b(?:la|esa|aquella) (?:noche|vez|manana|madrugada) (?:de mi|que|en que)\b"
    r"|\b(?:me acuerdo|recuerdo) (?:de|cuando|la|el|que)\b|\b(?:fue|toque) (?:mi )?fondo\b"
)
# What a life rebuilt has now ("now i have a family"), not a means ("now i have my pills").
HAVE_NOW = (
    r"(?:family|job|career|home|house|place|apartment|car|wife|husband|partner|son|daughter"
    r"|kids|baby|life|sponsor|dog)\b"
)
WELL_NOW = (
    r"(?<!not )(?<!never )(?<!no )(?<!be )(?<!supposed to be )(?<!estar )"
    r"\b(?:(?:not|dont) anymore(?= \.|$)|thank god|thankfully|grateful|agradecid[oa]s?"
    r"|hoy celebro|glad (?:to be|im) alive"
    r"|happy to be alive|look at (?:her|him|me) now|hoy (?:estoy bien|ayudo|soy otr[ao])"
    r"|today i help|ya no pienso asi"
    r"|(?<!had )(?<!was )(?<!tenia )(?<!llevaba )"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|un|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) (?:years?|yrs?|anos)"
    r" (?:clean|sober|limpi[oa]s?|sobri[oa]s?|de sobriedad)|this time im at"
    # A resolution kept, a life saved, a count of time or its token: "never again", "narcan
    # saved my life", "thats why im sober", "8 months clean", "got my 2 year chip", "hoy
    # tengo paz", "sigo aqui".
    r"|never again|nunca mas|saved my life|me salvo la vida|me salvaron la vida"
    r"|(?:thats|that is|es) (?:why|por lo que) (?:im|i am|i got|estoy) (?:clean|sober|here"
    r"|alive|limpi[oa]|sobri[oa]|aqui|viv[oa])|por eso (?:estoy|sigo) (?:limpi[oa]|sobri[oa]"
    r"|aqui|viv[oa])|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|un|dos|tres"
    r"|cuatro|cinco|seis|siete|ocho|nueve|diez|once) (?:months?|meses) (?:clean|sober|limpi[oa]s?"
    r"|sobri[oa]s?|de sobriedad)|(?:my|mi) (?:\w+ ){0,2}(?:chip|coin|medallion|ficha|medalla)"
    r"|hoy (?:tengo|vivo en|estoy en) paz|(?:im|i am|i feel) at peace|still (?:here|alive)"
    r"|sigo (?:aqui|viv[oa]|con vida)"
    # Said plainly: "im safe now", "im good", "that life is behind me", "now i have a family",
    # "500 days clean", "hoy estoy mucho mejor", "gracias a dios estoy bien".
    r"|(?:im|i am) (?:safe|good|ok|okay|fine|happy|thriving|better|doing (?:good|well|great"
    r"|better|ok)|in a good place)|(?:that life|all that) is (?:behind me|over)"
    rf"|(?:that|it) is behind me|now i have (?:a|my) {HAVE_NOW}"
    r"|\d+ (?:days?|dias) (?:clean|sober|limpi[oa]s?|sobri[oa]s?)"
    r"|(?:hoy |ya )?estoy (?:bien|mejor|mucho mejor|tranquil[oa]|a salvo))\b"
)
AGAIN = (
    # Not a resolution ("never again"), someone alive ("still here", "sigo aqui") or an
    # anniversary ("six years ago this week").
    r"\b(?:(?<!never )again|agian|otra vez|otra ves|de nuevo|denuevo|nuevamente|volvi\w*"
    r"|volver|vuelto|vuelvo|back to|coming back|its back|lately|these days|estos dias"
    r"|ultimamente|still(?! (?:here|alive)\b)|todavia|aun|sigo(?! (?:aqui|viv[oa]|con vida)\b)"
    r"|(?<!ago )tonight|esta noche|right now|ahorita|ahora mismo|(?<!clean )(?<!sober )"
    r"(?<!limpio )(?<!limpia )(?<!sobrio )(?<!sobria )(?<!safe )(?<!good )(?<!ok )(?<!fine )"
    r"(?<!happy )(?<!better )(?<!behind me )(?:now|ahora)(?! (?:im|i am) (?:safe|good|ok|fine"
    rf"|happy|better|doing)\b)(?! i have (?:a|my) {HAVE_NOW})(?! (?:i have |ive"
    r" got |im |i am |llevo |tengo |con )?(?:\d+|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|un|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) (?:years?|yrs?|months?"
    r"|anos|meses)\b)|(?<!ago )(?<!clean )(?<!sober )today"
    r"|hoy(?! (?:celebro|estoy bien|estoy mejor|estoy mucho mejor|ayudo|soy otr[ao]|tengo paz"
    r"|vivo en paz|estoy en paz))"
    r"|just|this morning|tomorrow|tmrw|manana|earlier|yesterday|last night|anoche|ayer"
    r"|(?<!ago )this week|esta semana|scared|miedo|worse|peor|but|pero)\b"
)
RISK = (
    r"\b(?:want|wanna|wish|going to|gonna|about to|ready to|plan\w*|kill|killing|die|dying"
    r"|dead|end it|cut|cutting|hurt|quiero|voy a|matar\w*|morir\w*|muerto|muerta"
    r"|suicid\w*|cortar\w*|lastimar\w*|took|tome|used|use|using|drank|drinking|high|drunk"
    r"|consumi|fume|me meti|relapsed|recai)\b"
)

# The writer's own story, for an emergency rule's history: the clause says "i", "me" or "my"
# (or a Spanish verb of the first person) and names no one else by a pronoun.
OWN = (
    r"\b(?:i|im|ive|id|me|my|myself|mi|yo|tuve|estuve|desperte|intente|quede|cai|casi me)\b"
)
OTHER = (
    # ("el" is also "the": "el ano pasado"; a Spanish "he" is mostly in "se", "su" or "le".)
    r"\b(?:he|she|they|hes|shes|theyre|him|his|her|them|ella|ellos|ellas|se|su|sus|le|les"
    r"|you|u|your|tu|usted)\b|\b(?:my|mi|mis) (?:best )?(?:friend|buddy|homie|son|daughter|kid"
    r"|baby|brother|sister|bro|sis|mom|mother|dad|father|wife|husband|partner|boyfriend"
    r"|girlfriend|roommate|cousin|uncle|aunt|amig[oa]|compa|hij[oa]|herman[oa]|mama|papa"
    r"|madre|padre|espos[oa]|novi[oa]|prim[oa]|tio|tia|bebe|roomie)s?\b"
)

# --- EMERGENCY: someone may be dying now ----------------------------------------------------

HANDED_OUT = (
    r"(?! (?:the|some|a|an|flyers|papers|cards|food|candy|gifts|tests|pamphlets|invitations"
    r"|programs|snacks|water|coffee)\b)"
)
# Someone collapsed: "fell out" and "nodded out" are street words for an opioid collapse.
COLLAPSE = (
    r"\b(?:fell out|fallen out|falling out|nodded out|nodding out|passed out|passing out"
    r"|collapsed|slumped|blacked out|desmayo|desmayad[oa]|se (?:cayo|quedo) tirad[oa]"
    r"|tirad[oa] en el (?:piso|suelo|bano))\b"
    r"(?! (?:of|with|over|laughing|about|from (?:work|school|the (?:tree|bed))|on (?:the )?couch"
    r" watching)\b)" + HANDED_OUT
)

# Body signs of an overdose, said by the writer (the first rule that reads them).
BODY_SIGNS = (
    r"\b(?:cant|cannot) (?:stay awake|keep (?:my |his |her )?eyes open|feel my \w+"
    r"|move my \w+)|\bdont feel my (?:body|legs|arms|face)",
    r"\b(?:going to|about to) pass out|\bpassing out|\bpassed out\b"
    + HANDED_OUT
    + r"|\broom is spinning",
    r"\bchest (?:pain|is tight|hurts|feels \w+)"
    r"|\bheart (?:is )?(?:racing|pounding|beating (?:so |really )?fast)",
    r"\bim dying\b|\bthrowing up blood|\bno (?:me )?(?:puedo|podia) mantener(?:me)? despiert",
    r"\bme estoy desmayando|\bse desmayo|\bme voy a desmayar|\bdolor (?:de|en el) pecho",
    r"\bvision (?:is )?(?:going|getting|went) (?:dark|black|blurry)\b",
    r"\bse (?:esta )?muriendo\b",
    r"\bme estoy muriendo\b(?! de)|\bno siento (?:mi cuerpo|las piernas|los brazos)",
)
# A side effect asked about: "cant stay awake since starting quetiapine, is that normal".
SIDE_EFFECT = (
    r"\b(?:since (?:starting|i started)|started taking|side effects?"
    r"|efectos? secundarios?|desde que (?:empece|comence))\b"
)
# Round ten's body rule reads use in fewer, surer words than SUBSTANCE_CONTEXT: a drug or a
# drink named (not a word with another sense at hand: "la copa", "la tina", "coke zero",
# "ice bath", "covid shots", "energy drinks"), a way of using that means a drug, pills by
# the handful; never "took", "tome" or "drank" alone ("took a nap", "tome cafe").
_OTHER_SENSE_NOUN = (
    r"(?:copas?|tina|ice|shots?|lines?|pot|speed|crystal|acid|bud|rocks?|piedras?"
    r"|blues|bars|jack|patron|modelos?|drinks?|pint|spice|ron|coke (?:zero|diet)"
    r"|coca cola)\b"
)
BODY_USE = (
    r"\b(?:snorted|sniffed|shot up|injected|inyect\w*|me meti|se metio|me puse|consumi"
    r"|consumio|using|relapsed|recai|drunk(?! on)|wasted|borrach(?:o|a|os|as)|drogad\w*"
    r"|(?:took|tome|me tome|smoked|fume) (?:algo|something)|me pase (?:con|de)|overdid"
    r"|(?:that|a|the|last|one more|another) line"
    r"|used(?! (?:my|the|a|an|his|her|to|it|some|that)\b)"
    r"|did (?:too much|way too much|a line|a bump|a hit|a shot|a bunch of \w+"
    r"|(?:\w+ )?(?:lines|bumps|shots|bags|pills))"
    r"|took (?:too much|too many|a hit)|(?:smoked|fume)(?! (?:a |un |una |some )?(?:cig\w*"
    r"|cigarr\w*|hookah|salmon|brisket|meat|carne))"
    r"|been drinking|drinking (?:all|since|for)|bebiendo (?:desde|todo|toda)"
    r"|chupando (?:desde|todo|toda)"
    r"|(?:a bunch of|a handful of|like \d+|\d+|all (?:the|my)|todas las|un monton de|varias"
    r"|unas|un punado de) (?:pills|pastillas))\b"
    rf"|\b(?!{_OTHER_SENSE_NOUN})(?:{DRUGS}|{ALCOHOL}|{ES_SUBSTANCE})\b"
    r"|(?<!\bmy )(?<!\bmis )(?<!\bmi )\b(?:pills?|pastillas?)\b"
)
# A drug named: it outweighs a cold or a workout beside a body sign ("did a line before
# working out and my heart is skipping").
DRUG_NAMED = (
    r"\b(?:snorted|shot up|injected|inyect\w*|me meti|did (?:a line|lines|a bump)|fent\w*"
    r"|heroin|heroina|dope|coke(?! zero)|cocaine|cocaina|coca(?! cola)|crack|meth|perico"
    r"|xanax|xans|percs?|oxys?|molly|mdma|tachas|rayas?|pase|lean|klonopin|benzos|chiva"
    r"|fentanilo|fenta|cough syrup|jarabe)\b"
)
# What explains a body sign without an overdose: an illness, a workout, nerves, paint, the
# cold, sleeping on an arm, a pet ("pecho apretado por la gripa, ya me tome un te").
BODY_CAUSE = (
    rf"\b(?:por|from|with|de|del|para|tengo|i have|sick with|its) (?:la |el |this |the |a "
    rf"|mi |my )?(?:{ILLNESS}|cold|catarro|covid|allerg\w*|pneumonia)\b"
    r"|\b(?:gym|workout|work out|working out|run|running|jog\w*|hik\w*|stairs|swim\w*"
    r"|laps|practice|cardio|\d+k|sledding|partido|futbol|alberca|cerro|escaleras"
    r"|ejercicio|gimnasio|corriendo|correr|altura|altitude)\b"
    r"|\b(?:ansiedad|anxiety|anxious|panic\w*|panico|nervous|nervios)\b"
    r"|\b(?:paint\w*|dye|polish|mani|lipstick|slushie|icee|pintura|pinte|tinte|esmalte"
    r"|(?:del|de|por el|con el) frio|snow|nieve|grape|uva|moras|berries|cuando duermo"
    r"|de lado|slept on"
    r"|sleeping on|dog|cat|puppy|perro|perrito|gato|power went out|outage|apagon)\b"
)
# What colours lips, fingers or a face blue or purple without an overdose.
COLOUR_CAUSE = (
    r"\b(?:from|after|de|del|por|por el|por la|con el|con la|at|en) (?:the |a |my |that "
    r"|all the |la |el |una |un |mi |tanto |being (?:in |out in )?(?:the )?)?(?:cold|frio|snow"
    r"|nieve|pool"
    r"|alberca|piscina|swim\w*|nadar|lake|lago|ocean|mar|beach|playa|snow ?cone|popsicle"
    r"|paleta|slush\w*|icee|candy|dulces?|lollipop|grape|uva|berr\w*|blueberr\w*|moras"
    r"|gatorade|kool ?aid|frosting|betun|icing|food colou?ring|colorante|juice|jugo|wine|vino"
    r"|blue raspberry|paint\w*|pint\w*|marker\w*|plumon\w*|ink|tinta|dye|tinte|polish"
    r"|esmalte|crayon\w*|costume|disfraz|makeup|maquillaje|face paint|laugh\w*|risa|reir"
    r"|bruis\w*|moreton\w*)\b"
    r"|\b(?:painted|painting|pinte|coloring|colouring|dyed|tie ?dye|halloween|smurf|avatar"
    r"|raynaud\w*|poor circulation|mala circulacion|laughing so hard|freezing (?:outside|out)"
    r"|so cold out|cold outside|dye\w*|beets?|beet juice|freeze ?pops?|gum|chicle|takis"
    r"|jeans|cotton candy|lipstick|labial|got (?:them|my nails) done|nail salon|manicure"
    r"|holding my breath|rage|angry|furious|coraje|enojad[oa]|when i told|cuando le dije"
    r"|balonazo|golpe|already at \d+|at \d+ (?:years old|yrs?)|getting old|canas)\b"
)
# What the colour rules share. What coloured them, said as the cause, cancels ("from the
# blue raspberry slushie"), as does a class where the sign was learned or an idiom; and the
# softer causes (COLOUR_CAUSE: the cold and the water, something eaten or drunk, paint and
# ink, a costume, laughing, a knock) cancel unless a drug or another sign is told with them
# ("purple from the cold" is the cold; "blue from the cold and he did fent" is not).
_COLOUR: dict[str, Any] = {
    "unless": (
        r"\b(?:from|de|del|por) (?:the |a |my |that |la |el |una |un |mi )?(?:blue )?"
        r"(?:slushie|slushy|popsicle|raspberry|kool aid|freezie|lipstick|makeup|paleta"
        r"|raspado|maquillaje|pintalabios|labial|costume|disfraz)\b"
        r"|\b(?:aprendi|aprendimos|learned|we learned) (?:\w+ ){0,4}?(?:a |to |how to |como )?"
        r"(?:ver|reconocer|identificar|spot|recognize|see)\b"
        r"|\b(?:holding (?:his|her|their|my) breath|aguantando (?:la respiracion|el aire)"
        r"|berrinche|tantrum|pediatra\w*|pediatrician)\b"
        r"|\b(?:till|until|til|hasta) (?:\w+ ){0,3}blue in the face\b"
        r"|\bblue in the face (?:arguing|yelling|telling|explaining|talking|saying)\b"
        rf"|{MEDIA}|\b(?:game|video ?game|character|willy wonka|chow chow|dogs? mouth"
        r"|perro|perrito)\b"
    ),
    "soft": COLOUR_CAUSE,
    "still": rf"{DRUG_NAMED}|\b(?:overdos\w*|sobredos\w*|pills|pastillas|narcan|naloxon\w*"
    r"|not breathing|isnt breathing|cant breathe|no respira\w*|wont wake|not waking"
    r"|no despierta|unresponsive|no responde|no reacciona|found|encontr\w*|pulled (?:him|her"
    r"|them) out|lo saque|la saque|lo sacamos|la sacamos)\b",
}
# Said to be happening: an overdose in the progressive or just now, a sign of one, a plea.
HAPPENING = (
    r"\b(?:is|hes|shes|im|are|theyre|se esta|me estoy|esta|estan|started|empezo"
    r"|just|acaba de|acabo de|le acaba de|le dio|le esta dando) (?:\w+ )?(?:overdosing"
    r"|overdosed|sobredos\w*|od|oding)\b"
    r"|\b(?:found|see|saw|watching) (?:him|her|them|someone|somebody|a guy|a girl|my \w+)"
    r" (?:\w+ )?(?:overdosing|sobredos\w*)"
    r"|\b(?:right now|rn|ahorita|ahora mismo|en curso|en este momento"
    r"|help|ayuda\w*|what do i do|que hago|911|ambulanc\w*|not breathing|no respira\w*"
    r"|wont wake|not waking|no despierta|no responde|no reacciona|blue|azul|morad\w*|snoring"
    r"|gurgl\w*|ronca\w*|on the floor|en el piso|en el suelo|llamen|pls|please|porfa)\b"
)

# Suicidal intent with the means ready, not yet acted on: "rope is tied", "gonna do it"
# with a bridge or the pills, a goodbye said with the means at hand.
EMERGENCY_INTENT: tuple[Rule, ...] = (
    # Means ready: rope tied, pills lined up, "going to do it" with means or a high place.
    _rule(
        r"\b(?:ropes?|noose|soga|cuerda|mecate) (?:is |esta |ya )?(?:quedo |esta )?"
        r"(?:bien )?(?:tied|ready|up|hung|list[ao]|amarrad[ao]|atad[ao]|colgad[ao]|puest[ao])\b",
        r"\btied (?:a|the|my) (?:noose|rope)\b",
        # A rope for a swing, a boat, a load or the washing is no means.
        unless=r"\b(?:swing|columpio|boat|lancha|panga|dock|kayak|canoe|anchor|ancla|tent|tarp"
        r"|load|truck|trailer|hammock|hamaca|clothesline|tendedero|ropa|horse|caballo|becerro"
        r"|jaripeo|rodeo|tree house|gym|tug of war|jump rope|pinata|piano|mudanza|moving"
        r"|tow\w*|remolc\w*|christmas|navidad|fishing|pescar|camping|acampar|bikes?|bicis?"
        r"|kayaks?|ladders?)\b",
    ),
    _rule(
        r"\b(?:lined up|counted out|laid out) (?:\w+ ){0,2}(?:pills|pastillas)\b",
        r"\b(?:pills|pastillas) (?:\w+ ){0,2}(?:lined up|counted out|laid out)\b",
        # Pills counted into the week's organizer.
        unless=r"\b(?:organi[sz]er|pill ?box|pill case|pastillero)\b",
    ),
    _rule(
        r"\b(?:going to|gonna|about to|ready to|will|im) (?:just |finally )?do it\b",
        r"\bdoing it (?:tonight|today|right now|now)\b",
        r"\b(?:lo hago|lo voy a hacer|voy a hacerlo)\b",
        needs=(rf"\b(?:{SELF_MEANS}|{HIGH_PLACES}|everything (?:ready|set|i need))\b",),
    ),
    _rule(
        HOLDING_MEANS,
        needs=(
            r"\b(?:going to|gonna|about to|ready to|voy a|me voy a) (?:take|use|swallow|do"
            r"|tomar|usar|hacer)",
        ),
    ),
    # A farewell already said, with the means at hand: "said my goodbyes, got the pills".
    _rule(
        r"\b(?:said|texted|told|sent|wrote) (?:\w+ ){0,4}?(?:goodbyes?|bye|farewell)\b",
        r"\b(?:goodbye|suicide) (?:notes?|letters?|messages?|videos?)\b",
        r"\bmy last (?:message|text)\b",
        r"\b(?:ya )?me despedi\b|\bpara despedirme\b|\bcartas? de despedida\b",
        r"\bultimo mensaje\b",
        needs=(HOLDING_MEANS,),
    ),
)
BREATH = r"bre(?:a)?th?(?:e|es|ing|in)?\b"
EMERGENCY_ACTS: tuple[Rule, ...] = (
    # Breathing stopped, slow or laboured.
    _rule(
        r"\b(?:not|isnt|stopped|barely|hardly|cant|aint|no longer|struggling to|trouble)"
        rf" (?:even |really |properly |right )?{BREATH}",
        rf"\b{BREATH} (?:is |sounds |seems |looks |is making (?:a |this )?)?(?:really |very |so "
        r"|super )?(?:slow|slowly|weird|funny|shallow|strange)\b",
        rf"\b{BREATH} (?:has |just |kinda |already )?(?:stopped|stops|is stopping)\b",
        r"\bno (?:esta |puede |logra )?respir|\b(?:dejo de|sin|apenas) respir",
        r"\brespira (?:muy )?(?:lento|raro|poco)\b",
        unless=rf"{JOKE}|\b(?:laugh\w*|funniest|hilarious|risa|riendo|rei)\b",
    ),
    _rule(
        r"\bgurgl\w*|\bdeath rattle\b|\bsnoring (?:sound|noise|weird|funny|really loud|loud"
        r"|strange|like crazy)",
        needs=(f"{SUBSTANCE_CONTEXT}|{COLLAPSE}",),
    ),
    # Another person collapsed after using, or in the slang sense of "fell out".
    _rule(
        rf"\b{WHO} (?:just |has |had |kinda |like )?{COLLAPSE}",
        rf"\b(?:found|find|finding) (?:him|her|them|my {W1}{PEOPLE}) {COLLAPSE}",
        needs=(SUBSTANCE_CONTEXT,),
        unless=rf"{JOKE}|\b(?:years? ago|last (?:year|month)|used to)\b",
    ),
    _rule(
        rf"\b{WHO} (?:just )?(?:fell|nodded) out (?:in|on|at) (?:the|his|her|their|my) \w+",
        r"\b(?:found|find|finding) (?:him|her|them|my \w+(?: \w+)?) (?:slumped|face down"
        r"|on the floor|on the ground|nodded out|fell out|passed out)\b",
        r"\bneedle (?:still )?(?:in|sticking out of) (?:his|her|their)"
        r" (?:arm|hand|leg|neck|foot)\b",
        unless=rf"{JOKE}|\b(?:years? ago|last (?:year|month)|used to)\b",
    ),
    # Someone who cannot be woken or does not respond.
    _rule(
        r"\b(?:unresponsive|unconscious|inconsciente|not responsive)\b",
        r"\b(?:wont|cant|isnt|not|doesnt) (?:open|opening) (?:his|her|their) eyes\b",
        rf"\b(?:cant|couldnt) (?:wake|get) {WHO_OBJ} (?:to )?(?:wake )?up\b",
        r"\bcant wake (?:him|her|them)\b",
        rf"\b(?:cant|couldnt) (?:wake up|get up) {WHO_OBJ}\b",
        rf"(?:^|\b{WHO}|\band|\.) (?:is |still )*(?:wont|isnt|not|doesnt|aint|wouldnt)"
        r" (?:even |really )?(?:wake up|waking up|waking|respond|responding|moving|move"
        r"|come to|coming to)\b(?! out| in| on| forward| back| away)",
        unless=(
            r"\bfor (?:school|work|class)\b|\bon time\b|\b(?:texts|calls|messages)\b"
            r"|\b(?:sleep|asleep) and\b"
        ),
    ),
    _rule(
        r"\bno (?:se )?(?:despierta|reacciona|responde|se mueve|abre los ojos)\b",
        r"\bno (?:lo|la|los|las|le) (?:puedo|podemos|pude|pudimos|logro) despertar\b",
        r"\bsigue sin (?:despertar|reaccionar|responder|moverse)\b",
        unless=(
            r"\b(?:celular|telefono|cel|app|pagina|compu|computadora|carro|mensajes"
            r"|llamadas|whatsapp)\b"
        ),
    ),
    # Blue or grey lips and skin.
    _rule(
        r"\b(?:lips|face|skin|fingers|fingertips|nails|hands) (?:are |is |look |looks "
        r"|going |turning |turned |getting |gone )*(?:blue|purple|gr[ae]y)\b",
        r"\b(?:blue|purple|gr[ae]y) (?:around|on|in) (?:the|his|her|their) (?:mouth|lips|face)\b",
        r"\blabios (?:\w+ )?(?:morados|azules|moraditos)\b",
        **_COLOUR,
    ),
    # A person turning blue, not anything else that changes colour ("my hair is going grey",
    # "the sky is turning purple", "the bruise turned purple"); "going grey" of a person is
    # their hair.
    _rule(
        rf"\b(?:{WHO}|i|im|i am|the (?:baby|guy|girl|dude|man|woman)|this (?:guy|girl|dude))"
        r" (?:is |are |was |just |already |kinda |like |all |now |started |starting )*"
        r"(?:(?:turning|turned|gone|went|turn) (?:\w+ )?(?:blue|purple|gr[ae]y)"
        r"|going (?:\w+ )?(?:blue|purple))\b",
        # Someone unnamed ("a guy at the bus stop is turning blue"), or a sign after another.
        r"\b(?:is|was|hes|shes|im) (?:\w+ )?(?:turning|turned|gone|going) (?:blue|purple)\b",
        r"\b(?:and|y) (?:now |also )?(?:turning|turned|going|went) (?:blue|purple)\b",
        rf"\b(?:hes|shes|theyre|{WHO} (?:is|looks|went|turned))"
        r" (?:all |kinda |really |so )?(?:blue|purple|gr[ae]y)\b"
        r"(?! (?:and|jeans|shirt|car|because|about|over|today|lately|since)\b)",
        r"\b(?:poniendo|puso|pone|quedo) (?:todo |toda |bien |muy |medio |mas )?(?:azul|morad[oa]"
        r"|moradit[oa])\b",
        r"\b(?:el man|el vato|el bato|la morra|el|ella|el bebe|la bebe|el nino|la nina"
        r"|(?:mi|su|el|la) (?:\w+ )?(?:compa|carnal|pana|parce|amig[oa]|herman[oa]|hij[oa]"
        r"|novi[oa]"
        r"|espos[oa]|primo|prima|papa|mama|tio|tia|abuel[oa]|vecin[oa]|roommate|bebe))"
        r" (?:esta|se ve|se puso|se esta poniendo) (?:todo |toda |bien |muy |medio )?"
        r"(?:azul|morad[oa])\b(?! (?:de|del|por|en|con|porque|como|desde)\b)",
        # Things, not people, just before the verb: "the sky is turning purple".
        blockers=frozenset(
            words(
                "sky water pool leaves leaf sunset screen light lights hair beard walls wall"
                " paint clouds ocean sea lake river weather sign flower flowers tree trees jeans"
                " shirt dress shoes ink dye milk food cake frosting photo picture cielo agua"
                " pelo cabello pared paredes hojas nubes mar flores arbol pantalla luz foto"
                " atardecer cuarto compu computadora pantallazo celular cel"
            )
        ),
        window=3,
        **_COLOUR,
    ),
    # Overdose named, but not someone's past, a class, or a fear ("died of an overdose").
    _rule(
        rf"\b(?:overdos(?:e|ed|es|ing|eo|eado|eando|earon|io)"
        rf"|sobredos(?:is|eo|eado|eando|io|ando|ado|aron|o|e))\b"
        # "overdosing on chocolate" is an idiom; on a drug, or on the couch, it is not.
        rf"(?! on (?!{W2}{SUBSTANCE}\b|(?:the |my |his |her |a )?(?:couch|floor|bed|sofa"
        r"|bathroom|street|ground|bus|train|porch|lawn)\b))",
        blockers=HYPOTHETICAL,
        window=1,
        # The past, a death mourned, a class, a show (round ten added "hace like 6 years",
        # "en el 2017", "cuando usaba", "in my 20s", "its been 3 years since", a vigil, "la
        # novela"); none of them when the clause says it is happening ("mi primo se esta
        # sobredosando en el cementerio", "my gf is overdosing while we watch netflix help",
        # a critic's cases).
        soft=(
            r"\b(?:died (?:of|from)|passed away|murio de|muerte por|years? ago|months ago"
            r"|last (?:year|month|summer|winter|spring|fall)|in (?:19|20)\d\d|back in"
            r"|hace \w+ (?:anos|meses)|learn\w*|training|class|prevent\w*|awareness"
            r"|signs|symptoms|risk|talk\w* about|aprend\w*|prevencion|hablamos)\b"
            rf"|{MEDIA}|{STORY}"
            r"|\bhace (?:\w+ ){1,2}(?:anos|meses|years|months)\b|\ben el (?:19|20)\d\d\b"
            r"|\bwhen i was (?:using|drinking|younger|a kid|a teen|\d+(?! (?:min|hour|block)))"
            r"|\bcuando (?:usaba|consumia|tomaba|andaba|era|tenia)\b"
            r"|\bin (?:college|high school|my (?:teens|20s|30s|twenties|thirties))\b"
            r"|\ba los (?:veinti|treinta|cuarenta)\w*\b|\bi was (?:1[3-9]|[2-6]\d)\b"
            r"|\bbefore (?:i|she|he|they) got (?:clean|sober)\b|\bantes de entrar\b"
            r"|\brock bottom\b|\b(?:mirala|miralo|miralos) ahora\b"
            r"|\b(?:years?|months?|anos|meses) since\b|\bits been \w+ (?:years?|months?)\b"
            r"|\bya son \w+ (?:anos|meses)\b|\b(?:anniversary|aniversario|murieron|fallecio"
            r"|cemetery|cementerio|panteon|tumba|vigil\w*|caminata|concientizacion|peli|novela"
            r"|tiktok|youtube|univision|telemundo)\b"
            r"|\b(?:clases?|cursos?|talleres?|taller) de (?:narcan|naloxona|prevencion|salud"
            r"|primeros auxilios)\b"
        ),
        still=HAPPENING,
    ),
    # Too much taken.
    _rule(
        r"\b(?:took|taken|take|swallowed|shot up|shot|snorted|sniffed|used|smoked|popped"
        r"|injected|mixed) (?:way |far |a little |a bit |maybe |probably )?too (?:much|many)\b"
        r"(?! (?:time|on|of (?:my |the |a |his |her )?time|breaks|days|naps|risks|chances"
        r"|shifts|hours))",
        r"\b(?:took|used|did|shot|snorted|smoked|injected) (?:way |a lot |much |so much |far )?"
        r"more than (?:usual|normal|i usually do|i normally do|prescribed|i should)\b",
        r"\b(?:tome|trague|me meti|consumi|me inyecte|fume) (?:\w+ )?(?:demasiad[oa]s?|de mas)"
        rf" (?:\w+ )?(?:pastillas|pildoras|tabletas|{ES_SUBSTANCE})\b",
    ),
    # A large amount swallowed; not the usual daily dose, not just a thought.
    _rule(
        r"\b(?:took|swallowed|popped|downed|ate|taken|take|taking|swallow|swallowing|pop|down"
        r"|snorted|injected)"
        r" (?:like |about |around |maybe |almost |over |at least |probably |literally )?"
        r"(?:all|every|every single|everything|(?:the|my|his|her) (?:whole|entire|rest of)"
        r"|(?:a|the) (?:bottle|pack|sheet|box|strip) of|an? (?:whole|entire"
        r"|full)|a (?:handful|bunch|ton|lot|fistful|whole bunch) of|\d{2,}|twenty|thirty"
        rf"|forty|fifty|sixty|a hundred|hundred|dozens of) {W4}{PILLS_AND_DRUGS}\b",
        r"\b(?:swallowed|popped|downed|took) (?:like |about |around |maybe |almost |over )?"
        r"\d{2,} (?!(?:\w+ )?(?:minutes?|mins?|hours?|hrs?|seconds?|days?|weeks?|dollars"
        r"|bucks|steps|years?)\b)",
        r"\b(?:finished|emptied|finish|empty) (?:off )?(?:the|my|his|her|a) (?:whole |entire )?"
        rf"(?:bottle|pack|sheet|box|strip|script|prescription) (?:of )?{W2}{PILLS_AND_DRUGS}\b",
        r"\b(?:me )?(?:tome|trague|bebi|se tomo|se trago|tomarme|tragarme|me voy a tomar"
        r"|me acabe|me termine|vacie)"
        r" (?:como |unas |casi |mas de |ya )?"
        r"(?:tod[oa]s? (?:las|mis|sus|el|la|los)|el frasco|la caja|el bote|\d{2,}|veinte"
        r"|treinta|cuarenta|cincuenta|cien|un punado de|un monton de|muchas) (?:\w+ ){0,3}?"
        r"(?:pastillas?|pildoras|frasco|caja|bote|tabletas|medicinas|medicamentos|entero)\b"
        rf"|\b(?:me )?(?:tome|trague|me acabe|me termine|vacie) (?:todo |entero )?"
        rf"(?:el frasco|la caja|el bote|la tira) (?:\w+ )?{PILLS_AND_DRUGS}\b",
        unless=f"{ROUTINE}|{IDEATION}",
    ),
    _rule(
        r"\b(?:took|swallowed|popped|downed|mixed|drank|snorted|shot up|injected|tome|me tome"
        r"|trague|me trague|mezcle|me meti|me inyecte)\b(?: \w+){0,6} (?:on purpose|a proposito"
        r"|so (?:that )?i (?:dont|wont|never|will not|would not|wouldnt) wake up"
        r"|so (?:that )?i (?:die|can die|could die|would die)|to (?:die|end it|end my life"
        r"|not wake up|kill myself)"
        r"|para (?:morir|morirme|no despertar|matarme|acabar con todo))\b",
        needs=(SUBSTANCE_CONTEXT,),
        unless=ACCIDENT,
    ),
    # Pills taken, with a goodbye.
    _rule(
        r"\b(?:took|swallowed|taken|tome|me tome|trague|me trague) (?!my |mis |mi )"
        r"(?:\w+ ){0,2}?(?:pills|pastillas|meds|everything|todo)\b",
        needs=(FAREWELL,),
    ),
    # Pills or all of something taken, then a goodbye: "took them all. bye".
    _rule(
        r"\b(?:took|swallowed|ate) (?:them|em|it) all" + END,
        r"\b(?:me )?(?:las|los) (?:tome|trague) tod[oa]s\b",
        needs=(FAREWELL,),
    ),
    # Body signs, when the message also mentions a substance.
    _rule(
        *BODY_SIGNS,
        needs=(SUBSTANCE_CONTEXT,),
        unless=SIDE_EFFECT,
        soft=BODY_CAUSE,
        still=DRUG_NAMED,
    ),
    # Round ten: more of the body in danger after use, as people put it (breath, chest,
    # heart, sight going, blood brought up, a limb going numb, colour, eyes closing on their
    # own), with use read in surer words (BODY_USE). An illness, a workout, nerves, paint,
    # the cold or sleeping on an arm explain the sign, unless a drug is named.
    _rule(
        r"\bcant (?:catch|get) (?:my|a) breath\b|\b(?:someone|something) (?:is )?(?:standing"
        r"|sitting) on my chest\b|\bchest (?:is )?(?:tight|tightening|crushing|caving)\b",
        r"\bheart(?:beat)? (?:is |keeps |feels |is going |goin |going )?(?:so |really |super )?"
        r"(?:fluttering|skipping|stopping|gonna stop|going to stop|beating weird"
        r"|beating out|fast it hurts|pounding out)"
        r"|\bheart(?:beat)? (?:is )?(?:so|really|too|like real|super) slow\b",
        r"\b(?:everything|room|vision|my vision) (?:keeps |is |started |starts )?(?:going"
        r"|getting|went|turning) (?:dark|black)\b",
        r"\b(?:threw up|throwing up|puked|puking|vomit\w*|coughing up|spitting up|escupo"
        r"|escupi|devolvi)(?: \w+){0,3} (?:blood|sangre)\b|\bcoffee grounds\b",
        r"\b(?:lips|fingers|fingertips|nails|hands|feet|labios|unas|dedos|manos)"
        r"(?: \w+){0,4} (?:blue|purple|grey|gray|azul\w*|morad\w*)\b",
        r"\bno (?:me )?puedo (?:mantener|abrir) los ojos\b|\bse me cierran (?:los ojos|solos)\b"
        r"|\blos ojos se me cierran\b",
        r"\bse me (?:esta )?(?:durmiendo|duerme|durmio|entumi\w*) (?:el brazo|la cara|el lado"
        r"|las piernas|los brazos|medio cuerpo)\b",
        r"\b(?:el )?pecho (?:me )?(?:aprieta|apretado|duele)\b|\bse me cierra el pecho\b"
        r"|\bme falta el aire\b",
        r"\bcorazon (?:me )?(?:late|va|esta) (?:a mil|bien rapido|muy rapido|lento|raro)\b"
        r"|\bcorazon como tambor\b",
        r"\b(?:todo|la vista) se (?:me )?(?:pone|puso|esta poniendo) negr[oa]\b|\bse me"
        r" (?:nubla|nublo|puso negra?) (?:todo|la vista)\b|\bviendo doble\b|\bseeing double\b",
        *BODY_SIGNS,
        needs=(BODY_USE,),
        unless=SIDE_EFFECT,
        soft=BODY_CAUSE,
        still=DRUG_NAMED,
    ),
    _rule(
        r"\b(?:i think|i feel like|pretty sure|i swear|creo que) (?:im|me estoy)"
        r" (?:dying|muriendo)\b(?! (?:of|to|for(?! real)|laughing|here|inside|de))",
    ),
    _rule(
        r"\b(?:seizures?|seizing|convulsing|convulsions?|convulsiones|convulsionando"
        r"|convulsiona|convulsiono|ataque epileptico)\b",
        unless=r"\bseizures? (?:meds|medication|medicine|pills|disorder)\b|\bepilep",
    ),
    _rule(
        r"\b(?:foam\w*|espuma) (?:\w+ ){0,4}(?:mouth|boca)\b",
        r"\bchoking on (?:his|her|their) (?:own )?vomit\b",
    ),
    # Heavy bleeding or a deep cut.
    _rule(
        r"\b(?:wont|cant|doesnt|cannot|wouldnt) stop (?:the )?bleeding"
        r"|\bbleeding (?:a lot|everywhere|so much|so bad|badly|heavily|out)\b",
        r"\b(?:so much|a lot of|lots of|tons of) blood\b|\bblood everywhere\b",
        r"\bno (?:para|deja|paro|dejo) de sangrar|\bmucha sangre\b|\bsangrando mucho\b",
        r"\b(?:cut|slit|slashed|sliced) (?:\w+ ){0,2}(?:deep|wrists?|throat|veins?)\b",
        r"\bcort(?:e|arme|o) (?:\w+ ){0,2}(?:hondo|profundo|las venas|la garganta|las munecas)\b",
    ),
    _rule(
        r"\b(?:cant|cannot|wont|couldnt) (?:get|make) (?:it|the bleeding|the blood|them|this)"
        r" (?:to )?stop\b|\bno (?:la |lo )?puedo (?:parar|detener)\b",
        needs=(r"\b(?:bleed\w*|bled|blood\w*|sangr\w+|cut|cuts|corte|cortada)\b",),
        unless=ACCIDENT,
    ),
    _rule(
        r"\b(?:found|find) (?:him|her|them|my \w+(?: \w+)?) hanging\b(?! out| around| with| at)",
        r"\bhanged (?:himself|herself|themselves|myself)\b|\bhanging (?:himself|herself)\b",
        r"\bse (?:colgo|ahorco)\b|\bahorcad[oa]\b",
    ),
    # Naloxone being given means an overdose is happening.
    _rule(
        r"\b(?:give|gave|giving|spray|sprayed|use|used) (?:him |her |them |my \w+ )?"
        r"(?:the |some |more |another |a second )?(?:narcan|naloxone)\b",
        r"\b(?:le di|darle|le doy|le pongo|le puse|ponerle|le eche) (?:\w+ )?"
        r"(?:narcan|naloxona)\b",
        r"\b(?:narcan|naloxone|naloxona) (?:\w+ )?(?:didnt|isnt|wasnt|not|doesnt|aint|no|wont)"
        r" (?:\w+ )?(?:work|working|help|helping|funciono|funciona|sirvio|sirve|hizo nada)\b",
        r"\b(?:need|needs|get|grab|where is|wheres|donde esta|necesito) (?:the |some |a |el |la )?"
        r"(?:narcan|naloxone|naloxona) (?:now|right now|ahora|ya|asap|quick|fast|rapido)\b",
        unless=r"\b(?:how to|learn\w*|training|class|taught|teach|practice|aprend\w*|curso)\b",
    ),
    # A household poison swallowed on purpose (accidents are POISON).
    _rule(
        r"\b(?:i|me) (?:just |already )?(?:drank|swallowed|ate|took|tome|bebi|trague)"
        r" (?:\w+ ){0,4}?(?:bleach|antifreeze|rat poison|poison|drain cleaner|lye|pesticide"
        r"|weed killer|cloro|veneno|raticida|anticongelante|insecticida|matarratas)\b",
        unless=r"\b(?:accident\w*|by mistake|sin querer|por error|por accidente|bought|compre"
        r"|pride|orgullo)\b",
    ),
    # Means in hand or in place.
    _rule(
        r"\b(?:gun|pistol|pistola|arma|revolver) (?:\w+ ){0,3}?(?:in my hand|in my mouth"
        r"|to my head|against my head|next to me|beside me|in my lap|en la mano|en la boca"
        r"|en la cabeza|junto a mi|a mi lado)\b",
        r"\bloaded (?:the|my|a) (?:gun|pistol)\b|\bcargue (?:la|mi) (?:pistola|arma)\b",
        r"\b(?:guns?|pistol|pistola|arma) (?:is |esta |ya )?(?:loaded|cargada)\b",
        r"\b(?:car|engine|truck|motor)(?: is)? running\b(?: \w+){0,6} garage\b",
        r"\bgarage\b(?: \w+){0,6} (?:car|engine|truck|motor)(?: is)? running\b",
        r"\bhose (?:\w+ ){0,2}exhaust\b|\bexhaust (?:pipe )?(?:hose|into the car)\b",
        r"\b(?:motor|carro) prendido (?:\w+ ){0,4}(?:cochera|garaje)\b",
    ),
    # The same in more words: the garage shut and the engine started, in either order. The
    # garage door open, or a mechanic's work, is ordinary.
    _rule(
        r"\b(?:cerre|closed|shut|locked|encerre|me encerre) (?:\w+ ){0,3}(?:cochera|garaje"
        r"|garage)\b(?: \w+){0,6} (?:prendi|encendi|arranque|started|turned on|with) (?:el |la "
        r"|the |my |his |her |a )?(?:carro|car|troca|truck|motor|engine|camioneta|van)\b",
        r"\b(?:prendi|encendi|arranque|started|turned on) (?:el |la |the |my )?(?:carro|car|troca"
        r"|truck|motor|engine|camioneta|van)\b(?: \w+){0,6} (?:cerre|closed|shut|cerrad[oa])"
        r" (?:\w+ ){0,2}(?:cochera|garaje|garage)\b",
        r"\b(?:cochera|garaje|garage)\b(?: \w+){0,6} (?:motor|carro|troca|car|engine|truck"
        r"|camioneta|van) (?:\w+ )?(?:prendid[oa]|encendid[oa]|running|on)\b",
        unless=(
            r"\b(?:open|opened|abiert[oa]|abri|warm\w* up|calentar|calentando|mechanic\w*"
            r"|mecanico|taller|brakes|frenos|oil|aceite|battery|bateria|fixing|arreglando"
            r"|drove|drive|driving|headed|backed out|pulled out|left|leaving|me fui|sali|salimos"
            r"|voy para|manejando|maneje|work|trabajo|junta|meeting)\b"
        ),
    ),
    # The same in more words: a loaded "fierro" or "cuete" (Mexican slang for a gun), a hose
    # a few words from the exhaust or the tailpipe. "Fierro" is also a truck, a hose also the
    # radiator's.
    _rule(
        r"\b(?:fierro|cuete|escuadra|pistola|arma) (?:ya )?(?:esta )?(?:bien )?cargad[oa]\b",
        r"\b(?:hose|manguera) (?:\w+ ){0,4}(?:exhaust|tailpipe|escape|mofle)\b",
        unless=r"\b(?:radiator|radiador|coolant|anticongelante|vacuum|manifold|melt\w*"
        r"|derriti\w*|mudanza|lena|carga|mercancia|troca|flete|mechanic|mecanico|taller)\b",
    ),
    _rule(
        r"\b(?:standing|sitting|lying|laying|waiting|im|i am) on (?:the |a )?(?:tracks|ledge"
        r"|railing|edge of (?:the|a) \w+)\b",
        r"\b(?:acostad[oa]|sentad[oa]|parad[oa]|tirad[oa]|me acoste|me sente) (?:en|sobre)"
        r" (?:las vias|los rieles|la via del tren)\b|\bestoy sobre (?:las vias|los rieles)\b",
        r"\b(?:standing|sitting|im|i am) (?:at|on) the edge of (?:the |a |this )?(?:\w+ )?"
        rf"(?:{HIGH_PLACES}|garage|platform)\b",
        rf"\b(?:at|on|en) (?:the |a |this |el |la )?{HIGH_PLACES}\b(?=.*{FAREWELL})",
    ),
    # On the railing or the edge of a high place, in Spanish: "ya estoy en el barandal del
    # puente"; not a chore there.
    _rule(
        r"\b(?:estoy|ya estoy|ando|sigo) (?:parad[oa] |sentad[oa] |trepad[oa] )?(?:en|arriba"
        r" del?|al) (?:el |la )?(?:barandal|baranda|orilla|borde|cornisa|filo) (?:del?|de la)"
        rf" (?:\w+ ){{0,2}}?{HIGH_PLACES}\b"
        r"|\b(?:del otro lado del|me subi al) (?:barandal|baranda)\b",
        unless=r"\b(?:poniendo|limpiando|arreglando|pintando|trabajando|instalando|tendiendo"
        r"|impermeabilizando|reparando|cafe|cafecito|foto|fotos|selfie|luces)\b",
    ),
    _rule(
        r"\b(?:going to|about to|gonna|ready to|will|fixing to|im) jump(?:ing)?\b",
        r"\b(?:voy a|me voy a|estoy a punto de) (?:tirar|aventar|lanzar|saltar|brincar)(?:me)?\b",
        # The present for what is about to happen: "hoy si salto", "ya me aviento", "jumping
        # tonight".
        r"\b(?:hoy|ahorita|ahora|ya|esta noche) (?:si |mismo )?(?:salto|brinco|me (?:salto"
        r"|aviento|tiro|lanzo|brinco))\b(?! a (?:dormir|la cama|descansar|el sillon))"
        r"|(?:^|\. |\bim |\bi am )jumping (?:tonight|now|today|off)\b",
        needs=(rf"\b{HIGH_PLACES}\b",),
        unless=r"\b(?:into the (?:lake|pool|river|water|ocean|sea)|bungee|cliff jumping|diving"
        r"|swim\w*|al agua|alberca|piscina|al rio|al lago|clavado)\b",
    ),
    *EMERGENCY_INTENT,
)

# --- CRISIS: suicidal thoughts, self-harm, harm to or from others ---------------------------

SELF_HARM: tuple[Rule, ...] = (
    # A past attempt and the next one said: "en 2015 intente matarme y lo voy a volver a
    # intentar", "tried to kill myself last year, going to try again".
    _rule(
        r"\b(?:voy a|lo voy a|me voy a|going to|ill|i will|quiero)"
        r" (?:volver a )?(?:intentar(?:lo)?|try(?: it)?)(?: \w+)? (?:otra vez|de nuevo|again)\b",
        r"\b(?:voy a|vuelvo a|quiero|lo voy a|me voy a) volver a intentar(?:lo)?\b",
        needs=(
            r"\b(?:intente|trate de|trate) (?:\w+ )?(?:matarme|quitarme la vida|suicid\w*"
            r"|ahorcarme|colgarme)|\btried to (?:kill myself|end it|die|overdose|hang myself)"
            r"|\b(?:suicide attempt|attempted suicide|attempt on my life|intento de suicidio)",
        ),
    ),
    # Named directly; not cancelled by "not": "I'm not suicidal but..." still gets help.
    _rule(
        r"\b(?:kill|killing|killed|end|ending|off|offing|shoot|shooting|hang|hanging|drown"
        r"|drowning|poison|poisoning|overdose|overdosing|starve|starving|suffocate) myself\b",
        r"\bunaliv(?:e|ed|ing)\b|\bkill yourself\b",
        r"\b(?:im|i am|i|ill) (?:going to|gonna|about to|planning to|ready to|will|want to)"
        r" (?:just )?(?:overdose|od)\b",
        r"\b(?:use|turn|point) (?:it|this|that|the \w+) on myself\b",
        r"\bsu[iy]?[cs]+i?d(?:e|es|al|el|ial|ality|ing|io|ios|a|as|arme|arte|arse|ando)?\b",
        r"\b(?:take|taking|took) my (?:own )?life\b",
        r"\bquitar(?:me)? la vida\b|\bacabar con (?:mi vida|todo)\b",
        r"\bterminar con (?:mi vida|todo)\b(?! (?:el|la|los|las|lo|mi|mis|esto|eso)\b)",
        r"\b(?:end|ending|ended|finish) (?:it|it all|everything|things|my life|my own life"
        r"|this life|my existence)\b(?! (?:with|off|for|between|here|early|at)\b)",
        r"\b(?:hoy|esta noche|ahorita|ahora|manana|ya) me mato\b"
        r"(?! (?:el|la|de|con|a|trabajando|estudiando)\b)",
    ),
    # Injuring oneself; accidents ("hurt myself at the gym") and denials do not count.
    _rule(
        r"\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burned|burnt|burning|punch|punched"
        r"|punching|hit|hitting|scratch|scratched|scratching|carve|carved|carving|bite|biting"
        r"|beat|beating|stab|stabbing) myself\b|\bself ?harm\w*|\bself injur\w*",
        r"\b(?:cut|cutting|carve|carved|carving|burn|burned|burnt|burning|scratch|scratched"
        r"|scratching|slice|sliced|hit|hitting|punch|punched|punching) (?:my|up my) (?:\w+ )?"
        r"(?:arms?|legs?|wrists?|thighs?|skin|stomach|belly|hips?)\b",
        r"\b(?:been|started|keep|kept|still|im|was) cutting(?: again| myself)?\b"
        r"(?! (?:back|down|out|off|class|school|hair|corners|ties|it|the|my|a|some|up)\b)",
        r"(?<!got )(?<!was )(?<!were )(?<!be )\bcut (?:myself )?again\b"
        r"(?! (?:my|the|his|her|back|down|short)\b)",
        r"\b(?:till|until) (?:they|it|i) (?:bled|bleed)\b|\bto feel (?:something|the pain)\b",
        r"\b(?:cutting|burning|hurting) (?:myself )?(?:helps|is the only|makes me feel"
        r"|calms me|is how i)\b",
        unless=ACCIDENT,
        blockers=NEGATIONS,
    ),
    # Wishing to be dead or not to exist.
    _rule(
        r"\b(?:want|wanna|wish|wishing|ready|need|deserve|deserves|hope|trying|plan|planning"
        r"|rather|prefer|should) (?:to )?(?:just |really |simply )?(?:die|dye|be dead"
        r"|not exist|stop existing|not be alive|not be here|overdose)\b"
        r"(?! (?:of|laughing|from|for|with|in a|on|at)\b)",
        r"\b(?:better off|rather be|want to be|wish i was|wish i were|should be|deserve to be"
        r"|might as well be) dead\b",
        r"\bwish(?:ing|ed)? (?:i|id) (?:\w+ ){0,2}(?:dead|died|die|never been born|never woke up"
        r"|never existed|not wake up|wasnt born|wasnt alive|wasnt here|werent here|didnt exist"
        r"|didnt wake up|could disappear forever)\b",
        r"\b(?:want|wanna|wish i could|wishing i could|going|need) (?:to )?(?:just )?disappear\b"
        r"(?! (?:into|to|for|on|with|from work|under|in|inside|till|until)\b)",
        r"\bdisappear (?:forever|for good)\b",
        blockers=NEGATIONS,
    ),
    _rule(
        r"\b(?:dont|no longer|never|didnt) (?:even |really |think i |think i really )?"
        r"(?:want to|wanna|wish to"
        r"|feel like|care to) (?:live|be alive|exist|wake up|go on|keep going|keep living"
        r"|continue living|be here (?:anymore|any more|no more|any longer|tomorrow))\b",
        r"\blive or die\b|\bvivir o morir\b",
        r"\b(?:never|not|dont|no) wake up (?:again|tomorrow|ever)\b",
        r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b",
        r"\b(?:want to|wish i could|wish to|need to|going to|ready to) (?:just )?sleep forever\b",
        r"\bhope i (?:dont|never|wont) wake up\b"
        r"|\bnever wake up\b(?! (?:on|early|before|in time|till|until)\b)",
        r"\bno despertar (?:nunca|jamas|mas)\b|\bno volver a despertar\b|\bdormir para siempre\b",
        # "que me lleve la pelona", "ya me quiero ir con diosito": death named as people say it.
        r"\b(?:que|ojala|ya quiero que|quisiera que) me (?:lleve|llevara|venga a (?:buscar"
        r"|llevar)) (?:la pelona|la flaca|la huesuda|la parca|la muerte|diosito|dios"
        r"|el de arriba)\b"
        r"|\b(?:ya )?me quiero ir con (?:diosito|dios|el senor|mi abuel[oa]|mi mama)\b"
        r"(?! (?:a|al|de|el|este|hoy|manana|en)\b)",
        r"\bfeel(?:ing|s)? like (?:dying|killing myself|ending it|ending my life"
        r"|giving up on life)\b",
    ),
    # Thinking about dying or about a method.
    _rule(
        r"\b(?:think|thinking|thought|thoughts|pensando|pienso|pensamientos) (?:about|of|en|de)"
        r" (?:is |just |really |maybe |actually )?(?:dying|death|being dead"
        r"|taking my (?:own )?life|not being (?:here|alive|around)|not waking up"
        r"|ending (?:it|things|my life|everything)|taking all"
        r"|overdosing|jumping (?:off|from|in front)|driving (?:into|off)|crashing (?:my|the"
        r"|into)|hanging|hurting myself|killing myself|suicide|morir|morirme|la muerte"
        r"|matarme|quitarme|suicid\w+|tirarme|aventarme|desaparecer|no despertar|cortarme"
        r"|lastimarme|hacerme dano)\b",
    ),
    # No point, not worth it, tired of living, can't go on.
    _rule(
        r"\b(?:no|dont see (?:the|any)|whats (?:even |really )?the|what is (?:even )?the"
        r"|theres no|there is no|lost (?:the|my|all)|cant see (?:the|any)|see no)"
        r" (?:point|reason|purpose) (?:in |of |to |for )?(?:living|life|being alive|going on"
        r"|keep going|keep living|live|me to (?:be here|live|stay|go on|keep going)"
        r"|being here|staying alive)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|not|is never) (?:\w+ )?worth (?:it|living)\b",
        r"\bnot worth living\b|\bmy life is (?:worthless|pointless|meaningless)\b",
        r"\b(?:done with|tired of|sick of|exhausted from|cansad[oa] de|hart[oa] de) (?:life"
        r"|living|being alive|existing|this life|la vida|vivir|existir|estar viv[oa])\b"
        r"(?! (?:paycheck|with|in|like|here|at|aqui|en|con|asi)\b)",
        r"\bcant (?:do|take|handle) (?:this|it|life)(?: (?:whole |fucking |damn )?(?:life thing"
        r"|thing|shit|crap|life|anymore))? (?:anymore|any more|any longer|no more)\b",
        r"\bcant (?:do this|go on|take (?:it|this)|keep going|keep doing this|live like this"
        r"|handle (?:it|this|life)) (?:anymore|any more|any longer|no more)\b",
        r"\bcant (?:keep (?:living|going|doing this)|live) (?:like this|this way)\b",
        r"\bwant (?:it|this|everything|it all|all of this|all this) (?:all )?to (?:be over"
        r"|end|stop)\b",
        r"\bwhy am i (?:even |still )?(?:alive|here|living|breathing)\b",
        r"\b(?:easier|better) (?:to |if i )?(?:just )?(?:not wake up|die|be dead|not be here"
        r"|not exist|didnt wake up)\b",
        r"\b(?:tired|sick) of (?:fighting|trying|struggling) to (?:stay alive|live|keep living)\b",
        r"\bnothing (?:left )?to live for\b|\bwhy bother (?:living|going on|staying alive)\b",
        r"\bnada (?:por )?(?:que|lo que) vivir\b",
        r"\bquiero que (?:todo|esto) (?:se )?(?:acabe|termine)\b",
        r"\bwhy (?:should|do|would) i (?:even )?(?:live|keep living|go on|stay alive)\b",
        r"\b(?:dont|didnt) deserve to (?:live|be alive|be here|exist)\b",
        r"\b(?:not going to|wont|not gonna|will not) be (?:around|here) (?:much |for )?"
        r"(?:longer|anymore|any more|long)\b",
    ),
    # Being a burden; others better off without them.
    _rule(
        r"\b(?:im|i am|being|feel like|feel like im|just|soy|siento que soy)"
        r" (?:such |just |only |nothing but )?(?:a |an |una |un )?(?:burden|carga|estorbo)\b",
        r"\bburden (?:to|on|for) (?:everyone|everybody|my|them|you|people)\b",
        r"\b(?:better|happier|easier) (?:off )?(?:for (?:\w+ ){1,2})?(?:without me"
        r"|if i (?:was|were|wasnt|werent|am|died|disappeared|left|never|just)|with me gone"
        r"|once im gone|when im gone"
        r"|sin mi)\b",
        r"\bbetter off with (?:a different|another|a new|a better|someone else)\b",
        r"\b(?:nobody|no one) (?:would|will|wud|is going to|gonna) (?:even |really |ever )?"
        r"(?:miss me|notice (?:if|when|that) i|care (?:if|when|that) i|notice im gone)\b",
        r"\b(?:nobody|no one) (?:cares|would care|will care|gives a \w+) (?:if|whether|when) i"
        r" (?:die|died|live|disappear|was gone|am gone|\w+ myself)\b",
        r"\bmejor sin mi\b|\b(?:estarian|estaria|seria|serian|vivirian|viviria) (?:\w+ )?mejor"
        r" (?:si (?:yo )?(?:no|me muero|muero|desaparezco|desapareciera|me muriera)|sin mi)\b",
        r"\bnadie (?:me )?(?:extranaria|va a extranar|extrana|notaria|se daria cuenta)\b",
    ),
    # A bare cry for help, or "I'm in crisis": show the resources rather than guess.
    _rule(
        r"^(?:please |pls )?(?:help|help me|i need help|sos|ayuda|ayudame|necesito ayuda"
        r"|auxilio)(?: please| me| now| right now| por favor| ya)*(?: \.)*$",
        r"\b(?:im|i am|estoy) (?:in|en|having|having a|teniendo una) (?:crisis|breakdown"
        r"|mental breakdown|una crisis)\b",
    ),
    _rule(
        r"\b(?:goodbye|good bye|suicide|farewell) (?:letters?|notes?|messages?|videos?)\b",
        r"\bgiving (?:away )?(?:all )?(?:of )?my (?:stuff|things|belongings|possessions) away\b",
        r"\bgiving away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions)\b",
        r"\bcartas? de despedida\b|\bregalando (?:todas )?mis cosas\b",
    ),
    # Spanish wishes and plans ("me quiero morir", "ganas de tirarme del puente").
    _rule(
        r"\b(?:me quiero|quiero|quisiera|deseo|ojala|prefiero|preferiria|me gustaria"
        r"|tengo ganas de|me dan ganas de|ganas de|voy a|me voy a|necesito|planeo) (?:\w+ )?"
        r"(?:morir|morirme|matarme|suicidarme|no existir|no despertar|estar muert[oa]"
        r"|dejar de existir|ya no estar|tirarme|aventarme|colgarme|ahorcarme|cortarme"
        r"|hacerme dano|lastimarme|quemarme|desaparecer)\b"
        r"(?! (?:el pelo|el cabello|las unas|la barba|el fleco)\b)"
        r"(?! (?:de|del) (?:la |el |los |las )?(?:verguenza|pena|risa|hambre|sueno|frio|calor"
        r"|aburrimiento|envidia|ganas|amor|nervios|cansancio|flojera|grupo|chat|trabajo|oficina"
        r"|redes|fiesta|reunion|whatsapp|face|facebook|insta|instagram|escuela|clase|mapa)\b)",
        r"\b(?:me voy a|voy a|quiero|me quiero) (?:colgar|ahorcar)(?:me)?\b"
        r"(?! (?:el|la|los|las|un|una|mi|mis|ropa)\b)",
        r"\b(?:irme|me quiero ir|me voy a ir|dejar|salir) de este mundo\b"
        r"|\b(?:leave|leaving) this world\b",
        r"\b(?:me quiero|voy a|me voy a) matar\b(?! (?:a|el|la|los|las|\w+ando|\w+iendo)\b)",
        r"\bojala (?:\w+ ){0,2}(?:me muera|me muriera|no despert\w*|no amanezca"
        r"|estuviera muert[oa]|no existiera|desaparec\w*)\b",
        r"\bmejor (?:estar |estaria |estoy )?muert[oa]s?\b"
        r"|\bmejor (?:si )?(?:me muero|me muriera|no existiera|no estuviera|morir|morirme)\b",
        blockers=NEGATIONS,
    ),
    _rule(
        r"\b(?:no|ya no) (?:quiero|deseo|puedo|tengo ganas de) (?:seguir )?(?:vivir|viviendo"
        r"|existir|estar aqui|despertar|seguir aqui|seguir con vida)\b(?! sin\b)",
        r"\b(?:no|ya no|sin) (?:tiene|le veo|le encuentro|hay|tengo) (?:\w+ )?(?:sentido|razon"
        r"|razones|motivo) (?:a |de |para )?(?:vivir|seguir|la vida|nada|mi vida"
        r"|seguir viviendo|estar aqui)\b(?! (?:con|en|trabajando|estudiando|esperando)\b)",
        r"\bla vida no tiene sentido\b|\b(?:la vida|vivir|mi vida) (?:ya )?no vale"
        r" (?:la pena|nada)\b|\b(?:ya )?no vale la pena (?:vivir|seguir)\b",
        r"\bno merezco (?:vivir|estar viv[oa]|existir)\b|\bpara que (?:sigo )?vivo\b",
        r"\bya no (?:puedo|aguanto) mas\b(?! (?:con|el|la|de|los|las|este|esta|tanto)\b)",
        r"\bme (?:corto|cortaba|corte|quemo|quemaba|queme|lastimo|lastimaba|rasguno|golpeo"
        r"|hago dano|hacia dano|hice dano)\b(?! (?:el|la|las|los|un|una|con|al|en)\b)",
        r"\bme (?:corto|cortaba|corte|quemo|quemaba|queme|rasguno|rasgunaba|golpeo|golpeaba)"
        r" (?:los brazos|las piernas|las munecas|la muneca|el brazo|la piel|los muslos"
        r"|el estomago|la cabeza)\b",
        r"\bme (?:lastim|cort|quem|golpe|rasgu)\w* (?:\w+ )?a proposito\b",
        r"\bme (?:estoy|he estado|estado|sigo|estuve) (?:\w+ )?(?:haciendo dano|cortando"
        r"|lastimando|quemando|golpeando)\b(?! (?:el|la|las|los|un|una|con|al|en)\b)",
        unless=(
            r"\b(?:sin querer|por accidente|cocinando|trabajando|jugando|afeit\w*|rasur\w*"
            r"|pelando|picando)\b"
        ),
    ),
)

HARM_FROM_OR_TO_OTHERS: tuple[Rule, ...] = (
    # Violence or abuse against the client.
    _rule(
        rf"\b{WHO} (?:\w+ )?(?:hit|hits|hitting|beat|beats|beating|punched|punches|slapped"
        r"|slaps|kicked|kicks|choked|chokes|choking|strangled|strangles|pushed|pushes|shoved"
        r"|shoves|slammed|slams|smacked|smacks|burned|raped|rapes|touches|touched|touching"
        r"|molested|molests|abuses|abused|hurts|hurt|threatened|threatens|grabbed|grabs"
        r"|stabbed|attacked) (?:me|us)\b(?! (?:up|to|into|a text|off)\b)"
        r"(?! with (?:a |the |his |her )?(?:water balloon|pillow|snowball|ball|question|joke"
        r"|news|text|idea|bill|nerf)\b)",
        r"\b(?:choked|chokes|strangled|strangles|slapped|slaps|punched|punches|kicked|kicks"
        r"|smacked|raped|molested) me\b(?! (?:up|out|off)\b)|\b(?:beat|beats|beating) me up\b",
        rf"\b{WHO} (?:\w+ )?(?:hits|beats|hurts|slaps|punches|kicks|chokes|abuses|threatens)"
        r" (?:\w+ ){1,3}and (?:me|us|threatens (?:me|us)|hits (?:me|us))\b",
        r"\b(?:raped|rape|sexually assaulted|sexual assault|molested|molesting|molests"
        r"|abusing me|abused me|abuses me|domestic violence|being abused)\b",
        r"\bforced (?:himself|herself|themselves) on me\b|\b(?:forced|made) me (?:to )?have sex\b",
        r"(?<!se )\bme (?:pega|pegan|pego|golpea|golpean|golpeo|golpeaba|pateo|patea|ahorca"
        r"|ahorco|empujo|empuja|maltrata|maltrato|abofeteo|cachetea|cacheteo|amenaza|amenazo"
        r"|amenazaron|lastima|viola|violo|manosea|manoseo)\b"
        r"(?! (?:un|una|el|la) (?:susto|gripa|gripe|resfriado|sol|chicle)\b)",
        r"\b(?:me )?violaron\b|\babus(?:o|a|aron|aba) de mi\b|\babuso sexual\b",
        unless=PLAY,
    ),
    _rule(
        r"\b(?:said|says|saying|told me|threatened|threatening|threatens|swore|swears|texted"
        r"|keeps saying) (?:\w+ ){0,5}(?:kill|hurt|beat|shoot|stab|murder) (?:me|us|my kids)\b",
        r"\b(?:dijo|dice|amenazo|amenaza|amenazando|juro) (?:\w+ ){0,3}(?:matar|matarme"
        r"|me va a matar|me mata|golpearme|pegarme|hacerme dano|lastimarme)\b",
        unless=JOKE,
    ),
    # The client wanting to hurt someone; jokes ("lol") and denials do not count.
    _rule(
        r"\b(?:want to|wanna|going to|about to|will|ill|could|might|feel like|ready to"
        r"|thinking (?:about|of)|plan to|planning to|telling me to|tell me to|told me to"
        r"|need to) (?:\w+ )?(?:kill|killing|murder|murdering|stab|stabbing|shoot|shooting"
        rf"|hurt|hurting|beat|beating|strangle|strangling|choke|choking|attack|attacking"
        rf"|beat up) {WHO_OBJ}\b"
        r"(?! (?:a|an) (?:text|message|email|dm|call|line|note|pic)\b)(?! (?:at|in)\b)",
        r"\b(?:want to|wanna|going to|about to|will|ill|could) (?:beat|kick|knock|punch)"
        rf" the (?:shit|crap|hell|fuck|living daylights) out of {WHO_OBJ}\b",
        r"\b(?:voy a|quiero|tengo ganas de|ganas de|me dan ganas de|quisiera) (?:\w+ )?"
        r"(?:matar|apunalar|golpear|lastimar|madrear|disparar|ahorcar) a (?!nadie\b)\w+",
        r"\b(?:voy a|quiero|tengo ganas de|ganas de|me dan ganas de|quisiera) (?:\w+ )?"
        r"(?:matarl[oa]s?|apunalarl[oa]|golpearl[oa]|lastimarl[oa]|madrearl[oa]|dispararle"
        r"|ahorcarl[oa])\b",
        r"\b(?:lo|la|los|las) voy a (?:matar|apunalar|golpear|madrear|ahorcar)\b",
        unless=JOKE,
        blockers=NEGATIONS,
    ),
)


def _with_needs(rules: tuple[Rule, ...], need: str) -> tuple[Rule, ...]:
    extra = re.compile(need)
    return tuple(Rule(r.pattern, (*r.needs, extra), r.unless, r.blockers, r.window) for r in rules)


# Violence or a threat against the client is an emergency while it is happening: the person
# is there now (in the house, at the door, with a weapon), or the act is in the present tense.
VIOLENCE_NOW = (
    r"\b(?:right now|as we speak|as i type|still here|coming back|coming for me|is here"
    r"|hes here|shes here|theyre here|at (?:my|the) (?:door|window)|outside (?:my|the) (?:door"
    r"|room|house|window)|in the (?:kitchen|house|hallway|next room|living room|other room)"
    r"|(?:has|got|holding|grabbed) (?:a|his|her|the|my) (?:knife|gun|pistol|bat|machete"
    r"|hammer|blade)|hiding (?:in|from)|locked (?:myself |me )?in|ahorita|ahora mismo"
    r"|en este momento|esta aqui|sigue aqui|en la (?:casa|cocina|puerta|sala)"
    r"|tiene (?:un|una|el|la|su) (?:cuchillo|pistola|arma|machete|bate|navaja|cuete|fierro)"
    r"|encerrad[oa]|escondid[oa])\b"
)
VIOLENCE_PAST = (
    r"\b(?:last (?:week|night|month|year|time|weekend)|yesterday|ago|used to|when i was"
    r"|years|anoche|ayer|la semana pasada|el mes pasado|hace \w+ (?:dias|semanas|meses|anos)"
    r"|cuando era)\b"
)
_NOW_HERE = re.compile(VIOLENCE_NOW)
_NOT_NOW = re.compile(rf"{JOKE}|{VIOLENCE_PAST}")
VIOLENCE_HAPPENING: tuple[Rule, ...] = (
    _rule(
        rf"\b{WHO} (?:is |are |keeps )?(?:hitting|beating|choking|strangling|stabbing|attacking"
        r"|punching|kicking|slapping|dragging) (?:me|us|my mom|my mother|my kids|my son"
        r"|my daughter)\b(?! up\b)",
        rf"\b{WHO} (?:is |are |keeps )?(?:kicking|breaking|banging on|pounding on|busting"
        r"|trying to (?:kick|break)) (?:down |in )?(?:the|my|our) (?:\w+ )?(?:door|window)s?\b"
        r"|\b(?:kicking|kicked|breaking|busting|busted) (?:the|my|our) (?:\w+ )?door"
        r" (?:in|down|open)\b|\b(?:trying to|about to) (?:break|get) (?:in|into) (?:my|the|our)"
        r" (?:house|apartment|room|place|car)\b",
        r"\b(?:gun|knife|pistol|blade) (?:to|at|against) my (?:head|throat|neck|chest|face)\b"
        r"|\b(?:pulled|pulling|pointing|pointed) (?:a |his |her |the )?(?:gun|knife|pistol"
        r"|machete) (?:on|at) (?:me|us)\b|\bhands (?:on|around) my (?:throat|neck)\b",
        r"\b(?:me|nos|le|la) esta(?:n)? (?:pegando|golpeando|ahorcando|pateando|apunalando"
        r"|amenazando|madreando)\b|\b(?:pateando|tumbando|rompiendo|golpeando) la puerta\b",
        unless=rf"{JOKE}|{VIOLENCE_PAST}|{PLAY}|\b(?:alfombra|tapete|rug|carpet|colchon|mattress"
        r"|pinata|almohada|pillow)\b|\b(?:sleep|belly|womb|tummy|game|movie|show|dream"
        r"|dreamt|nightmare|covid|gripa|gripe|calor|virus|flu|under the table|siblings)\b",
    ),
    # Someone who should not be there, in the house now: "someones in my house", "hay alguien
    # adentro de mi casa", "alguien entro a mi casa", "someone is forcing the window". Not a
    # wish for company, a car, an account or a queue; not a story from before.
    _rule(
        r"\b(?:someone|somebody|some guy"
        r"|a guy|a man|a stranger|an intruder|alguien|un tipo|un hombre|un desconocido"
        r"|un extrano)(?:s| is| esta)? (?:in|inside|en|dentro de|adentro de) (?:my|our|mi"
        r"|nuestra) (?:house|home|apartment|apt|casa|depa|departamento|cuarto|recamara)\b",
        r"\b(?:someone|somebody|alguien) (?:just )?(?:broke|is breaking|breaking|se metio"
        r"|se esta metiendo|esta metiendose|entro) (?:in|into|a|en) (?:my|our|mi|nuestra|the|la)"
        r" (?:house|home|apartment|apt|casa|depa|departamento)\b",
        r"\b(?:someones|someone is|somebody is|alguien|alguien esta) (?:trying to get in|forzando"
        r"|tratando de abrir|queriendo entrar)\b"
        r"|\b(?:esta|estan) forzando la (?:puerta|ventana)\b",
        unless=rf"{JOKE}|{VIOLENCE_PAST}|\b(?:el ano pasado|el otro dia|hace (?:un|una|unos|\w+)"
        r" (?:dia|dias|semana|semanas|mes|meses|ano|anos)|need|want|wish|tener|necesito|quiero"
        r"|keys|llaves|movie|show|game|dream|nightmare|pelicula|sueno|era mi|it was my"
        r"|was just my)\b",
    ),
    *(
        Rule(r.pattern, (*r.needs, _NOW_HERE), _NOT_NOW, r.blockers, r.window)
        for r in HARM_FROM_OR_TO_OTHERS[:2]
    ),
    # Just now, and the person is still there or on the way: "me estaba ahorcando, ya viene".
    _rule(
        r"\b(?:me|nos) estaba(?:n)? (?:pegando|golpeando|ahorcando|pateando|apunalando"
        r"|madreando)\b"
        r"|\b(?:was|were) (?:choking|hitting|beating|strangling|punching) (?:me|us)\b",
        needs=(
            rf"{VIOLENCE_NOW}|\b(?:hes|shes|theyre|he is|she is|they are) coming(?: back| for"
            r"| after|$| \.)|\b(?:viene para aca|ya viene|ahi viene|va a volver|regresa)\b",
        ),
        unless=rf"{JOKE}|{VIOLENCE_PAST}|\b(?:toddler|toy|juguete|partido|game|match"
        r"|juego|jugando|playing)\b",
    ),
    # A threat to kill or hurt the writer with a weapon there ("outside with a gun, says hes
    # gonna kill me", "con una pistola, dice que me va a matar"): violence about to happen.
    # Someone threatening another with it now ("con un cuchillo amenazando a su abuela").
    _rule(
        r"\b(?:kill|hurt|shoot|stab|cut) (?:me|us)\b"
        r"|\b(?:me|nos) (?:va|van|quiere|quieren) (?:a )?(?:matar|disparar|apunalar|picar)\b"
        r"|\bamenazando (?:a|al) \w+|\b(?:me|nos) (?:esta|estan|anda|andan|sigue) amenazando\b"
        r"|\b(?:threatening|chasing) (?:me|us|my|his|her|everyone|the kids)\b",
        needs=(
            r"\b(?:gun|guns|pistol|knife|machete|rifle|shotgun|bat|pistola|arma|cuchillo|navaja"
            r"|cuete|escopeta|fierro)\b",
        ),
        unless=rf"{JOKE}|{VIOLENCE_PAST}|\b(?:movie|show|game|dream|nightmare|pelicula|sueno"
        r"|news|noticias|tele|tv|deer|venado|hunting|cazar|caceria|season|temporada)\b",
    ),
)

# Tier-1 kinds from the train split's out-of-fold misses (round eleven), not the model's
# input (`Rule.taught`): retrained beside them, the model read the tier-1 paraphrases no rule
# catches less surely (the nineteenth look at the report split), so they only add answers.
LIGATURE = r"(?:ropes?|noose|cords?|extension cords?|extension|soga|cuerda|mecate|lazo)"
# Worn or kept things that hang from rods every day: tied, not hung or put.
WORN_LIGATURE = (
    r"(?:belts?|sheets?|bed ?sheets?|scarf|scarves|cinturon|cinto|sabanas?|bufanda"
    r"|(?:hoodie |drawstring )?strings?|drawstring)"
)
ANCHOR = (
    r"(?:beams?|rafters?|joists?|(?:closet )?(?:rod|bar)|ceiling fan|fan|hook in the ceiling"
    r"|pipes?|door ?(?:handle|knob)|doorknob|bunk ?bed|top bunk|bedpost|headboard|railing|rail"
    r"|banister|stair ?rail|tree|branch|viga|vigas|ventilador|barra(?: del closet| del ropero)?"
    r"|tubo|tuberia|perilla|manija|litera|barandal|barandilla|rama|arbol)\b"
)
_TIED = r"(?:tied|knotted|looped|fastened|secured|amarrad[oa]|atad[oa]|anudad[oa])"
_LEDGES = _group(
    "train tracks|tracks|railroad|vias(?: del tren)?|roof|azotea|ledge|cliff|barranco"
    "|precipicio|overpass|malecon|presa"
)
# A decision or a goodbye, not "now" alone (everyone is somewhere now).
_DECIDED = (
    r"\b(?:next one|el proximo|bye|chao|adios|goodbye|nobody will find|nadie me va a"
    r" encontrar|ya lo decidi|hoy si|its time|ya es hora|for the last time|por ultima vez"
    r"|waiting (?:for|til) the (?:trucks|train|next)|this is it|im done|ya no aguanto|jump"
    r"|saltar|aventar|tirarme|me tiro|me aviento|ya me despedi|los quiero|love you all)\b"
)
_DAY_OUT = (
    r"\b(?:work|job|trabajo|chamba|fix\w*|repair\w*|roofer|roofing|shingles|gutters|techar"
    r"|arreglar|fishing|pesca\w*|walk the dog|pasear|photos?|fotos|pics|sunset|atardecer"
    r"|picnic|hik\w*|train to|tren a|commute|station|estacion|ride|uber|party|fiesta|bar"
    r"|family|familia|kids|primos|chavos|morros|sponsor|nadar|swim\w*|agua|ropa|tendiendo"
    r"|colgando|plantas|regando|lights|luces|fireworks|frisbee|stars|estrellas|deck|light"
    r"|cruce|crossing|meet|cliff jumping|jumping spot|clavados|cana|echando|metro|bus"
    r"|semaforo)\b"
)
# The rest of the message says it is a day out ("del acantilado ... clavados con mis primos").
_NO_DAY_OUT = r"(?!.*\b(?:clavados|bungee|nadar|alberca|agua|primos|chavos|swim\w*)\b)"
# Violence happening now, in more words (untaught; `screen.emergency_kind` knows them as
# violence, not intent).
VIOLENCE_UNTAUGHT: tuple[Rule, ...] = (
    # Violence now in more words: a weapon to someone's head, someone held by the throat,
    # "esta golpeando a mi mama", "someones breaking into the apartment", "se estan metiendo
    # a la casa"; not a toy gun, a match on TV, an illness that "le esta pegando".
    _rule(
        r"\b(?:gun|knife|pistol|blade) (?:to|at|against) (?:my|our) \w+s (?:head|throat|neck"
        r"|chest|face)\b",
        rf"\b{WHO} (?:has|got|grabbed|is holding) (?:me|us|him|her|{WHO_OBJ}) by the (?:throat"
        r"|neck)\b",
        r"\besta(?:n)? (?:pegando|pegandole|golpeando|ahorcando|pateando|apunalando|madreando)"
        r" a (?:mi|mis) (?:\w+ )?(?:mama|mami|madre|papa|padre|hij[oa]s?|herman[oa]s?"
        r"|abuel[oa]s?|espos[oa]|novi[oa]|bebe|nin[oa]s?|familia|tia|tio|prim[oa]s?"
        r"|amig[oa]s?)\b",
        r"\b(?:someone|somebody)s (?:just )?(?:broke|breaking|is breaking) (?:in|into)"
        r" (?:my|our|the) (?:house|home|apartment|apt)\b",
        r"\bse (?:esta|estan) metiendo (?:a|en) (?:la|mi|nuestra) (?:casa|depa|departamento)\b",
        r"\bse metieron (?:a|en) (?:la|mi|nuestra) (?:casa|depa|departamento) (?:\w+ ){0,2}?"
        r"(?:siguen|sigue|estan|esta) (?:adentro|aqui|aca)\b",
        unless=rf"{JOKE}|{VIOLENCE_PAST}|{MEDIA}|\b(?:sleep|belly|womb|tummy|game|movie|show"
        r"|dream|dreamt|nightmare|pelicula|serie|sueno|keys|llaves|nerf|water|squirt|toy"
        r"|juguete|de agua|wrestl\w*|ufc|mma|bjj|fight|match|ref|lucha|box\w*|covid|gripa|gripe"
        r"|calor|frio|sol|virus|bebe|panza|perros?|gat[oa]s|ninos|hijos|morros|dog|cat)\b",
        taught=False,
    ),
    # An armed man at the door, in Spanish: "hay un hombre con un cuchillo afuera de mi casa".
    _rule(
        r"\b(?:hay|esta|anda|vino) (?:un|una) (?:hombre|tipo|wey|vato|man|señor|senor|sujeto"
        r"|desconocido|loco|mujer) con (?:un|una) (?:cuchillo|pistola|arma|machete|navaja"
        r"|fierro|cuete) (?:\w+ )?(?:afuera|en|adentro|dentro|enfrente|frente)\b",
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:pelicula|serie|juego|sueno|sone)\b",
        taught=False,
    ),
    # A threat to kill or hurt the writer from someone on the way now ("he says hes coming
    # over to kill me", "dice que viene a matarme"); not the everyday "my mom is coming and
    # shes gonna kill me when she sees the mess".
    _rule(
        r"\b(?:kill|hurt|shoot|stab|beat|choke|end|handle|jump) (?:me|us)\b|\b(?:fuck|mess)"
        r" (?:me|us) up\b|\b(?:beat|whoop) my ass\b|\b(?:me|nos) (?:parte|rompe|partira"
        r"|rompera) (?:la cara|la madre|el hocico)\b|\b(?:matarme|matarnos"
        r"|golpearme|pegarme|madrearme|picarme|balearme|apunalarme)\b|\b(?:me|nos) (?:va|van"
        r"|quiere|quieren) a (?:matar|golpear|pegar|madrear|picar|balear|apunalar)\b",
        needs=(
            r"\b(?:coming (?:over|here|back|for (?:me|us)|to (?:my|the|our) (?:house|place"
            r"|apartment|job|work))|on (?:his|her|their) way(?! home\b)|on the way (?:here|over)"
            r"|omw|headed (?:here|over|this way)|heading (?:here|over|this way)"
            r"|driving (?:here|over)|pulling up)\b"
            r"|\b(?:viene|vienen|ya viene|va a venir|van a venir|viene en camino|viene para aca"
            r"|vienen para aca|esta llegando|va a llegar|ya llega|va en camino)\b"
            r"|\b(?:waiting (?:outside|for me|out front|at my)|esperandome|esperando afuera"
            r"|me esta esperando)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|{PLAY}|\b(?:(?:when|if|once) (?:s?he|they|u|you"
        r"|my \w+) (?:sees?|finds?|hears?|learns?|knows?|notices?)|finds? out|sees the|mess"
        r"|late|grades|cuando (?:vea|se entere|sepa)|si ve|se entera|tarde|desorden"
        r"|calificaciones|game|juego|movie"
        r"|pelicula|dream|sueno|hop\w*|wish|ojala|quisiera)\b",
        taught=False,
    ),
    # Held captive by someone now: "mi novio me tiene encerrada", "he locked me in the room
    # and took my phone", "wont let me leave, took my phone"; not locked out, not a locked
    # ward, a jail, a rehab, a quarantine, a game or a child's prank.
    _rule(
        r"\b(?:has|got|keeps|is keeping) (?:me|us) (?:locked|trapped|shut) (?:in|inside)\b"
        r"|\blocked (?:me|us) (?:in|inside)\b|\b(?:me|nos) (?:tiene|tienen) (?:encerrad[oa]s?"
        r"|amarrad[oa]s?)\b"
        r"|\btied (?:me|us) up\b",
        r"\b(?:wont|will not|doesnt|does not|isnt letting|is not letting) let (?:me|us)"
        r" (?:leave|out|go)\b|\bno (?:me|nos) (?:deja|dejan) (?:salir|irme|ir)\b",
        needs=(
            r"\b(?:locked|lock|trapped|took my (?:phone|keys|car keys)|hid my (?:phone|keys)"
            r"|hitting|hit me|threat\w*|scared|afraid|gun|knife|encerr\w*|amarr\w*|quito (?:el|mi"
            r"|las|mis) (?:telefono|celular|cel|llaves)|parte la cara|rompe la madre"
            r"|escondio (?:mi|el|las) (?:telefono|celular|llaves)"
            r"|golpe\w*|pega|me pego|amenaz\w*|miedo|pistola|cuchillo|tied)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:myself|me encerre|nos encerramos|escape"
        r" room|game|juego|kids?|toddler|ninos?|nin[oa]s|hij[oa]s?|dog|cat|perr[oa]|gat[oa]"
        r"|jail|prison|county|carcel|rehab|anexo|hospital|ward|detox|clinica|centro"
        r"|quarantine|cuarentena|covid|grounded|castigad[oa]|wind|viento|by accident"
        r"|sin querer|meeting|junta|work|trabajo|class|clase|boss|jefe|contract|contrato|deal"
        r"|lease|plan|rate)\b",
        taught=False,
    ),
    # Just attacked, and the attacker still near: the phone taken ("he punched me and took my
    # phone im texting from my friends"), the writer shut in a bathroom or hiding ("me estaba
    # ahorcando, me pude encerrar en el baño", "estoy escondida en el closet, me anda
    # buscando").
    _rule(
        r"\b(?:punched|hit|choked|strangled|beat|slapped|kicked|stabbed|attacked) (?:me|us)\b"
        r"|\b(?:me|nos) (?:pego|pegaron|golpeo|golpearon|ahorco|estaba ahorcando"
        r"|estaba golpeando|estaba pegando|apunalo|pateo)\b|\b(?:me|nos) (?:dio|dieron|metio"
        r"|metieron) un (?:puno|punetazo|golpe|madrazo|chingadazo|cachetada|bofetada)\b",
        needs=(
            r"\b(?:took|takes|grabbed|broke|smashed) my (?:phone|cell|keys)\b|\b(?:me|nos)"
            r" (?:quito|quitaron|rompio|agarro) (?:el|mi|las|mis) (?:cel|celular|telefono"
            r"|llaves)\b|\b(?:texting|writing|typing) (?:u |you )?(?:from|on) (?:my )?\w+s"
            r" (?:phone|cell)\b|\b(?:te )?escribo (?:del|desde el) (?:cel|celular|telefono)?"
            r" ?(?:de|del) \w+|\bme (?:encerre|escondi|pude encerrar|pude esconder)\b"
            r"|\bnos (?:encerramos|escondimos|pudimos encerrar|pudimos esconder)\b"
            r"|\bestoy escondid[oa]\b"
            r"|\b(?:locked|hiding|hid) (?:myself|ourselves|in)\b|\b(?:looking|searching) for"
            r" (?:me|us)\b|\b(?:me|nos) (?:anda|andan|esta|estan) buscando\b"
            r"|\b(?:ya viene|viene otra vez|viene de nuevo|va a volver|va a regresar|ya regresa"
            r"|viene para aca|coming back|on (?:his|her|their) way back|hes back|shes back)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:game|juego|wrestl\w*|sparring|fight club"
        r"|box\w*|dream|sueno|hide and seek|escondidas|kids?|ninos|toddler|baby|bebe|se fue"
        r"|ya se fue|left|is gone|se largo|sabado|domingo|lunes|martes|miercoles|jueves"
        r"|viernes|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\b",
        taught=False,
    ),
    # A weapon drawn where the writer is, someone hurt already: "uno saco un cuchillo, ya hay
    # uno herido"; someone waiting with one: "me esta esperando afuera del trabajo con un bate".
    _rule(
        r"\b(?:saco|sacaron|pulled|pulled out|took out|pulling out|sacando) (?:a |an |his |her "
        r"|un |una |su )?(?:cuchillo|navaja|pistola|arma|machete|knife|gun|pistol|blade|fierro"
        r"|cuete)\b",
        needs=(
            r"\b(?:herid[oa]s?|hurt|bleeding|sangrando|stabbed|shot|apunalad[oa]|balead[oa]"
            r"|pelea|fight|fighting|revolu|pleito|bronca|right now|ahorita)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|{PLAY}|\b(?:kitchen|cocina|cocinar|cook\w*"
        r"|cut(?:ting)? (?:the|some)|cortar|picar|verduras|vegetables|fish|pescado|hunting"
        r"|cazar|range|dream|sueno)\b",
        taught=False,
    ),
    _rule(
        r"\b(?:me|nos) (?:esta|estan) esperando (?:\w+ ){0,4}?con (?:un|una|el|la|su) (?:bate"
        r"|pistola|cuchillo|machete|arma|navaja|fierro|cuete|palo|tubo)\b"
        r"|\bwaiting (?:for (?:me|us) )?(?:\w+ ){0,4}?with (?:a|an|his|her|the) (?:bat|gun"
        r"|knife|machete|pipe|crowbar|pistol)\b",
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|{PLAY}|\b(?:baseball|beisbol|softball|game"
        r"|juego|practice|practica|team|equipo|cage|bateo)\b",
        taught=False,
    ),
    # Hiding from someone looking for the writer now: "estoy escondida en el closet, me anda
    # buscando", "hiding in the closet hes looking for me"; not hide-and-seek.
    _rule(
        r"\b(?:hiding|hidden|escondid[oa]s?|me escondi|nos escondimos)\b",
        needs=(
            r"\b(?:(?:hes|shes|theyre|he is|she is|they are|is) (?:\w+ )?(?:looking|searching)"
            r" for (?:me|us)|(?:me|nos) (?:anda|andan|esta|estan|sigue|siguen) buscando"
            r"|(?:me|nos) busca|trying to find (?:me|us))\b"
            r"|\b(?:someone|somebody|some guy|a guy|alguien|un tipo|they) (?:just )?(?:broke"
            r"|is breaking|breaking|busted) in\b|\b(?:se metio|se metieron|se estan metiendo"
            r"|entraron|entro) (?:alguien |unos |un tipo )?(?:a robar|a la casa|a mi casa"
            r"|abajo|arriba)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|\b(?:hide and seek|escondidas|game|juego|kids?|ninos|nin[oa]s"
        r"|hij[oa]s?|toddler|baby|bebe|dog|perr[oa]|cat|gat[oa]|sponsor|padrino|madrina|mom"
        r"|mama|jefe|boss|cops?|police|policia|chota|probation|po|warrant)\b",
        taught=False,
    ),
    # Things thrown at the writer or the children now: "babys dad is drunk throwing stuff at
    # me and the kids", "llego borracho y nos esta tirando cosas".
    _rule(
        r"\b(?:is |are |keeps |started |start )?(?:throwing|chucking|hurling) (?:\w+ ){0,2}?"
        r"(?:at|towards) (?:me|us|my kids|the kids|my son|my daughter|my baby|the baby)\b",
        r"\b(?:me|nos|les) (?:esta|estan|anda|andan) (?:tirando|aventando|lanzando) (?:cosas"
        r"|platos|botellas|piedras|\w+)\b",
        r"\b(?:tirandonos|tirandome|tirandoles|aventandonos|aventandome|aventandoles"
        r"|lanzandonos|lanzandome) (?:cosas|platos|botellas|piedras|sillas|vasos|lo que"
        r"|todo)\b",
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:ball|pelota|snowballs?|bolas de nieve"
        r"|shade|tantrum|berrinche|food fight|party|fiesta|wedding|boda|rice|arroz|candy"
        r"|dulces|pinata|toddler|baby is|el bebe|game|juego|catch|frisbee|ideas|questions"
        r"|preguntas|indirectas|flores|flowers|money|dinero|curveballs?)\b",
        taught=False,
    ),
    # Violence the writer sees or hears happening to someone else now: "my neighbor is
    # getting beat up next door", "hay un señor pegandole a una niña en la calle".
    _rule(
        rf"\b(?:is|are|s|keeps) (?:beating|hitting|choking|stabbing|strangling|punching|kicking"
        rf"|attacking|slapping|dragging) (?:up )?(?:my|his|her|their|our|a|the) (?:\w+ )?"
        rf"{PEOPLE}\b",
        r"\b(?:getting|being) (?:beat up|beaten up|beaten"
        r"|jumped|stabbed|shot|choked|strangled|attacked|assaulted|dragged|kidnapped)\b"
        r"(?! (?:by (?:the|my|a) (?:game|team|boss)|in (?:the|a) (?:game|movie|video)|at (?:chess"
        r"|cards|poker)))",
        r"\b(?:esta|estan|anda|andan) (?:pegandole|golpeandole|golpeando|madreando|pateando"
        r"|apunalando|ahorcando) (?:a|al) (?:un |una |el |la |mi |su |nuestr[oa] )?(?:senor"
        r"|senora|nin[oa]|mujer|hombre|chav[oa]|muchach[oa]|vecin[oa]|chic[oa]|bebe|hij[oa]"
        r"|mama|papa|abuel[oa]|herman[oa]|amig[oa]|novi[oa]|espos[oa]|persona|pareja|morr[oa]"
        r"|señor|señora|niñ[oa]|muchacho)\b",
        r"\bhay (?:un|una|unos) \w+ (?:pegandole|golpeandole|golpeando|madreando|pateando"
        r"|apunalando|ahorcando) a\b",
        needs=(
            r"\b(?:right now|now|next door|outside|upstairs|downstairs|in the street|across the"
            r" street|i can hear|i hear|screaming|yelling for help|help|ahorita|ahora|en la calle"
            r"|enfrente|al lado|afuera|arriba|abajo|la escucho|lo escucho|los escucho|gritando"
            r"|grita|pidiendo ayuda|esta|estan|is|are)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|{PLAY}|\b(?:game|juego|partido|match|fight night"
        r"|ufc"
        r"|mma|boxing|box|lucha|wrestl\w*|fortnite|gta|call of duty|cod|warzone|dream|sueno"
        r"|photo|photos|fotos|shot (?:a|an|the|my|some)|shots|shot of|flu|vaccine|vacuna"
        r"|sun|sol|heat|calor|traffic|trafico|stocks?|market|team|equipo|beat (?:the|my)"
        r"|deadline|cold|frio|covid|bugs?|mosquitos?)\b",
        taught=False,
    ),
)
EMERGENCY_UNTAUGHT: tuple[Rule, ...] = (
    # Something to hang from made fast to something that holds a body's weight: "belt is
    # tied to the closet rod", "amarre la cuerda a la viga". A rope or a cord may be "on"
    # or "in" it; a belt, a sheet or a scarf must be tied (they hang from rods every day).
    _rule(
        rf"\b{LIGATURE} (?:is |are |esta |ya |now )*(?:{_TIED}(?: off| up)?(?: on| to| around"
        rf"| from| a| en| al)?|around|en|a la|al|on|to) (?:the |la |el |a |my |mi )?(?:\w+ )?"
        rf"{ANCHOR}",
        rf"\b{WORN_LIGATURE} (?:is |are |esta |ya |now )*(?:{_TIED}|around) (?:\w+ ){{0,3}}?"
        rf"{ANCHOR}",
        rf"\b(?:tied|knotted|looped|amarre|ate|anude) (?:\w+ ){{0,2}}?(?:{LIGATURE}"
        rf"|{WORN_LIGATURE}) (?:\w+ ){{0,3}}?(?:to|around|on|over|from|a|en|al|del)"
        rf" (?:\w+ ){{0,3}}?{ANCHOR}",
        unless=r"\b(?:swing|columpio|boat|lancha|panga|dock|kayak|canoe|anchor|ancla|tent|tarp"
        r"|load|truck|trailer|hammock|hamaca|clothesline|tendedero|ropa|horse|caballo|becerro"
        r"|jaripeo|rodeo|tree house|gym|tug of war|jump rope|pinata|piano|mudanza|moving"
        r"|tow\w*|remolc\w*|christmas|navidad|fishing|pescar|camping|acampar|dog|perro|leash"
        r"|correa|laundry|towels?|toallas?|curtains?|cortinas?|lights|luces|decorations?"
        r"|adornos?|pull ?ups?|dominadas|punching bag|costal|trx|bands?|plants?|plantas?"
        r"|bird ?feeder|flag|bandera|kids|ninos|fort|fuerte|dry|secar|seque|tender|organi\w*"
        r"|bikes?|bicis?|olvid\w*|forget|bought|compre|store|tienda|limb|rama seca|wrapped"
        r"|wrap|coil\w*|trips?)\b",
        intent=True,
        taught=False,
    ),
    *VIOLENCE_UNTAUGHT,
    # A whole supply taken at once: "swallowed the whole bottle an hour ago", "ya me tome like
    # 20 percs de una vez" (not "all my meds", a day's or a course's doses, "took like 2
    # advil", "took 16 mg", "took 20 mins", half a strip when tapering).
    _rule(
        r"\b(?:swallowed|took|downed|chugged|popped|me tome|me trague|trague|me empine"
        r"|me acabo de tomar|acabo de tomar|ya me tome|me meti) (?:\w+ ){0,3}?(?:the |my |a |el "
        r"|la |mis |las |los )?(?:whole|entire|(?:like )?\d{2,}(?! ?(?:mg|mcg|ml|min\w*"
        r"|hours?|hrs?|minutos|horas|days?|dias|seg\w*|years?|anos)\b)|todo el|toda la|todo mi"
        r"|toda mi|casi todo el|casi toda la)"
        rf" (?:\w+ ){{0,3}}?(?:(?:bottle|frasco|bote|caja|box) (?:of|de) (?:my |mis |his |her "
        rf"|sus |las )?(?:{MEDS}|percs?|xanax|oxys?|rivotril|klonopin)|(?!doses?\b|dosage\b"
        rf"|dosis\b){MEDS}|pastillero|pill ?box|percs?|xanax|xans|bars|oxys?|klonopin"
        r"|rivotril|botiquin)\b",
        r"\b(?:swallowed|me trague|trague) (?:the |el |la )?(?:whole|entire|todo el|toda la)"
        r" (?:bottle|frasco|bote)\b",
        rf"\b(?:me tome|me trague|me empine|ya me tome) (?:la|el) (?:caja|frasco|bote)"
        rf" (?:complet[oa]|enter[oa]) de (?:{MEDS}|rivotril|clonazepam|xanax)\b",
        unless=r"\b(?:accident\w*|by mistake|sin querer|por error|prescribed|recetad\w*"
        r"|doctor|medico|vitamins?|vitaminas|antibiotics?|antibioticos|water|agua|de hoy"
        r"|del dia|en una semana|course|like they said|like always|pride|orgullo|headache"
        r"|back|tooth|muela|cabeza|espalda|dose|dosis|dosage)\b",
        taught=False,
    ),
    # A household poison swallowed, in more words ("drank half the jug of prestone", "me
    # acabo de tomar casi medio galon de cloro", "chugged windex bc im done"); only articles
    # and amounts between the verb and the poison, never another verb.
    _rule(
        r"(?:^|\. |\bi |\bme |\by )(?:just |already |ya )?(?:drank|drinking|swallowed|chugged"
        r"|acabo de tomar|me acabo de tomar|ya me tome|me tome|tome|me trague|me bebi|bebi"
        r"|he bebido|me he bebido|me eche un trago de|me eche) (?:(?:some|a|the|half|half the"
        r"|half a|a cup of|a bottle of|a bunch of|what was left of|jug of|un trago de"
        r"|un poco de|casi|medio|media|galon de|el|la|los|las|una|un|mi|my|de) )*(?:\w+ )?"
        r"(?:bleach|antifreeze|prestone|clorox|rat poison|drain cleaner|lye|pesticide"
        r"|weed killer|cloro|lejia|veneno|raticida|anticongelante|insecticida|matarratas"
        r"|varsol|thinner|windex|drano|lysol|fabuloso|pinol|tide pods?)\b",
        r"\bse (?:tomo|bebio|trago|echo) (?:el|la|un|una|todo el|toda la) (?:\w+ )?(?:bleach"
        r"|antifreeze|cloro|lejia|veneno|raticida|anticongelante|insecticida|matarratas"
        r"|fabuloso|pinol|thinner)\b",
        unless=r"\b(?:accident\w*|by mistake|sin querer|por error|por accidente|jeans|ropa"
        r"|clothes|smell\w*|baby|bebe|nene|nena|nin[oa]|chamac[oa]|perr\w*|gat[oa]\w*"
        r"|\d+ ?(?:yo|anos|anitos|meses))\b",
        taught=False,
    ),
    # Killing oneself set for now or tonight, in Spanish, the time word opening the clause
    # ("ahorita mismo me mato", "hoy en la noche me aviento del puente"); not "el gym hoy si
    # me mato" (it wore me out), "ahorita me mato 3 tacos", "me mato viendo la serie".
    _rule(
        r"(?:^|\. |, |\by |\bpero |\bya |\bque )(?:ahorita|ahoritita|orita|horita|ahora|hoy"
        r"|esta noche|hoy en la noche)(?: mismo| si)? (?:me|se) (?:mato|mata|suicido|suicidio"
        r"|suicida)\b(?! (?:de"
        r"|trabajando|estudiando|en|a|al|con|haciendo|por|el|la|los|las|lo|este|esta|ese|esa|mi"
        r"|tu|su|un|una|\d+|\w+ando|\w+iendo)\b)",
        r"\b(?:ahorita|ahoritita|orita|horita|hoy|esta noche|hoy en la noche)(?: mismo| si)?"
        r" (?:me|se) (?:quito la vida|quita la vida|cuelgo|cuelga|ahorco|ahorca|doy un tiro"
        r"|da un tiro|pego un tiro|pega un tiro|corto las venas)\b",
        r"\b(?:me|se) (?:voy|va) a (?:matar|suicidar|quitar la vida|colgar|ahorcar|dar un tiro)"
        r" (?:hoy|esta noche|ahorita|orita|ahora mismo|tonight)\b",
        r"(?:^|\. |, )me (?:mato|suicido) (?:tonight|hoy|esta noche|ahorita|orita)\b",
        r"\bme (?:voy a )?(?:aventar|tirar|lanzar|aviento|tiro|lanzo) (?:al metro|al tren"
        r"|a las vias|a la via"
        r"|enfrente del (?:metro|tren))\b",
        rf"\b(?:ahorita|ahora|hoy|esta noche|hoy en la noche)(?: mismo| si)? me (?:aviento|tiro"
        rf"|lanzo) (?:del|de la|desde el|desde la) (?:\w+ )?(?:{HIGH_PLACES}|malecon"
        rf"|acantilado)\b{_NO_DAY_OUT}",
        r"\bme (?:voy a )?(?:tirar|aventar|lanzar) (?:del|de la|desde el|desde la)"
        rf" (?:malecon|acantilado)\b{_NO_DAY_OUT}",
        unless=rf"{JOKE}|\b(?:gym|clase|examen|rutina|entreno|chamba|turno|jefe|descanso"
        r"|spinning|serie|temporada|tacos|clavados|bungee|nadar|agua|alberca|primos|chavos"
        r"|rio abajo)\b",
        intent=True,
        taught=False,
    ),
    # On the way to the tracks or a ledge with the time, or there with a decision or a
    # goodbye: "walking to the train tracks now", "estoy en la azotea del edificio, hoy si".
    _rule(
        r"\b(?:walking|driving|heading|going|on my way|voy caminando|voy manejando|caminando)"
        r" (?:\w+ ){0,2}?(?:to|a|al|hacia|rumbo a) (?:the |las |la |el |los )?(?:train tracks"
        r"|railroad|vias del tren|overpass|ledge|cliff|barranco|precipicio)\b",
        needs=(rf"{NOW}|\b(?:rn|ahorita|right now){END}|{_DECIDED}",),
        unless=_DAY_OUT,
        intent=True,
        taught=False,
    ),
    _rule(
        r"\b(?:estoy|im|i am|sitting|standing|parked|llegue|ya llegue|at|en|on) (?:\w+ ){0,2}?"
        r"(?:at|on|en|al|arriba de|up on|on top of)? ?(?:the |las |la |el |del |los )?"
        rf"{_LEDGES}\b",
        needs=(_DECIDED,),
        unless=_DAY_OUT,
        intent=True,
        taught=False,
    ),
    # A farewell past doubt, with the means or the act told: "last text ever. took everything
    # i had", "wrote my note, got the rope. bye", "tell my kids i loved them" with a jump.
    _rule(
        r"\blast (?:text|message|msg)s? ever\b|\bthis is (?:my )?goodbye\b(?! to (?:my|the|that"
        r"|this) (?:old|past|addiction|drinking|using|habit|\w+ life)\b)"
        r"|\bsee (?:you|u|yall|ya) on the other side\b(?! of)"
        r"|\bdont be sad when (?:they|you|u) find me\b"
        r"|\b(?:tell|let) my \w+ (?:know )?(?:that )?i loved (?:them|him|her|you)\b"
        r"|\bnos vemos en (?:otra vida|el otro lado)\b|\bme despedi\b"
        r"|\bdiganle a (?:mis?|la|el) \w+ que (?:los|las|la|lo) quiero\b"
        r"|\b(?:wrote|left|finished) (?:my|a|the) (?:goodbye|suicide|last) (?:note|letters?)\b",
        needs=(
            r"\b(?:pills|pastillas|rope|soga|cuerda|gun|pistola|escopeta|arma|frasco|bridge"
            r"|puente|tracks|vias|jump|saltar|aventar|took everything|tome todo|me las tome"
            r"|handful|overdose|sobredosis|knife|cuchillo|navaja|garage|garaje|cochera)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|\b(?:game|juego|trip|viaje|vacation|vacaciones|job|trabajo"
        r"|shift|turno|move|mudanza)\b",
        intent=True,
        taught=False,
    ),
    # Someone else, with the means, now: "my son locked himself in the bathroom with a knife",
    # "streaming from a bridge saying goodbye", "se encerro en el garaje con el auto en
    # marcha", "se tomo un frasco de pastillas".
    _rule(
        r"\blocked (?:himself|herself|themselves) in (?:the |his |her |their )?\w+ with (?:a |the "
        r"|his |her )?(?:knife|gun|pills|rope|razor|blade|belt)\b",
        r"\b(?:from|on) (?:a|the) (?:bridge|roof|ledge|overpass) (?:\w+ ){0,2}?(?:saying goodbye"
        r"|saying bye|telling everyone bye|despidiendose)\b",
        r"\bse encerr\w* en (?:el|la) (?:garaje|cochera) con (?:el|la) (?:auto|carro|troca"
        r"|camioneta|motor) (?:en marcha|prendid[oa]|encendid[oa])\b",
        rf"\bse (?:tomo|trago|empino) (?:\w+ ){{0,2}}?(?:un|el|todo el|toda la|una|todas las)"
        rf" (?:frasco|bote|caja) de (?:sus )?(?:{MEDS})\b",
        r"\b(?:took|swallowed|downed) (?:a|the) (?:whole )?bottle of (?:his |her |their )?"
        r"(?:pills|meds|medication)\b",
        # A small child or a pet who swallowed something is a poisoning (its own rules).
        unless=rf"{JOKE}|{MEDIA}|\b(?:game|juego|accident\w*|sin querer|por error|baby|toddler"
        r"|bebe|nene|nena|nin[oa]|little one|infant|chamac[oa]|\d+ ?(?:yo|years? old|anos"
        r"|anitos|meses)|dog|cat|puppy|perr\w*|gat(?:o|a|ito|ita))\b",
        intent=True,
        taught=False,
    ),
    # Enough gathered to die, with the time: "enough to not wake up. starting it now", "ya
    # junté suficientes pastillas", "ill be gone before morning, the pills are counted",
    # "tengo una caja entera de rivotril y me las voy a tomar hoy".
    _rule(
        r"\benough (?:\w+ ){0,3}?to (?:not wake up|never wake up|make sure i dont wake up|end it"
        r"|kill me|die)\b",
        r"\b(?:ya )?(?:junte|guarde) (?:\w+ ){0,2}?suficientes? (?:pastillas|pills|\w+)\b",
        r"\bme (?:las|los) voy a (?:tomar|tragar) (?:todas? |todos )?(?:hoy|ahorita|ya|esta"
        r" noche)\b",
        needs=(rf"{NOW}|\b(?:now|hoy|tonight|starting|doing it|ya)\b",),
        unless=rf"{JOKE}|\b(?:vitamins?|vitaminas|antibiotics?|antibioticos|as prescribed"
        r"|like the doctor|recetad\w*|doctor|medico|doctora|dijo el|dijo la|para la semana)\b",
        intent=True,
        taught=False,
    ),
    _rule(
        r"\b(?:gone|dead) (?:before|by) (?:the )?morning\b|\bno voy a amanecer\b",
        needs=(
            r"\b(?:pills|pastillas|rope|soga|gun|pistola|arma|bridge|puente|tracks|vias|jump"
            r"|overdose|sobredosis|knife|cuchillo)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}",
        intent=True,
        taught=False,
    ),
    # Driving to die: "about to drive into the wall at full speed", "voy manejando rumbo al
    # barranco y pienso acelerar".
    _rule(
        r"\b(?:about to|going to|gonna|gna|want to|wanna) (?:just )?(?:drive|crash|steer|swerve)"
        r" (?:my car |the car |it )?(?:into|off) (?:a|the) (?:wall|tree|pole|river|lake|cliff"
        r"|bridge|overpass|semi|truck|oncoming traffic|median)\b",
        r"\b(?:manejando|voy) (?:\w+ ){0,2}?(?:al|hacia el|rumbo al) (?:barranco|precipicio"
        r"|acantilado|rio|puente) (?:\w+ ){0,3}?acelerar\b",
        unless=rf"{JOKE}|{MEDIA}|\b(?:game|juego|gta|mario ?kart|dream|sueno)\b",
        intent=True,
        taught=False,
    ),
    # An attempt just made, or a deliberate overdose: "just tried to hang myself and the rope
    # broke", "my sister just tried to kill herself", "i shot myself in the leg", "i
    # overdosed on purpose" (the overdose rule reads "on purpose" as "on chocolate").
    _rule(
        r"\b(?:just|acabo de|acaba de|recien) (?:tried|attempted|intente|intento|intentar"
        r"|trate de|trato de) (?:to )?(?:(?:hang|kill|shoot|end) (?:myself|himself|herself"
        r"|themselves|my life|his life|her life|it all)|overdose|od|suicid\w*"
        r"|(?:ahorcar|matar|colgar)(?:me|se)|quitar(?:me|se) la vida)\b",
        r"\b(?:i|he|she|ive|hes|shes|my \w+) (?:just )?(?:shot|stabbed) (?:myself|himself"
        r"|herself)\b|\b(?:me|se) (?:di|dio|pegue|pego) un (?:tiro|balazo|plomazo)\b(?! de)",
        r"\b(?:overdos\w*|od|ode|oded|sobredos\w*) (?:on purpose|a proposito|adrede)\b",
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:game|juego|quit|quitting|dejar|diet|dieta"
        r"|nap|siesta)\b",
        soft=r"\bin the foot\b|\bfoot\b",
        still=r"\b(?:bleed\w*|blood|sangr\w*|911|ambulance|ambulancia|help|ayuda)\b",
        taught=False,
    ),
    # The notes written, with the act set: "i wrote the notes, gonna do it at midnight".
    # Or a note being written on the last night: "writing my note now, this is my last night",
    # "estoy escribiendo mi carta, es mi ultima noche" (not a last night at a place or a job).
    _rule(
        r"\b(?:wrote|written|left|finished|escribi|deje) (?:the |my |all the |las |mis )?"
        r"(?:notes|letters|cartas|notas)\b|\b(?:writing|escribiendo) (?:my |the |mi |la |mis "
        r"|las )?(?:notes?|letters?|cartas?|notas?)\b",
        needs=(
            r"\b(?:gonna|going to|about to|ready to|voy a|lo voy a) (?:do it|hacerlo|end it"
            r"|go|irme)\b|\blo hago\b|\bmy last (?:night|day)(?! (?:at|in|here|of|on|with|as"
            r"|before)\b)|\bmi (?:ultima noche|ultimo dia)(?! (?:en|aqui|de|con|como)\b)",
        ),
        unless=rf"{JOKE}|{MEDIA}|\b(?:thank you|thank-you|christmas|navidad|school|escuela"
        r"|teacher|maestra|work|trabajo|class|clase|group|grupo|amends|enmiendas|step)\b",
        intent=True,
        taught=False,
    ),
    # Another's mouth gone blue ("her mouth is blue"); a bluish tinge ("the baby is turning
    # bluish", "el bebe esta azulito").
    _rule(
        r"\bmouth (?:is |looks |going |turning |turned |gone )*(?:blue|purple|gr[ae]y)\b",
        r"\b(?:lips|mouth|face|skin|fingers|he|she|hes|shes|baby|bebe|el|ella|esta|is|looks?"
        r"|turning|going|se ve|se puso) (?:kinda |a little |medio |bien |todo |toda |like )?"
        r"(?:bluish|blueish|purplish|grayish|greyish|azulad[oa]|azulit[oa]|moradit[oa])\b",
        **_COLOUR,
        taught=False,
    ),
    # Someone turning grey or blue as the writer watches: "friend is turning gray where is
    # the narcan".
    _rule(
        r"\b(?:friend|homie|bro|buddy|he|she|hes|shes|they|theyre|baby|roommate|my (?:friend"
        r"|bf|gf|boyfriend|girlfriend|son|daughter|brother|sister|mom|dad|husband|wife|cousin"
        r"|homie|roommate|kid|baby|partner|man|girl))"
        r" (?:is |s |are )?(?:turning|gone|looks|looking) (?:kinda |all |real )?(?:gray|grey"
        r"|blue|purple|ashy)\b|\b(?:is |s |are )?going (?:blue|purple)\b",
        unless=_COLOUR["unless"] + r"|\b(?:hair|beard|stress|old|older|age|canas|temples)\b",
        taught=False,
    ),
    # Naloxone called for now: "where is the narcan what do i do", "traigan la naloxona, no
    # respira"; not where to get a kit, a training, a pharmacy.
    _rule(
        r"\b(?:narcan|naloxone|naloxona|narcam)\b",
        needs=(
            # not a class or a training anywhere in the message
            r"^(?!.*\b(?:training|trained|class|clase|taller|entrenamiento|aprend\w*|learn\w*"
            r"|showed us|nos ensenaron|practic\w*)\b)",
            r"\b(?:what do i do|que hago|hurry|help|ayuda|rapido|quick|911|right now|ahorita"
            r"|not breathing|no respira|wont wake|no despierta|turning|se esta poniendo"
            r"|where (?:is|s) (?:the|my|your)|wheres (?:the|my|your)|donde esta (?:el|la|mi))\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:training|class|clase|taller|kit|kits"
        r"|pharmacy|farmacia|walgreens|cvs|buy|comprar|free|gratis|expired|vencid[oa]|carry"
        r"|carrying|learn\w*|aprend\w*|how (?:do|to)|como se|should i|deberia|in case|por si"
        r"|just in case|keep|keeping|guardar|tengo (?:uno|una)|have one|got one|saved|salvo"
        r"|teach\w*|enseno|ensenar|glove ?box|guantera)\b",
        taught=False,
    ),
    # Alcohol and a sedative taken together in quantity, or with sleepiness coming on: "drank
    # a fifth and took like 8 bars", "me bebi una botella de guaro y me tome como 8
    # alprazolam" (a lapse rule reads them; the mix stops breathing).
    _rule(
        r"\b(?:bars|xanax|xannies|xans|alprazolam|klonopin|clonazepam|rivotril|valium"
        r"|diazepam|ativan|lorazepam|benzos?|percs?|percocet|oxys?|oxycodone|roxys?|fent\w*"
        r"|heroin|dope|lean|codeine|tramadol|tafil|clonas?)\b",
        needs=(
            rf"\b(?:drank|drinking|bebi|me bebi|tome|me tome|tomando|chupe|chupando|been"
            rf" drinking|drunk|borrach[oa]|pedo|pisto)\b(?: \w+){{0,4}} {ALCOHOL}\b"
            rf"|\b(?:a|una|un|the|la|el) (?:whole |entire |full )?(?:fifth|handle|caguama)\b"
            rf"|\b(?:bottle|botella|pint) (?:of|de) (?:\w+ )?{ALCOHOL}\b"
            rf"|\b(?:drunk|borrach[oa]|pedo)\b",
            r"\b(?:like |como |about |unas |unos |around )?(?:[3-9]|\d{2,}|three|four|five|six"
            r"|seven|eight|nine|ten|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|a bunch|a"
            r" handful|un monton|un punado)\b|\b(?:sleepy|drowsy|weird|nodding|cant stay awake"
            r"|dizzy|mareado|mareada|sueno|raro|rara|cabeceando|slow breathing)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:used to|back when|cuando (?:tomaba"
        r"|usaba)|years?|anos|days? clean|dias limpi[oa]|sober|sobri[oa]|craving|ganas|urge"
        r"|almost|casi|thinking about|pensando en|want to|quiero|no voy|not going|wont|if i"
        r"|si me|surgery|cirugia|doc|doctor|prescribed|recetad\w*)\b",
        taught=False,
    ),
    # Letters written, the means in hand: "wrote my letters. pills in my hand".
    _rule(
        r"\b(?:wrote|written|finished|left|escribi|termine|deje) (?:my |the |all the |mis "
        r"|las |todas las )?(?:letters|notes|cartas|notas)\b",
        needs=(HOLDING_MEANS,),
        unless=rf"{JOKE}|{MEDIA}|\b(?:amends|enmiendas|step|paso|group|grupo|family|familia"
        r"|therapist|terapeuta|counselor|consejer[oa]|iop|thank you|gracias|christmas|navidad"
        r"|school|escuela|work|trabajo|prescribed|recetad\w*|my meds|mis medicinas|vitamins)\b",
        intent=True,
        taught=False,
    ),
    # A day set and the means bought: "friday is the day ... the gun is bought", "ya tengo
    # fecha, el viernes me voy de este mundo, ya compre la pistola".
    _rule(
        r"\b(?:is the day|es el dia|ya tengo (?:la )?fecha|tengo fecha|planned (?:it )?(?:all )?"
        r"out|all planned|lo tengo (?:todo )?planeado|ya lo planee|me voy de este mundo|me voy"
        r" a ir de este mundo|dejo este mundo)\b",
        needs=(
            r"\b(?:bought|got|have|tengo|compre|consegui|ya tengo) (?:\w+ ){0,2}?(?:gun|pistol"
            r"|rope|pistola|soga|cuerda|arma|rifle|escopeta)\b|\b(?:gun|pistol|rope|pistola|soga"
            r"|arma) (?:is |are |ya )?(?:bought|comprad[oa]|ready|list[oa]|loaded|cargad[oa]"
            r"|here|aqui)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|\b(?:range|campo de tiro|hunting|caceria|cazar|season"
        r"|temporada|paintball|airsoft|nerf|water|de agua|chip|ficha|anniversary|aniversario"
        r"|graduation|graduacion|wedding|boda|move|mudanza|trip|viaje)\b",
        intent=True,
        taught=False,
    ),
    # Charcoal lit in a shut room or a car, in Spanish too: "prendi el carbon en el cuarto
    # y selle la puerta"; not a grill, food, or a cold night by an open window.
    _rule(
        r"\b(?:prendi|encendi|meti|puse|prendo|lit|burning|burned|burnt|lighting) (?:el |un "
        r"|una |the |some |a |un poco de )?(?:carbon|anafre|brasero|charcoal)\b",
        needs=(
            r"\b(?:cuarto|recamara|bano|carro|coche|troca|closet|room|bathroom|car|tent"
            r"|casa de campana)\b",
            r"\b(?:selle|sellado|sealed|tape\w*|cerre|cerrad[oa]|shut|closed|encerr\w*"
            r"|locked|no ventilacion|sin ventilacion|no air|window(?:s)? (?:shut|closed))\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:asado|carne|parrilla|grill|bbq|tortillas"
        r"|elotes|cocinar|cooking|cook|smores|fogata|campfire|patio|afuera|outside|porch)\b",
        intent=True,
        taught=False,
    ),
    # Waiting by the road or the rails to be hit: "esperando un trailer para aventarme".
    _rule(
        r"\b(?:esperando|waiting for|waiting on) (?:a |an |the |un |una |el |que pase (?:un |el )?"
        r")?(?:trailer|traila|camion|tren|truck|semi|train|bus|autobus|rastra) (?:para|to)"
        r" (?:aventarme|tirarme|lanzarme|atravesarme|jump|step|walk|throw myself|run)\b",
        unless=rf"{JOKE}|{MEDIA}|\b(?:work|trabajo|ride|ir a|get to|go to|llegar)\b",
        intent=True,
        taught=False,
    ),
    # Crashing the car on purpose, in Spanish: "voy a estrellar el carro contra un poste".
    _rule(
        r"\b(?:voy a|quiero|me voy a|ahorita|ya voy a) (?:estrellar(?:me)?|chocar(?:me)?|aventar"
        r"(?:me)?) (?:el carro |la troca |el coche |la camioneta |la moto )?(?:contra|con) (?:un"
        r"|una|el|la) (?:poste|pared|muro|arbol|barda|trailer|camion|puente|tren)\b",
        unless=rf"{JOKE}|{MEDIA}|\b(?:juego|game|gta|sueno|dream|cel|celular|telefono)\b",
        intent=True,
        taught=False,
    ),
    # Someone else at the water's edge about to go in: "shes at the lake about to walk in,
    # she cant swim".
    _rule(
        r"\b(?:at|on|by|en|junto al|a la orilla del) (?:the |el |la )?(?:lake|river|ocean|beach"
        r"|sea|lago|rio|mar|playa|presa|dock|muelle) (?:\w+ ){0,3}?(?:about to|going to|gonna"
        r"|va a|a punto de) (?:walk in|walk into|wade in|jump|go in|meterse|aventarse|tirarse)\b",
        needs=(
            r"\b(?:cant swim|can't swim|doesnt know how to swim|no sabe nadar|goodbye|bye"
            r"|despid\w*|kill|matar|end it|die|morir|wants to die|se quiere morir|suicid\w*)\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}",
        intent=True,
        taught=False,
    ),
    # Under a train or into traffic, the moment set: "voy a tirarme al metro cuando llegue el
    # proximo tren", "im gonna step in front of the next train".
    _rule(
        r"\b(?:voy a|me voy a|ya me voy a|ahorita me) (?:tirar(?:me)?|aventar(?:me)?"
        r"|lanzar(?:me)?|atravesar(?:me)?) (?:al|a la|a las|a los|enfrente del?|frente al?)"
        r" (?:metro|tren|vias|trafico|autopista|carretera|carros|trailer|camion)\b",
        r"\b(?:gonna|going to|about to|ready to) (?:step|jump|walk|throw myself) (?:in front"
        r" of|into|onto) (?:the |a )?(?:next )?(?:train|subway|traffic|tracks|semi|truck|bus)\b",
        needs=(
            r"\b(?:cuando (?:llegue|pase|venga)|ahorita|ya estoy|estoy en|hoy|esta noche"
            r"|el proximo|right now|next|tonight|now|im at|im on|standing|parad[oa])\b",
        ),
        unless=rf"{JOKE}|{MEDIA}|\b(?:line|fila|cola|queue|game|juego|dream|sueno|photo|foto"
        r"|selfie|everyone|todos|cross(?:ing)?|cruzar)\b",
        intent=True,
        taught=False,
    ),
    # Bleeding out: "me estoy desangrando", "im bleeding out", "wont stop bleeding"; not a
    # period, a nose, gums or a shaving nick.
    _rule(
        r"\b(?:me estoy|se esta|nos estamos|se estan|estoy|esta) desangrando\b"
        r"|\b(?:im|hes|shes|theyre|is|are) bleeding out\b|\bno (?:para|deja) de sangrar\b"
        r"|\b(?:wont|will not|doesnt|cant get it to) stop bleeding\b"
        r"|\bbleeding (?:so much|a lot|everywhere|really bad|bad)\b",
        unless=rf"{JOKE}|{MEDIA}|{VIOLENCE_PAST}|\b(?:period|regla|menstru\w*|nose|nariz"
        r"|gums?|encias|shav\w*|rasur\w*|afeit\w*|paper cut|pimple|grano|lip|labio|heart"
        r"|corazon|wallet|money|dinero|cash|bank|customers|clientes)\b",
        taught=False,
    ),
    # Hanging or killing oneself said with a goodbye: "wey ya me voy a colgar, nomas queria
    # despedirme" (a goodbye turns the plan into now).
    _rule(
        r"\b(?:me voy a|voy a|ya me voy a|ahorita me voy a) (?:colgar|ahorcar|matar|suicidar"
        r"|quitar la vida|aventar|tirar)\b(?! (?:el|la|los|las|un|una|mi|mis|ropa|a (?:dormir"
        r"|trabajar|la cama))\b)|\b(?:im going to|im gonna|about to) (?:hang|kill|end)"
        r" (?:myself|it all|my life)\b",
        needs=(rf"{FAREWELL}|\b(?:despedirme|despedir\w*|me despido|say(?:ing)? goodbye"
               r"|wanted to say bye|los amo|love yall)\b",),
        unless=rf"{JOKE}|{MEDIA}",
        intent=True,
        taught=False,
    ),
    # Someone blue or grey and cold now: "guy in my sober house is blue and cold".
    _rule(
        r"\b(?:is|s|looks|are|feels) (?:blue|gray|grey|purple|azul|morad[oa]|gris) (?:and|y)"
        r" (?:cold|stiff|limp|not breathing|not moving|frio|fria|tiese?o|tiesa|no respira"
        r"|no se mueve)\b",
        taught=False,
    ),
    # Someone about to jump from a height now: "shes about to jump off the parking garage".
    _rule(
        r"\b(?:about to|going to|gonna|threatening to|trying to|a punto de|va a|amenaza con"
        r"|quiere) (?:jump|tirarse|aventarse|lanzarse) (?:off|from|de|del|desde) (?:the |a |el "
        r"|la |un |una |his |her |su )?(?:\w+ ){0,2}?(?:garage|bridge|roof|building|overpass"
        r"|balcony|ledge|cliff|structure|puente|azotea|edificio|techo|balcon|estacionamiento"
        r"|piso)\b",
        unless=rf"{JOKE}|{MEDIA}|\b(?:pool|alberca|lake|lago|river|rio|water|agua|trampoline"
        r"|trampolin|parachute|paracaidas|bungee|skate\w*|bike|bici|parkour|game|juego"
        r"|cannonball)\b",
        intent=True,
        taught=False,
    ),
)

# Suicidal talk is an emergency when it comes with "now/tonight" or with means in hand.
EMERGENCY: tuple[Rule, ...] = (
    *EMERGENCY_ACTS,
    *EMERGENCY_UNTAUGHT,
    *VIOLENCE_HAPPENING,
    *_with_needs(SELF_HARM, NOW),
    *_with_needs(SELF_HARM, HOLDING_MEANS),
)
CRISIS: tuple[Rule, ...] = (*SELF_HARM, *HARM_FROM_OR_TO_OTHERS)

# --- LAPSE: the client reports their own use ------------------------------------------------

# The writer as subject: "i ...", "ive ...", "and ...", or a clause that starts with the verb.
SUBJ = (
    r"(?:(?:^|\. )(?:just |then |so |also |and |ok |honestly )?|\bi (?:\w+ )?|\band (?:then )?"
    r"|\bbut (?:i )?|\bso i |\bthen i |\bive (?:\w+ )?)"
)
AMOUNT = (
    r"(?:a |an |some |few |a few |a couple |couple |of |\d+ |two |three |four |five |six "
    r"|like |half a |a little |a lot of |too many |way too many |one |another |a whole "
    r"|a big |lots of |more |a glass of |glass of |a bottle of |a can of |a pint of "
    r"|a shot of |a bag of |a gram of |a line of |a hit of )*"
)
TIME_AFTER = (
    r"(?:el fin|este fin|anoche|ayer|hoy|otra vez|de nuevo|el (?:lunes|martes|miercoles"
    r"|jueves|viernes|sabado|domingo)|again|last|yesterday|today|tonight|earlier"
    r"|this (?:morning|afternoon|evening"
    r"|weekend|week|time)|on \w+day|over the weekend|all (?:weekend|week|day|night)"
    r"|a (?:little|bit|lot)|once|twice|\d+|and|but|so|with|at|after|before|too much|a lot)"
)
ES_AMOUNT = (
    r"(?:un |una |unos |unas |un poco de |mucha |mucho |\d+ |dos |tres |cuatro |varias "
    r"|varios |un par de |otra |otro |mas |copa de |vaso de |botella de )*(?:\w+ de )?"
)

LAPSE: tuple[Rule, ...] = (
    _rule(
        SUBJ + rf"(?P<v>relapsed{ILLNESS_AFTER}|slipped up"
        r"|slipped (?=again|last|yesterday|this|on)"
        r"|slipped(?= \.|$)"  # "i slipped", said alone
        r"|fell off the wagon|picked up again|picked back up|broke my (?:sobriety|streak"
        r"|clean time)|lost my (?:sobriety|clean time|sober time|streak|clean date|sober date"
        r"|sobriety date|date)|used again|drank again|(?:was |been |am |im )?(?:using"
        r"|drinking) again|started (?:using|drinking) again|went back to (?:using|drinking"
        r"|the bottle|drugs))\b",
        SUBJ + r"(?P<v>caved)(?: and (?:drank|used|had|smoked|got|did|took|bought|picked"
        r"|went)\b|" + END + ")",
        r"\b(?:i had|i have had|ive had|had) (?P<v>(?:a |another |one |my first )?(?:little "
        rf"|small |big |bad |major )?(?:slip|lapse|relapse|slipup))\b{ILLNESS_AFTER}",
        r"\bday (?:1|one|zero|0) again\b|\bback to day (?:1|one|zero|0)\b",
        r"\breset (?:my|the) (?:date|clock|sobriety|days|counter|app|sober date)\b",
        # "i picked up a drink": the fellowship's word for the first one.
        SUBJ + r"(?P<v>picked up) (?:a |another |one |my first )?(?:drink|beer|bottle|shot"
        r"|pill|bag)\b(?! (?:for|on the way to (?:her|him|them|my \w+))\b)",
        SUBJ + r"(?P<v>picked up|caught a relapse)(?= (?:yesterday|last night|again|this"
        r" (?:morning|weekend)|after \d+ (?:days|months|weeks)|(?:on )?(?:friday|saturday"
        r"|sunday|monday|tuesday|wednesday|thursday))\b|" + END + ")",
        SUBJ + r"(?P<v>popped) (?:a |another |one |two |\d+ )?(?:bars?|xans?|xannies|percs?"
        r"|blues|pills?|beans|molly)\b(?! (?:of|for my)\b)",
        SUBJ + r"(?P<v>copped|scored)(?= (?:on the way|after (?:group|work|meeting|iop|the"
        r" meeting)|last night|today|tonight|again|from (?:my|the|a|an) (?:old )?(?:guy|plug"
        r"|dealer|connect))\b|" + END + ")",
        r"\b(?P<v>took|popped|snorted|smoked|drank|ate|stole)\b(?: \w+){0,6} to get (?:high"
        r"|loaded|fucked up|messed up|buzzed|lit|faded)\b",
        unless=OTHER_SENSE,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        SUBJ + rf"(?P<v>used)\b(?! to\b)(?= (?:{TIME_AFTER}|{AMOUNT}{DRUGS})\b|{END})",
        SUBJ + rf"(?P<v>drank)\b(?=(?: \w+){{0,5}} {ALCOHOL}\b| {TIME_AFTER}\b|{END})",
        SUBJ + r"(?P<v>had|have had|downed|chugged|did|snorted|smoked|popped|shot|bought"
        rf"|copped|scored|tried|injected|sniffed|drank|took) {AMOUNT}"
        rf"(?:(?:my|his|her) {PEOPLE}s? )?(?:{DRUGS}|{ALCOHOL})\b"
        r"(?! (?:time|song|show|movie|day|night|fit|party|vibes?|meeting|flavou?red(?! with))\b)"
        r"(?<!bars(?= of (?:chocolate|soap|candy|gold|granola|protein|music|the song)\b))",
        SUBJ + r"(?P<v>copped|scored|bought|picked up|got) (?:a |another |some |one |two |\d+ )?"
        r"(?:bags?|bundles?|buns?|grams?|points?|stamps?|8 ?balls?|eight ?balls?|zips?|baggies"
        r"|dope|fent|blues|bars|pressies)\b(?! of (?!dope|fent|heroin|coke|meth|crack)\w)",
        SUBJ + r"(?P<v>hit|hitting|smoked|took) (?:the |a |my |his |her )?(?:pipe(?! (?:under"
        r"|behind|with (?:a|the|my) (?:wrench|hammer))\b)|bowl|bong"
        r"|blunt|stem|rig|dab rig|needle|crack pipe|meth pipe|pipa|foil)\b",
        SUBJ + r"(?P<v>took|hit) (?:a |another |one more )?(?:hit|toke|bump|line|dab|rip"
        r"|drag)s? (?:off|of|from)\b",
        SUBJ + r"(?P<v>did|took|snorted|had) (?:a |another |one more |some |a few |a couple )?"
        r"(?:bumps?|lines?|hits?|tokes?|dabs?|rips?)\b(?! (?:on|in|of (?:my|the)|to)\b)",
        SUBJ + r"(?P<v>shot up|shooting up|slammed|banged)\b(?! (?:in bed|the|prices)\b)",
        SUBJ + r"(?P<v>took|popped|had|used|snorted|bought) (?:\w+ ){0,3}(?:that |which )?"
        r"(?:werent|wasnt|arent|isnt|not) (?:mine|prescribed)\b",
        unless=NON_ALCOHOLIC + r"|\b(?:as prescribed|my doctor|my prescription|recetad[oa])\b",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        r"\b(?P<v>(?:bought|copped|scored|got) (?:some |a few |a couple |\d+ )?(?:pills|bars"
        r"|blues|pressies|percs|stuff|dope|tabs)) (?:off|from)\b",
        SUBJ + r"(?P<v>got) (?:so |really |super |pretty |kinda |a little |too |way too )?"
        r"(?:drunk|wasted|high|loaded|hammered|smashed|stoned|blasted|messed up|fucked up"
        r"|faded|buzzed|tipsy|twisted|plastered|trashed|blackout drunk)\b(?! on life\b)"
        r"(?!(?<=blasted) (?:with|by) (?:the |a |some )?(?:snow|rain|wind|water|storm|hose"
        r"|sprinklers?|cold|heat|music|questions|emails|work|sand|mud)\b)",
        r"\b(?:im|i am|still|so|been) (?:so |really |super |pretty |kinda |a little |still "
        r"|hella |too |way too |mad |very )?(?P<v>high|drunk|wasted|stoned|buzzed|tipsy"
        r"|hammered|faded|smashed|blasted|tweaking|tweakin|nodding|geeked|plastered|trashed"
        r"|hungover|hung over)\b(?! (?:on life|school|energy|up|five|key|hopes|alert)\b)",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        rf"\b(?P<v>back on) (?:the )?(?:bottle|sauce|pills|drugs|{DRUGS})\b",
        r"\b(?P<v>back to) (?:using|drinking|the bottle|my old ways)\b",
        r"(?:^|\. |\bi |\bive |\bi have |\bi had )(?:\w+ )?been (?P<v>using|drinking"
        r"|getting high|shooting up|smoking (?:weed|crack|meth|pot|dope|ice))\b"
        r"(?! (?:the|my|this|that|your|his|her|it|these|those|an|coping|tools|skills)\b)",
        unless=NON_ALCOHOLIC,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    # Spanish.
    _rule(
        rf"\b(?P<v>recai|recaimos)\b{ILLNESS_AFTER}",
        r"\b(?:tuve|he tenido|tuvimos) (?P<v>(?:una )?(?:pequena |otra )?(?:recaida"
        r"|recaidita))\b",
        r"\b(?:volvi|regrese|he vuelto) a (?P<v>consumir|tomar|beber|usar|fumar|drogarme"
        r"|meterme|inyectarme|caer|recaer|las pastillas|la droga|las drogas|el alcohol|la botella"
        r"|el cristal|la coca|la mota|la heroina|lo mismo)\b",
        r"\bme (?P<v>volvi a (?:inyectar|drogar|emborrachar|meter|picar|empastillar))\b",
        r"\b(?P<v>me vole|nos volamos) con (?:\w+ )?(?:mota|weed|crippy|gallo|porro|porros|coca"
        r"|perico|cristal|foco|pastillas|hongos|acido|tachas|cripy|marihuana|hierba)\b",
        r"\b(?P<v>cai|recai) (?:otra vez |de nuevo |nuevamente )?en (?:la|el|las|los) (?:coca"
        r"|cocaina|perico|cristal|crico|piedra|heroina|manteca|chiva|mota|pastillas|pisto|alcohol"
        r"|botella|droga|drogas|vicio|fentanilo|fenta|foco)\b",
        r"\b(?P<v>me tome|me meti|me fume|tome|fume) (?:\w+ ){0,7}?(?:pa|para) ponerme"
        r"(?: \w+)?\b(?! (?:a (?:estudiar|trabajar|hacer)|las pilas|al dia|bien|guapa|guapo"
        r"|linda|listo|lista|de acuerdo)\b)",
        unless=rf"{NON_ALCOHOLIC}|{OTHER_SENSE}",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        r"\b(?:me )?(?P<v>emborrache|drogue|endrogue(?! (?:con|para|por|de|en) (?:una |un |la "
        r"|el |mi )?(?:tarjeta|credito|prestamo|banco|carro|casa|coche|troca|deuda|celular"
        r"|tele))"
        r"|empede|inyecte|consumi|pase de copas"
        r"|enfieste|arrebate|empastille|jumee|ajume|jendi|pistie|empistie"
        r"|puse (?:bien |muy |super )?(?:pedo|borrach[oa]|hasta las (?:chanclas|manitas"
        r"|cachas)|hasta el culo|hasta el queque|jum[oa]|arrebatad[oa]"
        r"|hasta atras(?! de (?:tamales|comida|pozole|tacos|pastel|trabajo|tarea|chamba|pan"
        r"|dulces|comer|menudo|birria|carne)\b)"
        r"|high|drogad[oa]"
        r"|hasta la madre))\b",
        r"\b(?P<v>fume|me fume|me meti|meti|inhale|esnife|me inyecte|probe|compre|me tome"
        rf"|tome|bebi|me eche|me di) {ES_AMOUNT}{ES_SUBSTANCE}\b"
        r"(?! sin alcohol\b(?!.*\b(?:con alcohol|tequilas?|shots?|cubas?|chelas?|vodka|whisky"
        r"|ron|mezcal|cervezas normales)\b))",
        r"\b(?P<v>fume|me fume|me eche|me di|me puse) (?:un |unos |otro |dos |\d+ )?churros?\b",
        # a line by its street names; a fix in Puerto Rico ("me cure", "me pique") said again.
        r"\b(?P<v>me di|me eche|me meti|me jale|me puse) (?:un |otro |unos |dos |\d+ )?(?:pase"
        r"|pasesito|pases|jalon|jalones|pericazo|pericazos|pasecito)\b",
        r"\b(?P<v>me cure|me pique|me inyecte) (?:otra vez|de nuevo|nuevamente|anoche|ayer|hoy"
        r"|otra ves)\b",
        r"\b(?P<v>tome|bebi|me puse a tomar|estuve tomando|estuve bebiendo|anduve tomando)\b"
        r"(?= (?:anoche|ayer|hoy|otra vez|de nuevo|mucho|demasiado|el fin|este fin|en la"
        r"|con (?:mis|unos|unas|los)|toda la)\b|" + END + ")",
        r"(?:\b(?:estoy|ando|sigo|amaneci)|(?:^|\. |\by |\bpero |\byo |\banoche |\bayer |\bhoy )"
        r"(?:estaba|andaba)) (?:bien |muy |medio |un poco |super |todo )?"
        r"(?P<v>borrach[oa]|pedo|pedote|drogad[oa]|high|crud[oa]|tomad[oa]|pasad[oa]|jum[oa]"
        r"|jumead[oa]|arrebatad[oa]|endrogad[oa]|enfiestad[oa]|empericad[oa]|motorolo|motorola"
        r"|pistead[oa]|volad[oa]|jendi[oa]|jendid[oa]"
        r"|puest[oa]|enfiestad[oa]|hasta atras)\b",
        unless=OTHER_SENSE,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
)

# --- POISON: accidental doses and swallowed household things -------------------------------

ACCIDENTAL_DOSE = (
    r"\b(?:by mistake|by accident|on accident|accidentally|accidently|mistakenly|por error"
    r"|sin querer|por equivocacion|por accidente|me equivoque|me confundi|twice|double"
    r"|doubled|two doses|extra (?:dose|pill|pills)|dos veces|doble|otra dosis"
    r"|wrong (?:pills?|meds|medicine|medication|dose|ones|bottle|prescription)"
    r"|instead of (?:hers|his|mine|theirs|my|her)|mixed up (?:my|the|our|his|her)"
    r" (?:pills|meds)|se me olvido si ya|forgot (?:if|whether|that) i (?:already )?took"
    r"|no se si ya (?:me )?tome)\b"
)
TOOK = r"\b(?:took|take|taken|taking|swallowed|gave|given|ate|tome|tomo|le di|trague)\b"

POISON: tuple[Rule, ...] = (
    _rule(
        ACCIDENTAL_DOSE,
        needs=(TOOK, rf"\b{MEDS}\b"),
        unless=(
            r"\btwice (?:a|per|every) (?:day|week|night)\b|\bdos veces al dia\b"
            r"|\bdouble (?:shift|check|checked|date)\b"
        ),
    ),
    _rule(
        rf"\b{CHILD}\b(?: \w+){{0,3}} (?:swallowed|ate|drank|got into|chewed|bit|licked"
        r"|sucked on|took|got ahold of|se trago|trago|se comio|comio|se tomo|tomo|se bebio"
        rf"|bebio|mordio|chupo|agarro)\b(?: \w+){{0,5}} {POISON_THINGS}\b",
    ),
    _rule(
        r"\b(?:breathed|inhaled|breathing|swallowed|drank|ate|splashed|respire|inhale|trague"
        r"|bebi|me cayo|le cayo) (?:\w+ ){0,5}?(?:fumes|bleach|ammonia|chemicals?|cleaner"
        r"|sanitizer|detergent|antifreeze|pesticide|mouthwash|vapores|cloro|quimicos"
        r"|amoniaco|gasolina|gasoline|lighter fluid|paint thinner|thinner|cleaning \w+|windex"
        r"|lysol|clorox|fabuloso|pinol)\b",
        r"\bmix(?:ed|ing)? (?:\w+ ){0,2}bleach and (?:ammonia|vinegar)\b",
        r"\bpoison (?:control|help)\b|\bcentro de toxicologia\b",
    ),
)

# --- normalisation tables ---------------------------------------------------------------------


def _pairs(table: str) -> dict[str, str]:
    """Parse "word=replacement, ..." into a dict; keeps long word tables compact."""
    pairs = (item.split("=") for item in table.split(",") if item.strip())
    return {key.strip(): value.strip() for key, value in pairs}


# Whole-word slang, text-speak and common misspellings, English and Spanish.
SLANG = _pairs(
    "kms=kill myself, kys=kill yourself,"
    "wanna=want to, wana=want to, gonna=going to, gona=going to, gunna=going to,"
    "finna=going to, ima=im going to, imma=im going to, gotta=got to, tryna=trying to,"
    "ded=dead, u=you, ur=your, r=are, rn=right now, tn=tonight, tonite=tonight,"
    "2nite=tonight, 2night=tonight, 2day=today, tmrw=tomorrow, tmr=tomorrow,"
    "2morrow=tomorrow, pls=please, plz=please, bc=because, cuz=because, coz=because,"
    "alot=a lot, nite=night, lastnight=last night, ppl=people, noone=no one, nobdy=nobody,"
    "bout=about, abt=about, w=with, b4=before,"
    "idk=i dont know, idc=i dont care, dnt=dont, cnt=cant, cannot=cant, myslef=myself,"
    "myslf=myself, mysef=myself, meself=myself, dieing=dying, dyin=dying, thinkin=thinking,"
    "goin=going, tryin=trying, breathin=breathing, wakin=waking, respondin=responding,"
    "movin=moving, usin=using, drinkin=drinking, killin=killing, od=overdose,"
    "oding=overdosing, oded=overdosed, bf=boyfriend, gf=girlfriend, tbh=to be honest,"
    "fr=for real, suicidel=suicidal, wnat=want, wnt=want, watn=want, wamt=want, dei=die,"
    "q=que, k=que, xq=porque, pq=porque, porq=porque, tb=tambien, tmb=tambien,"
    "kiero=quiero, qiero=quiero, kieres=quieres, kiere=quiere, toy=estoy, toi=estoy,"
    "stoy=estoy, aora=ahora, pa=para, porfa=por favor, xfa=por favor, nd=nada, bn=bien,"
    "nadien=nadie, d=de"
)

# Two-word forms folded into the one-word forms the patterns use.
PHRASES = _pairs(
    "can not=cant, do not=dont, did not=didnt, does not=doesnt, will not=wont, is not=isnt,"
    "are not=arent, was not=wasnt, have not=havent, has not=hasnt, had not=hadnt,"
    "would not=wouldnt, could not=couldnt, i am=im, he is=hes, she is=shes, they are=theyre,"
    "it is=its, there is=theres, what is=whats, i would=id, he would=hed, she would=shed,"
    "my self=myself, no body=nobody, i will=ill, i have been=ive been, want too=want to,"
    "going too=going to, need too=need to"
)

# Words whose stretched spellings ("diieee", "morirrr", "noooo") must still be recognised.
STRETCHABLE = words(
    "die died dying dead death kill killing killed myself suicide suicidal pill pills breathe"
    " breathing wake help please want alive gone anymore now no not dont cant hurt cut cutting"
    " bleeding blood blue overdose overdosed tonight bye goodbye morir morirme muero muerto"
    " muerta matar matarme vivir quiero ayuda respira despierta sobredosis adios ya mas drunk"
    " high relapsed used drank kms kys wanna gonna pls plz"
)

# Misspelt words that matter: a word one slip away from one of these (a letter left out,
# added, changed or two swapped, the first letter kept) is read as it ("relpased", "sucidal",
# "ovedose", "fentanly", "sobredossis"). Only words of seven letters or more whose every
# neighbour of that kind is a typo: "despierta" and "matarme" are left out, since one letter
# away are other persons and tenses of the same verb ("despierto", "matarse"); "cocaina" is
# one letter from "cocina". Spelled out here rather than taken from a dictionary at run time.
TYPO_TARGETS = words(
    "relapse relapsed relapsing overdose overdosed overdosing suicide suicidal fentanyl"
    " naloxone methadone suboxone percocet breathing unconscious unresponsive seizure"
    " swallowed goodbye blackout sobredosis suicidio recaida inconsciente fentanilo naloxona"
)
# Real words one slip away from a target, never corrected (English and Spanish word lists and
# the sentence encoder's whole-word pieces, checked by tests/domain/test_typos.py).
NOT_TYPOS = words(
    "relapsa relapser relapses relapso overdoes overdone overdoses overdoing suicid suicida"
    " suicides suicidar fentanyls methadon methadones methadons breaching breathings"
    " seizures swallower goodby goodbyes goodbys blackouts recauda recaido recaidas"
    " suicidas suicidios sobredosi"
)
