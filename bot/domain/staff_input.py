"""Staff tools, the pure half: parse and check what staff type to manage tracks and sessions.

The command line (`bot.cli`) and the Telegram staff commands (`bot.tg.staff`) both call these
functions, so a session typed in either place is read and checked the same way. Bad input
raises `AdminError` with a one-line message; the database half (`bot.service.program`, run
through `bot.service.staff.StaffDesk`) adds the checks that need rows (does the track exist)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.zones import checked_zone

KINDS = ("group", "individual", "family")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAYS = {
    **{name.lower(): i for i, name in enumerate(DAY_NAMES)},
    **{name: i for i, name in enumerate(_FULL_DAYS)},
}
MIN_LENGTH, MAX_LENGTH = 5, 600
MAX_PLACE = 200
MAX_TRACK_NAME = 64
MAX_INVITE_DAYS = 30
SESSION_OPTIONS = ("track", "client", "kind", "weekly", "once", "start", "length", "place")
EDIT_OPTIONS = ("kind", "weekly", "once", "start", "length", "place")
# What `--place` says to clear a session's place (an option wants some value).
NO_PLACE = ("-", "none")
# Phones turn a typed "--" into a dash; staff should not have to fight their keyboard.
_DASHES = ("—", "–")


class AdminError(ValueError):
    """Bad staff input; the message is one line, fit to show to whoever typed it."""


class OptionError(AdminError):
    """A bad value of one option (`option`, e.g. "--expires"); the message does not name it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


# What a phone's keyboard makes of what staff type: curly or angled quotes for the straight
# ones, a dash for "--" at the start of a word. An apostrophe inside a word (O'Brien, O’Brien)
# is a letter, not a quote: it stands aside (as a private-use character) while shlex splits.
_TYPOGRAPHY = str.maketrans({**dict.fromkeys("“”„‟«»", '"'), **dict.fromkeys("‘’‚‛‹›", "'")})
_APOSTROPHE = re.compile(r"(?<=\w)(['’])(?=\w)")
_ASIDE = {"'": "\ue000", "’": "\ue001"}
_OPTION_DASH = re.compile(r"(?<!\S)[—–](?=\w)")


def split_words(text: str) -> list[str]:
    """What staff typed after a command -> its words, split as a shell splits them: quotes
    hold words together ("Evening IOP"), and so do a phone's “curly” or «angled» ones; a dash
    starting a word (—since, –track) is the "--" the phone replaced; an apostrophe inside a
    word stays (Dana O’Brien); a backslash is kept as typed. A quote left open is an
    AdminError."""
    text = _APOSTROPHE.sub(lambda m: _ASIDE[m.group(1)], re.sub(r"\s", " ", text))
    text = _OPTION_DASH.sub("--", text.translate(_TYPOGRAPHY))
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split, lexer.commenters = True, ""  # "#12" is a session id
    lexer.escape = ""  # there is no shell here: a backslash is just a backslash
    try:
        words = list(lexer)
    except ValueError:  # "No closing quotation"
        msg = "a quotation mark is not closed: put names with spaces between two quotes"
        raise AdminError(msg) from None
    back = {aside: mark for mark, aside in _ASIDE.items()}
    return [re.sub("[\ue000\ue001]", lambda m: back[m.group(0)], word) for word in words]


@dataclass(frozen=True)
class SessionSpec:
    """A checked `session add`: track-wide or one client's, weekly on some days or once."""

    kind: str
    start: str
    length: int
    track: str | None = None
    client: str | None = None
    weekdays: tuple[int, ...] = ()
    once: date | None = None
    place: str | None = None


@dataclass(frozen=True)
class SessionEdit:
    """A checked `session edit`: only what changes. `weekday` or `once` moves the session (to
    one weekday, or to one date); `clear_place` removes its place."""

    kind: str | None = None
    start: str | None = None
    length: int | None = None
    weekday: int | None = None
    once: date | None = None
    place: str | None = None
    clear_place: bool = False


