"""The staff commands, one table for both doors: `recovery-bot track add ...` on the server
and `/track_add ...` in Telegram are one `Command` (see `bot.service.staff_syntax`).

A new staff command is one entry in COMMANDS: its words, its Telegram name, its arguments, and
a `run` that checks them and makes one `StaffDesk` call. Both doors, the staff's /help, the
staff's Telegram menu and the README's table of staff commands (`python -m
bot.service.staff_commands` prints it; a test compares) come from this table."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.staff_input import (
    EDIT_OPTIONS,
    MAX_USER_ID,
    SESSION_OPTIONS,
    AdminError,
    OptionError,
    number,
    parse_duration,
    session_edit,
    session_spec,
)
from bot.domain.zones import looks_like_zone
from bot.service.report import FORMATS
from bot.service.staff_syntax import (
    CLI,
    CLI_ONLY,
    TELEGRAM,
    Call,
    Command,
    File,
    Lines,
    NewInvite,
    Outcome,
    Table,
    arg,
    door_parser,
    usage,
)

DEFAULT_EXPIRY = "72h"
GROUPS = {
    "track": "program tracks", "session": "program sessions", "invite": "invites",
    "client": "one client", "staff": "who may sign in to the web view",
}  # fmt: skip


# ---- tracks and sessions ------------------------------------------------------------------


def _zone_last(words: list[str]) -> list[str]:
    """The old `/track_add NAME ZONE`: the last of several words, with no option among them,
    is the zone when it looks like one (`zones.looks_like_zone`: a "/", UTC, an abbreviation
    in capitals such as EST, or an offset, which is then refused rather than named)."""
    options = any(w.startswith("-") for w in words)
    if len(words) > 1 and not options and looks_like_zone(words[-1]):
        return [*words[:-1], "--timezone", words[-1]]
    return words


async def _track_add(call: Call) -> Outcome:
    return Lines([await call.desk.add_track(call.args.name, call.args.timezone)])


async def _track_list(call: Call) -> Outcome:
    return Lines(await call.desk.track_lines() or ["no tracks yet"])


async def _track_remove(call: Call) -> Outcome:
    return Lines([await call.desk.remove_track(call.args.name, force=bool(call.args.force))])


async def _session_skip(call: Call) -> Outcome:
    return Lines([await call.desk.skip_session(call.args.id, call.args.date)])


async def _session_edit(call: Call) -> Outcome:
    opts = {name: getattr(call.args, name) for name in EDIT_OPTIONS}
    return Lines(await call.desk.edit_session(call.args.id, session_edit(opts)))


# ---- clients and invites ------------------------------------------------------------------


async def _client_set_track(call: Call) -> Outcome:
    track, off = call.args.track, bool(call.args.none)
    if (track is None) == (not off):
        raise AdminError("give --track NAME, or --none to take the client off their track")
    return Lines([await call.desk.set_track(call.args.client, None if off else track)])


async def _client_discharge(call: Call) -> Outcome:
    return Lines([await call.desk.discharge(call.args.client)])


async def _client_readmit(call: Call) -> Outcome:
    return Lines([await call.desk.readmit(call.args.client)])


async def _client_erase(call: Call) -> Outcome:
    return Lines([await call.desk.erase(call.args.client)])


def _staff_id(text: str) -> int:
    value = number(text, MAX_USER_ID)
    if value is None:
        raise AdminError("ID must be a Telegram user id (a positive number)")
    return value


async def _staff_add(call: Call) -> Outcome:
    args = call.args
    return Lines([await call.desk.add_staff(_staff_id(args.id), args.name, args.role)])


async def _staff_list(call: Call) -> Outcome:
    return Lines(await call.desk.staff_lines() or ["no staff members yet"])


async def _staff_remove(call: Call) -> Outcome:
    return Lines([await call.desk.remove_staff(_staff_id(call.args.id))])


async def _invite_list(call: Call) -> Outcome:
    return Lines(await call.desk.invite_lines() or ["no pending invites"])


async def _invite_revoke(call: Call) -> Outcome:
    return Lines([await call.desk.revoke_invite(call.args.invite)])


async def _session_add(call: Call) -> Outcome:
    spec = session_spec({name: getattr(call.args, name) for name in SESSION_OPTIONS})
    return Lines(await call.desk.add_sessions(spec))


async def _session_list(call: Call) -> Outcome:
    track, client = call.args.track, call.args.client
    if track is not None and client is not None:
        raise AdminError("give --track or --client, not both")
    return Lines(await call.desk.session_lines(track, client) or ["no sessions"])


async def _session_remove(call: Call) -> Outcome:
    return Lines([await call.desk.remove_session(call.args.id)])


# ---- invites, the roster, the report, an export -------------------------------------------


async def _invite(call: Call) -> Outcome:
    """The expiry is checked before anything is written; the track must exist (the invite
    keeps its exact name)."""
    args = call.args
    try:
        valid_for = parse_duration(args.expires or DEFAULT_EXPIRY)
    except AdminError as exc:
        raise OptionError("--expires", str(exc)) from None
    code, pseudo_id, until = await call.desk.new_invite(
        valid_for, args.track, args.label, args.counselor
    )
    return NewInvite(code, pseudo_id, until)


async def _clients(call: Call) -> Outcome:
    """The roster: aligned columns on the command line, CSV for Telegram to lay out."""
    fmt = "text" if call.door == CLI else "csv"
    return Table(await call.desk.roster(fmt), fmt, "Clients and pending invites")


async def _audit(call: Call) -> Outcome:
    """The audit log (reading it is audited too); --since a program-local date."""
    since = None
    if call.args.since is not None:
        today = call.desk.clock().astimezone(ZoneInfo(call.desk.settings.program_timezone))
        since = _since(call.args.since, today.date())
    return Lines(await call.desk.audit_lines(since) or ["nothing recorded"])


def _since(text: str, today: date) -> date:
    """A --since value: an ISO date, not after today."""
    try:
        since = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise AdminError(f"--since: {text!r} is not a date; use YYYY-MM-DD") from None
    if since > today:
        raise AdminError(f"--since: {since} is after today ({today})")
    return since


def _report_date(words: list[str]) -> list[str]:
    """The old `/report YYYY-MM-DD`: one word, not an option, is --since."""
    return ["--since", *words] if len(words) == 1 and not words[0].startswith("-") else words


async def _report(call: Call) -> Outcome:
    """The options are checked before anything is read or audited."""
    args, settings = call.args, call.desk.settings
    today = call.desk.clock().astimezone(ZoneInfo(settings.program_timezone)).date()
    since = _since(args.since, today)
    fmt = args.format or "csv"
    if fmt not in FORMATS:
        raise AdminError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    path = _out_file(args.out) if args.out else None
    return Table(await call.desk.report(since, fmt), fmt, f"Program report since {since}", path)


def _out_file(text: str) -> Path:
    """A report's --out: a file in a folder that exists, not a symbolic link (refused before
    anything is read or audited)."""
    path = Path(text).absolute()  # not resolve(): a planted link must be seen, not followed
    if not path.parent.is_dir():
        raise AdminError(f"--out: no folder {str(path.parent)!r}")
    if path.is_symlink():
        raise AdminError(f"--out: {str(path)!r} is a symbolic link; refusing to write through it")
    return path


def _out_folder(text: str) -> Path:
    """An export's --out: a folder that exists (checked before the data is read)."""
    folder = Path(text)
    if not folder.is_dir():
        raise AdminError(f"--out: no folder {str(folder)!r}")
    return folder


