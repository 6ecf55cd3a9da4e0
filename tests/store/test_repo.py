"""Repositories, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.store import repo
from bot.store.database import Database
from bot.store.models import Consent, Invite

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def _client(db: Database, tg_user_id: int = 100) -> int:
    async with db.transaction() as s:
        client = await repo.create_client(
            s,
            tg_user_id=tg_user_id,
            chat_id=tg_user_id + 1,
            now=NOW,
            language="es",
            timezone="America/Bogota",
        )
    return client.id


async def test_create_and_get_client(store_db: Database) -> None:
    async with store_db.transaction() as s:
        client = await repo.create_client(
            s,
            tg_user_id=5_000_000_000,
            chat_id=42,
            now=NOW,
            language="es",
            timezone="America/Bogota",
        )
        assert client.id is not None  # flushed
    async with store_db.transaction() as s:
        by_tg = await repo.get_client_by_tg(s, 5_000_000_000)
        by_id = await repo.get_client(s, client.id)
        assert await repo.get_client_by_tg(s, 1) is None
        assert await repo.get_client(s, client.id + 1) is None
    assert by_tg is not None and by_id is not None and by_tg.id == by_id.id == client.id
    assert re.fullmatch(r"c-[0-9a-f]{8}", by_id.pseudo_id)
    assert (by_id.status, by_id.language, by_id.timezone) == ("enrolling", "es", "America/Bogota")
    assert by_id.chat_id == 42
    assert by_id.created_at == NOW and by_id.created_at.tzinfo is not None


async def test_pseudo_id_collision_is_retried(
    store_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = iter(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(repo.secrets, "token_hex", lambda _n: next(drawn))
    async with store_db.transaction() as s:
        first = await repo.create_client(
            s, tg_user_id=1, chat_id=1, now=NOW, language="en", timezone="UTC"
        )
        second = await repo.create_client(
            s, tg_user_id=2, chat_id=2, now=NOW, language="en", timezone="UTC"
        )
    assert (first.pseudo_id, second.pseudo_id) == ("c-aaaaaaaa", "c-bbbbbbbb")


async def test_telegram_user_is_enrolled_once(store_db: Database) -> None:
    await _client(store_db, 7)
    with pytest.raises(IntegrityError):
        await _client(store_db, 7)


def test_hash_code_strips_and_hashes() -> None:
    expected = hashlib.sha256(b"AbCd2345EfGh").hexdigest()
    assert repo.hash_code("  AbCd2345EfGh\n") == expected
    assert repo.hash_code("abcd2345efgh") != expected  # case matters


async def test_invite_round_trip(store_db: Database) -> None:
    client_id = await _client(store_db)
    async with store_db.transaction() as s:
        code, pseudo_id = await repo.create_invite(
            s, now=NOW, expires_at=NOW + timedelta(days=7), track="evening", label="A-17",
            counselor="Dana",
        )  # fmt: skip
    assert len(code) == 12
    assert set(code) <= set(repo.INVITE_ALPHABET)
    assert not set(code) & set("0O1lI")
    async with store_db.transaction() as s:
        stored = (await s.scalars(select(Invite))).one()
        assert stored.code_hash == hashlib.sha256(code.encode()).hexdigest()
        assert code not in repr(vars(stored))  # only the hash is kept
        assert await repo.find_invite(s, "NOPE" + code[4:]) is None
        invite = await repo.find_invite(s, f" {code} ")
        assert invite is not None and invite.track == "evening" and invite.used_at is None
        assert (invite.pseudo_id, invite.label, invite.counselor) == (pseudo_id, "A-17", "Dana")
        assert invite.expires_at == NOW + timedelta(days=7)
        await repo.use_invite(s, invite, client_id, NOW)
    async with store_db.transaction() as s:
        used = await repo.find_invite(s, code)
        assert used is not None and used.used_at == NOW and used.client_id == client_id
        with pytest.raises(ValueError, match="already used"):
            await repo.use_invite(s, used, client_id, NOW)


async def test_invite_codes_differ(store_db: Database) -> None:
    async with store_db.transaction() as s:
        made = [await repo.create_invite(s, now=NOW, expires_at=NOW) for _ in range(20)]
        codes = {code for code, _ in made}
        assert len({pseudo_id for _, pseudo_id in made}) == 20
    assert len(codes) == 20


async def test_conversation_upsert_and_in_place_mutation(store_db: Database) -> None:
    client_id = await _client(store_db)
    async with store_db.transaction() as s:
        assert await repo.load_conversation(s, client_id) is None
        draft = {"step": 1, "answers": {"mood": 3}}
        await repo.save_conversation(s, client_id, "checkin", draft, NOW)
        # The caller mutates the same dict in place and saves again in the same transaction.
        draft["step"] = 2
        draft["answers"] = {"mood": 3, "sleep": "ok"}
        await repo.save_conversation(s, client_id, "checkin", draft, NOW + timedelta(seconds=1))
    saved = ("checkin", {"step": 2, "answers": {"mood": 3, "sleep": "ok"}})
    async with store_db.transaction() as s:
        loaded = await repo.load_conversation(s, client_id)
        assert loaded == saved
        loaded[1]["step"] = 99  # the caller's copy: the stored draft is untouched until saved
        assert await repo.load_conversation(s, client_id) == saved
        await repo.save_conversation(s, client_id, "idle", {}, NOW)
    async with store_db.transaction() as s:
        assert await repo.load_conversation(s, client_id) == ("idle", {})


async def test_mark_update_recognises_a_redelivery(store_db: Database) -> None:
    async with store_db.transaction() as s:
        assert await repo.mark_update(s, 900_000_001, NOW) is True
        assert await repo.mark_update(s, 900_000_001, NOW) is False
    async with store_db.transaction() as s:  # redelivered after the commit
        assert await repo.mark_update(s, 900_000_001, NOW) is False
        assert await repo.mark_update(s, 900_000_002, NOW) is True


async def test_prune_updates(store_db: Database) -> None:
    async with store_db.transaction() as s:
        await repo.mark_update(s, 1, NOW - timedelta(days=10))
        await repo.mark_update(s, 2, NOW - timedelta(days=2))
        await repo.mark_update(s, 3, NOW)
    async with store_db.transaction() as s:
        assert await repo.prune_updates(s, NOW - timedelta(days=2)) == 1
        assert await repo.prune_updates(s, NOW - timedelta(days=2)) == 0
    async with store_db.transaction() as s:
        assert [await repo.mark_update(s, i, NOW) for i in (1, 2, 3)] == [True, False, False]


async def test_add_consent(store_db: Database) -> None:
    client_id = await _client(store_db)
    async with store_db.transaction() as s:
        await repo.add_consent(s, client_id, "2025-01", NOW)
    async with store_db.transaction() as s:
        consent = (await s.scalars(select(Consent))).one()
    assert (consent.client_id, consent.version, consent.accepted_at) == (client_id, "2025-01", NOW)


async def test_save_turn_writes_the_client_seen_and_the_conversation_once(
    store_db: Database,
) -> None:
    """The service's save after each event (issue 12): two UPDATE statements, nothing
    written again at the commit, and what the session holds agrees with the rows; a client
    without a saved conversation gets one; other changes to the client still commit."""
    from sqlalchemy import event

    client_id = await _client(store_db)
    later = NOW + timedelta(minutes=5)
    async with store_db.transaction() as s:
        client, conv = await repo.client_and_conversation(s, 100)
        assert client is not None and conv is None
        await repo.save_turn(s, client, conv, "menu", {"n": 1}, NOW)  # the first: inserted
    seen: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        seen.append(statement.split()[0].upper())

    event.listen(store_db.engine.sync_engine, "before_cursor_execute", count)
    try:
        async with store_db.transaction() as s:
            flushes: list[object] = []
            event.listen(s.sync_session, "before_flush", lambda *args: flushes.append(args))
            client, conv = await repo.client_and_conversation(s, 100)
            assert client is not None and conv is not None
            draft = {"n": 2, "answers": {"mood": 3}}
            await repo.save_turn(s, client, conv, "checkin", draft, later)
            draft["n"] = 99  # the caller's dict: the saved draft is its own copy
            assert (conv.state, conv.draft, conv.updated_at) == (
                "checkin",
                {"n": 2, "answers": {"mood": 3}},
                later,
            )
            assert client.last_seen_at == later and not s.dirty
        assert flushes == []  # the commit's flush had nothing to do, nor had save_turn
    finally:
        event.remove(store_db.engine.sync_engine, "before_cursor_execute", count)
    assert seen.count("UPDATE") == 2 and "INSERT" not in seen
    async with store_db.transaction() as s:
        client, conv = await repo.client_and_conversation(s, 100)
        assert client is not None and conv is not None
        assert (conv.state, conv.draft) == ("checkin", {"n": 2, "answers": {"mood": 3}})
        assert client.last_seen_at == later and conv.updated_at == later
        client.language = "en"  # changed beside the save: still written at the commit
        await repo.save_turn(s, client, conv, "menu", {}, later + timedelta(seconds=1))
    async with store_db.transaction() as s:
        client, conv = await repo.client_and_conversation(s, 100)
        assert client is not None and conv is not None and client.id == client_id
        assert (client.language, client.last_seen_at) == ("en", later + timedelta(seconds=1))
        assert (conv.state, conv.draft) == ("menu", {})