def check_zone(text: str) -> str:
    """The IANA zone of a place, e.g. America/New_York: what people call it is mapped through
    the clients' alias table ('EST', 'eastern', 'Eastern Time', 'hora del este' ->
    America/New_York), so sessions follow daylight saving. A fixed offset ('UTC-5',
    'Etc/GMT+5', IANA's own 'EST5EDT') is refused, naming the IANA name to use. UTC itself
    is allowed (as 'UTC'): a program may want a clock that never changes, and nobody types
    it meaning New York."""
    try:
        return checked_zone(text)
    except ValueError as exc:
        raise AdminError(str(exc)) from None


def check_track_name(text: str) -> str:
    """A track name: 1-64 printable characters, not starting with a dash."""
    name = " ".join(text.split())
    if not 1 <= len(name) <= MAX_TRACK_NAME:
        raise AdminError(f"track name must be 1-{MAX_TRACK_NAME} characters")
    if name.startswith(("-", *_DASHES)):
        raise AdminError(f"track name {name!r} must not start with a dash")
    if not name.isprintable():
        raise AdminError("track name must be printable characters (no control characters)")
    return name


MAX_LABEL = 32
MAX_COUNSELOR = 64
# A phone number as people write one: (555) 123-4567, 555.123.4567, +1 555 123 4567. A bare
# run of digits is allowed: chart numbers are often that.
_PHONE = re.compile(r"(\+\d[\d\s().-]{6,})|(\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})")


def check_label(text: str | None) -> str | None:
    """An invite's staff-only label: a chart number or initials, 1-32 characters on one line.

    Not a name, diagnosis or phone number (the README says so); what is written like a phone
    number is refused."""
    if text is None:
        return None
    label = " ".join(text.split())
    if not 1 <= len(label) <= MAX_LABEL or not label.isprintable():
        raise AdminError(f"--label must be 1-{MAX_LABEL} characters: a chart number or initials")
    if _PHONE.search(label):
        raise AdminError("--label looks like a phone number; use a chart number or initials")
    return label


def check_counselor(text: str | None) -> str | None:
    """The counselor's name or staff initials as staff know them: 1-64 characters."""
    if text is None:
        return None
    name = " ".join(text.split())
    if not 1 <= len(name) <= MAX_COUNSELOR or not name.isprintable():
        raise AdminError(f"--counselor must be 1-{MAX_COUNSELOR} characters")
    return name


def parse_days(text: str) -> tuple[int, ...]:
    """'mon,wed,thu' (or full names) -> (0, 2, 3), sorted and without repeats."""
    days: set[int] = set()
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        if part.lower() not in DAYS:
            raise AdminError(f"unknown day {part!r}; use mon, tue, wed, thu, fri, sat, sun")
        days.add(DAYS[part.lower()])
    if not days:
        raise AdminError("--weekly needs at least one day, e.g. mon,wed")
    return tuple(sorted(days))


def parse_time(text: str) -> str:
    """'18:00' or '9:30' -> 'HH:MM' between 00:00 and 23:59."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise AdminError(f"invalid start time {text!r}; use HH:MM from 00:00 to 23:59")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_length(text: str) -> int:
    """Session length in whole minutes, 5 to 600."""
    value = text.strip()
    if not value.isdigit() or not MIN_LENGTH <= int(value) <= MAX_LENGTH:
        raise AdminError(f"invalid length {text!r}; use {MIN_LENGTH} to {MAX_LENGTH} minutes")
    return int(value)


def parse_date(text: str) -> date:
    """'2026-12-03' -> a date (only this spelling)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AdminError(f"invalid date {text!r}; use YYYY-MM-DD") from None


def check_kind(text: str) -> str:
    """group, individual or family."""
    kind = text.strip().lower()
    if kind not in KINDS:
        raise AdminError(f"unknown kind {text!r}; use {', '.join(KINDS)}")
    return kind


def check_place(text: str | None) -> str | None:
    """An optional place or video link, at most 200 characters; blank means none."""
    place = " ".join((text or "").split())
    if len(place) > MAX_PLACE:
        raise AdminError(f"place is {len(place)} characters; at most {MAX_PLACE}")
    return place or None


