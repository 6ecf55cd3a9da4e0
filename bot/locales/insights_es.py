"""Spanish texts for progress, findings, charts, export and the program report."""

TEXTS: dict[str, str] = {
    # /progress. Las cifras van como "etiqueta: número" para que sirvan con 0, 1 o más.
    "ins.progress.title": "📈 Su progreso",
    "ins.progress.no_charts": (
        "Sus gráficas aparecerán aquí cuando haga su primer registro diario o anote unas "
        "ganas de consumir o un detonante."
    ),
    "ins.progress.day": "Día {day} de {total} del programa.",
    "ins.progress.day_after": (
        "Ya pasaron los {total} días del programa: hoy es el día {day} desde que empezó."
    ),
    "ins.progress.checkins.one": "Registros diarios hechos: {done} de {n} día.",
    "ins.progress.checkins.other": "Registros diarios hechos: {done} de {n} días.",
    "ins.progress.streak": "Días seguidos con registro diario: {streak}.",
    "ins.progress.sessions": 'Sesiones a las que respondió "Ahí estaré": {there}.',
    "ins.progress.cravings": "Ganas de consumir anotadas: {logged}. Las que pasaron: {passed}.",
    "ins.progress.since_use": (
        "Días desde la última vez que consumió: {days}. Cada día cuenta, y un tropiezo no los "
        "borra."
    ),
    "ins.progress.since_use_today": (
        "Días desde la última vez que consumió: 0. Hoy es un nuevo comienzo, y un tropiezo no "
        "borra lo que usted ya ha logrado."
    ),
    # El resumen semanal.
    "ins.summary.title": "🗓 Su semana, del {start} al {end}",
    "ins.date": "{day} de {month}",
    "ins.list": "{head} y {last}",
    "ins.tod.morning": "en la mañana",
    "ins.tod.afternoon": "en la tarde",
    "ins.tod.evening": "en la noche",
    "ins.tod.night": "tarde en la noche o de madrugada",
    "ins.find.few_data": (
        "Todavía no hay suficiente de esta semana para mostrar un patrón (registros diarios: "
        "{checkins} de 7 días; ganas de consumir anotadas: {cravings}), así que no voy a "
        "adivinar. Con unos registros más le podré mostrar lo que veo."
    ),
    "ins.find.craving_time": (
        "Sus ganas de consumir más fuertes de esta semana llegaron {when}, hasta {peak} de 10."
    ),
    "ins.find.craving_checkins": (
        "Sus registros diarios de esta semana mostraron ganas de consumir de hasta {peak} de 10."
    ),
    "ins.find.craving_none": (
        "Esta semana no vi ganas de consumir en sus registros. Si llegan, anotarlas le ayuda a "
        "conocer su propio patrón."
    ),
    "ins.find.triggers": "Detonantes que las acompañaron: {triggers}.",
    "ins.find.skill_helped": (
        "{skill}: fue lo que más le ayudó, en {helped} de {tried} intentos."
    ),
    "ins.find.skill_once": (
        "{skill}: le ayudó la única vez que lo probó esta semana. Vale la pena volver a probarlo."
    ),
    "ins.find.skill_none_helped": (
        "Veces que probó algo para manejar las ganas esta semana: {tried}. Nada le ayudó mucho "
        "todavía, y eso está bien. A veces toma varios intentos encontrar lo que le funciona."
    ),
    "ins.find.skill_none": (
        "Esta semana todavía no me ha dicho qué le ayudó. Cuando pruebe algo para manejar las "
        "ganas, dígame si le ayudó, y le mostraré lo que le funciona."
    ),
    "ins.find.habits": (
        "Hizo su registro diario en {checkins} de estos 7 días. Días seguidos con registro: "
        "{streak}."
    ),
    "ins.find.habits_sessions": (
        "Hizo su registro diario en {checkins} de estos 7 días. Días seguidos con registro: "
        "{streak}. Sus respuestas a las sesiones: Ahí estaré {there}, Voy tarde {late}, "
        "No puedo ir {cant}."
    ),
    "ins.find.sleep_poor": (
        "Durmió mal {nights} noches esta semana. Dormir mal puede hacer más fuertes las ganas "
        "de consumir, y su equipo de tratamiento le puede ayudar con el sueño."
    ),
    "ins.month.1": "enero",
    "ins.month.2": "febrero",
    "ins.month.3": "marzo",
    "ins.month.4": "abril",
    "ins.month.5": "mayo",
    "ins.month.6": "junio",
    "ins.month.7": "julio",
    "ins.month.8": "agosto",
    "ins.month.9": "septiembre",
    "ins.month.10": "octubre",
    "ins.month.11": "noviembre",
    "ins.month.12": "diciembre",
    "chart.decimal": ",",
    "chart.months": "ene feb mar abr may jun jul ago sep oct nov dic",
    "chart.day": "{day} {month}",
    "chart.axis_day": "{day}/{month}",
    "chart.mc.title.one": "Ganas de consumir y ánimo, hoy",
    "chart.mc.title.other": "Ganas de consumir y ánimo, últimos {days} días",
    "chart.mc.craving": "Ganas de consumir",
    "chart.mc.mood": "Ánimo",
    "chart.mc.log": "Ganas anotadas",
    "chart.mc.empty": "Aún no hay registros diarios.\nSu gráfica se irá llenando con cada uno.",
    "chart.mc.checkins.one": "{n} registro diario",
    "chart.mc.checkins.other": "{n} registros diarios",
    "chart.mc.cap.none.one": "Hoy: aún no hay registros diarios.",
    "chart.mc.cap.none.other": "Últimos {days} días: aún no hay registros diarios.",
    "chart.mc.cap.head.one": "Hoy: {checkins}.",
    "chart.mc.cap.head.other": "Últimos {days} días: {checkins}.",
    "chart.mc.cap.craving": "Las ganas de consumir promediaron {avg} (máximo {max} el {day}).",
    "chart.mc.cap.mood": "El ánimo promedió {avg}.",
    "chart.mc.cap.logs.one": "{n} registro de ganas de consumir.",
    "chart.mc.cap.logs.other": "{n} registros de ganas de consumir.",
    "chart.tr.title.one": "Detonantes más frecuentes, hoy",
    "chart.tr.title.other": "Detonantes más frecuentes, últimos {days} días",
    "chart.tr.empty": "Aún no hay detonantes anotados.",
    "chart.tr.cap.one": "Detonantes más frecuentes hoy: {items}.",
    "chart.tr.cap.other": "Detonantes más frecuentes, últimos {days} días: {items}.",
    "chart.tr.cap.none.one": "No se anotaron detonantes hoy.",
    "chart.tr.cap.none.other": "No se anotaron detonantes en los últimos {days} días.",
    "chart.mc.scale": (
        "{craving}: 0 = {craving_low}, 10 = {craving_high}  ·  "
        "{mood}: 0 = {mood_low}, 10 = {mood_high}"
    ),
    "chart.tr.note": "Veces anotadas en los registros",
}
