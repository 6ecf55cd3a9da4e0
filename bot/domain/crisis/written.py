"""Which language a short message is written in, English or Spanish, or None when unsure.

For the replies to someone who has not chosen a language yet (a stranger, or the first step of
enrollment): "me quiero morir" must be answered in Spanish whatever their phone's language.
Deterministic and standard library only: common words of one language and not the other,
plus the marks only Spanish has (ñ, ¿, ¡, an accented vowel). Not a language detector: it
reads the words people in recovery text in a crisis, and says None rather than guess.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["strip_accents", "written_in"]


def strip_accents(text: str) -> str:
    """`text` without its combining marks ("recaí" -> "recai", "ñ" -> "n"); the crisis
    package's one way of taking accents off."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return text.split()


# Words of one language and not the other (accents off, lower case), common in everyday
# texting and in crisis messages. Words both languages write ("me", "no", "a", "ok", "son",
# "he", "use", "sale", "yo", "y") are left out: they tell nothing.
_SPANISH = frozenset(
    _words(
        """
    que q de la el los las en mi mis es esta estoy estaba estan por pa para con un una
    unos unas ya pero se lo le les del al su sus tu te nos voy va vas van hay como cuando
    porque xq pq muy mas todo toda todos nada nadie quiero kiero quisiera tengo tiene hoy
    anoche ayer manana ahorita ahora nomas ni eso esto ese esa aqui ahi alla bien mal sola
    vez otra otro cosas casa hace hice fue soy eres son mucho poco gracias buenos buenas dias
    noches ando anda estar estas vida muerte muero morir morirme matar matarme mato mataste
    tomaba tome tomo tomar tomando recai recaida volvi volver limpio limpia ganas jaja sin
    puedo puede mas ojala nacido despertar despierta respira respirar responde ayuda ayudame
    auxilio porfa perdon adios hijo hija hijos nino nina bebe hermano hermana esposo esposa
    novio novia mama papa abuela abuelo primo prima tio tia sobrino nieto cloro lejia
    pastillas pastilla sobredosis droga drogas cerveza cervezas trago tragos borracho
    borracha crudo cruda consumi consumir consumo fume inyecte pase perico mota chiva piedra
    dejar deje quiere mejor peor siento triste solo cansado cansada donde quien pues
    tambien nunca siempre algo alguien despues antes semana semanas noche tarde desde usado
    tomado consumido probado bebido bebi fumando todos dos tranqui nel sip nop bendiciones
    medicina hermanos amigo amiga trabajo tengo hablar llamar necesito hola saludos
    """
    )
)
_ENGLISH = frozenset(
    _words(
        """
    the an and i im ive id my to is it its you u of in on at that this was with for she
    hes shes they we dont cant wont just so but got have had get be are not all what up out
    ill been if or him her them your do did about like really today last night yesterday
    after some life death goodbye goodnight forever thinking ending things nothing work day
    good yes yeah yep nope sure fine soon right now home long ate bought smoked snorted
    popped scored copped swallowed accidentally empty inside worth living bored lonely since
    before more one few couple new better sounds maybe lol hi hello hey
    tonight want wanna die dying kill myself help please pls relapsed relapse slipped used
    using drank drink drinking took pills bleach overdose overdosed daughter kid kids baby
    brother sister mom dad wife husband boyfriend girlfriend breathing breathe wake waking
    again sorry bye everyone anymore thanks thx kms kys feel feeling tired done should
    would could think know going high drunk clean sober
    """
    )
)
_SPANISH_MARKS = re.compile("[ñ¿¡áéíóú]")
_WORD = re.compile(r"[a-z]+")
_RUN = re.compile(r"([a-z])\1{2,}")  # "ayudaaa", "helppp": a letter held down


def written_in(text: str) -> str | None:
    """ "es" or "en" as the message's words say, or None when they say neither, or both
    equally ("ok", "911", an emoji)."""
    lower = text.lower()
    plain = strip_accents(lower)
    words = [_RUN.sub(r"\1", w) for w in _WORD.findall(plain.replace("'", "").replace("’", ""))]
    spanish = sum(word in _SPANISH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if _SPANISH_MARKS.search(lower):
        spanish += 2
    if spanish == english:
        return None
    return "es" if spanish > english else "en"
