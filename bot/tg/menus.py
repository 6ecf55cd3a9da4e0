"""The command menus Telegram shows: the clients', in English and Spanish, and the staff's."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.domain.conversation.aliases import SPANISH
from bot.service.staff_commands import telegram_commands

log = logging.getLogger(__name__)

COMMANDS: dict[str, dict[str, str]] = {
    "en": {
        "checkin": "Daily check-in", "craving": "Log a craving", "trigger": "Log a trigger",
        "help": "Help now, any time", "today": "What I did today", "menu": "Main menu",
        "sessions": "My sessions this week",
        "progress": "My progress and charts",
        "export": "Get all my data as a file",
        "share": "Share this week with my program",
        "settings": "Language, times, support person", "privacy": "What is stored",
        "cancel": "Leave what you are doing", "stop": "Stop my messages",
        "delete": "Delete my data",
    },
    # Keyed by the Spanish names (`aliases.SPANISH`): "ajustes", "hoy", ...
    "es": {
        "checkin": "Registro diario", "craving": "Anotar ganas de consumir",
        "trigger": "Anotar un detonante", "help": "Ayuda ya, a cualquier hora",
        "today": "Lo que hice hoy", "menu": "Menú principal",
        "sessions": "Mis sesiones de la semana",
        "progress": "Mi progreso y gráficas",
        "export": "Recibir todos mis datos en un archivo",
        "share": "Compartir esta semana con mi programa",
        "settings": "Idioma, horarios, persona de apoyo", "privacy": "Qué se guarda",
        "cancel": "Dejar lo que está haciendo", "stop": "Detener mis mensajes",
        "delete": "Borrar mis datos",
    },
}  # fmt: skip
COMMANDS["es"] = {SPANISH[name]: text for name, text in COMMANDS["es"].items()}


def staff_menu() -> dict[str, str]:
    """The staff commands (from the table both doors share) and their one-line summaries."""
    return {
        c.telegram: c.summary[:1].upper() + c.summary[1:]
        for c in telegram_commands()
        if c.telegram is not None
    }


async def set_menus(bot: Bot, staff_ids: Sequence[int]) -> None:
    """The command menu in both languages (English is the default for everyone else); staff
    see their commands too, in their own chat only (nobody else's menu shows them)."""
    for lang, commands in COMMANDS.items():
        menu = [BotCommand(name, text) for name, text in commands.items()]
        await bot.set_my_commands(menu, language_code=None if lang == "en" else lang)
    menu = [BotCommand(n, d) for n, d in {**COMMANDS["en"], **staff_menu()}.items()]
    for staff_id in staff_ids:
        try:
            await bot.set_my_commands(menu, scope=BotCommandScopeChat(staff_id))
        except TelegramError as exc:  # a staff member who never opened the chat
            log.info("no staff menu for one staff id: %s", exc.__class__.__name__)
