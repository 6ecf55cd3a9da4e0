"""Dates, times, time zones, lists and the plural form of a count as each language writes them,
from Babel (CLDR data), so the client sees one style per language: '6:00 PM' and
'Sunday, November 29, 2026' in English,
'18:00' and 'domingo, 29 de noviembre de 2026' in Spanish; a zone as its place and name ('New York
(Eastern Time)', 'Nueva York (hora oriental)'), never 'America/New_York'; 'a, b, and c' and
'a, b y c'. Babel's narrow no-break spaces ('6:00\u202fPM') become plain spaces: every
phone font shows those, and typed answers are compared with what was shown."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel.core import Locale
from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    get_timezone_location,
    get_timezone_name,
)
from babel.lists import format_list


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def clock(value: datetime | time, lang: str, zone: str | None = None) -> str:
    """The short time of day in `lang` ('6:00 PM', '18:00'); an aware datetime is shown in
    `zone` (required for one)."""
    if isinstance(value, datetime):
        if zone is None:
            raise ValueError("a datetime needs the zone it is shown in")
        value = value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return _plain(format_time(value, format="short", locale=lang))


def hhmm(text: str, lang: str) -> str:
    """A stored 'HH:MM' as `clock` shows it ('20:00' -> '8:00 PM' in English)."""
    hour, minute = (int(x) for x in text.split(":"))
    return clock(time(hour, minute), lang)


def full_date(day: date, lang: str) -> str:
    """'Sunday, November 29, 2026' / 'domingo, 29 de noviembre de 2026'."""
    return _plain(format_date(day, format="full", locale=lang))


def short_date(day: date, lang: str) -> str:
    """'Sun, Nov 29' / 'dom, 29 nov' (no year): a date in a list of them."""
    return _plain(format_skeleton("MMMEd", day, locale=lang))


def zone_label(zone: str, lang: str) -> str:
    """'New York (Eastern Time)', 'Madrid (hora de Europa central)': the place, then the
    zone's everyday name; the place alone when the two say the same."""
    place = get_timezone_location(zone, locale=lang, return_city=True)
    name = get_timezone_name(zone, width="long", locale=lang)
    return _plain(place if place in name else f"{place} ({name})")


def zone_place(zone: str, lang: str) -> str:
    """The place a zone is named after, as `lang` names it: 'Nueva York', 'Honolulú'."""
    return _plain(get_timezone_location(zone, locale=lang, return_city=True))


def items(values: Sequence[str], lang: str) -> str:
    """'a, b, and c' / 'a, b y c'."""
    return _plain(format_list(list(values), locale=lang)) if values else ""


def plural(n: int, lang: str) -> str:
    """The CLDR plural category of the count `n` in `lang`: 'one' or 'other' in English;
    'one', 'many' (a million and more) or 'other' in Spanish. 0 is 'other' in both."""
    return str(Locale.parse(lang).plural_form(abs(n)))


# ---- staff text (English: the staff's language on the command line, in Telegram, on the web)


def counted(n: int, one: str, other: str) -> str:
    """'1 client', '0 clients', '2 pending invites': the count and the noun in the form
    Babel's English plural rules give it (staff text is English)."""
    return f"{n} {one if plural(n, 'en') == 'one' else other}"


def program_when(moment: datetime, zone: str) -> str:
    """'2026-11-30 2:05 PM EST': an aware time as staff read it everywhere (the command line,
    Telegram, the web view): the day, the time and the abbreviation of `zone`, the program's
    zone (PROGRAM_TIMEZONE), never UTC unless that is the program's zone."""
    local = moment.astimezone(_zone(zone))
    # English's short time ('2:05 PM', what `clock` gives) written directly: a caseload page
    # shows a thousand of them, and Babel takes ten times as long for each.
    hour = local.hour % 12 or 12
    return f"{local:%Y-%m-%d} {hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'} {local:%Z}"


def program_day(moment: datetime, zone: str) -> str:
    """'2026-11-30': the day an aware time falls on in `zone` (the program's)."""
    return moment.astimezone(_zone(zone)).date().isoformat()


@functools.lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)
