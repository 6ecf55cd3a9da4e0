"""The terminal adapter: the same conversation, on the same database, without Telegram.

Buttons are shown as numbered choices and can be answered by number or by label. Input may
be piped (one line per message); every reply is printed, so a script can drive it."""

from __future__ import annotations

import asyncio
import os
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.domain.conversation import model as m
from bot.domain.conversation.aliases import command_lang, command_name
from bot.domain.conversation.parse import label_matches
from bot.domain.conversation.replies import help_reply
from bot.locales import norm_lang, t
from bot.reminders.sender import Delivery
from bot.service.conversation import Address, Service
from bot.service.files import private_folder, write_private
from bot.service.terminal import send_own_due

TICK_SECONDS = 30.0  # how often an open terminal looks for reminders that are due

BANNER = (
    "Recovery companion, terminal mode. Type a message, a /command, or the number of a "
    "choice. /help shows help at any time. Ctrl-D quits."
)


def console_address(name: str, lang_hint: str) -> Address:
    """A stable, negative user id per name, so it never collides with a Telegram id."""
    uid = -(zlib.crc32(name.encode()) % 2_000_000_000) - 1
    return Address(uid, uid, norm_lang(lang_hint))


class Console:
    """Reads lines, turns them into events, prints the replies with numbered buttons."""

    def __init__(
        self, service: Service, addr: Address, write: Callable[[str], None],
        out_dir: Path = Path("data") / "out",
    ) -> None:  # fmt: skip
        self.service = service
        self.addr = addr
        self.write = write
        self.out_dir = out_dir
        self.files = 0
        self.choices: list[m.Choice] = []

    def event_of(self, line: str) -> m.Event | None:
        text = line.strip()
        if not text:
            return None
        if text.startswith("/"):
            head, _, arg = text[1:].partition(" ")
            return m.Command(command_name(head), arg.strip(), command_lang(head))
        # A label first: on a 0-10 scale, "5" means 5, and "-1" is not "1". The newest
        # message's first: a coping card's "No" shown above the next question ("Have you
        # used?") is not what "no" answers.
        for choice in reversed(self.choices):
            if label_matches(choice.label, text):
                return m.Button(choice.data)
        on_scale = any(c.label.isdigit() for c in self.choices)  # "12" there is not Back
        if text.isdigit() and 1 <= int(text) <= len(self.choices) and not on_scale:
            return m.Button(self.choices[int(text) - 1].data)
        return m.Text(text)

    async def send(self, line: str) -> None:
        event = self.event_of(line)
        if event is None:
            return
        try:
            replies = await self.service.handle(self.addr, event) or []
        except Exception as exc:  # the help path must never fail: fall back to static text
            self.write(f"[error: {exc.__class__.__name__}]")
            h = self.service.settings.helplines
            err = t(self.addr.lang_hint, "error.generic", crisis=h.crisis, emergency=h.emergency)
            replies = [help_reply(self.addr.lang_hint, h), m.Reply(err)]
        self.show(replies)

    def save_file(self, reply: m.Reply) -> str | None:
        """Charts and exports are written to a folder of this user's own under the output
        folder (0700; files 0600: they hold health information), named with the time, so
        two users or two runs never overwrite each other's; the path is printed."""
        data = reply.photo if reply.photo is not None else reply.document
        if data is None:
            return None
        self.files += 1
        stamp = time.strftime("%Y%m%d-%H%M%S")
        name = reply.filename or f"chart-{stamp}-{os.getpid()}-{self.files}.png"
        folder = private_folder(self.out_dir / str(self.addr.user_id))
        return str(write_private(folder / name, data))

    def show(self, replies: list[m.Reply]) -> None:
        numbered: list[m.Choice] = []
        for reply in replies:
            who = "bot> " if reply.chat_id is None else "[to staff chat] "
            saved = self.save_file(reply)
            if saved:
                self.write(f"{who}[{'picture' if reply.photo else 'file'} saved to {saved}]")
            self.write(who + reply.text.replace("\n", "\n     "))
            for row in reply.buttons:
                cells = []
                for choice in row:
                    numbered.append(choice)
                    cells.append(f"[{len(numbered)}] {choice.label}")
                self.write("     " + "   ".join(cells))
        if numbered:
            self.choices = numbered


class ConsoleSender:
    """The reminder dispatcher's sender for the terminal: a due reminder is printed, as
    Telegram would show it, with its buttons numbered."""

    def __init__(self, console: Console) -> None:
        self.console = console

    async def send(self, chat_id: int, reply: m.Reply) -> Delivery:
        self.console.show([reply])
        return Delivery("sent")


async def due_messages(console: Console) -> int:
    """Plan and print this terminal client's due reminders, follow-ups and look-backs, as
    the bot's jobs do for Telegram clients. Returns how many were printed."""
    return await send_own_due(console.service, console.addr.user_id, ConsoleSender(console))


async def run_console(
    service: Service, addr: Address, stdin: TextIO, out: TextIO, tick: float = TICK_SECONDS
) -> None:
    """Feed stdin to the conversation until end of input. Due reminders appear as they fall
    due: checked every `tick` seconds while the terminal waits, and after each line."""

    def write(text: str) -> None:
        out.write(text + "\n")
        out.flush()

    console = Console(service, addr, write)
    interactive = stdin.isatty()
    write(BANNER)
    lock = asyncio.Lock()  # a reminder is never printed in the middle of a reply

    async def due() -> None:
        async with lock:
            try:
                await due_messages(console)
            except Exception as exc:  # the conversation goes on without its reminders
                write(f"[reminders not checked: {exc.__class__.__name__}]")

    async def ticking() -> None:
        while True:
            await asyncio.sleep(tick)
            await due()

    ticker = asyncio.create_task(ticking())
    try:
        await due()
        while True:
            if interactive:
                out.write("you> ")
                out.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            if not interactive:
                write("you> " + line.rstrip("\n"))
            async with lock:
                await console.send(line)
            await due()
    finally:
        ticker.cancel()


def main_console(service: Service, name: str, lang_hint: str) -> None:
    asyncio.run(run_console(service, console_address(name, lang_hint), sys.stdin, sys.stdout))
