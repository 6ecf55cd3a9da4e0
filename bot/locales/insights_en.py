"""English texts for progress, findings, charts, export and the program report."""

TEXTS: dict[str, str] = {
    # /progress. Figures are "label: number" so one text fits 0, 1 and many.
    "ins.progress.title": "📈 Your progress",
    "ins.progress.no_charts": (
        "Your charts will appear here once you have checked in or logged a craving or a "
        "trigger."
    ),
    "ins.progress.day": "Day {day} of {total} in the program.",
    "ins.progress.day_after": (
        "You are past the {total} days of the program: today is day {day} since you started."
    ),
    "ins.progress.checkins.one": "Check-ins done: {done} of {n} day.",
    "ins.progress.checkins.other": "Check-ins done: {done} of {n} days.",
    "ins.progress.streak": "Days in a row with a check-in: {streak}.",
    "ins.progress.sessions": 'Sessions you answered "I\'ll be there": {there}.',
    "ins.progress.cravings": "Cravings logged: {logged}. Cravings that passed: {passed}.",
    "ins.progress.since_use": (
        "Days since you last used: {days}. Every day counts, and a slip does not erase them."
    ),
    "ins.progress.since_use_today": (
        "Days since you last used: 0. Today is a new start, and a slip does not erase the "
        "work you have done."
    ),
    # The weekly summary.
    "ins.summary.title": "🗓 Your week, {start} to {end}",
    "ins.date": "{month} {day}",
    "ins.list": "{head} and {last}",
    "ins.tod.morning": "in the morning",
    "ins.tod.afternoon": "in the afternoon",
    "ins.tod.evening": "in the evening",
    "ins.tod.night": "late at night",
    "ins.find.few_data": (
        "There is not enough from this week to show a pattern yet (check-ins: {checkins} of 7 "
        "days, cravings logged: {cravings}), so I won't guess. A few more check-ins will help "
        "me show you what I see."
    ),
    "ins.find.craving_time": (
        "Your strongest cravings this week came {when}, up to {peak} out of 10."
    ),
    "ins.find.craving_checkins": (
        "Your check-ins this week showed cravings up to {peak} out of 10."
    ),
    "ins.find.craving_none": (
        "I did not see cravings in your logs this week. If one comes, logging it helps you "
        "learn your own pattern."
    ),
    "ins.find.triggers": "Triggers that came with them: {triggers}.",
    "ins.find.skill_helped": (
        "{skill} helped you most often: {helped} of the {tried} times you tried it."
    ),
    "ins.find.skill_once": (
        "{skill} helped the one time you tried it this week. It may be worth trying again."
    ),
    "ins.find.skill_none_helped": (
        "Coping skills you tried this week: {tried}. None helped much yet, and that is okay. "
        "It can take a few tries to find what works for you."
    ),
    "ins.find.skill_none": (
        "No answers yet this week about what helped. When you try a coping skill, tell me if "
        "it helped, and I will show you what works for you."
    ),
    "ins.find.habits": (
        "You checked in on {checkins} of these 7 days. Days in a row with a check-in: {streak}."
    ),
    "ins.find.habits_sessions": (
        "You checked in on {checkins} of these 7 days. Days in a row with a check-in: {streak}. "
        "Your session answers: I'll be there {there}, running late {late}, can't make it {cant}."
    ),
    "ins.find.sleep_poor": (
        "You slept poorly on {nights} nights this week. Poor sleep can make cravings stronger, "
        "and your care team can help with sleep."
    ),
    "ins.month.1": "January",
    "ins.month.2": "February",
    "ins.month.3": "March",
    "ins.month.4": "April",
    "ins.month.5": "May",
    "ins.month.6": "June",
    "ins.month.7": "July",
    "ins.month.8": "August",
    "ins.month.9": "September",
    "ins.month.10": "October",
    "ins.month.11": "November",
    "ins.month.12": "December",
    "chart.decimal": ".",
    "chart.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "chart.day": "{month} {day}",
    "chart.axis_day": "{month}/{day}",
    "chart.mc.title.one": "Craving and mood, today",
    "chart.mc.title.other": "Craving and mood, last {days} days",
    "chart.mc.craving": "Craving",
    "chart.mc.mood": "Mood",
    "chart.mc.log": "Craving log",
    "chart.mc.empty": "No check-ins yet.\nYour chart fills in as you check in.",
    "chart.mc.checkins.one": "{n} check-in",
    "chart.mc.checkins.other": "{n} check-ins",
    "chart.mc.cap.none.one": "Today: no check-ins yet.",
    "chart.mc.cap.none.other": "Last {days} days: no check-ins yet.",
    "chart.mc.cap.head.one": "Today: {checkins}.",
    "chart.mc.cap.head.other": "Last {days} days: {checkins}.",
    "chart.mc.cap.craving": "Craving averaged {avg} (highest {max} on {day}).",
    "chart.mc.cap.mood": "Mood averaged {avg}.",
    "chart.mc.cap.logs.one": "{n} craving log.",
    "chart.mc.cap.logs.other": "{n} craving logs.",
    "chart.tr.title.one": "Top triggers, today",
    "chart.tr.title.other": "Top triggers, last {days} days",
    "chart.tr.empty": "No triggers noted yet.",
    "chart.tr.cap.one": "Top triggers today: {items}.",
    "chart.tr.cap.other": "Top triggers, last {days} days: {items}.",
    "chart.tr.cap.none.one": "No triggers noted today.",
    "chart.tr.cap.none.other": "No triggers noted in the last {days} days.",
    "chart.mc.scale": (
        "{craving}: 0 = {craving_low}, 10 = {craving_high}  ·  "
        "{mood}: 0 = {mood_low}, 10 = {mood_high}"
    ),
    "chart.tr.note": "Times noted in check-ins and logs",
}
