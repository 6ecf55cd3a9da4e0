"""Every drawn arrow is a tested arrow: walked to the arrow's source the way a client walks,
then given the arrow's event, the machine lands on the arrow's target.

The walk itself follows drawn arrows (each one checked as it is taken), from an enrolled
client at the menu, or from a stranger for what only a stranger can reach. A position is a
state and the flow it is in, since the same step (the time zone question) serves enrollment
and /settings and goes on differently in each."""

from __future__ import annotations

from collections import deque

import pytest

from bot.domain.conversation import model as m
from bot.domain.conversation.diagram import Edge, Given, Tap, Trigger, all_edges, edges
from bot.domain.conversation.steps import FLOWS
from tests.domain.helpers import ACTIVE, NOW, Driver

Position = tuple[m.State, str]  # a state, and the flow it is in ("" outside any flow)
EDGES = all_edges()
STARTS: tuple[tuple[Position, m.Ctx], ...] = (
    ((m.State.MENU, ""), m.Ctx(now=NOW, profile=ACTIVE)),
    ((m.State.STRANGER, ""), m.Ctx(now=NOW)),
)


def _at(state: m.State, flow: str) -> Position:
    return state, flow if flow and state in FLOWS[flow] else ""


def _source(edge: Edge) -> Position:
    return _at(edge.source, edge.flow)


def _target(edge: Edge) -> Position:
    return _at(edge.target, edge.flow)


def _route(start: Position, goal: Position) -> list[Edge] | None:
    """The shortest walk along drawn arrows, never through STRANGER (no client after it)."""
    walks: dict[Position, list[Edge]] = {start: []}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if here == goal:
            return walks[here]
        for edge in EDGES:
            there = _target(edge)
            if _source(edge) == here and there not in walks and there[0] is not m.State.STRANGER:
                walks[there] = [*walks[here], edge]
                queue.append(there)
    return None


def _given(ctx: m.Ctx, taken: list[Edge]) -> m.Ctx:
    """The client's context with every fact the walk and the arrow need (they must agree)."""
    facts: dict[str, Given] = {}
    for edge in taken:
        for fact in edge.givens:
            known = facts.setdefault(fact.field, fact)
            assert known.value == fact.value, f"{fact.name!r} contradicts {known.name!r}"
            ctx = fact.apply(ctx)
    return ctx


def _send(d: Driver, trigger: Trigger) -> None:
    """Send the event; a tap is on the one button of the last message that carries the value."""
    if not isinstance(trigger, Tap):
        d.send(trigger)
        return
    shown = [c.data for c in d.buttons()]
    data = [x for x in shown if x.partition(":")[2] == trigger.value]
    assert len(data) == 1, f"no single button {trigger.value!r} in {shown}"
    d.send(m.Button(data[0]))


def _take(d: Driver, edge: Edge) -> None:
    for event in edge.setup:
        _send(d, event)
        assert d.state is edge.source, f"{event} left {edge.source}"
    _send(d, edge.trigger)
    assert d.state is edge.target, f"{edge.label!r} from {edge.source} went to {d.state}"
    if _target(edge)[1]:
        assert d.draft.get("flow") == edge.flow


def _walk_to(edge: Edge) -> Driver:
    """A client put at the arrow's source by taking drawn arrows, as a client would."""
    for (state, flow), ctx in STARTS:
        route = _route((state, flow), _source(edge))
        if route is not None:
            d = Driver(state, _given(ctx, [*route, edge]))
            for step in route:
                _take(d, step)
            return d
    raise AssertionError(f"nothing drawn leads to {_source(edge)}")


def _name(trigger: Trigger) -> str:
    if isinstance(trigger, Tap):
        return f"tap {trigger.value}"
    if isinstance(trigger, m.Command):
        return f"/{trigger.name} {trigger.arg}".strip()
    return f"type {trigger.text!r}"


def _id(edge: Edge) -> str:
    how = [
        ", ".join(_name(t) for t in (*edge.setup, edge.trigger)),
        *(g.name for g in edge.givens),
    ]
    where = f" in {edge.flow}" if edge.flow else ""
    return f"{edge.source.name}->{edge.target.name}: {edge.label} [{'; '.join(how)}]{where}"


@pytest.mark.parametrize("edge", EDGES, ids=_id)
def test_the_machine_takes_the_drawn_arrow(edge: Edge) -> None:
    d = _walk_to(edge)
    assert d.state is edge.source
    _take(d, edge)


def test_every_arrow_has_its_own_test() -> None:
    assert len({_id(edge) for edge in EDGES}) == len(EDGES)
    assert {(e.source, e.target, e.label) for e in EDGES} == {
        (e.source, e.target, e.label) for e in edges()
    }


def test_every_state_is_drawn() -> None:
    assert {s for e in edges() for s in (e.source, e.target)} == set(m.State)
