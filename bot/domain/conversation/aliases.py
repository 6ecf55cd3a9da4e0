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


def command_name(name: str) -> str:
    """The command a typed name stands for: '/ajustes' -> 'settings'; others unchanged."""
    name = name.lower()
    return _CANONICAL.get(name, name)
