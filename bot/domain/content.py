"""Clinical content as data: triggers, coping skills and how they match.

Why these: docs/clinical.md, Triggers and coping skills; the numbers: docs/clinical.md, Helplines.

Keys are short and stable: they are stored in the database and travel in callback data.
Labels live in the locale catalogs under `trigger.<key>`, `cat.<key>` and `skill.<key>`."""

from __future__ import annotations

from dataclasses import dataclass

TRIGGER_GROUPS: dict[str, tuple[str, ...]] = {
    "feel": ("stressed", "anxious", "sad", "bored", "ashamed", "angry", "lonely"),
    "body": ("hungry", "tired", "pain", "withdrawal", "nosleep"),
    "good": ("celebrate", "holiday"),
    "urge": ("blue", "justone", "memories"),
    "people": ("usedwith", "dealer", "conflict", "pressured"),
    "places": ("useplace", "bar", "homealone"),
    "things": ("sawsubst", "payday", "media"),
    "life": ("work", "money", "legal", "health"),
}
TRIGGERS: frozenset[str] = frozenset(k for ks in TRIGGER_GROUPS.values() for k in ks)
OTHER_PREFIX = "other:"
OTHER_MAX = 60

# Coping skills in the order they are offered when nothing points elsewhere.
SKILLS: tuple[str, ...] = (
    "surf",
    "delay",
    "leave",
    "distract",
    "substitute",
    "tape",
    "call",
    "ground",
    "breathe",
    "halt",
    "reasons",
    "meeting",
)

# Which skills fit which trigger group, best first. Why these: leaving works for people and
# places, HALT for body states, breathing and grounding for feelings, urge surfing and
# playing the tape through for urges that come from memory or nowhere.
_GROUP_SKILLS: dict[str, tuple[str, ...]] = {
    "feel": ("breathe", "ground", "call"),
    "body": ("halt", "substitute", "breathe"),
    "good": ("tape", "reasons", "call"),
    "urge": ("surf", "tape", "delay"),
    "people": ("leave", "call", "reasons"),
    "places": ("leave", "distract", "call"),
    "things": ("distract", "delay", "surf"),
    "life": ("breathe", "call", "meeting"),
}
_DEFAULT_SKILLS = ("surf", "delay", "breathe")
_HIGH_CRAVING_SKILLS = ("surf", "delay")


def group_of(trigger: str) -> str | None:
    """The group a trigger key belongs to, or None for 'other:' text and unknown keys."""
    for group, keys in TRIGGER_GROUPS.items():
        if trigger in keys:
            return group
    return None


def match_skills(
    triggers: list[str], intensity: int | None = None, exclude: str | None = None, n: int = 3
) -> list[str]:
    """The `n` coping skills that best fit these triggers, best first.

    Each trigger's group votes for its skills with weights 3, 2, 1; a craving of 8 or more
    puts urge surfing and delay first because they work while the urge peaks."""
    score: dict[str, float] = {}
    for trig in triggers:
        group = group_of(trig)
        for rank, skill in enumerate(_GROUP_SKILLS.get(group or "", ())):
            score[skill] = score.get(skill, 0) + 3 - rank
    if intensity is not None and intensity >= 8:
        for skill in _HIGH_CRAVING_SKILLS:
            score[skill] = score.get(skill, 0) + 10
    for rank, skill in enumerate(_DEFAULT_SKILLS):
        score.setdefault(skill, 0.5 - rank * 0.1)
    ordered = sorted(score, key=lambda s: (-score[s], SKILLS.index(s)))
    return [s for s in ordered if s != exclude][:n]


def halt_count(triggers: list[str]) -> int:
    """How many of hungry, angry, lonely, tired are among the triggers."""
    return len({"hungry", "angry", "lonely", "tired"} & set(triggers))


@dataclass(frozen=True)
class Helplines:
    """Every number the bot shows, and the deployment's Good Samaritan note; each can be
    overridden per deployment."""

    emergency: str = "911"
    crisis: str = "988"
    crisis_chat: str = "988lifeline.org"
    crisis_text: str = "741741"
    samhsa: str = "1-800-662-4357"
    samhsa_tty: str = "1-800-487-4889"
    poison: str = "1-800-222-1222"
    # The National Domestic Violence Hotline (thehotline.org), 24/7, English and Spanish.
    violence: str = "1-800-799-7233"
    program: str | None = None
    # A state's own Good Samaritan law, shown as written in place of the general sentence.
    good_samaritan_note: str | None = None