async def _export(call: Call) -> Outcome:
    """The folder must exist before the data is read; the exporter names the zip."""
    folder = _out_folder(call.args.out or ".")
    name, data = await call.desk.export(call.args.client)
    return File(name, data, folder)


# ---- the table ----------------------------------------------------------------------------

_SESSION = (
    arg("--track", words=True, metavar="NAME",
        help="a session of the whole track, in the track's time zone"),
    arg("--client", metavar="PSEUDO_ID",
        help="a session of one client, in the client's time zone"),
    arg("--kind", required=True, metavar="KIND", help="group, individual or family"),
    arg("--weekly", words=True, metavar="DAY[,DAY...]",
        help="mon..sun (or full names); one session per day"),
    arg("--once", metavar="YYYY-MM-DD", help="a single date, today or later"),
    arg("--start", required=True, metavar="HH:MM", help="local start time"),
    arg("--length", required=True, metavar="MINUTES", help="5 to 600"),
    arg("--place", words=True, metavar="TEXT",
        help="room or video link (optional, up to 200 characters)"),
)  # fmt: skip

COMMANDS: tuple[Command, ...] = (  # the order of /help, the menu and the README
    Command(
        ("track", "add"), "track_add", "create a track", _track_add,
        (arg("name", words=True, metavar="NAME", help="e.g. 'Evening IOP' (1-64 characters)"),
         arg("--timezone", metavar="ZONE", help="IANA zone (default: PROGRAM_TIMEZONE)")),
        old_form=_zone_last,
    ),
    Command(("track", "list"), "tracks", "tracks with their zone, sessions and clients",
            _track_list),
    Command(
        ("track", "remove"), "track_remove",
        "delete a track and its sessions (refused while pending invites name it, unless "
        "--force, which revokes them)", _track_remove,
        (arg("name", words=True, metavar="NAME"),
         arg("--force", action="store_true", help="also revoke the invites that name it")),
    ),
    Command(
        ("session", "add"), "session_add",
        "add a track-wide or one client's session: give --track or --client, and --weekly "
        "or --once", _session_add, _SESSION,
    ),
    Command(
        ("session", "list"), "sessions_all", "all sessions, a track's or a client's",
        _session_list,
        (arg("--track", words=True, metavar="NAME"), arg("--client", metavar="PSEUDO_ID")),
    ),
    Command(("session", "remove"), "session_remove", "delete a session", _session_remove,
            (arg("id", metavar="ID", help="the number from the session list, e.g. 12"),)),
    Command(
        ("session", "skip"), "session_skip",
        "take one date off a weekly session (a holiday): no reminders that day", _session_skip,
        (arg("id", metavar="ID", help="the number from the session list, e.g. 12"),
         arg("date", metavar="YYYY-MM-DD", help="one of its days, today or later")),
    ),
    Command(
        ("session", "edit"), "session_edit",
        "change a session in place (the checks of session add); its coming reminders follow",
        _session_edit,
        (arg("id", metavar="ID", help="the number from the session list, e.g. 12"),
         arg("--kind", metavar="KIND", help="group, individual or family"),
         arg("--weekly", metavar="DAY", help="the one day it meets (mon..sun)"),
         arg("--once", metavar="YYYY-MM-DD", help="a single date instead"),
         arg("--start", metavar="HH:MM", help="local start time"),
         arg("--length", metavar="MINUTES", help="5 to 600"),
         arg("--place", words=True, metavar="TEXT", help="room or video link; - clears it")),
    ),
    Command(
        ("invite",), "invite",
        "create a single-use invite link (valid at most 30 days) and the client id it gives",
        _invite,
        (arg("--expires", metavar="DURATION", help=f"e.g. 72h, 7d (default {DEFAULT_EXPIRY})"),
         arg("--track", words=True, metavar="NAME", help="program track for the new client"),
         arg("--label", words=True, metavar="TEXT",
             help="staff-only: a chart number or initials (never a name, diagnosis or phone)"),
         arg("--counselor", words=True, metavar="NAME", help="the client's counselor")),
    ),
    Command(("invite", "list"), "invites",
            "pending invites: number, client id, track, label, counselor, expiry (in the "
            "program's time zone)",
            _invite_list),
    Command(
        ("invite", "revoke"), "invite_revoke", "revoke a pending invite: its link enrolls nobody",
        _invite_revoke,
        (arg("invite", metavar="INVITE",
             help="the client id it gives (c-...), its number (#12), its code or link"),),
    ),
    Command(
        ("client", "set-track"), "client_track",
        "put a client on a track, move them, or take them off (--none)", _client_set_track,
        (arg("client", metavar="PSEUDO_ID", help="e.g. c-3f9a1b2c"),
         arg("--track", words=True, metavar="NAME", help="the track (it must exist)"),
         arg("--none", action="store_true", help="take the client off their track")),
    ),
    Command(
        ("client", "discharge"), "client_discharge",
        "end a client's program: no more messages; the record is kept (audited)",
        _client_discharge, (arg("client", metavar="PSEUDO_ID", help="e.g. c-3f9a1b2c"),),
    ),
    Command(
        ("client", "readmit"), "client_readmit",
        "undo a discharge: messages start again (audited)", _client_readmit,
        (arg("client", metavar="PSEUDO_ID", help="e.g. c-3f9a1b2c"),),
    ),
    Command(
        ("client", "erase"), "client_erase",
        "erase a client's whole record, as their own /delete does (audited)", _client_erase,
        (arg("client", metavar="PSEUDO_ID", help="e.g. c-3f9a1b2c"),),
        confirm="every row of this client is erased, for good",
    ),
    Command(
        ("report",), "report", "one row per client since a date (audited)", _report,
        (arg("--since", required=True, metavar="YYYY-MM-DD", help="window start"),
         arg("--format", metavar="csv|md", help="default csv", doors=CLI_ONLY),
         arg("--out", metavar="FILE", help="write here instead of to stdout", doors=CLI_ONLY)),
        old_form=_report_date,
    ),
    Command(("clients",), "clients",
            "the roster: status, invite, track, activity (audited)", _clients),
    Command(
        ("audit",), "audit",
        "the audit log: who read, exported, changed or took what, and when (audited)", _audit,
        (arg("--since", metavar="YYYY-MM-DD", help="from this day (program time); default all"),),
    ),
    Command(
        ("staff", "add"), None,
        "let a staff member sign in to the web view (/web), or change their name or role",
        _staff_add,
        (arg("id", metavar="ID", help="their Telegram user id (a number)"),
         arg("--name", required=True, words=True, metavar="NAME",
             help="as clients' --counselor names them: a counselor sees those clients"),
         arg("--role", required=True, metavar="ROLE",
             help="counselor (their own clients) or admin (every client)")),
    ),
    Command(("staff", "list"), None, "the web view's staff: id, name, role", _staff_list),
    Command(
        ("staff", "remove"), None, "take a staff member off the web view; their sessions end",
        _staff_remove, (arg("id", metavar="ID", help="their Telegram user id"),),
    ),
    Command(
        ("export",), None, "write one client's whole record as a zip (audited)", _export,
        (arg("--client", required=True, metavar="PSEUDO_ID", help="e.g. c-3f9a1b2c"),
         arg("--out", metavar="DIR", help="folder for the zip (default .)")),
    ),
)  # fmt: skip


def command(*words: str) -> Command:
    """The command typed as `words` on the command line, e.g. command("session", "add")."""
    for found in COMMANDS:
        if found.words == words:
            return found
    raise KeyError(" ".join(words))


def telegram_commands() -> tuple[Command, ...]:
    """The commands staff can give in Telegram, in the table's order."""
    return tuple(c for c in COMMANDS if c.telegram is not None)


def readme_table() -> str:
    """The README's table of staff commands: each one's usage in both doors, and what it does."""
    rows = ["| command line | Telegram (staff only) | what it does |", "|---|---|---|"]
    for command in COMMANDS:
        cli = f"`{usage(door_parser(command, CLI))}`"
        tg = f"`{usage(door_parser(command, TELEGRAM))}`" if command.telegram else "-"
        rows.append(f"| {cli} | {tg} | {command.summary} |")
    return "\n".join(_escape_pipes(row) for row in rows) + "\n"


def _escape_pipes(row: str) -> str:
    """A markdown table row whose code spans may hold "|" (csv|md): escaped there."""
    parts = row.split("`")
    return "`".join(p.replace("|", "\\|") if i % 2 else p for i, p in enumerate(parts))


if __name__ == "__main__":
    print(readme_table(), end="")
