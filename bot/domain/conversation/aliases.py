"""The client commands' Spanish names: each command has one, the Spanish menu and texts show
it, and both doors read it as the command itself (`/ajustes` is `/settings`). Telegram allows
only a-z, 0-9 and _ in a command, so the names carry no accents."""

from __future__ import annotations

SPANISH: dict[str, str] = {
    "start": "empezar",
    "checkin": "registro",
    "craving": "ganas",
    "trigger": "detonante",
    "help": "ayuda",
    "today": "hoy",
    "menu": "menu",
    "sessions": "sesiones",
    "progress": "progreso",
    "export": "exportar",
    "share": "compartir",
    "settings": "ajustes",
    "privacy": "privacidad",
    "cancel": "cancelar",
    "stop": "parar",
    "delete": "borrar",
}
_CANONICAL = {spanish: english for english, spanish in SPANISH.items()}


def command_lang(name: str) -> str:
    """ "es" for a command typed by its Spanish name ('/ayuda'), else "" (an English name
    such as /start is what Telegram's own Start button sends: no language was chosen)."""
    name = name.lower()
    return "es" if name in _CANONICAL and name not in SPANISH else ""


def command_name(name: str) -> str:
    """The command a typed name stands for: '/ajustes' -> 'settings'; others unchanged."""
    name = name.lower()
    return _CANONICAL.get(name, name)
