"""Both charts render as valid PNG photos of the intended size for every kind of client."""

from __future__ import annotations

import io
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import matplotlib
import pytest
from PIL import Image

from bot.charts.captions import CAPTION_MAX
from bot.charts.demo import demo_history
from bot.charts.draw import mood_craving_chart, trigger_bars_chart
from bot.domain.insights.history import CheckInRecord, TriggerRecord
from tests.charts import builders as b
from tests.charts.pngs import SIGNATURE, chunks, size

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1080, 720  # 6 x 4 inches at 180 dpi
CHARTS = {"mood_craving": mood_craving_chart, "trigger_bars": trigger_bars_chart}
CLIENTS = {"no_data": b.empty, "one_day": b.one_day, "full_year": b.full_year}


def check_png(png: bytes) -> None:
    assert png.startswith(SIGNATURE)
    assert size(png) == (WIDTH, HEIGHT)
    kinds = [kind for kind, _ in chunks(png)]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    # No timestamp and no software version: the bytes depend on the data only.
    assert b"tIME" not in kinds
    assert all(b"Software" not in data for kind, data in chunks(png) if kind == b"tEXt")
    with Image.open(io.BytesIO(png)) as image:
        image.load()  # decodes every pixel row, so a truncated stream fails here
        assert image.size == (WIDTH, HEIGHT)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 2, "the image is blank"


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("who", CLIENTS)
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("days", [14, 30])
def test_renders_a_phone_sized_png(chart: str, who: str, lang: str, days: int) -> None:
    result = CHARTS[chart](CLIENTS[who](), b.TODAY, days, lang)
    check_png(result.png)
    assert result.caption.strip()
    assert len(result.caption) <= CAPTION_MAX


@pytest.mark.parametrize("chart", CHARTS)
def test_same_input_gives_the_same_bytes(chart: str) -> None:
    h = b.full_year()
    first = CHARTS[chart](h, b.TODAY, 30, "en")
    second = CHARTS[chart](h, b.TODAY, 30, "en")
    assert first == second
    assert first.png != CHARTS[chart](h, b.TODAY, 30, "es").png


def test_threads_draw_the_same_pictures_as_one_thread() -> None:
    """Each call has a figure of its own, so charts drawn side by side do not mix."""
    clients = (b.full_year(), b.one_day())
    jobs = [(fn, h, lang) for fn in CHARTS.values() for h in clients for lang in ("en", "es")]
    serial = [fn(h, b.TODAY, 14, lang) for fn, h, lang in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda job: job[0](job[1], b.TODAY, 14, job[2]), jobs * 2))
    assert parallel == serial * 2


def test_rendering_leaves_matplotlib_settings_alone() -> None:
    before = dict(matplotlib.rcParams)
    mood_craving_chart(b.full_year(), b.TODAY, 30, "es")
    trigger_bars_chart(b.full_year(), b.TODAY, 30, "es")
    assert dict(matplotlib.rcParams) == before


def test_pyplot_is_never_imported() -> None:
    code = (
        "import sys\n"
        "from bot.charts.draw import mood_craving_chart, trigger_bars_chart\n"
        "from tests.charts import builders as b\n"
        "h = b.full_year()\n"
        "for fn in (mood_craving_chart, trigger_bars_chart):\n"
        "    assert fn(h, b.TODAY, 30, 'en').png\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize("chart", CHARTS)
def test_a_typed_trigger_with_emoji_and_dollars_draws_cleanly(chart: str) -> None:
    """Client text could hold glyphs the font lacks (matplotlib warns) or "$...$" (mathtext,
    which fails on bad syntax); neither may break the chart."""
    odd = ("other:🍺 beer ad 😩", "other:$x^{$ owed", "other:\u200b", "other:")
    h = b.client(
        checkins=(CheckInRecord(day=b.TODAY, mood=5, craving=5, triggers=odd),),
        triggers=(TriggerRecord(at=b.local(b.TODAY, 9), triggers=("other:🍺🍺",)),),
    )
    check_png(CHARTS[chart](h, b.TODAY, 14, "en").png)


@pytest.mark.parametrize("chart", CHARTS)
def test_an_unknown_zone_falls_back_to_utc(chart: str) -> None:
    h = b.client(
        checkins=(CheckInRecord(day=b.TODAY, mood=5, craving=5, triggers=("work",)),),
        zone="Mars/Olympus_Mons",
    )
    check_png(CHARTS[chart](h, b.TODAY, 14, "en").png)


@pytest.mark.parametrize("days", [0, -3, 367])
def test_a_window_out_of_range_is_refused(days: int) -> None:
    with pytest.raises(ValueError, match="days"):
        mood_craving_chart(b.one_day(), b.TODAY, days, "en")


def test_the_readme_example_is_a_chart_of_its_own_kind() -> None:
    """docs/chart-example.png is drawn by `python -m bot.charts.demo` (kept as a file: exact
    bytes vary with the matplotlib and FreeType versions, so only its shape is checked)."""
    check_png((ROOT / "docs" / "chart-example.png").read_bytes())


def test_demo_data_is_the_same_every_time() -> None:
    assert demo_history() == demo_history()
    assert len(demo_history().checkins) > 300