def parse_duration(text: str) -> timedelta:
    """'72h', '3d', '90m' -> timedelta, at most 30 days; AdminError otherwise (an invite's
    validity: a link that works for years is a link someone else finds)."""
    match = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text)
    if not match or int(match.group(1)) == 0:
        raise AdminError(f"invalid duration {text!r}; use e.g. 72h, 3d or 90m")
    unit = {"m": "minutes", "h": "hours", "d": "days"}[match.group(2)]
    if int(match.group(1)) > MAX_INVITE_DAYS * {"m": 1440, "h": 24, "d": 1}[match.group(2)]:
        raise AdminError(f"invite expiry {text.strip()} is too long; at most {MAX_INVITE_DAYS}d")
    return timedelta(**{unit: int(match.group(1))})


MAX_ROW_ID = 2**31 - 1  # the largest row number a database's INTEGER column holds
MAX_USER_ID = 2**63 - 1  # the largest Telegram id a BIGINT column holds


def number(text: str, most: int) -> int | None:
    """`text` as a whole number from 0 to `most` written in the digits 0-9, else None (so
    '²', '１２' or a number past what the database holds is refused, never a crash)."""
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= most else None


def parse_session_id(text: str) -> int:
    """A session id as listed: '12' or '#12'."""
    value = number(text.strip().removeprefix("#"), MAX_ROW_ID)
    if value is None:
        raise AdminError(f"invalid session id {text!r}; use the number from the session list")
    return value


def session_spec(opts: Mapping[str, str | None]) -> SessionSpec:
    """Check the options of `session add` (their names without "--"; None: not given)."""
    track, client = opts.get("track"), opts.get("client")
    if (track is None) == (client is None):
        raise AdminError("give exactly one of --track NAME or --client PSEUDO_ID")
    weekly, once = opts.get("weekly"), opts.get("once")
    if (weekly is None) == (once is None):
        raise AdminError("give exactly one of --weekly DAYS or --once YYYY-MM-DD")
    for name in ("kind", "start", "length"):
        if opts.get(name) is None:
            raise AdminError(f"--{name} is required")
    return SessionSpec(
        kind=check_kind(opts["kind"] or ""),
        start=parse_time(opts["start"] or ""),
        length=parse_length(opts["length"] or ""),
        track=check_track_name(track) if track is not None else None,
        client=client.strip() if client is not None else None,
        weekdays=parse_days(weekly) if weekly is not None else (),
        once=parse_date(once) if once is not None else None,
        place=check_place(opts.get("place")),
    )


def session_edit(opts: Mapping[str, str | None]) -> SessionEdit:
    """Check the options of `session edit` (from the staff commands' parser): any of
    --kind, --start, --length, --place (`-` or `none` clears it), and one of --weekly DAY
    (a single day: a session row meets on one) or --once YYYY-MM-DD."""
    given = {key: opts[key] or "" for key in EDIT_OPTIONS if opts.get(key) is not None}
    if not given:
        raise AdminError("nothing to change; give " + ", ".join(f"--{o}" for o in EDIT_OPTIONS))
    weekly, once = given.get("weekly"), given.get("once")
    if weekly is not None and once is not None:
        raise AdminError("give --weekly DAY or --once YYYY-MM-DD, not both")
    weekday = None
    if weekly is not None:
        days = parse_days(weekly)
        if len(days) != 1:
            raise AdminError("a session meets on one day; give one day to --weekly "
                             "(session add makes one session per day)")  # fmt: skip
        weekday = days[0]
    place = given.get("place")
    clear = place is not None and place.strip().lower() in (*NO_PLACE, "")
    return SessionEdit(
        kind=check_kind(given["kind"]) if "kind" in given else None,
        start=parse_time(given["start"]) if "start" in given else None,
        length=parse_length(given["length"]) if "length" in given else None,
        weekday=weekday,
        once=parse_date(once) if once is not None else None,
        place=None if clear or place is None else check_place(place),
        clear_place=clear,
    )


