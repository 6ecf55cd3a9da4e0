"""Time zones as people type them, one table for clients and staff. Pure, standard library.

A zone is stored as an IANA name of a place (America/New_York), whose rules carry daylight
saving. What people say instead is mapped through one alias table: "EST", "eastern",
"Eastern Time", "hora del este" all mean America/New_York, never IANA's fixed zone "EST"
(UTC-5 all year, an hour off for eight months). A fixed offset ("UTC-5", "GMT+3",
"Etc/GMT+5") or a POSIX rule name ("EST5EDT") is no place: `zone_error` says which IANA name
to use instead. The client's enrollment (`bot.domain.conversation.parse.parse_timezone`), the
staff tools (`bot.domain.staff_input.check_zone`) and PROGRAM_TIMEZONE (`bot.config`) all
read zones here."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from functools import cache

NEW_YORK, CHICAGO, DENVER = "America/New_York", "America/Chicago", "America/Denver"
LOS_ANGELES, ANCHORAGE, HONOLULU = "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"

# Abbreviations and names (lower case, without accents) -> the IANA zone they mean. An
# abbreviation means the place, in winter and in summer alike: "EST" in July is New York.
ALIASES: dict[str, str] = {
    **dict.fromkeys(("eastern", "est", "edt", "et", "este"), NEW_YORK),
    **dict.fromkeys(("central", "cst", "cdt", "ct", "centro"), CHICAGO),
    **dict.fromkeys(("mountain", "mst", "mdt", "mt", "montana"), DENVER),
    "arizona": "America/Phoenix",
    **dict.fromkeys(("pacific", "pst", "pdt", "pt", "pacifico"), LOS_ANGELES),
    **dict.fromkeys(("alaska", "akst", "akdt"), ANCHORAGE),
    **dict.fromkeys(("hawaii", "hawai", "hst", "hdt"), HONOLULU),
    **dict.fromkeys(("puerto rico", "san juan"), "America/Puerto_Rico"),
    # Places as people name them in Spanish, and US cities whose IANA zone is named after
    # another (an IANA zone is named after one city of its area).
    **dict.fromkeys(("nueva york", "filadelfia", "washington", "boston", "miami", "atlanta",
                     "philadelphia", "washington dc", "baltimore", "orlando", "tampa",
                     "charlotte", "pittsburgh", "newark", "cleveland", "columbus"), NEW_YORK),
    **dict.fromkeys(("houston", "dallas", "san antonio", "austin", "nueva orleans",
                     "new orleans", "minneapolis", "saint louis", "st louis",
                     "kansas city", "milwaukee", "nashville", "memphis"), CHICAGO),
    **dict.fromkeys(("salt lake city", "albuquerque", "el paso", "boise"), DENVER),
    **dict.fromkeys(("san francisco", "san diego", "seattle", "portland", "las vegas",
                     "sacramento", "san jose", "los angeles", "oakland"), LOS_ANGELES),
    **dict.fromkeys(("ciudad de mexico", "ciudad mexico", "cdmx", "mexico df", "df",
                     "mexico city"), "America/Mexico_City"),
    **dict.fromkeys(("londres",), "Europe/London"),
    **dict.fromkeys(("bogota",), "America/Bogota"),
    **dict.fromkeys(("la habana", "habana", "havana"), "America/Havana"),
    **dict.fromkeys(("santo domingo", "republica dominicana"), "America/Santo_Domingo"),
}  # fmt: skip
# Words around a zone's name that say nothing about which zone: "Eastern Standard Time",
# "US Eastern", "hora del este", "zona horaria del Pacífico".
_FILLER = frozenset(
    {"time", "zone", "standard", "daylight", "us", "usa", "u.s.", "and", "&", "canada",
     "hora", "horario", "del", "de", "la", "el", "zona", "horaria", "estandar", "tiempo",
     "verano", "invierno"}
)  # fmt: skip
UTC = "UTC"
_UTC_NAMES = frozenset({"utc", "etc/utc", "z", "zulu", "etc/zulu", "universal", "etc/universal",
                        "uct", "etc/uct"})  # fmt: skip
# A fixed offset as typed: "UTC-5", "GMT+03:00", "-0500", "utc -5".
_OFFSET = re.compile(r"^(?:utc|gmt|z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
# POSIX-style rule names IANA keeps for compatibility: the rule, not a place.
_POSIX = {"est5edt": NEW_YORK, "cst6cdt": CHICAGO, "mst7mdt": DENVER, "pst8pdt": LOS_ANGELES}
# The place to suggest for a fixed offset (in hours): the US zone whose winter offset it is.
_BY_OFFSET = {-4: "America/Puerto_Rico", -5: NEW_YORK, -6: CHICAGO, -7: DENVER,
              -8: LOS_ANGELES, -9: ANCHORAGE, -10: HONOLULU, 0: "Europe/London"}  # fmt: skip


def fold(text: str) -> str:
    """Lower case, accents removed, spaces trimmed: 'Pacífico ' -> 'pacifico'."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _places() -> dict[str, str]:
    """Lower-cased IANA names of places and their last parts ('chicago'), to the real name.
    Etc/ (fixed offsets) and the names without a '/' (UTC, EST, EST5EDT, CET ...) are no
    places and are left out."""
    zones: dict[str, str] = {}
    for name in sorted(zoneinfo.available_timezones()):
        if "/" not in name or name.startswith(("Etc/", "SystemV/")):
            continue
        zones[name.lower()] = name
        zones.setdefault(name.rsplit("/", 1)[-1].lower(), name)
    return zones


