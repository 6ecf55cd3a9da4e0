"""Vocabulary and rules for the crisis screener in `bot.domain.crisis`.

Every pattern runs on normalised text: lowercase ASCII without accents or apostrophes
("cant", "im", "hes"), slang expanded ("kms" -> "kill myself"), sentence punctuation turned
into a " . " token, single spaces. Patterns describe kinds of phrasing, not sentences from the
test set. When in doubt a rule fires: a false alarm shows help, a miss hides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern plus the context that confirms or cancels a match.

    needs: patterns that must all appear somewhere in the message.
    unless: a pattern that cancels the match when found in the same clause.
    blockers: words that cancel the match when among the `window` words before it (or
    before the named group "v", the verb, when the pattern has one).
    """

    pattern: re.Pattern[str]
    needs: tuple[re.Pattern[str], ...] = ()
    unless: re.Pattern[str] | None = None
    blockers: frozenset[str] = frozenset()
    window: int = 2


def _rule(
    *alternatives: str,
    needs: tuple[str, ...] = (),
    unless: str | None = None,
    blockers: frozenset[str] = frozenset(),
    window: int = 2,
) -> Rule:
    # Each alternative may name its verb "v"; number them so the names stay unique.
    counter = iter(range(1000))
    pattern = re.sub(r"\(\?P<v>", lambda _: f"(?P<v{next(counter)}>", "|".join(alternatives))
    unless_re = re.compile(unless) if unless else None
    needs_re = tuple(re.compile(n) for n in needs)
    return Rule(re.compile(pattern), needs_re, unless_re, blockers, window)


