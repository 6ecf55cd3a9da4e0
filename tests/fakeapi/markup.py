"""Parse modes (HTML, MarkdownV2, Markdown) -> visible text, refusing malformed markup."""

from __future__ import annotations

import html
import re

from .spec import ApiError, bad_request

HTML_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "code", "pre", "blockquote", "tg-emoji", "tg-time",
    }
)  # fmt: skip
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_V2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_V2_TOGGLES = ("||", "__", "*", "_", "~")


def _entities_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


def _offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text a user would see once Telegram has parsed the markup (tags removed)."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return _MarkdownV2(text).parse()
    if mode == "markdown":
        return parse_markdown(text)
    if mode:
        raise bad_request(f"unsupported parse_mode {parse_mode!r}")
    return text


def parse_html(text: str) -> str:
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while (start := text.find("<", pos)) != -1:
        out.append(text[pos:start])
        match = _TAG.match(text, start)
        if match is None:
            raise _entities_error(f"Unclosed start tag at byte offset {_offset(text, start)}")
        tag = match.group(2).lower()
        if tag not in HTML_TAGS:
            where = _offset(text, start)
            raise _entities_error(f'Unsupported start tag "{tag}" at byte offset {where}')
        if not match.group(1):
            stack.append(tag)
        elif stack and stack[-1] == tag:
            stack.pop()
        else:
            raise _entities_error(f"Unexpected end tag at byte offset {_offset(text, start)}")
        pos = match.end()
    if stack:
        raise _entities_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    out.append(text[pos:])
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), "".join(out))


def parse_markdown(text: str) -> str:
    """Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    for mark in ("```", "`", "*", "_"):
        if text.count(mark) % 2:
            where = _offset(text, text.rfind(mark))
            raise _entities_error(f"Can't find end of the entity starting at byte offset {where}")
        text = text.replace(mark, "")
    return text


class _MarkdownV2:
    """A small MarkdownV2 scanner: reserved characters must be escaped, entities closed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.out: list[str] = []
        self.open: dict[str, int] = {}
        self.links: list[int] = []

    def parse(self) -> str:
        while self.pos < len(self.text):
            self._step()
        if self.open or self.links:
            start = min([*self.open.values(), *self.links])
            where = _offset(self.text, start)
            raise _entities_error(f"Can't find end of the entity starting at byte offset {where}")
        return "".join(self.out)

    def _step(self) -> None:
        text, pos = self.text, self.pos
        char = text[pos]
        if char == "\\" and pos + 1 < len(text):
            self.out.append(text[pos + 1])
            self.pos += 2
        elif char == "`":
            self._code()
        elif toggle := next((t for t in _V2_TOGGLES if text.startswith(t, pos)), None):
            if self.open.pop(toggle, None) is None:
                self.open[toggle] = pos
            self.pos += len(toggle)
        elif char == "[":
            self.links.append(pos)
            self.pos += 1
        elif char == "]" and self.links:
            self._link_end()
        elif char == ">" and (pos == 0 or text[pos - 1] == "\n"):
            self.pos += 1
        elif char in _V2_RESERVED:
            raise _entities_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            self.out.append(char)
            self.pos += 1

    def _code(self) -> None:
        fence = "```" if self.text.startswith("```", self.pos) else "`"
        end = self.text.find(fence, self.pos + len(fence))
        if end == -1:
            where = _offset(self.text, self.pos)
            raise _entities_error(f"Can't find end of the entity starting at byte offset {where}")
        body = self.text[self.pos + len(fence) : end]
        if fence == "```" and "\n" in body:
            body = body.split("\n", 1)[1]
        self.out.append(re.sub(r"\\(.)", r"\1", body))
        self.pos = end + len(fence)

    def _link_end(self) -> None:
        self.links.pop()
        self.pos += 1
        if self.text.startswith("(", self.pos):
            end = self.text.find(")", self.pos)
            if end == -1:
                raise _entities_error("Can't find end of a URL")
            self.pos = end + 1