def _lookup(key: str) -> str | None:
    return ALIASES.get(key) or _places().get(key.replace(" ", "_"))


def resolve_zone(text: str) -> str | None:
    """The IANA zone of a place from what someone typed, or None: 'America/Chicago',
    'chicago', 'new york', 'Pacific', 'EST', 'Eastern Time', 'hora del este'. Never a fixed
    offset, never UTC."""
    key = " ".join(fold(text).split())
    found = _lookup(key)
    if found is None:
        # "(US & Canada)", "Time", "hora del": words that do not name the zone.
        words = [w for w in re.split(r"[\s()]+", key) if w and w not in _FILLER]
        found = _lookup(" ".join(words)) if words else None
    return found


def is_utc(text: str) -> bool:
    """Whether the text names UTC itself ('UTC', 'Etc/UTC', 'Zulu'), not an offset from it."""
    return fold(text) in _UTC_NAMES


def checked_zone(text: str) -> str:
    """The zone staff and PROGRAM_TIMEZONE may name: a place's IANA zone, through the alias
    table ('EST' -> America/New_York), or UTC itself. A fixed offset, a rule name or an
    unknown name raises ValueError with `zone_error`'s line."""
    if is_utc(text):
        return UTC
    zone = resolve_zone(text)
    if zone is None:
        raise ValueError(zone_error(text))
    return zone


def looks_like_zone(word: str) -> bool:
    """Whether one typed word is meant as a zone rather than part of a name: an IANA name
    ('America/Chicago'), UTC, an abbreviation in capitals ('EST', 'PT'), or an offset or
    rule ('UTC-5', 'EST5EDT', to be refused by name)."""
    key = fold(word)
    return (
        "/" in word or is_utc(word) or key in _POSIX or _offset(key) is not None
        or (word.isupper() and key in ALIASES)
    )  # fmt: skip


def zone_error(text: str) -> str:
    """One line on why `text` is not a zone of a place, naming the IANA name to use."""
    name, key = text.strip(), fold(text).replace(" ", "")
    offset = _offset(key)
    if key in _POSIX:
        return (f"{name!r} is a daylight-saving rule, not a place's time zone; use the IANA "
                f"name of the place, e.g. {_POSIX[key]}")  # fmt: skip
    if offset is not None:
        hours, minutes = divmod(abs(offset), 60)
        shown = f"UTC{'-' if offset < 0 else '+'}{hours}" + (f":{minutes:02d}" if minutes else "")
        hint = _BY_OFFSET.get(offset // 60) if not minutes else None
        place = f"e.g. {hint}" if hint else "Area/City, such as Europe/Madrid"
        if offset == 0:
            place += " (or UTC itself)"
        return (f"{name!r} is a fixed offset ({shown} all year, no daylight saving), not a "
                f"place's time zone; use the IANA name of the place, {place}")  # fmt: skip
    if _is_iana(name):
        return (f"{name!r} is not a place's time zone; use the IANA name of the place, "
                f"e.g. {NEW_YORK} or Europe/Madrid")  # fmt: skip
    return f"unknown time zone {name!r}; use an IANA name like {NEW_YORK}"


def _offset(key: str) -> int | None:
    """Minutes east of UTC of a typed offset ('utc-5', '+05:30') or of an Etc/GMT zone (whose
    sign is POSIX's, reversed: Etc/GMT+5 is UTC-5); None when it is neither. 'GMT' alone is
    an offset of 0."""
    if key in ("gmt", "etc/gmt", "gmt0", "etc/gmt0", "gmt+0", "gmt-0", "greenwich",
               "etc/greenwich", "etc/gmt+0", "etc/gmt-0"):  # fmt: skip
        return 0
    match = re.fullmatch(r"etc/gmt([+-])(\d{1,2})", key)
    if match:
        return int(match.group(2)) * 60 * (-1 if match.group(1) == "+" else 1)
    match = _OFFSET.match(key)
    if match:
        minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
        return minutes * (-1 if match.group(1) == "-" else 1)
    return None


def _is_iana(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
