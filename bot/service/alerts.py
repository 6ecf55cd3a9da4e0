"""The web view's alerts: crisis notices and daily flag digests nobody has taken yet, and
"I'm on it" from the page.

Taking one from the page is the same acknowledgement as the button in the staff chat
(`notices.acknowledge`, `digest.acknowledge`): the first taker is recorded and audited, and
whoever taps the chat's button afterwards is told who took it, the notice edited to say so.
Taken from the page, the staff chat is told at once through the outbox: every message the
crisis notice was delivered as (the staff chat's, its repeats, staff members' private copies)
is edited to its "is on it" line with no button, as a tap in the chat edits its own (a notice
delivered before the bot remembered where is sent again instead); a digest gets one line. A
counselor sees and takes only their own clients' crisis notices; the digest is the
program's, for anyone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.config import Settings
from bot.domain.conversation import model as m
from bot.locales import t
from bot.service import digest, notices
from bot.service.caseload import NotYours
from bot.service.clock import Clock
from bot.service.mailbox import notice_row
from bot.service.web_auth import Viewer
from bot.store import mailbox
from bot.store.caseload import open_crises, open_digests
from bot.store.database import Database
from bot.store.models import Client, CrisisEvent

LANG = "en"


@dataclass(frozen=True)
class CrisisAlert:
    """A crisis notice nobody took: its id, when, the tier, how often it was sent again, and
    the client (pseudonymous id, staff-only label and counselor)."""

    event_id: int
    at: datetime
    tier: int
    repeats: int
    pseudo_id: str
    label: str | None
    counselor: str | None


@dataclass(frozen=True)
class DigestAlert:
    """A daily flag digest nobody took: its id, program day and how many clients it listed."""

    digest_id: int
    day: date
    clients: int


@dataclass(frozen=True)
class Alerts:
    crises: list[CrisisAlert]
    digests: list[DigestAlert]


class AlertDesk:
    """Alerts for one signed-in staff member (`viewer`), taken in their name."""

    def __init__(self, db: Database, settings: Settings, clock: Clock, viewer: Viewer) -> None:
        self.db, self.settings, self.clock, self.viewer = db, settings, clock, viewer

    async def alerts(self) -> Alerts:
        """What is open now: the viewer's clients' crisis notices (every client's for an
        admin), most urgent first, and the digests."""
        mine = None if self.viewer.admin else self.viewer.name
        async with self.db.transaction() as s:
            crises = [CrisisAlert(*row) for row in await open_crises(s, mine)]
            digests = [DigestAlert(*row) for row in await open_digests(s)]
        return Alerts(crises, digests)

    def _chat_row(self, text: str) -> list[dict[str, object]]:
        chat = self.settings.staff_chat_id
        if chat is None:
            return []
        return [notice_row(chat, m.Reply(text, chat_id=chat))]

    async def take_crisis(self, event_id: int) -> notices.Ack:
        """"I'm on it" on crisis notice `event_id`: the Ack (`first` when this took it; its
        toast says who has it). NotYours: a counselor and another counselor's client."""
        now, zone = self.clock(), self.settings.program_timezone
        async with self.db.transaction() as s:
            event = await s.get(CrisisEvent, event_id)
            client = await s.get(Client, event.client_id) if event and event.client_id else None
            if client is not None and not self.viewer.sees(client.counselor):
                raise NotYours(client.pseudo_id)
            ack = await notices.acknowledge(s, event_id, self.viewer.actor, self.viewer.name,
                                            now, zone)  # fmt: skip
            if ack.first and ack.text is not None:
                shown = await mailbox.notice_messages(s, event_id)
                rows = _edit_rows(ack.text, shown) if shown else self._chat_row(ack.text)
                await mailbox.add_outgoing(s, rows, now)
        return ack

    async def take_digest(self, digest_id: int) -> notices.Ack:
        """"I'm on it" on daily flag digest `digest_id`: the Ack, as `take_crisis`."""
        now, zone = self.clock(), self.settings.program_timezone
        async with self.db.transaction() as s:
            ack = await digest.acknowledge(s, digest_id, self.viewer.actor, self.viewer.name,
                                           now, zone, None)  # fmt: skip
            if ack.first:
                line = t(LANG, "web.alerts.digest_taken", toast=ack.toast)
                await mailbox.add_outgoing(s, self._chat_row(line), now)
        return ack


def _edit_rows(text: str, shown: list[tuple[int, int]]) -> list[dict[str, object]]:
    """Outbox rows that edit each delivered copy of a crisis notice to `text`, no button."""
    return [notice_row(chat, m.Reply(text, edit=True, chat_id=chat), message_id)
            for chat, message_id in shown]  # fmt: skip
