"""Bot command lists (per scope and language), chat menu buttons, and the bot's description
and short description (per language)."""

from __future__ import annotations

import copy

from .spec import bad_request
from .store import Json, Store


def _scope_key(params: Json) -> str | None:
    scope = params.get("scope") or {"type": "default"}
    if scope["type"] == "default":
        return None
    parts = [scope["type"], str(scope.get("chat_id", "")), str(scope.get("user_id", ""))]
    return ":".join(part for part in parts if part)


def set_my_commands(store: Store, params: Json) -> bool:
    key, language = _scope_key(params), params.get("language_code", "")
    if key is None:
        store.commands[language] = params["commands"]
    else:
        store.scoped_commands[(key, language)] = params["commands"]
    return True


def get_my_commands(store: Store, params: Json) -> list[Json]:
    key, language = _scope_key(params), params.get("language_code", "")
    if key is None:
        return copy.deepcopy(store.commands.get(language, []))
    return copy.deepcopy(store.scoped_commands.get((key, language), []))


def delete_my_commands(store: Store, params: Json) -> bool:
    key, language = _scope_key(params), params.get("language_code", "")
    if key is None:
        store.commands.pop(language, None)
    else:
        store.scoped_commands.pop((key, language), None)
    return True


def set_chat_menu_button(store: Store, params: Json) -> bool:
    store.menu_buttons[params.get("chat_id")] = params.get("menu_button", {"type": "default"})
    return True


def get_chat_menu_button(store: Store, params: Json) -> Json:
    chat_id = params.get("chat_id")
    button = store.menu_buttons.get(chat_id) or store.menu_buttons.get(None)
    return copy.deepcopy(button or {"type": "default"})


def _profile_text(params: Json, field: str, limit: int) -> str:
    text = params.get(field, "")
    if len(text) > limit:
        raise bad_request(f"{field.upper()}_TOO_LONG")
    return str(text)


def set_my_description(store: Store, params: Json) -> bool:
    """0-512 characters per language; an empty one removes that language's text."""
    text = _profile_text(params, "description", 512)
    store.descriptions[params.get("language_code", "")] = text
    return True


def set_my_short_description(store: Store, params: Json) -> bool:
    """0-120 characters per language."""
    text = _profile_text(params, "short_description", 120)
    store.short_descriptions[params.get("language_code", "")] = text
    return True


def get_my_description(store: Store, params: Json) -> Json:
    return {"description": store.descriptions.get(params.get("language_code", ""), "")}


def get_my_short_description(store: Store, params: Json) -> Json:
    text = store.short_descriptions.get(params.get("language_code", ""), "")
    return {"short_description": text}
