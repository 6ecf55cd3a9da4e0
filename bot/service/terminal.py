"""The bot's reminder jobs for one client of the terminal mode (`recovery-bot chat`): the
same planner and dispatcher as for Telegram clients, limited to that one client, so a
terminal on a database the bot also serves never sends a Telegram client's reminders."""

from __future__ import annotations

from datetime import datetime

from bot.domain.conversation import model as m
from bot.domain.schedule.kinds import Kind
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planner import plan_clients
from bot.reminders.sender import Sender
from bot.service.conversation import Service
from bot.service.insights import weekly_summary
from bot.store import repo


async def send_own_due(service: Service, user_id: int, sender: Sender) -> int:
    """Plan the reminders of the client whose (terminal) user id is `user_id`, then send
    those due now through `sender`, with the bot's own rules (lateness, quiet hours, merging,
    the Sunday look-back with its findings). Returns how many messages were sent; 0 before
    the client has enrolled."""
    async with service.db.transaction() as s:
        client = await repo.get_client_by_tg(s, user_id)
        if client is None:
            return 0
        await plan_clients(s, [client], service.clock())
        client_id = client.id

    async def weekly(cid: int, now: datetime) -> m.Reply | None:
        return await weekly_summary(service.db, cid, now, service.settings)

    dispatcher = Dispatcher(
        service.db, sender, service.clock, composers={Kind.WEEKLY_SUMMARY: weekly},
        clients=[client_id],
    )  # fmt: skip
    return (await dispatcher.run_once()).sent