def _words(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# Up to n filler words; used between the parts of a phrase.
W1 = r"(?:\w+ )?"
W2 = r"(?:\w+ ){0,2}"
W3 = r"(?:\w+ ){0,3}"
W4 = r"(?:\w+ ){0,4}"
END = r"(?= \.|$)"

# --- vocabulary -------------------------------------------------------------------------

PEOPLE = _words(
    "friends?",
    "buddy",
    "homie",
    "bro",
    "brother",
    "sis",
    "sister",
    "sons?",
    "daughters?",
    "kids?",
    "child",
    "children",
    "baby",
    "mom",
    "moms",
    "mother",
    "mum",
    "dad",
    "father",
    "step ?dad",
    "step ?mom",
    "stepfather",
    "stepmother",
    "husband",
    "wife",
    "partner",
    "boyfriend",
    "girlfriend",
    "fiancee?",
    "roommate",
    "cousin",
    "uncle",
    "aunt",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "nephew",
    "niece",
    "neighbou?r",
    "ex",
    "man",
    "guy",
    "girl",
    "sponsor",
    "boss",
    "dealer",
    "landlord",
    "coworker",
    "tio",
    "tia",
    "primo",
    "prima",
    "hermano",
    "hermana",
    "hijo",
    "hija",
    "novio",
    "novia",
    "esposo",
    "esposa",
    "amigo",
    "amiga",
    "papa",
    "mama",
    "abuela",
    "abuelo",
)
# Someone other than the writer, as a subject or object.
WHO = rf"(?:he|she|they|hes|shes|theyre|him|her|them|someone|somebody|(?:my|our|his|her) {W1}{PEOPLE})"
WHO_OBJ = rf"(?:him|her|them|someone|somebody|everyone|everybody|people|(?:my|his|her|our) {W1}{PEOPLE}|(?:that|this) (?:guy|girl|dude|man|woman|bitch|bastard|mf|fucker))"
CHILD = _words(
    "kids?",
    "sons?",
    "daughters?",
    "baby",
    "toddler",
    "child",
    "grandkids?",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "hijo",
    "hija",
    "nino",
    "nina",
    "bebe",
    "nieto",
    "nieta",
    "sobrino",
    "sobrina",
    "nene",
    "nena",
    "chamaco",
    "chamaca",
    "infant",
    "little one",
    "grandbaby",
    r"\d+ (?:year|yr|month) old",
)
DRUGS = _words(
    "heroin",
    "dope",
    "fent",
    "fentanyl",
    "fetty",
    "oxys?",
    "oxies",
    "oxycodone",
    "oxycontin",
    "percs?",
    "percocets?",
    "vicodin",
    "hydros",
    "morphine",
    "opiates",
    "opioids",
    "xanax",
    "xans",
    "bars",
    "benzos",
    "klonopin",
    "valium",
    "coke",
    "cocaine",
    "crack",
    "meth",
    "ice",
    "crystal",
    "tina",
    "speed",
    "adderall",
    "molly",
    "mdma",
    "ecstasy",
    "lsd",
    "acid",
    "shrooms",
    "ketamine",
    "ket",
    "pcp",
    "weed",
    "pot",
    "marijuana",
    "bud",
    "dabs?",
    "edibles?",
    "blunts?",
    "joints?",
    "drugs",
    "blues",
    "m30s?",
    "tranq",
    "xylazine",
    "spice",
    "k2",
    "lean",
    "lines?",
    "rocks?",
    "smack",
    "pressies",
    "dilaudid",
    "gabapentin",
    "kratom",
    "mota",
    "marihuana",
    "coca",
    "cocaina",
    "perico",
    "cristal",
    "heroina",
    "chiva",
    "tachas",
    "fentanilo",
    "fenta",
    "drogas?",
)
ALCOHOL = _words(
    "alcohol",
    "booze",
    "vodka",
    "whiske?y",
    "tequila",
    "rum",
    "gin",
    "beers?",
    "wine",
    "liquor",
    "drinks?",
    "shots",
    "fifth",
    "pint",
    "six ?pack",
    "twelve ?pack",
    "margaritas?",
    "cocktails?",
    "brandy",
    "cognac",
    "white claws?",
    "hard seltzers?",
    "mimosas?",
    "sake",
    "jager",
    "henny",
    "hennessy",
    "bourbon",
    "scotch",
    "moonshine",
    "cerveza",
    "cervezas",
    "chelas?",
    "caguamas?",
    "tragos?",
    "copas?",
    "vino",
    "mezcal",
    "ron",
    "guaro",
    "aguardiente",
    "pisto",
    "chupe",
)
MEDS = _words(
    "meds",
    "medications?",
    "medicines?",
    "pills?",
    "doses?",
    "dosage",
    "tablets?",
    "prescriptions?",
    "methadone",
    "suboxone",
    "subs",
    "bupe",
    "buprenorphine",
    "naltrexone",
    "vivitrol",
    "antabuse",
    "sublocade",
    "strips?",
    "tylenol",
    "advil",
    "ibuprofen",
    "aspirin",
    "benadryl",
    "nyquil",
    "melatonin",
    "sleeping pills",
    "insulin",
    "lithium",
    "seroquel",
    "trazodone",
    "ambien",
    "lorazepam",
    "clonazepam",
    "alprazolam",
    "zoloft",
    "prozac",
    "lexapro",
    "wellbutrin",
    "gabapentin",
    "tramadol",
    "hydrocodone",
    "oxycodone",
    "pastillas?",
    "medicinas?",
    "medicamentos?",
    "dosis",
    "metadona",
    "tabletas?",
    "pildoras?",
)
PILLS_AND_DRUGS = f"(?:{MEDS}|{DRUGS})"
SUBSTANCE = f"(?:{MEDS}|{DRUGS}|{ALCOHOL})"
ES_SUBSTANCE = _words(
    "mota",
    "marihuana",
    "hierba",
    "porros?",
    "churros?",
    "coca",
    "cocaina",
    "perico",
    "polvo",
    "cristal",
    "piedra",
    "crack",
    "heroina",
    "chiva",
    "tachas",
    "drogas?",
    "fentanilo",
    "fenta",
    "rayas?",
    "cervezas?",
    "chelas?",
    "caguamas?",
    "tragos?",
    "copas?",
    "vino",
    "tequila",
    "mezcal",
    "ron",
    "whisky",
    "vodka",
    "alcohol",
    "pisto",
    "chupe",
    "shots?",
    "guaro",
    "aguardiente",
)
NON_ALCOHOLIC = (
    r"\b"
    + _words(
        "water",
        "tea",
        "coffee",
        "soda",
        "juice",
        "milk",
        "pop",
        "sparkling",
        "kombucha",
        "smoothie",
        "gatorade",
        "lemonade",
        "shake",
        "protein",
        "agua",
        "te",
        "cafe",
        "jugo",
        "refresco",
        "leche",
        "atole",
        "licuado",
        "medicina",
        "medicamento",
        "tratamiento",
        "dosis",
        "receta",
        "vitaminas",
    )
    + r"\b"
)
POISON_THINGS = _words(
    MEDS,
    "gumm(?:y|ies)",
    "vitamins?",
    "bleach",
    "soap",
    "detergent",
    "pods?",
    "batter(?:y|ies)",
    "nicotine",
    "patch",
    "vape",
    "cleaner",
    "mouthwash",
    "sanitizer",
    "edibles?",
    "cloro",
    "jabon",
    "detergente",
    "pilas?",
    "colillas?",
    "cigarros?",
    "vitaminas?",
    "veneno",
    "limpiador",
    "enjuague",
    "gomitas?",
    "cigarettes?",
    "antifreeze",
    "poison",
)
SELF_MEANS = _words(
    "gun",
    "pistol",
    "rope",
    "noose",
    "knife",
    "blade",
    "razor",
    "pills",
    "bottle",
    "bridge",
    "roof",
    "ledge",
    "train",
    "tracks",
    "garage",
    "everything i need",
    "pistola",
    "soga",
    "cuerda",
    "cuchillo",
    "navaja",
    "pastillas",
    "puente",
    "azotea",
    "edificio",
    "vias",
    "todo listo",
)
HIGH_PLACES = _words(
    "bridge",
    "roof",
    "ledge",
    "building",
    "balcony",
    "cliff",
    "overpass",
    "tracks",
    "puente",
    "azotea",
    "edificio",
    "techo",
    "balcon",
    "vias",
    "precipicio",
    "barranco",
)

# Context words.
NOW = (
    r"\b(?:right now|tonight|tonights|this is it|about to|ahora mismo|ahorita|esta noche|ya mismo|en este momento|hoy mismo)\b|\bnow"
    + END
)
HOLDING_MEANS = (
    rf"\b(?:have|got|holding|bought|loaded|lined up|tengo|compre|cargue|agarre)\b(?: \w+){{0,3}} {SELF_MEANS}\b"
    rf"|\b{SELF_MEANS}\b(?: \w+){{0,3}} (?:ready|lined up|in my hand|right here|loaded|next to me|listos?|listas?|en la mano|aqui)\b"
)
FAREWELL = r"\b(?:bye|goodbye|good bye|farewell|adios|this is it|forgive me|perdonenme|perdoname|love you all|los quiero|dont call anyone|no llamen a nadie|dont try to stop me|se acabo)\b"
JOKE = r"\b(?:lol|lmao|lmfao|rofl|jk|haha\w*|jaja\w*|jeje\w*|xd|kidding|bromeando)\b"
ACCIDENT = r"\b(?:accident\w*|by mistake|at the gym|at work|lifting|playing|cooking|stove|oven|iron|pan|fell|tripped|slipped|pulled|shaving|working out|running|on the|sin querer|por accidente|cocinando|trabajando|jugando|afeitandome|rasurandome)\b"
ROUTINE = r"\b(?:this morning|like usual|as usual|as prescribed|on time|like normal|like always|for today|every day|daily|morning|night meds|como siempre|de hoy|en la manana|a tiempo|como me dijo)\b"
SUBSTANCE_CONTEXT = rf"\b(?:took|mixed|using|used|shot up|snorted|smoked|drank|needle|syringe|{SUBSTANCE}|tome|mezcle|consumi|inyect\w*|fume|me meti|se metio)\b"

# Words that cancel a wish or an act said right after them ("I don't want to die").
NEGATIONS = frozenset({"not", "no", "never", "dont", "didnt", "doesnt", "wont", "nunca", "jamas"})
# For use reports, also near misses, fears and past habits ("almost relapsed", "when I drank").
LAPSE_BLOCKERS = NEGATIONS | frozenset(
    {
        "havent",
        "hasnt",
        "hadnt",
        "isnt",
        "wasnt",
        "wouldnt",
        "almost",
        "nearly",
        "afraid",
        "scared",
        "worried",
        "when",
        "whenever",
        "if",
        "without",
        "instead",
        "casi",
        "ni",
        "tampoco",
        "sin",
        "miedo",
        "cuando",
    }
)

# --- EMERGENCY: someone may be dying now --------------------------------------------------

BREATH = r"bre(?:a)?th?(?:e|es|ing|in)?\b"
EMERGENCY_ACTS: tuple[Rule, ...] = (
    # Breathing stopped, slow or laboured.
    _rule(
        rf"\b(?:not|isnt|stopped|barely|hardly|cant|aint|no longer|struggling to|trouble) (?:even |really |properly |right )?{BREATH}",
        rf"\b{BREATH} (?:really |very |so |super )?(?:slow|slowly|weird|funny|shallow|strange)\b",
        r"\bno (?:esta |puede |logra )?respir|\b(?:dejo de|sin|apenas) respir|\brespira (?:muy )?(?:lento|raro|poco)\b",
    ),
    # Someone who cannot be woken or does not respond.
    _rule(
        r"\b(?:unresponsive|unconscious|inconsciente|not responsive)\b",
        rf"\b(?:cant|couldnt) (?:wake|get) {WHO_OBJ} (?:to )?(?:wake )?up\b|\bcant wake (?:him|her|them)\b",
        rf"(?:^|\b{WHO}|\band|\.) (?:is |still )*(?:wont|isnt|not|doesnt|aint|wouldnt) (?:even |really )?(?:wake up|waking up|waking|respond|responding|moving|move|come to|coming to)\b(?! out| in| on| forward| back| away)",
        unless=r"\bfor (?:school|work|class)\b|\bon time\b|\b(?:texts|calls|messages)\b",
    ),
    _rule(
        r"\bno (?:se )?(?:despierta|reacciona|responde|se mueve|abre los ojos)\b",
        r"\bno (?:lo|la|los|las|le) (?:puedo|podemos|pude|pudimos|logro) despertar\b",
        r"\bsigue sin (?:despertar|reaccionar|responder|moverse)\b",
        unless=r"\b(?:celular|telefono|cel|app|pagina|compu|computadora|carro|mensajes|llamadas|whatsapp)\b",
    ),
    # Blue or grey lips and skin.
    _rule(
        r"\b(?:lips|face|skin|fingers|fingertips|nails) (?:are |is |look |looks |going |turning |turned |getting |gone )*(?:blue|purple|gr[ae]y)\b",
        r"\b(?:turning|turned|going|gone) (?:blue|purple|gr[ae]y)\b",
        rf"\b(?:hes|shes|theyre|{WHO} (?:is|looks|went|turned)) (?:all |kinda |really |so )?(?:blue|purple|gr[ae]y)\b(?! (?:and|jeans|shirt|dress|car)\b)",
        r"\b(?:blue|purple|gr[ae]y) (?:around|on|in) (?:the|his|her|their) (?:mouth|lips|face)\b",
        r"\blabios (?:\w+ )?(?:morados|azules|moraditos)\b",
        r"\b(?:poniendo|puso|pone|quedo) (?:\w+ )?(?:azul|morad[oa]|moradit[oa])\b",
    ),
    # Overdose named, unless it is about someone's past or a class ("died of an overdose").
    _rule(
        rf"\b(?:overdos(?:e|ed|es|ing)|sobredosis)\b(?! on (?!{W2}{SUBSTANCE}\b))",
        unless=r"\b(?:died (?:of|from)|passed away|murio de|muerte por|years? ago|last (?:year|month|summer|winter|spring|fall)|months ago|in (?:19|20)\d\d|back in|hace \w+ (?:anos|meses)|learn\w*|training|class|prevent\w*|awareness|signs of|risk|aprend\w*|prevencion)\b",
    ),
    # Too much taken.
    _rule(
        r"\b(?:took|taken|take|swallowed|shot up|shot|snorted|sniffed|used|smoked|popped|injected|mixed) (?:way |far |a little |a bit |maybe |probably )?too (?:much|many)\b(?! (?:time|on|of (?:my |the |a |his |her )?time|breaks|days|naps|risks|chances|shifts|hours))",
        rf"\b(?:tome|trague|me meti|consumi|me inyecte|fume) (?:\w+ )?(?:demasiad[oa]s?|de mas) (?:\w+ )?(?:pastillas|pildoras|tabletas|{ES_SUBSTANCE})\b",
    ),
    # A large amount swallowed, unless it is the normal daily dose.
    _rule(
        rf"\b(?:took|swallowed|popped|downed|ate|taken|take|taking|swallowing|snorted|injected) (?:like |about |around |maybe |almost |over |at least |probably |literally )?(?:all|everything|(?:the|my|his|her) (?:whole|entire|rest of)|an? (?:whole|entire|full)|a (?:handful|bunch|ton|lot|fistful|whole bunch) of|\d{{2,}}|twenty|thirty|forty|fifty|sixty|a hundred|hundred|dozens of) {W4}{PILLS_AND_DRUGS}\b",
        r"\b(?:swallowed|popped|downed|took) (?:like |about |around |maybe |almost |over )?\d{2,} (?!(?:\w+ )?(?:minutes?|mins?|hours?|hrs?|seconds?|days?|weeks?|dollars|bucks|steps|years?)\b)",
        r"\b(?:me )?(?:tome|trague|bebi|se tomo|se trago) (?:como |unas |casi |mas de |ya )?(?:tod[oa]s? (?:las|mis|sus|el|la|los)|el frasco|la caja|el bote|\d{2,}|veinte|treinta|cuarenta|cincuenta|cien|un punado de|un monton de|muchas) (?:\w+ ){0,3}?(?:pastillas?|pildoras|frasco|caja|bote|tabletas|medicinas|medicamentos|entero)\b",
        unless=ROUTINE + r"|\b(?:think\w*|thought|considering|about taking|of taking)\b",
    ),
    _rule(
        r"\b(?:rope|noose|soga|cuerda) (?:is |esta )?(?:tied|ready|up|hung|lista|amarrada)\b|\btied (?:a|the|my) (?:noose|rope)\b",
    ),
    _rule(
        r"\b(?:going to|gonna|about to|ready to|will|im) (?:just |finally )?do it\b|\b(?:lo hago|lo voy a hacer|voy a hacerlo)\b",
        needs=(rf"\b(?:{SELF_MEANS}|{HIGH_PLACES})\b",),
    ),
    _rule(
        r"\b(?:lined up|counted out|laid out) (?:\w+ ){0,2}(?:pills|pastillas)\b|\b(?:pills|pastillas) (?:\w+ ){0,2}(?:lined up|counted out|laid out)\b",
    ),
    # Pills taken together with a goodbye.
    _rule(
        r"\b(?:took|swallowed|taken|tome|me tome|trague|me trague) (?!my |mis |mi )(?:\w+ ){0,2}?(?:pills|pastillas|meds|everything|todo)\b",
        needs=(FAREWELL,),
    ),
    # Body signs after using.
    _rule(
        r"\b(?:cant|cannot) (?:stay awake|keep (?:my |his |her )?eyes open|feel my \w+|move my \w+)",
        r"\bdont feel my (?:body|legs|arms|face)|\b(?:going to|about to) pass out|\bpassing out|\bpassed out",
        r"\broom is spinning|\bchest (?:pain|is tight|hurts|feels \w+)|\bheart (?:is )?(?:racing|pounding|beating (?:so |really )?fast)",
        r"\bim dying\b|\bthrowing up blood|\bno (?:me )?(?:puedo|podia) mantener(?:me)? despiert[oa]|\bme estoy desmayando|\bse desmayo|\bme voy a desmayar",
        r"\bdolor (?:de|en el) pecho|\bme estoy muriendo\b(?! de)|\bno siento (?:mi cuerpo|las piernas|los brazos)",
        needs=(SUBSTANCE_CONTEXT,),
    ),
    _rule(
        r"\b(?:i think|i feel like|pretty sure|i swear|creo que) (?:im|me estoy) (?:dying|muriendo)\b(?! (?:of|to|for|laughing|here|inside|de))",
    ),
    _rule(
        r"\b(?:seizures?|seizing|convulsing|convulsions?|convulsiones|convulsionando|convulsiona|convulsiono|ataque epileptico)\b",
        unless=r"\bseizures? (?:meds|medication|medicine|pills|disorder)\b|\bepilep",
    ),
    _rule(
        r"\b(?:foam\w*|espuma) (?:\w+ ){0,4}(?:mouth|boca)\b|\bchoking on (?:his|her|their) (?:own )?vomit\b",
    ),
    # Heavy bleeding or a deep cut.
    _rule(
        r"\b(?:wont|cant|doesnt|cannot|wouldnt) stop (?:the )?bleeding|\bbleeding (?:a lot|everywhere|so much|so bad|badly|heavily|out)\b",
        r"\b(?:so much|a lot of|lots of|tons of) blood\b|\bno (?:para|deja) de sangrar|\bmucha sangre\b|\bsangrando mucho\b",
        r"\b(?:cut|slit|slashed|sliced) (?:\w+ ){0,2}(?:deep|wrists?|throat|veins?)\b",
        r"\bcort(?:e|arme|o) (?:\w+ ){0,2}(?:hondo|profundo|las venas|la garganta|las munecas)\b",
    ),
    _rule(
        r"\b(?:found|find) (?:him|her|them|my \w+(?: \w+)?) hanging\b(?! out| around| with| at)",
        r"\bhanged (?:himself|herself|themselves|myself)\b|\bhanging (?:himself|herself|themselves)\b",
        r"\bse (?:colgo|ahorco)\b|\bahorcad[oa]\b",
    ),
    # Naloxone being given means an overdose is happening.
    _rule(
        r"\b(?:give|gave|giving|spray|sprayed|use|used) (?:him |her |them |my \w+ )?(?:the |some |more |another |a second )?(?:narcan|naloxone)\b",
        r"\b(?:le di|darle|le doy|le pongo|le puse|ponerle|le eche) (?:\w+ )?(?:narcan|naloxona)\b",
        unless=r"\b(?:how to|learn\w*|training|class|taught|teach|practice|aprend\w*|curso)\b",
    ),
    # Swallowing a household poison on purpose (accidents are POISON).
    _rule(
        r"\b(?:i|me) (?:just |already )?(?:drank|swallowed|ate|took|tome|bebi|trague) (?:\w+ ){0,4}?(?:bleach|antifreeze|rat poison|poison|drain cleaner|lye|pesticide|weed killer|cloro|veneno|raticida|anticongelante|insecticida|matarratas)\b",
        unless=r"\b(?:accident\w*|by mistake|sin querer|por error|por accidente)\b",
    ),
    # Means in hand or in place.
    _rule(
        r"\b(?:gun|pistol|pistola|arma|revolver) (?:\w+ ){0,3}?(?:in my hand|in my mouth|to my head|against my head|en la mano|en la boca|en la cabeza)\b",
        r"\bloaded (?:the|my|a) (?:gun|pistol)\b|\b(?:gun|pistol|pistola|arma) (?:is |esta )?(?:loaded|cargada)\b|\bcargue (?:la|mi) (?:pistola|arma)\b",
        r"\bengine running\b(?: \w+){0,6} garage\b|\bgarage\b(?: \w+){0,6} engine running\b|\b(?:motor|carro) prendido (?:\w+ ){0,4}(?:cochera|garaje)\b",
    ),
    _rule(
        r"\b(?:going to|about to|gonna|ready to|will|fixing to|im) jump(?:ing)?\b",
        r"\b(?:voy a|me voy a|estoy a punto de) (?:tirar|aventar|lanzar|saltar|brincar)(?:me)?\b",
        needs=(rf"\b{HIGH_PLACES}\b",),
    ),
)

# --- CRISIS: suicidal thoughts, self-harm, harm to or from others --------------------------

SELF_HARM: tuple[Rule, ...] = (
    _rule(
        r"\b(?:kill|killing|killed|end|ending|off|offing|shoot|shooting|hang|hanging|drown|drowning|poison|poisoning|overdose|overdosing|starve|starving|suffocate) myself\b",
        r"\bkill yourself\b",
        r"\bsu[iy]?[cs]+i?d(?:e|es|al|el|ial|ality|ing|io|ios|a|as|arme|arte|arse|ando)?\b",
        r"\btake my (?:own )?life\b|\bquitar(?:me)? la vida\b|\bacabar con (?:mi vida|todo)\b",
        r"\b(?:end|ending|ended|finish) (?:it|it all|everything|things|my life|my own life|this life|my existence)\b(?! (?:with|off|for|between|here|early|at)\b)",
        r"\b(?:hoy|esta noche|ahorita|ahora|manana|ya) me mato\b(?! (?:el|la|de|con|a|trabajando|estudiando)\b)",
    ),
    _rule(
        r"\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burned|burnt|burning|punch|punched|punching|hit|hitting|scratch|scratched|scratching|carve|carved|carving|bite|biting|beat|beating|stab|stabbing) myself\b",
        r"\bself ?harm\w*|\bself injur\w*",
        r"\b(?:cut|cutting|carve|carved|carving|burn|burned|burnt|burning|scratch|scratched|scratching|slice|sliced|hit|hitting|punch|punched|punching) (?:my|up my) (?:\w+ )?(?:arms?|legs?|wrists?|thighs?|skin|stomach|belly|hips?)\b",
        r"\b(?:been|started|keep|kept|still|im|was) cutting(?: again| myself)?\b(?! (?:back|down|out|off|class|school|hair|corners|ties|it|the|my|a|some|up)\b)",
        r"\b(?:till|until) (?:they|it|i) (?:bled|bleed)\b|\bto feel (?:something|the pain)\b",
        unless=ACCIDENT,
    ),
    # Wishing to be dead or not to exist.
    _rule(
        r"\b(?:want|wanna|wish|wishing|ready|need|deserve|deserves|hope|trying|plan|planning|rather|prefer|should) (?:to )?(?:just |really |simply )?(?:die|dye|be dead|not exist|stop existing|not be alive|not be here)\b(?! (?:of|laughing|from|for|with|in a|on|at)\b)",
        r"\b(?:better off|rather be|want to be|wish i was|wish i were|should be|deserve to be|might as well be) dead\b",
        r"\bwish (?:i|id) (?:\w+ ){0,2}(?:dead|died|die|never been born|never woke up|never existed|not wake up|wasnt born|wasnt alive|wasnt here|werent here|disappear)\b",
        r"\b(?:want|wanna|wish i could|going|need) (?:to )?(?:just )?disappear\b(?! (?:into|to|for a|for the|on|with|from work)\b)|\bdisappear (?:forever|for good|permanently)\b",
        blockers=NEGATIONS,
    ),
    _rule(
        r"\b(?:dont|no longer|never|didnt) (?:even |really )?(?:want to|wanna|wish to|feel like|care to) (?:live|be alive|exist|wake up|go on|keep going|keep living|continue living|be here (?:anymore|any more|no more|any longer|tomorrow))\b",
        r"\blive or die\b|\bvivir o morir\b",
        r"\b(?:never|not|dont|no) wake up (?:again|tomorrow|ever)\b|\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b",
        r"\b(?:want to|wish i could|wish to|need to|going to|ready to) (?:just )?sleep forever\b|\bhope i (?:dont|never|wont) wake up\b|\bnever wake up\b(?! (?:on|early|before|in time|till|until)\b)",
        r"\bno despertar (?:nunca|jamas|mas)\b|\bno volver a despertar\b|\bdormir para siempre\b",
        r"\bfeel(?:ing|s)? like (?:dying|killing myself|ending it|ending my life|giving up on life)\b",
    ),
    # Thinking about dying or a method.
    _rule(
        r"\b(?:think|thinking|thought|thoughts|pensando|pienso|pensamientos) (?:about|of|en|de) (?:just |really |maybe |actually )?(?:dying|being dead|not being (?:here|alive|around)|not waking up|ending (?:it|things|my life|everything)|taking all|overdosing|jumping (?:off|from|in front)|driving (?:into|off)|crashing (?:my|the|into)|hanging|hurting myself|killing myself|suicide|morir|morirme|la muerte|matarme|quitarme|suicid\w+|tirarme|aventarme|desaparecer|no despertar|cortarme|lastimarme|hacerme dano)\b",
    ),
    # No point, not worth it, tired of living.
    _rule(
        r"\b(?:no|dont see (?:the|any)|whats (?:even |really )?the|what is (?:even )?the|theres no|there is no|lost (?:the|my|all)|cant see (?:the|any)|see no) (?:even |really |actually )?(?:point|reason|purpose) (?:in |of |to |for )?(?:living|life|being alive|going on|keep going|keep living|live|me to (?:be here|live|stay|go on|keep going)|being here|staying alive)\b",
        r"\b(?:life|living) (?:isnt|is not|aint|not|is never) (?:\w+ )?worth (?:it|living)\b|\bnot worth living\b|\bmy life is (?:worthless|pointless|meaningless)\b",
        r"\b(?:done with|tired of|sick of|exhausted from|cansad[oa] de|hart[oa] de) (?:life|living|being alive|existing|this life|la vida|vivir|existir|estar viv[oa])\b(?! (?:paycheck|with|in|like|here|at|aqui|en|con|asi)\b)",
        r"\bcant (?:do this|go on|take (?:it|this)|keep going|keep doing this|live like this|handle (?:it|this|life)) (?:anymore|any more|any longer|no more)\b",
        r"\bwant (?:it|this|everything|it all|all of this|all this) (?:all )?to (?:be over|end|stop)\b",
        r"\b(?:not going to|wont|not gonna|will not) be (?:around|here) (?:much |for )?(?:longer|anymore|any more|long)\b",
    ),
    # Being a burden; others better off without them.
    _rule(
        r"\b(?:im|i am|being|feel like|feel like im|just|soy|siento que soy) (?:such |just |only |nothing but )?(?:a |an |una |un )?(?:burden|carga|estorbo)\b",
        r"\bburden (?:to|on|for) (?:everyone|everybody|my|them|you|people)\b",
        r"\b(?:better|happier|easier) (?:off )?(?:without me|if i (?:was|were|wasnt|werent|am|died|disappeared|left|never|just)|with me gone|once im gone|when im gone|sin mi)\b",
        r"\b(?:nobody|no one|noone) (?:would|will|wud|is going to|gonna) (?:even |really |ever )?(?:miss me|notice (?:if|when|that) i|care (?:if|when|that) i|notice im gone|care if im gone)\b",
        r"\bmejor sin mi\b|\b(?:estarian|estaria|seria|serian|vivirian|viviria) (?:\w+ )?mejor (?:si (?:yo )?(?:no|me muero|muero|desaparezco|desapareciera|me muriera)|sin mi)\b",
        r"\b(?:nobody|no one|noone) (?:cares|would care|will care|gives a \w+) (?:if|whether|when) i (?:die|died|live|disappear|kill myself|was gone|am gone|\w+ myself)\b",
        r"\bnadie (?:me )?(?:extranaria|va a extranar|extrana|notaria|se daria cuenta)\b",
    ),
    _rule(
        r"\b(?:goodbye|good bye|suicide|farewell) (?:letters?|notes?|messages?|videos?)\b",
        r"\bgiving (?:away )?(?:all )?(?:of )?my (?:stuff|things|belongings|possessions) away\b|\bgiving away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions)\b",
        r"\bcartas? de despedida\b|\bregalando (?:todas )?mis cosas\b",
    ),
    # Spanish wishes and plans ("me quiero morir", "ganas de tirarme del puente").
    _rule(
        r"\b(?:me quiero|quiero|quisiera|deseo|ojala|prefiero|preferiria|me gustaria|tengo ganas de|me dan ganas de|ganas de|voy a|me voy a|necesito|planeo) (?:\w+ )?(?:morir|morirme|matarme|suicidarme|no existir|no despertar|estar muert[oa]|dejar de existir|ya no estar|tirarme|aventarme|colgarme|ahorcarme|cortarme|hacerme dano|lastimarme|quemarme|desaparecer)\b(?! (?:el pelo|el cabello|las unas|la barba|el fleco)\b)",
        r"\b(?:me quiero|voy a|me voy a) matar\b(?! (?:a|el|la|los|las)\b)",
        r"\bojala (?:\w+ ){0,2}(?:me muera|me muriera|no despert\w*|no amanezca|estuviera muert[oa]|no existiera|desaparec\w*)\b",
        r"\bmejor (?:estar |estaria |estoy )?muert[oa]s?\b|\bmejor (?:si )?(?:me muero|me muriera|no existiera|no estuviera|morir|morirme)\b",
        blockers=NEGATIONS,
    ),
    _rule(
        r"\b(?:no|ya no) (?:quiero|deseo|puedo|tengo ganas de) (?:seguir )?(?:vivir|viviendo|existir|estar aqui|despertar|seguir aqui|seguir con vida)\b(?! sin\b)",
        r"\b(?:no|ya no|sin) (?:tiene|le veo|le encuentro|hay|tengo) (?:\w+ )?(?:sentido|razon|razones|motivo) (?:a |de |para )?(?:vivir|seguir|la vida|nada|mi vida|seguir viviendo|estar aqui)\b(?! (?:con|en|trabajando|estudiando|esperando)\b)",
        r"\bla vida no tiene sentido\b|\b(?:la vida|vivir|mi vida) (?:ya )?no vale (?:la pena|nada)\b|\bno vale la pena (?:vivir|seguir)\b",
        r"\bya no (?:puedo|aguanto) mas\b(?! (?:con|el|la|de|los|las|este|esta|tanto)\b)",
        r"\bme (?:corto|cortaba|corte|quemo|quemaba|queme|lastimo|lastimaba|rasguno|golpeo|hago dano|hacia dano|hice dano)\b(?! (?:el|la|las|los|un|una|con|al|en)\b)",
        r"\bme estoy (?:haciendo dano|cortando|lastimando|quemando|golpeando)\b",
        unless=r"\b(?:sin querer|por accidente|cocinando|trabajando|jugando|afeitandome|rasurandome)\b",
    ),
)

HARM_FROM_OR_TO_OTHERS: tuple[Rule, ...] = (
    # Violence or abuse against the client.
    _rule(
        rf"\b{WHO} (?:\w+ )?(?:hit|hits|hitting|beat|beats|beating|punched|punches|slapped|slaps|kicked|kicks|choked|chokes|choking|strangled|strangles|pushed|pushes|shoved|shoves|slammed|slams|smacked|smacks|burned|raped|rapes|touches|touched|touching|molested|molests|abuses|abused|hurts|hurt|threatened|threatens|grabbed|grabs|stabbed|attacked) me\b(?! (?:up|to|into|a text|off)\b)(?! with (?:a |the |his |her )?(?:water balloon|pillow|snowball|ball|question|joke|news|text|idea|bill|nerf)\b)",
        r"\b(?:raped|rape|sexually assaulted|sexual assault|molested|molesting|molests|abusing me|abused me|abuses me|domestic violence|being abused)\b",
        r"(?<!se )\bme (?:pega|pegan|pego|golpea|golpean|golpeo|golpeaba|pateo|patea|ahorca|ahorco|empujo|empuja|maltrata|maltrato|abofeteo|cachetea|cacheteo|amenaza|amenazo|amenazaron|lastima|viola|violo|manosea|manoseo)\b(?! (?:un|una|el|la) (?:susto|gripa|gripe|resfriado|sol|chicle)\b)",
        r"\b(?:me )?violaron\b|\babus(?:o|a|aron|aba) de mi\b|\babuso sexual\b",
    ),
    _rule(
        r"\b(?:said|says|saying|told me|threatened|threatening|threatens|swore|swears|texted|keeps saying) (?:\w+ ){0,3}(?:kill|hurt|beat|shoot|stab|murder) (?:me|us|my kids)\b",
        r"\b(?:dijo|dice|amenazo|amenaza|amenazando|juro) (?:\w+ ){0,3}(?:matar|matarme|me va a matar|me mata|golpearme|pegarme|hacerme dano|lastimarme)\b",
        unless=JOKE,
    ),
    # The client wanting to hurt someone.
    _rule(
        rf"\b(?:want to|wanna|going to|about to|will|ill|could|might|feel like|ready to|thinking (?:about|of)|plan to|planning to|telling me to|tell me to|told me to|need to) (?:\w+ )?(?:kill|killing|murder|murdering|stab|stabbing|shoot|shooting|hurt|hurting|beat|beating|strangle|strangling|choke|choking|attack|attacking|beat up) {WHO_OBJ}\b(?! (?:a|an) (?:text|message|email|dm|call|line|note|pic)\b)(?! (?:at|in)\b)",
        rf"\b(?:want to|wanna|going to|about to|will|ill|could|gonna) (?:beat|kick|knock|punch) the (?:shit|crap|hell|fuck|living daylights) out of {WHO_OBJ}\b",
        r"\b(?:voy a|quiero|tengo ganas de|ganas de|me dan ganas de|quisiera) (?:\w+ )?(?:matar|apunalar|golpear|lastimar|madrear|disparar|ahorcar) a (?!nadie\b)\w+",
        r"\b(?:voy a|quiero|tengo ganas de|ganas de|me dan ganas de|quisiera) (?:\w+ )?(?:matarl[oa]s?|apunalarl[oa]|golpearl[oa]|lastimarl[oa]|madrearl[oa]|dispararle|ahorcarl[oa])\b",
        r"\b(?:lo|la|los|las) voy a (?:matar|apunalar|golpear|madrear|ahorcar)\b",
        unless=JOKE,
        blockers=NEGATIONS,
    ),
)


def _with_needs(rules: tuple[Rule, ...], need: str) -> tuple[Rule, ...]:
    extra = re.compile(need)
    return tuple(Rule(r.pattern, (*r.needs, extra), r.unless, r.blockers, r.window) for r in rules)


# Suicidal talk becomes an emergency when it comes with "now/tonight" or means in hand.
EMERGENCY: tuple[Rule, ...] = (
    *EMERGENCY_ACTS,
    *_with_needs(SELF_HARM, NOW),
    *_with_needs(SELF_HARM, HOLDING_MEANS),
)
CRISIS: tuple[Rule, ...] = (*SELF_HARM, *HARM_FROM_OR_TO_OTHERS)

# --- LAPSE: the client reports their own use -----------------------------------------------

# The writer as subject: "i ...", "ive ...", "and ...", or a clause that starts with the verb.
SUBJ = r"(?:(?:^|\. )(?:just |then |so |also |and |ok |honestly )?|\bi (?:\w+ )?|\band (?:then )?|\bbut (?:i )?|\bso i |\bthen i |\bive (?:\w+ )?)"
AMOUNT = r"(?:a |an |some |few |a few |a couple |couple |of |\d+ |two |three |four |five |six |like |half a |a little |a lot of |too many |way too many |one |another |a whole |a big |lots of |more |a glass of |glass of |a bottle of |a can of |a pint of |a shot of |a bag of |a gram of |a line of |a hit of )*"
TIME_AFTER = r"(?:again|last|yesterday|today|tonight|earlier|this (?:morning|afternoon|evening|weekend|week|time)|on \w+day|over the weekend|all (?:weekend|week|day|night)|a (?:little|bit|lot)|once|twice|\d+|and|but|so|with|at|after|before|too much|a lot)"

LAPSE: tuple[Rule, ...] = (
    _rule(
        SUBJ
        + r"(?P<v>relapsed|slipped up|slipped (?=again|last|yesterday|this|on)|fell off the wagon|picked up again|picked back up|broke my (?:sobriety|streak|clean time)|lost my (?:sobriety|clean time|sober time|streak|clean date|sober date|sobriety date|date)|used again|drank again|(?:was |been |am |im )?(?:using|drinking) again|started (?:using|drinking) again|went back to (?:using|drinking|the bottle|drugs))\b",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        SUBJ
        + r"(?P<v>caved)(?: and (?:drank|used|had|smoked|got|did|took|bought|picked|went)\b|"
        + END
        + ")",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        r"\b(?:i had|i have had|ive had|had) (?P<v>(?:a |another |one |my first )?(?:little |small |big |bad |major )?(?:slip|lapse|relapse|slipup))\b",
        r"\bday (?:1|one|zero|0) again\b|\bback to day (?:1|one|zero|0)\b|\breset (?:my|the) (?:date|clock|sobriety|days|counter|app|sober date)\b",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        SUBJ + rf"(?P<v>used)\b(?! to\b)(?= (?:{TIME_AFTER}|{AMOUNT}{DRUGS})\b|{END})",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        SUBJ + rf"(?P<v>drank)\b(?=(?: \w+){{0,5}} {ALCOHOL}\b| {TIME_AFTER}\b|{END})",
        unless=NON_ALCOHOLIC,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        SUBJ
        + rf"(?P<v>had|have had|downed|chugged|did|snorted|smoked|popped|shot|bought|copped|scored|tried|injected|sniffed|drank|took) {AMOUNT}(?:{DRUGS}|{ALCOHOL})\b(?! (?:time|song|show|movie|day|night|fit|party|vibes?|meeting)\b)",
        SUBJ
        + r"(?P<v>took|hit) (?:a |another |one more )?(?:hit|toke|bump|line|dab|rip|drag)s? (?:off|of|from)\b",
        SUBJ + r"(?P<v>shot up|shooting up|slammed|banged)\b(?! (?:in bed|the|prices)\b)",
        unless=NON_ALCOHOLIC,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        r"\b(?P<v>(?:bought|copped|scored|got) (?:some |a few |a couple |\d+ )?(?:pills|bars|blues|pressies|percs|stuff|dope|tabs)) (?:off|from)\b",
        SUBJ
        + r"(?P<v>got) (?:so |really |super |pretty |kinda |a little |too |way too )?(?:drunk|wasted|high|loaded|hammered|smashed|stoned|blasted|messed up|fucked up|faded|buzzed|tipsy|twisted|plastered|trashed|blackout drunk)\b(?! on life\b)",
        r"\b(?:im|i am|still|so|been) (?:so |really |super |pretty |kinda |a little |still |hella |too |way too |mad |very )?(?P<v>high|drunk|wasted|stoned|buzzed|tipsy|hammered|faded|smashed|blasted|tweaking|tweakin|nodding|geeked|plastered|trashed|hungover|hung over)\b(?! (?:on life|school|energy|up|five|key|hopes|alert|functioning)\b)",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        rf"\b(?P<v>back on) (?:the )?(?:bottle|sauce|pills|drugs|{DRUGS})\b|\b(?P<v>back to) (?:using|drinking|the bottle|my old ways)\b",
        r"(?:^|\. |\bi |\bive |\bi have |\bi had )(?:\w+ )?been (?P<v>using|drinking|getting high|shooting up|smoking (?:weed|crack|meth|pot|dope|ice))\b(?! (?:the|my|this|that|your|his|her|it|these|those|an|coping|tools|skills)\b)",
        unless=NON_ALCOHOLIC,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    # Spanish.
    _rule(
        r"\b(?P<v>recai|recaimos)\b|\b(?:tuve|he tenido|tuvimos) (?P<v>(?:una )?(?:pequena |otra )?(?:recaida|recaidita))\b",
        r"\b(?:volvi|regrese|he vuelto) a (?P<v>consumir|tomar|beber|usar|fumar|drogarme|meterme|inyectarme|caer|las pastillas|la droga|las drogas|el alcohol|la botella|el cristal|la coca|la mota|la heroina|lo mismo)\b",
        unless=NON_ALCOHOLIC,
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
    _rule(
        r"\b(?:me )?(?P<v>emborrache|drogue|empede|inyecte|consumi|pase de copas|puse (?:bien |muy |super )?(?:pedo|borrach[oa]|hasta atras|high|drogad[oa]|hasta la madre))\b",
        rf"\b(?P<v>fume|me fume|me meti|meti|inhale|esnife|me inyecte|probe|compre|me tome|tome|bebi|me eche|me di) (?:un |una |unos |unas |un poco de |mucha |mucho |\d+ |dos |tres |cuatro |varias |varios |un par de |otra |otro |mas |copa de |vaso de |botella de )*{ES_SUBSTANCE}\b",
        r"\b(?P<v>tome|bebi|me puse a tomar|estuve tomando|estuve bebiendo|anduve tomando)\b(?= (?:anoche|ayer|hoy|otra vez|de nuevo|mucho|demasiado|el fin|este fin|en la|con (?:mis|unos|unas|los)|toda la)\b|"
        + END
        + ")",
        r"\b(?:estoy|ando|sigo|amaneci) (?:bien |muy |medio |un poco |super |todo )?(?P<v>borrach[oa]|pedo|pedote|drogad[oa]|high|crud[oa]|tomad[oa]|pasad[oa]|puest[oa]|enfiestad[oa]|hasta atras)\b",
        blockers=LAPSE_BLOCKERS,
        window=3,
    ),
)

# --- POISON: accidental doses and swallowed household things --------------------------------

ACCIDENTAL_DOSE = r"\b(?:by mistake|by accident|on accident|accidentally|accidently|mistakenly|por error|sin querer|por equivocacion|por accidente|me equivoque|me confundi|twice|double|doubled|two doses|extra (?:dose|pill|pills)|dos veces|doble|otra dosis|wrong (?:pills?|meds|medicine|medication|dose|ones|bottle|prescription)|instead of (?:hers|his|mine|theirs|my|her)|mixed up (?:my|the|our|his|her) (?:pills|meds)|se me olvido si ya|forgot (?:if|whether|that) i (?:already )?took|no se si ya (?:me )?tome)\b"
TOOK = r"\b(?:took|take|taken|taking|swallowed|gave|given|ate|tome|tomo|me tome|se tomo|le di|trague)\b"

POISON: tuple[Rule, ...] = (
    _rule(
        ACCIDENTAL_DOSE,
        needs=(TOOK, rf"\b{MEDS}\b"),
        unless=r"\btwice (?:a|per|every) (?:day|week|night)\b|\bdos veces al dia\b|\bdouble (?:shift|check|checked|date)\b",
    ),
    _rule(
        rf"\b{CHILD}\b(?: \w+){{0,3}} (?:swallowed|ate|drank|got into|chewed|bit|licked|sucked on|took|got ahold of|se trago|trago|se comio|comio|se tomo|tomo|se bebio|bebio|mordio|chupo|agarro)\b(?: \w+){{0,5}} {POISON_THINGS}\b",
    ),
    _rule(
        r"\b(?:breathed|inhaled|breathing|swallowed|drank|ate|splashed|respire|inhale|trague|bebi|me cayo|le cayo) (?:\w+ ){0,5}?(?:fumes|bleach|ammonia|chemicals?|cleaner|sanitizer|detergent|antifreeze|pesticide|mouthwash|vapores|cloro|quimicos|amoniaco|gasolina|gasoline|lighter fluid|paint thinner|thinner)\b",
        r"\bmix(?:ed|ing)? (?:\w+ ){0,2}bleach and (?:ammonia|vinegar)\b",
        r"\bpoison (?:control|help)\b|\bcentro de toxicologia\b",
    ),
)

# --- normalisation tables ---------------------------------------------------------------------

# Whole-word slang and text-speak, English and Spanish.
SLANG: dict[str, str] = {
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "unalived": "killed",
    "unaliving": "killing",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gunna": "going to",
    "finna": "going to",
    "ima": "im going to",
    "imma": "im going to",
    "gotta": "got to",
    "tryna": "trying to",
    "ded": "dead",
    "u": "you",
    "ur": "your",
    "r": "are",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "2day": "today",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2morrow": "tomorrow",
    "pls": "please",
    "plz": "please",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "noone": "no one",
    "bout": "about",
    "abt": "about",
    "w": "with",
    "b4": "before",
    "idk": "i dont know",
    "idc": "i dont care",
    "dnt": "dont",
    "cnt": "cant",
    "cannot": "cant",
    "myslef": "myself",
    "myslf": "myself",
    "mysef": "myself",
    "meself": "myself",
    "dieing": "dying",
    "dyin": "dying",
    "thinkin": "thinking",
    "goin": "going",
    "tryin": "trying",
    "breathin": "breathing",
    "wakin": "waking",
    "respondin": "responding",
    "movin": "moving",
    "usin": "using",
    "drinkin": "drinking",
    "killin": "killing",
    "od": "overdose",
    "oding": "overdosing",
    "oded": "overdosed",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "tbh": "to be honest",
    "suicidel": "suicidal",
    "q": "que",
    "k": "que",
    "xq": "porque",
    "pq": "porque",
    "porq": "porque",
    "tb": "tambien",
    "tmb": "tambien",
    "kiero": "quiero",
    "qiero": "quiero",
    "kieres": "quieres",
    "toy": "estoy",
    "toi": "estoy",
    "stoy": "estoy",
    "aora": "ahora",
    "pa": "para",
    "porfa": "por favor",
    "xfa": "por favor",
    "nd": "nada",
    "bn": "bien",
    "nadien": "nadie",
    "d": "de",
    "kiere": "quiere",
}

# Two-word forms folded into the one-word forms the patterns use.
PHRASES: dict[str, str] = {
    "can not": "cant",
    "do not": "dont",
    "did not": "didnt",
    "does not": "doesnt",
    "will not": "wont",
    "is not": "isnt",
    "are not": "arent",
    "was not": "wasnt",
    "have not": "havent",
    "has not": "hasnt",
    "had not": "hadnt",
    "would not": "wouldnt",
    "could not": "couldnt",
    "i am": "im",
    "he is": "hes",
    "she is": "shes",
    "they are": "theyre",
    "it is": "its",
    "there is": "theres",
    "what is": "whats",
    "i would": "id",
    "he would": "hed",
    "she would": "shed",
    "my self": "myself",
    "no body": "nobody",
    "i will": "ill",
    "i have been": "ive been",
}

# Words whose stretched spellings ("diieee", "morirrr", "plsss") must still be recognised.
STRETCHABLE: tuple[str, ...] = (
    "die",
    "died",
    "dying",
    "dead",
    "death",
    "kill",
    "killing",
    "killed",
    "myself",
    "suicide",
    "suicidal",
    "pill",
    "pills",
    "breathe",
    "breathing",
    "wake",
    "help",
    "please",
    "want",
    "alive",
    "gone",
    "anymore",
    "now",
    "no",
    "not",
    "dont",
    "cant",
    "hurt",
    "cut",
    "cutting",
    "bleeding",
    "blood",
    "blue",
    "overdose",
    "overdosed",
    "tonight",
    "bye",
    "goodbye",
    "morir",
    "morirme",
    "muero",
    "muerto",
    "muerta",
    "matar",
    "matarme",
    "vivir",
    "quiero",
    "ayuda",
    "respira",
    "despierta",
    "sobredosis",
    "adios",
    "ya",
    "mas",
    "drunk",
    "high",
    "relapsed",
    "used",
    "drank",
)
