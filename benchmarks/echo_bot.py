"""A bare python-telegram-bot echo bot: the yardstick of benchmarks/bot_vs_echo.py.

It answers a text with the same text and an inline button, and a tap with the callback
answer and a message with the same button (each as many times as the product sends
messages for that action: --text-messages, --tap-messages); nothing is stored. With --limit
it is held to Telegram's 30 messages a second the way PTB's own AIORateLimiter can keep to it
without a 429: one message every 1/29.5 s (its bucket, set to 30 a second, lets nearly 60 go
in the first second). The product keeps to at most 29 in any second, bursts allowed
(bot/tg/pacing.py). Without --limit it has no rate limiter at all.

    python benchmarks/echo_bot.py --token T --api http://127.0.0.1:PORT [--limit]"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("PTB_TIMEDELTA", "1")

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

AGAIN = InlineKeyboardMarkup([[InlineKeyboardButton("again", callback_data="again")]])


COUNTS = {"text": 1, "tap": 1}  # messages answering one action (set from the command line)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    for _ in range(COUNTS["text"]):
        await update.message.reply_text(update.message.text or "?", reply_markup=AGAIN)


async def on_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    for _ in range(COUNTS["tap"]):
        await context.bot.send_message(query.message.chat.id, "again", reply_markup=AGAIN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--token", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--limit", action="store_true")
    parser.add_argument("--text-messages", type=int, default=1)
    parser.add_argument("--tap-messages", type=int, default=1)
    args = parser.parse_args()
    COUNTS.update(text=args.text_messages, tap=args.tap_messages)
    builder = (
        Application.builder().token(args.token).base_url(f"{args.api}/bot")
        .base_file_url(f"{args.api}/file/bot").connection_pool_size(256)
    )  # fmt: skip
    if args.limit:
        paced = AIORateLimiter(overall_max_rate=1, overall_time_period=1 / 29.5, max_retries=3)
        builder = builder.rate_limiter(paced)  # type: ignore[arg-type]
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, on_text))
    app.add_handler(CallbackQueryHandler(on_tap))
    app.run_polling(timeout=1, poll_interval=0, drop_pending_updates=False)


if __name__ == "__main__":
    main()
