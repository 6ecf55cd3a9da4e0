"""Bot command lists (per scope and language) and chat menu buttons."""

from __future__ import annotations

import copy

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
