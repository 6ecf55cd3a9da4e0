"""Bot API schema (api.json) and request validation that mirrors the real server's refusals."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

# The Bot API description, vendored with its MIT licence (botapi/LICENSE) so the suite runs
# on any fresh clone; FAKE_TELEGRAM_API_JSON points the fake at another copy.
_VENDORED = Path(__file__).resolve().parent / "botapi" / "api.json"
API_JSON = Path(os.environ.get("FAKE_TELEGRAM_API_JSON") or _VENDORED)
_CONST = re.compile(r'(?:must be|always) "?([a-z_]+)"?$')
_CONST_FIELDS = frozenset({"type", "source", "status"})
_INT = re.compile(r"-?\d+")
_BOOLS = {"true": True, "1": True, "false": False, "0": False}


class ApiError(Exception):
    """An error answer of the Bot API (``ok: false``)."""

    def __init__(
        self, description: str, error_code: int = 400, retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(description)
        self.description = description
        self.error_code = error_code
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        parameters = {
            "retry_after": self.retry_after, "migrate_to_chat_id": self.migrate_to_chat_id,
        }  # fmt: skip
        given = {key: value for key, value in parameters.items() if value is not None}
        if given:
            body["parameters"] = given
        return body


def bad_request(detail: str) -> ApiError:
    return ApiError(f"Bad Request: {detail}")


class _Mismatch(Exception):
    """A value does not fit its declared type; the message is the human readable detail."""


def _must(path: str, kind: str) -> _Mismatch:
    return _Mismatch(f'field "{path}" must be of type {kind}')


def _integer(value: Any, path: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INT.fullmatch(value.strip()):
        return int(value)
    raise _must(path, "Integer")


def _float(value: Any, path: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise _must(path, "Float")


def _boolean(value: Any, path: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | str) and str(value).strip().lower() in _BOOLS:
        return _BOOLS[str(value).strip().lower()]
    raise _must(path, "Boolean")


def _true(value: Any, path: str) -> bool:
    if _boolean(value, path) is not True:
        raise _must(path, "True")
    return True


def _string(value: Any, path: str) -> str:
    if isinstance(value, str):
        return value
    raise _must(path, "String")


_PRIMITIVES: dict[str, Callable[[Any, str], Any]] = {
    "Integer": _integer,
    "Float": _float,
    "Boolean": _boolean,
    "True": _true,
    "String": _string,
}


def _json(value: Any, path: str) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise _Mismatch(f"can't parse {path} JSON object") from None


def _missing(name: str, types: list[str]) -> str:
    if name == "text":
        return "message text is empty"
    if "InputFile" in types:
        return f"there is no {name} in the request"
    return f"{name} is empty"


class Spec:
    """Methods and types of api.json plus a strict validator/coercer for request parameters."""

    def __init__(self, path: Path = API_JSON) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.version: str = data.get("version", "")
        self.methods: dict[str, Any] = data["methods"]
        self.types: dict[str, Any] = data["types"]
        self._by_lower = {name.lower(): name for name in self.methods}
        self._fields = {
            name: {f["name"]: f for f in entry.get("fields", [])}
            for name, entry in [*self.types.items(), *self.methods.items()]
        }

    def resolve(self, method: str) -> str | None:
        """Canonical method name (the real API matches names case-insensitively)."""
        return self._by_lower.get(method.lower())

    def method_fields(self, method: str) -> dict[str, Any]:
        return self._fields.get(method, {})

    def type_fields(self, type_name: str) -> dict[str, Any]:
        return self._fields.get(type_name, {})

    def validate(
        self, method: str, params: Mapping[str, Any], files: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Return typed parameters or raise ApiError(400) like the real Bot API would."""
        fields = self.method_fields(method)
        self._reject_unknown(fields, params, files)
        clean: dict[str, Any] = {}
        for name, field in fields.items():
            if name in files and "InputFile" in field["types"]:
                clean[name] = files[name]
            elif name in params:
                try:
                    clean[name] = self._coerce(params[name], field["types"], name, files)
                except _Mismatch as exc:
                    raise bad_request(str(exc)) from None
            elif field["required"]:
                raise bad_request(_missing(name, field["types"]))
        return clean

    def _reject_unknown(
        self, fields: Mapping[str, Any], params: Mapping[str, Any], files: Mapping[str, Any]
    ) -> None:
        for name in params:
            if name not in fields:
                raise bad_request(f'unknown parameter "{name}"')
        flat = json.dumps(dict(params), default=str)
        for name in files:
            if name not in fields and f"attach://{name}" not in flat:
                raise bad_request(f'unknown parameter "{name}" (file part is never attached)')

    def _coerce(self, value: Any, types: list[str], path: str, files: Mapping[str, Any]) -> Any:
        errors: list[_Mismatch] = []
        for type_name in self._rank(value, types):
            try:
                return self._coerce_one(value, type_name, path, files)
            except _Mismatch as exc:
                errors.append(exc)
        raise errors[0]

    def _rank(self, value: Any, types: list[str]) -> list[str]:
        """Order union members so the most plausible object type is tried (and blamed) first."""
        if len(types) < 2 or not isinstance(value, dict | str):
            return types
        try:
            obj = _json(value, "")
        except _Mismatch:
            return types
        if not isinstance(obj, dict):
            return types
        return sorted(types, key=lambda t: -len(set(obj) & set(self.type_fields(t))))

    def _coerce_one(self, value: Any, type_name: str, path: str, files: Mapping[str, Any]) -> Any:
        if type_name.startswith("Array of "):
            items = _json(value, path)
            if not isinstance(items, list):
                raise _must(path, type_name)
            inner = [type_name.removeprefix("Array of ")]
            return [self._coerce(v, inner, f"{path}[{i}]", files) for i, v in enumerate(items)]
        if type_name in _PRIMITIVES:
            return _PRIMITIVES[type_name](value, path)
        if type_name == "InputFile":
            attached = value.removeprefix("attach://") if isinstance(value, str) else None
            if attached is not None and value != attached and attached in files:
                return files[attached]
            raise _Mismatch(f"there is no {path} in the request")
        return self._object(_json(value, path), type_name, path, files)

    def _object(self, obj: Any, type_name: str, path: str, files: Mapping[str, Any]) -> Any:
        if not isinstance(obj, dict):
            raise _must(path, type_name)
        subtypes: list[str] = self.types.get(type_name, {}).get("subtypes", [])
        if subtypes:
            return self._coerce(obj, self._rank_subtypes(obj, subtypes), path, files)
        fields = self.type_fields(type_name)
        unknown = sorted(set(obj) - set(fields))
        if unknown:
            raise _Mismatch(f'unknown field "{path}.{unknown[0]}" in {type_name}')
        out: dict[str, Any] = {}
        for name, field in fields.items():
            sub = f"{path}.{name}"
            if name not in obj:
                if field["required"]:
                    raise _Mismatch(f'field "{sub}" is required in {type_name}')
                continue
            const = self._const(type_name, name)
            if const is not None and obj[name] != const:
                raise _Mismatch(f'field "{sub}" must be "{const}" in {type_name}')
            out[name] = self._coerce(obj[name], field["types"], sub, files)
        return out

    def _rank_subtypes(self, obj: dict[str, Any], subtypes: list[str]) -> list[str]:
        def matches(subtype: str) -> bool:
            return any(obj.get(f) == self._const(subtype, f) for f in _CONST_FIELDS if f in obj)

        return sorted(subtypes, key=lambda s: not matches(s))

    def _const(self, type_name: str, field_name: str) -> str | None:
        """Discriminator value such as BotCommandScopeChat.type == "chat", if declared."""
        if field_name not in _CONST_FIELDS:
            return None
        field = self.type_fields(type_name).get(field_name)
        if field is None or field["types"] != ["String"]:
            return None
        match = _CONST.search(field.get("description", ""))
        return match.group(1) if match else None


@lru_cache(maxsize=4)
def load_spec(path: Path = API_JSON) -> Spec:
    """Parse api.json once per process."""
    return Spec(path)
