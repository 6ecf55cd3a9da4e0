"""Insights: what a client's own record says, for them and for their program.

Three things are built from a `ClientHistory` (the input contract, `bot.domain.insights.history`):

- `progress(h, today)` and `progress_text(p, lang)`: the /progress figures and message.
- `weekly_findings(h, week_end)`, `finding_text(f, lang)` and `summary_text(...)`: the
  Sunday summary, three findings from the last seven local days, or one honest "not enough
  yet" when there is too little to read a pattern from.
- `report_row(h, since, today)`, `REPORT_COLUMNS`, `report_csv_row(r)` and
  `report_md_table(rows)`: the program report, one pseudonymous row per client with the
  flags (docs/clinical.md, Report flags); `digest_flags(h, today)`, the same rules over the
  last seven days for the staff's daily digest.

Everything here is pure: dates are the client's local dates, `today` and `week_end` come in as
arguments, and no clock is read. Counting rules live in `days`, so progress, the
summary and the report agree on what a "day with a check-in" or a "reported use" is.
"""

from __future__ import annotations

from bot.domain.insights.progress import Progress, progress, progress_text
from bot.domain.insights.report import (
    DIGEST_DAYS,
    FLAG_CRAVING,
    FLAG_MEDICATION,
    FLAG_MISSED,
    FLAG_SLEEP,
    REPORT_COLUMNS,
    ReportRow,
    digest_flags,
    report_csv_row,
    report_md_table,
    report_row,
)
from bot.domain.insights.weekly import (
    BUCKETS,
    Finding,
    finding_text,
    skill_tally,
    summary_text,
    time_bucket,
    weekly_findings,
)

__all__ = [
    "BUCKETS",
    "DIGEST_DAYS",
    "FLAG_CRAVING",
    "FLAG_MEDICATION",
    "FLAG_MISSED",
    "FLAG_SLEEP",
    "REPORT_COLUMNS",
    "Finding",
    "Progress",
    "ReportRow",
    "digest_flags",
    "finding_text",
    "progress",
    "progress_text",
    "report_csv_row",
    "report_md_table",
    "report_row",
    "skill_tally",
    "summary_text",
    "time_bucket",
    "weekly_findings",
]
