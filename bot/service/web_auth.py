"""Who may use the staff web view, and how they sign in: no passwords to manage.

A staff member (a `staff_members` row: Telegram id, name, role, added with `recovery-bot staff
add`) sends /web to the bot in a private chat and gets a link holding a random token: valid
for SIGN_IN_VALID (5 minutes) and good for one sign-in. Signing in makes a server-side session:
the browser holds only a random cookie, the database only its SHA-256 and the CSRF token the
session's forms carry. A session ends after IDLE (15 minutes) without a request, after MAX_AGE
(12 hours) whatever happens, at sign-out, or with all of its staff member's sessions ("sign out
everywhere", and when the member is removed).

Roles: a "counselor" sees the clients whose counselor (from their invite) is their name; an
"admin" sees every client and manages the staff list."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from bot.domain.staff_input import AdminError
from bot.service.clock import Clock
from bot.store import audit, web
from bot.store.caseload import same_counselor
from bot.store.database import Database

SIGN_IN_VALID = timedelta(minutes=5)
IDLE = timedelta(minutes=15)
MAX_AGE = timedelta(hours=12)
ROLES = ("counselor", "admin")
MAX_NAME = 64  # staff_members.name, and clients.counselor, are String(64)


def digest(token: str) -> str:
    """The SHA-256 (hex) a token is stored as."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Viewer:
    """The signed-in staff member: Telegram id, name, role, the session's row id and its CSRF
    token."""

    staff_id: int
    name: str
    role: str
    session_id: int
    csrf: str

    @property
    def actor(self) -> str:
        """How the audit log names them: "staff:<telegram id>", as the Telegram door does."""
        return f"staff:{self.staff_id}"

    @property
    def admin(self) -> bool:
        return self.role == "admin"

    def sees(self, counselor: str | None) -> bool:
        """Whether they may see a client whose counselor is `counselor`."""
        return self.admin or same_counselor(counselor, self.name)

    def csrf_ok(self, sent: str | None) -> bool:
        """Whether `sent` is this session's CSRF token (compared in constant time)."""
        return sent is not None and hmac.compare_digest(sent.encode(), self.csrf.encode())


class WebAuth:
    """Sign-in links, sessions and the staff list over one database."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def link_token(self, tg_user_id: int) -> str | None:
        """A new one-time sign-in token for staff member `tg_user_id` (43 URL-safe
        characters), or None when that Telegram id is not on the staff list."""
        now = self.clock()
        async with self.db.transaction() as s:
            if await web.staff_member(s, tg_user_id) is None:
                return None
            await web.drop_old_sign_ins(s, now - SIGN_IN_VALID)
            token = secrets.token_urlsafe(32)
            await web.add_sign_in(s, digest(token), tg_user_id, now, now + SIGN_IN_VALID)
            return token

    async def redeem(self, token: str) -> tuple[str, Viewer] | None:
        """Use sign-in token `token`: a new session's cookie value and its viewer; None when
        the token is unknown, used already or expired (nothing is written then)."""
        now = self.clock()
        async with self.db.transaction() as s:
            link = await web.sign_in(s, digest(token))
            if link is None or link.used_at is not None or link.expires_at <= now:
                return None
            member = await web.staff_member(s, link.staff_id)
            if member is None:
                return None
            link.used_at = now
            cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            row = await web.add_session(s, digest(cookie), member.tg_user_id, csrf, now)
            return cookie, Viewer(member.tg_user_id, member.name, member.role, row.id, csrf)

    async def viewer(self, cookie: str) -> Viewer | None:
        """The staff member whose session cookie this is, the session kept alive; None when
        there is no such session or it ended (idle 15 minutes, or 12 hours old: deleted)."""
        now = self.clock()
        async with self.db.transaction() as s:
            row = await web.session(s, digest(cookie))
            if row is None:
                return None
            member = await web.staff_member(s, row.staff_id)
            if member is None or row.seen_at + IDLE <= now or row.created_at + MAX_AGE <= now:
                await web.end_sessions(s, session_id=row.id)
                return None
            row.seen_at = now
            return Viewer(member.tg_user_id, member.name, member.role, row.id, row.csrf)

    async def sign_out(self, viewer: Viewer, everywhere: bool = False) -> int:
        """End this session, or (`everywhere`) every session of the viewer; how many ended."""
        async with self.db.transaction() as s:
            if everywhere:
                return await web.end_sessions(s, staff_id=viewer.staff_id)
            return await web.end_sessions(s, session_id=viewer.session_id)

    async def add_staff(self, tg_user_id: int, name: str, role: str, actor: str) -> str:
        """Add staff member `tg_user_id` (or change their name and role), audited as `actor`
        ("staff-add": the id and role, not the name); the line to show.

        AdminError: an id that is not a positive number, a name empty, longer than 64
        characters or not printable, a role other than counselor or admin."""
        name = name.strip()
        if tg_user_id <= 0:
            raise AdminError("ID must be a Telegram user id (a positive number)")
        if not 0 < len(name) <= MAX_NAME or not name.isprintable():
            raise AdminError(f"--name must be 1-{MAX_NAME} printable characters")
        if role not in ROLES:
            raise AdminError("--role must be counselor or admin")
        now = self.clock()
        async with self.db.transaction() as s:
            _, added = await web.put_staff(s, tg_user_id, name, role, now)
            verb = "added" if added else "changed"
            await audit.record(s, actor, "staff-add", "all",
                               f"staff member {tg_user_id} {verb} as {role}", now)  # fmt: skip
        return f"{verb} staff member {tg_user_id}: {name} ({role})"

    async def staff_lines(self) -> list[str]:
        """One line per staff member: "7101  Dana R  admin"."""
        async with self.db.transaction() as s:
            rows = await web.staff_members(s)
        return [f"{r.tg_user_id}  {r.name}  {r.role}" for r in rows]

    async def counselor_names(self) -> list[str]:
        """The names of the staff members who are counselors, by name."""
        async with self.db.transaction() as s:
            return [r.name for r in await web.staff_members(s) if r.role == "counselor"]

    async def remove_staff(self, tg_user_id: int, actor: str) -> str:
        """Remove the staff member and end their sessions, audited as `actor`
        ("staff-remove"). AdminError: no such member."""
        now = self.clock()
        async with self.db.transaction() as s:
            if not await web.remove_staff(s, tg_user_id):
                raise AdminError(f"no staff member {tg_user_id}")
            await audit.record(s, actor, "staff-remove", "all", f"staff member {tg_user_id}",
                               now)  # fmt: skip
        return f"removed staff member {tg_user_id}; their web sessions ended"
