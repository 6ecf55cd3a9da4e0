"""Charts of a client's own data: PNG photos for Telegram, each with a caption that says the
same in words for screen readers.

Only matplotlib's object API on the Agg canvas: pyplot keeps global figures and state that
would leak between clients and threads, while a Figure of our own is gone after the call.

`python -m bot.charts.demo [PATH]` draws the README example from demo data."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.text import Text

from bot.charts.captions import (
    axis_day,
    drawable,
    mood_craving_caption,
    shorten,
    trigger_label,
    triggers_caption,
)
from bot.charts.series import (
    TOP_TRIGGERS,
    Series,
    Window,
    daily_series,
    trigger_counts,
    window,
)
from bot.domain.insights.history import ClientHistory
from bot.locales import t, tn

SIZE_IN = (6.0, 4.0)
DPI = 180  # 1080 x 720 px: sharp across a phone's width without a heavy upload
# Okabe-Ito colours, told apart with every common colour-vision deficiency; the series also
# differ in marker shape and line style, so colour is never the only cue.
CRAVING = "#D55E00"
MOOD = "#0072B2"
LOG = "#CC79A7"
BAR = "#0072B2"
INK = "#1A1A1A"
MUTED = "#4D4D4D"
GRID = "#D0D0D0"
# Font sizes in points: at 180 dpi a phone shows the photo at about a third of its pixels,
# so these read like ordinary 11-14 px screen text.
TITLE_PT = 17
TEXT_PT = 14
SMALL_PT = 13


@dataclass(frozen=True)
class Chart:
    png: bytes
    caption: str


def mood_craving_chart(h: ClientHistory, today: date, days: int, lang: str) -> Chart:
    """Craving and mood from the check-ins of the last `days` local days, craving logs marked.

    A day without a check-in is a gap in the line, not a guess between its neighbours."""
    win = window(h, today, days)
    s = daily_series(h, win)
    fig, canvas = _figure(tn(lang, "chart.mc.title", win.days, days=win.days))
    ax = fig.add_axes((0.085, 0.11, 0.855, 0.6))
    _day_axis(ax, win, lang)
    _scale_note(fig, canvas, lang)
    handles = _lines(ax, s, lang, size=7.5 if days <= 14 else 5.5)
    if handles:
        _legend(fig, canvas, handles)
    if not s.checkins:
        _empty(ax, t(lang, "chart.mc.empty"))
    return Chart(_png(canvas), mood_craving_caption(lang, win, s))


def scale_words(lang: str) -> str:
    """What 0 and 10 mean for each line: 'Craving: 0 = none, 10 = extreme · Mood: ...'."""
    return t(
        lang, "chart.mc.scale", craving=t(lang, "chart.mc.craving"), mood=t(lang, "chart.mc.mood"),
        craving_low=t(lang, "ci.craving.low"), craving_high=t(lang, "ci.craving.high"),
        mood_low=t(lang, "ci.mood.low"), mood_high=t(lang, "ci.mood.high"),
    )  # fmt: skip


def _scale_note(fig: Figure, canvas: FigureCanvasAgg, lang: str) -> None:
    """The y axis in words, between the legend and the plot."""
    note = fig.text(0.03, 0.745, scale_words(lang), fontsize=SMALL_PT - 1, color=MUTED)
    _fit(note, canvas, fig.bbox.width * 0.95, SMALL_PT - 1)


def _legend(fig: Figure, canvas: FigureCanvasAgg, handles: list[Line2D]) -> None:
    """One row under the title; a translation too long for the width gets a smaller font."""
    size: float = SMALL_PT
    for _ in range(2):
        legend = fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.03, 0.885),
            ncols=len(handles),
            frameon=False,
            fontsize=size,
            handlelength=1.8,
            columnspacing=1.2,
            handletextpad=0.5,
            borderaxespad=0,
        )
        width = legend.get_window_extent(canvas.get_renderer()).width
        room = fig.bbox.width * 0.95
        if width <= room:
            return
        legend.remove()
        size *= room / width * 0.97  # spacing scales with the font, so one retry fits


def _lines(ax: Axes, s: Series, lang: str, size: float) -> list[Line2D]:
    """Draw the series that have data; their handles make the legend (an empty legend warns).

    Craving is drawn over mood, and mood's squares are larger, so where the two meet both stay
    visible: a circle inside a square. Shape and dashes tell them apart without colour."""
    handles: list[Line2D] = []
    x = range(len(s.craving))
    if any(v == v for v in s.craving):  # v == v is False only for NaN
        label = t(lang, "chart.mc.craving")
        handles += ax.plot(
            x, s.craving, color=CRAVING, marker="o", markersize=size, lw=2.6, zorder=3, label=label
        )
    if any(v == v for v in s.mood):
        label = t(lang, "chart.mc.mood")
        handles += ax.plot(
            x, s.mood, color=MOOD, marker="s", markersize=size + 1.5, lw=2.6, ls="--", label=label
        )
    if s.log_x:
        handles += ax.plot(
            s.log_x,
            s.log_y,
            linestyle="none",
            marker="^",
            markersize=size + 3.5,
            color=LOG,
            markeredgecolor=INK,
            markeredgewidth=0.8,
            zorder=4,
            label=t(lang, "chart.mc.log"),
        )
    return handles


def trigger_bars_chart(h: ClientHistory, today: date, days: int, lang: str) -> Chart:
    """The top triggers of the last `days` local days (check-ins, craving and trigger logs)."""
    win = window(h, today, days)
    counts = trigger_counts(h, win)
    fig, canvas = _figure(tn(lang, "chart.tr.title", win.days, days=win.days))
    ax = fig.add_axes((0.04, 0.03, 0.86, 0.77))
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([])
    # The same slots whatever the count, so one bar looks like one of six, not a slab.
    ax.set_ylim(TOP_TRIGGERS - 0.45, -0.95)
    if counts:
        fig.text(0.03, 0.855, t(lang, "chart.tr.note"), fontsize=SMALL_PT, color=MUTED)
        labels = [shorten(trigger_label(lang, k)) for k, _ in counts]
        _bars(ax, canvas, labels, [n for _, n in counts])
    else:
        ax.set_xlim(0, 1)
        _empty(ax, t(lang, "chart.tr.empty"))
    return Chart(_png(canvas), triggers_caption(lang, win, counts))


def _figure(title: str) -> tuple[Figure, FigureCanvasAgg]:
    fig = Figure(figsize=SIZE_IN, dpi=DPI, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    text = fig.text(0.03, 0.965, title, fontsize=TITLE_PT, weight="bold", color=INK, va="top")
    _fit(text, canvas, fig.bbox.width * 0.95, TITLE_PT)
    return fig, canvas


def _fit(text: Text, canvas: FigureCanvasAgg, room: float, size: float) -> None:
    """Shrink `text` (set at `size` pt) to fit `room` pixels: translations and typed triggers
    vary in length, and text past the edge would be cut off."""
    width = text.get_window_extent(canvas.get_renderer()).width
    if width > room:
        text.set_fontsize(size * room / width)


def _day_axis(ax: Axes, win: Window, lang: str) -> None:
    """Days as positions 0..days-1, labelled back from today so today always has a label."""
    step = max(1, -(-win.days // 7))  # about seven labels fit a phone's width
    ticks = list(range(win.days - 1, -1, -step))[::-1]
    labels = [axis_day(lang, win.start + timedelta(days=i)) for i in ticks]
    ax.set_xticks(ticks, labels, fontsize=SMALL_PT, color=INK)
    # A small mark under every day, drawn as one line of markers: thirty minor ticks would
    # be thirty tick objects and cost more than the rest of the chart.
    ax.plot(
        range(win.days),
        [0] * win.days,
        linestyle="none",
        marker=TICKDOWN,
        markersize=3,
        color=INK,
        transform=ax.get_xaxis_transform(),
        clip_on=False,
    )
    ax.set_xlim(-0.7, win.days - 0.3)
    ax.set_ylim(-0.6, 10.6)
    ax.set_yticks(range(0, 11, 2), [str(v) for v in range(0, 11, 2)], fontsize=SMALL_PT)
    ax.tick_params(colors=INK, length=5)
    ax.grid(axis="y", color=GRID, linewidth=0.9)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _bars(ax: Axes, canvas: FigureCanvasAgg, labels: Sequence[str], counts: Sequence[int]) -> None:
    """One bar per trigger with its name above it and its count at its end."""
    ys = range(len(counts))
    ax.barh(ys, counts, height=0.42, color=BAR)
    ax.set_xlim(0, max(counts) * 1.16)
    for y, label, n in zip(ys, labels, counts, strict=True):
        # Typed "other:" text is the client's own: never read as mathtext, no missing glyphs.
        text = ax.text(
            0,
            y - 0.27,
            drawable(label),
            fontsize=TEXT_PT,
            color=INK,
            va="bottom",
            parse_math=False,
        )
        _fit(text, canvas, ax.bbox.width, TEXT_PT)
        ax.annotate(
            str(n),
            (n, y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=TEXT_PT,
            weight="bold",
            color=INK,
        )


def _empty(ax: Axes, message: str) -> None:
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=TEXT_PT,
        color=MUTED,
        bbox={"boxstyle": "round,pad=0.6", "facecolor": "white", "edgecolor": GRID},
    )


def _png(canvas: FigureCanvasAgg) -> bytes:
    buf = io.BytesIO()
    # No Software chunk and no timestamp: the same data gives the same bytes.
    canvas.print_png(buf, metadata={"Software": None})
    return buf.getvalue()