def check_skip(
    session_id: int, weekday: int | None, once: date | None, day: date, zone: str,
    now: datetime, start: str,
) -> None:  # fmt: skip
    """A date a weekly session may skip: one of its days, not past (today only while the
    session has not started). A one-off session is removed, not skipped."""
    if weekday is None:
        when = once.isoformat() if once is not None else "once"
        raise AdminError(f"session #{session_id} meets once ({when}); remove it instead")
    if day.weekday() != weekday:
        raise AdminError(
            f"{day.isoformat()} is a {_FULL_DAYS[day.weekday()].title()}; session "
            f"#{session_id} meets on {_FULL_DAYS[weekday].title()}s"
        )
    once_not_past(day, zone, now, start)


INVITE_BY_ID, INVITE_BY_CLIENT, INVITE_BY_CODE = "id", "client", "code"
_PSEUDO_ID = re.compile(r"c-[0-9a-f]{8}")


def parse_invite_ref(text: str) -> tuple[str, str]:
    """How staff name an invite: '#12' (its number in the invite list), 'c-3f9a1b2c' (the
    client id it gives), or its code (the link itself will do). Returns (INVITE_BY_ID,
    '12'), (INVITE_BY_CLIENT, 'c-3f9a1b2c') or (INVITE_BY_CODE, code)."""
    value = text.strip()
    if value.startswith("#") and value[1:].isdigit():
        if number(value[1:], MAX_ROW_ID) is None:
            raise AdminError(f"invalid invite number {value!r}; use the number from the list")
        return INVITE_BY_ID, value[1:]
    if _PSEUDO_ID.fullmatch(value.lower()):
        return INVITE_BY_CLIENT, value.lower()
    code = value.rsplit("start=", 1)[-1].strip()
    if not code or not code.isalnum():
        raise AdminError("name the invite by its client id (c-...), its number (#12) or its code")
    return INVITE_BY_CODE, code


def once_not_past(day: date, zone: str, now: datetime, start: str | None = None) -> None:
    """A one-off session may be today (in its zone) or later, never before; given its
    start, one that already began today is refused too (no reminder could go out)."""
    here = now.astimezone(ZoneInfo(zone))
    if day < here.date():
        raise AdminError(
            f"date {day.isoformat()} is in the past (today is {here.date()} in {zone})"
        )
    if start is not None and day == here.date() and start <= f"{here:%H:%M}":
        raise AdminError(
            f"{day.isoformat()} {start} is in the past (it is {here:%H:%M} in {zone})"
        )


@dataclass(frozen=True)
class Slot:
    """When a session meets, as far as clashes go: a weekday or a date, start, length, kind."""

    weekday: int | None
    once: date | None
    start: str
    length: int
    kind: str


def _same_day(a: Slot, b: Slot) -> bool:
    days = [x.once.weekday() if x.once is not None else x.weekday for x in (a, b)]
    if a.once is not None and b.once is not None:
        return a.once == b.once
    return days[0] == days[1]


def clash(new: Slot, old: Slot) -> str | None:
    """'duplicate' when `old` is the same session (same day, start and kind: its reminders
    would go twice), 'overlap' when their times meet on a day, else None. Times are compared
    within the day they start (in one zone)."""
    if not _same_day(new, old):
        return None
    if (new.start, new.kind, new.once) == (old.start, old.kind, old.once):
        return "duplicate"
    begin = [int(x.start[:2]) * 60 + int(x.start[3:]) for x in (new, old)]
    if begin[0] < begin[1] + old.length and begin[1] < begin[0] + new.length:
        return "overlap"
    return None


def describe_when(
    weekday: int | None, once: date | None, start: str, length: int, zone: str
) -> str:
    """'Mon 18:00-21:00 America/New_York' or '2026-12-03 10:00-10:50 America/New_York'."""
    hours, minutes = (int(part) for part in start.split(":"))
    begin = datetime(2000, 1, 3, hours, minutes)  # a Monday; only the clock time is used
    end = begin + timedelta(minutes=length)
    overnight = " (+1 day)" if end.date() != begin.date() else ""
    day = DAY_NAMES[weekday] if weekday is not None else (once.isoformat() if once else "?")
    return f"{day} {start}-{end:%H:%M}{overnight} {zone}"
