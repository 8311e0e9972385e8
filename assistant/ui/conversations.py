"""Conversations kept in the browser: several per user, each a list of `Turn`s, restored after a reload.

The store is plain JSON (it lives in the browser's localStorage through
`gr.BrowserState`), so every function here takes and returns plain data and
tolerates whatever a browser sends back: an old format, a tampered value, or
nothing. Chat messages and citation panels are derived from the turns, never
stored.

Shape:
    {"current": "c1", "ui_lang": "both",
     "conversations": [{"id": "c1", "title": "Who must report…", "turns": [Turn.to_dict(), …]}]}
"""

from __future__ import annotations

import secrets
from typing import Any

from assistant.schema import Turn
from assistant.ui.labels import DEFAULT_UI_LANGUAGE, ui_language

Store = dict[str, Any]
# A browser keeps at most this many conversations (oldest dropped first): localStorage holds ~5 MB.
MAX_CONVERSATIONS = 30
MAX_TURNS = 100
TITLE_CHARS = 48


def _new_id() -> str:
    return "c" + secrets.token_hex(4)


def empty_store() -> Store:
    """A store with one empty conversation."""
    cid = _new_id()
    return {"current": cid, "ui_lang": DEFAULT_UI_LANGUAGE, "conversations": [{"id": cid, "title": "", "turns": []}]}


def normalise(raw: object) -> Store:
    """A well-formed store from whatever the browser had; unreadable parts are dropped, never raised on."""
    if not isinstance(raw, dict):
        return empty_store()
    conversations = []
    seen: set[str] = set()
    for conv in raw.get("conversations") or []:
        if not isinstance(conv, dict) or not isinstance(conv.get("id"), str) or conv["id"] in seen:
            continue
        turns = []
        for data in conv.get("turns") or []:
            try:
                turns.append(Turn.from_dict(data).to_dict())
            except (TypeError, ValueError, AttributeError, KeyError):
                continue  # a turn from an incompatible version is dropped, the rest kept
        seen.add(conv["id"])
        title = conv.get("title") if isinstance(conv.get("title"), str) else ""
        conversations.append({"id": conv["id"], "title": title, "turns": turns[-MAX_TURNS:]})
    if not conversations:
        store = empty_store()
        store["ui_lang"] = ui_language(raw.get("ui_lang"))
        return store
    current = raw.get("current")
    if current not in seen:
        current = conversations[-1]["id"]
    return {"current": current, "ui_lang": ui_language(raw.get("ui_lang")), "conversations": conversations}


def current(store: Store) -> dict[str, Any]:
    """The conversation being shown."""
    for conv in store["conversations"]:
        if conv["id"] == store["current"]:
            return conv
    return store["conversations"][-1]


def turns(store: Store) -> list[Turn]:
    """The current conversation's turns, oldest first (what `Assistant.ask(history=...)` takes)."""
    return [Turn.from_dict(t) for t in current(store)["turns"]]


def add_turn(store: Store, turn: Turn) -> Store:
    """A new store with `turn` appended to the current conversation (titled by its first question)."""
    store = normalise(store)
    conv = current(store)
    conv["turns"] = [*conv["turns"], turn.to_dict()][-MAX_TURNS:]
    if not conv["title"]:
        conv["title"] = title_of(turn.question)
    return store


def new_conversation(store: Store) -> Store:
    """A new store whose current conversation is a new empty one (an empty current one is reused)."""
    store = normalise(store)
    if not current(store)["turns"]:
        return store
    cid = _new_id()
    store["conversations"] = [*store["conversations"], {"id": cid, "title": "", "turns": []}][-MAX_CONVERSATIONS:]
    store["current"] = cid
    return store


def select(store: Store, conversation_id: object) -> Store:
    store = normalise(store)
    if any(c["id"] == conversation_id for c in store["conversations"]):
        store["current"] = conversation_id
    return store


def delete_current(store: Store) -> Store:
    """A new store without the current conversation; the most recent other one (or a new one) becomes current."""
    store = normalise(store)
    rest = [c for c in store["conversations"] if c["id"] != store["current"]]
    if not rest:
        fresh = empty_store()
        fresh["ui_lang"] = store["ui_lang"]
        return fresh
    return {**store, "conversations": rest, "current": rest[-1]["id"]}


def set_ui_lang(store: Store, lang: object) -> Store:
    store = normalise(store)
    store["ui_lang"] = ui_language(lang)
    return store


def title_of(question: str) -> str:
    text = " ".join(question.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def choices(store: Store) -> list[tuple[str, str]]:
    """(title, id) of every conversation, newest first, for the conversation picker."""
    out = []
    for conv in reversed(store["conversations"]):
        n = len(conv["turns"])
        name = conv["title"] or "New conversation · 新对话"
        out.append((f"{name} ({n})" if n else name, conv["id"]))
    return out
