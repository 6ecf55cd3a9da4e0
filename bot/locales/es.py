"""Spanish texts: neutral US Latin-American Spanish, "usted", plain words.

Why: docs/clinical.md, Wording.

Same keys, emojis and `{placeholders}` as en.py. Crisis text lines use AYUDA, not HOME
(docs/clinical.md, Helplines)."""

TEXTS: dict[str, str] = {
    # --- help and crisis (static: must render without the database) ---
    "help.title": "🆘 Ayuda, a cualquier hora",
    "help.body": (
        "• Emergencia, sobredosis, o alguien que no despierta o no respira: "
        "llame al {emergency} ahora.\n"
        "• Pensamientos de suicidio, o una crisis emocional o con el consumo: llame o envíe "
        "un mensaje de texto al {crisis}, o chatee en {crisis_chat}. En español: llame al "
        "{crisis} y oprima el 2, o envíe la palabra AYUDA al {crisis}.\n"
        "• Crisis por mensaje de texto: envíe AYUDA al {crisis_text}.\n"
        "• {program_line}\n"
        "• Información y referidos para tratamiento (no es consejería de crisis): SAMHSA "
        "{samhsa} (TTY {samhsa_tty}), gratis, 24/7, en inglés y en español.\n"
        "• Pregunta sobre una intoxicación o una medicina que no sea una emergencia: "
        "Poison Help {poison}.\n\n"
        "Soy un asistente automático, no un consejero, y no puedo llamar para pedir ayuda "
        "por usted."
    ),
    "help.program": "La línea 24/7 de su programa: {program}.",
    "help.no_program": (
        "Su programa todavía no ha puesto aquí su línea 24/7. Pídasela a su consejero."
    ),
    "help.resume": "Aquí es donde estaba; puede seguir cuando quiera:",
    "help.key": "🆘 Ayuda ya",
    "help.support": "Su persona de apoyo: {support}",
    "crisis.emergency": (
        "Esto puede ser una emergencia. Llame al {emergency} ahora.\n\n"
        "Si cree que alguien tiene una sobredosis:\n"
        "1. Llame al {emergency}.\n"
        "2. Dele naloxona (Narcan) si la tiene. Si no responde después de 2 o 3 minutos, "
        "dele una segunda dosis.\n"
        "3. Ayude a la persona a respirar: inclínele la cabeza hacia atrás; dele respiración "
        "de rescate si sabe cómo.\n"
        "4. Ponga a la persona de lado (posición de recuperación).\n"
        "5. Quédese con la persona hasta que llegue la ayuda.\n\n"
        "{good_samaritan}\n"
        "Soy un asistente automático y no puedo llamar por usted."
    ),
    "crisis.emergency_intent": (
        "Esto puede ser una emergencia. Llame al {emergency} ahora.\n\n"
        "Si usted, o alguien con usted, podría intentar quitarse la vida ahora:\n"
        "1. Llame al {emergency}, o llame o envíe un texto al {crisis}.\n"
        "2. Aléjese de lo que podría usar para hacerse daño: salga del lugar, o entréguele a "
        "alguien las pastillas, el arma o la cuerda, o guárdelo todo bajo llave.\n"
        "3. Quédese con alguien, o pídale a alguien de confianza que venga ahora. No deje sola "
        "a una persona en riesgo.\n"
        "4. Si ya se tomó algo o ya se hizo daño, dígaselo al {emergency} de inmediato.\n\n"
        "Usted importa, y este momento puede pasar. Soy un asistente automático y no puedo "
        "llamar por usted."
    ),
    "crisis.emergency_violence": (
        "Esto puede ser una emergencia. Llame al {emergency} ahora.\n\n"
        "Si alguien le está haciendo daño o amenazando, a usted o a alguien con usted:\n"
        "1. Llame al {emergency}. Si no puede hablar, deje la línea abierta para que "
        "escuchen, o envíe un texto al {emergency} donde se pueda.\n"
        "2. Salga si puede: a casa de un vecino, a una tienda, a donde haya gente. Si no "
        "puede, quédese cerca de una salida y lejos de la cocina y de todo lo que se pueda "
        "usar como arma.\n"
        "3. No intente quitarle un arma a nadie.\n"
        "4. Si alguien está herido, dígaselo al {emergency}, y apriete fuerte sobre cualquier "
        "sangrado hasta que llegue la ayuda.\n"
        "5. Cuando esté a salvo, si el peligro es alguien con quien vive o alguien cercano: "
        "la línea contra la violencia doméstica, {violence}, a cualquier hora.\n\n"
        "No es su culpa. Soy un asistente automático y no puedo llamar por usted."
    ),
    "crisis.good_samaritan": (
        "La mayoría de los estados de EE. UU. tienen leyes del Buen Samaritano que protegen "
        "a quienes llaman para pedir ayuda por una sobredosis."
    ),
    "crisis.suicidal": (
        "Gracias por decírmelo. Usted merece apoyo ahora mismo.\n"
        "• Llame o envíe un mensaje de texto al {crisis}, o chatee en {crisis_chat}. En "
        "español: llame al {crisis} y oprima el 2, o envíe la palabra AYUDA al {crisis}. "
        "Veteranos: oprima el 1.\n"
        "• Envíe AYUDA por mensaje de texto al {crisis_text}.\n"
        "• {program_line}\n"
        "• Si usted u otra persona está en peligro ahora mismo, llame al {emergency}.\n\n"
        "Soy un asistente automático, no un consejero. ¿Está a salvo en este momento?"
    ),
    "crisis.lapse": (
        "Gracias por su honestidad. Un tropiezo no borra su progreso.\n"
        "Por favor, tenga cuidado: después de un tiempo sin consumir, su cuerpo aguanta "
        "menos, así que el riesgo de sobredosis es más alto. No consuma a solas, y tenga "
        "naloxona (Narcan) cerca. Hay fentanilo en gran parte de las drogas que se venden "
        "en la calle.\n"
        "Contarle a su consejero o a su grupo puede ayudar. Cuando usted quiera, aquí estoy."
    ),
    "crisis.lapse_alcohol": (
        "Gracias por su honestidad. Un tropiezo no borra su progreso.\n"
        "Por favor, tenga cuidado: después de un tiempo sin consumir, su cuerpo aguanta "
        "menos, así que el riesgo de sobredosis es más alto.\n"
        "• No maneje.\n"
        "• No mezcle el alcohol con pastillas para dormir, pastillas para los nervios "
        "u opioides.\n"
        "• Si ha estado tomando mucho todos los días, dejarlo de golpe puede ser peligroso. "
        "Hable con su programa sobre cómo dejarlo sin peligro.\n"
        "Contarle a su consejero o a su grupo puede ayudar. Cuando usted quiera, aquí estoy."
    ),
    "crisis.lapse_non_opioid": (
        "Gracias por su honestidad. Un tropiezo no borra su progreso.\n"
        "Por favor, tenga cuidado: después de un tiempo sin consumir, su cuerpo aguanta "
        "menos, así que el riesgo de sobredosis es más alto. No consuma a solas, y no mezcle "
        "drogas ni las combine con alcohol.\n"
        "Contarle a su consejero o a su grupo puede ayudar. Cuando usted quiera, aquí estoy."
    ),
    "crisis.poison": (
        "Si tiene una pregunta sobre una intoxicación o una medicina, llame a Poison Help "
        "al {poison} (gratis, 24/7).\n"
        "Si la persona está inconsciente, tiene convulsiones o no respira, llame al "
        "{emergency} ahora."
    ),
    "crisis.check": "Eso suena muy duro. ¿Está a salvo ahora mismo?",
    "crisis.resume": "Cuando quiera, seguimos donde se quedó, o envíe /cancelar.",
    "safe.yes": "Estoy a salvo",
    "safe.no": "Necesito ayuda ya",
    "safe.thanks": (
        "Me alegra que esté a salvo ahora. Si eso cambia, toque 🆘 Ayuda ya o llame al {crisis}."
    ),
    "safe.danger": (
        "Por favor, llame al {emergency} ahora, o llame al {crisis}. Si alguien está con "
        "usted, dígaselo. Quédese con alguien de confianza. No tiene que pasar por esto a solas."
    ),
    # --- strangers and invites ---
    "join.how": (
        "Este acompañante es para clientes de un programa de tratamiento. Para unirse, abra "
        "el enlace de invitación que le dio su programa. La ayuda siempre está aquí: /ayuda."
    ),
    "join.open": "Para empezar, envíe /empezar (o salude). La ayuda siempre está aquí: /ayuda.",
    "join.bad_invite": (
        "Esa invitación no es válida: puede que haya vencido o que ya se haya usado. "
        "Pídale a su programa un enlace nuevo."
    ),
    "join.group": (
        "¡Hola! Solo hablo en chats privados, para que nada personal se comparta en grupos. "
        "Escríbame directamente. Si necesita ayuda ahora: llame al {emergency}, o llame o "
        "envíe un mensaje de texto al {crisis}."
    ),
    # --- enrollment ---
    "enroll.language": "¡Hola! ¿Qué idioma prefiere? / Which language do you prefer?",
    "enroll.consent": (
        "Antes de empezar, por favor lea esto (versión del consentimiento {version}):\n\n"
        "• Lo que guardo: sus ajustes y lo que me cuenta aquí: registros diarios, ganas de "
        "consumir, detonantes y lo que le ayudó. Lo uso para recordarle cosas y para "
        "mostrarle sus propios patrones.\n"
        "• Quién lo puede ver: usted, y el personal de su programa, para informes sobre su "
        "atención. Si noto una crisis, el personal de su programa puede recibir un aviso con "
        "su código de cliente (nunca sus palabras).\n"
        "• Los chats de Telegram con bots no tienen cifrado de extremo a extremo, y Telegram "
        "los guarda.\n"
        "• Soy un asistente automático, no un consejero. No puedo llamar para pedir ayuda "
        "por usted.\n"
        "• Puede detener mis mensajes (/parar) o borrar sus datos (/borrar) en "
        "cualquier momento.\n\n"
        "¿Está de acuerdo?"
    ),
    "enroll.consent_again": (
        '¿Está de acuerdo con lo que guardo y quién puede verlo? Toque "Estoy de acuerdo" o "No".'
    ),
    "enroll.accept": "Estoy de acuerdo",
    "enroll.decline": "No",
    "enroll.declined": (
        "Está bien. No le voy a preguntar ni a guardar nada más. Si cambia de "
        "opinión, toque Estoy de acuerdo. Para borrar también su invitación, envíe /borrar. "
        "Ayuda: /ayuda."
    ),
    "enroll.timezone": (
        "¿En qué zona horaria está? Toque una, o escriba una ciudad (como Chicago o "
        "Nueva York)."
    ),
    "enroll.timezone_bad": (
        'No conozco la zona horaria "{value}". Escriba una ciudad como Denver, o toque '
        "una."
    ),
    "enroll.checkin_time": (
        "¿A qué hora le envío su registro diario? Toque una o escriba una hora como 19:30."
    ),
    "zone.set": "Zona horaria: {zone}. Hora actual allí: {time}.",
    "enroll.time_bad": 'No entiendo "{value}" como hora. Escríbala así: 8:30 o 21:00.',
    "enroll.medication": (
        "¿Toma algún medicamento para su recuperación (como buprenorfina, metadona o "
        "naltrexona)? Si es así, el registro diario le preguntará si lo tomó."
    ),
    "enroll.support_name": (
        "¿Hay alguien a quien pueda llamar cuando las cosas se pongan difíciles (un padrino "
        "o madrina, una amistad o un familiar)? Escriba solo el nombre de pila de esa "
        "persona, o toque Saltar."
    ),
    "enroll.name_bad": "Escriba el nombre de pila con letras, como Ana, o toque Saltar.",
    "enroll.support_phone": "¿Cuál es el número de teléfono de {name}? Escríbalo, o toque Saltar.",
    "enroll.phone_bad": "Eso no parece un número de teléfono. Use números, como 555-123-4567.",
    "enroll.reasons": (
        "Última pregunta: ¿por qué es importante para usted su recuperación? Escriba unas "
        'palabras para usted ("mis razones"). Se las mostraré cuando las cosas se pongan '
        "difíciles. O toque Saltar."
    ),
    "enroll.done": (
        "Todo listo. Le escribiré todos los días a las {time} para su registro diario. "
        "El botón 🆘 Ayuda ya, aquí abajo, siempre está ahí."
    ),
    "enroll.paused": "Paramos aquí por ahora. Envíe /empezar cuando quiera seguir.",
    # --- menu ---
    "menu.prompt": "¿Qué le gustaría hacer?",
    "menu.checkin": "✅ Registro diario",
    "menu.craving": "🌊 Ganas de consumir",
    "menu.trigger": "⚡ Anotar detonante",
    "menu.today": "📅 Hoy",
    "menu.settings": "⚙️ Ajustes",
    "menu.help": "🆘 Ayuda ya",
    "menu.busy": "Primero terminemos lo que estamos haciendo, o envíe /cancelar para dejarlo.",
    "menu.nothing_to_cancel": "No hay nada que cancelar.",
    "menu.welcome_back": "Qué bueno saber de usted otra vez. Mis mensajes están activos de nuevo.",
    "menu.hello": "Hola, aquí estoy.",
    "cmd.unknown": "No conozco ese comando. Aquí es donde estábamos:",
    "enroll.first": "Primero terminemos de configurar. Solo toma un minuto.",
    "cope.noted": "Ya lo anoté. Gracias.",
    # --- generic step words ---
    "step.back": "◀ Atrás",
    "step.skip": "Saltar ▶",
    "step.done": "Listo ✓",
    "step.expired": "Ese botón es de un mensaje anterior. Aquí es donde estamos ahora:",
    "step.did_you_mean": "¿Quiso decir esto? Tóquelo, o escriba su respuesta completa.",
    "step.use_buttons": "Por favor, toque uno de los botones de abajo.",
    "step.use_scale": "Por favor, toque un número, o escriba un número del 0 al 10.",
    "step.too_long": "Es demasiado largo. Por favor, use menos de {limit} caracteres.",
    "step.kept_first": "Tenía más de {limit} caracteres, así que guardé los primeros {limit}.",
    "step.media": "Solo puedo leer texto y botones. Por favor, escriba o toque un botón.",
    "step.cancelled": "Muy bien, dejamos el {flow}. No se guardó nada.",
    "scale.hint": "0 = {low}, 10 = {high}",
    "flow.checkin": "registro diario",
    "flow.craving": "registro de ganas de consumir",
    "flow.trigger": "registro de detonantes",
    "flow.settings": "cambio",
    "flow.delete": "pedido",
    # --- check-in ---
    "ci.replace": "Ya hizo su registro de hoy. ¿Quiere reemplazarlo?",
    "ci.replace_yes": "Sí, empezar de nuevo",
    "ci.replace_no": "No, dejarlo así",
    "ci.kept": "Muy bien, el registro de hoy se queda como está.",
    "ci.mood": "¿Cómo está su ánimo en este momento?",
    "ci.mood.low": "muy mal",
    "ci.mood.high": "muy bien",
    "ci.craving": (
        "En las últimas 24 horas, ¿qué tan fuertes fueron sus ganas de consumir en el peor "
        "momento?"
    ),
    "ci.craving.low": "nada",
    "ci.craving.high": "extremas",
    "ci.use": "¿Ha consumido alcohol o drogas desde su último registro?",
    "opt.use.no": "No",
    "opt.use.alcohol": "Sí, alcohol",
    "opt.use.other": "Sí, otras drogas",
    "opt.use.private": "Prefiero no decirlo",
    "ci.sleep": "¿Cómo durmió anoche?",
    "opt.sleep.poor": "Mal",
    "opt.sleep.ok": "Regular",
    "opt.sleep.well": "Bien",
    "ci.stress": "¿Cuánto estrés siente hoy?",
    "ci.stress.low": "nada",
    "ci.stress.high": "muchísimo",
    "ci.triggers": "¿Qué le provocó ganas de consumir hoy?",
    "ci.medication": "¿Tomó hoy su medicamento como se lo recetaron?",
    "opt.medication.yes": "Sí",
    "opt.medication.missed": "No lo tomé",
    "opt.medication.unsure": "No sé",
    "ci.confidence": "¿Qué tanta confianza tiene en que hoy puede seguir por buen camino?",
    "ci.confidence.low": "ninguna confianza",
    "ci.confidence.high": "total confianza",
    "ci.safety": (
        "En las últimas 24 horas, ¿ha tenido pensamientos de que estaría mejor muerto o muerta, "
        "o de hacerse daño?"
    ),
    "opt.safety.yes": "Sí",
    "opt.safety.no": "No",
    "ci.saved": "Gracias. Su registro diario está guardado.",
    "ci.replaced": "Gracias. El registro de hoy está actualizado.",
    "ci.offer_high": "Eso suena difícil. Aquí tiene algo que le puede ayudar ahora mismo:",
    "ci.offer_craving": "Son ganas muy fuertes. Aquí tiene algo para probar ahora mismo:",
    "ci.offer_stress": "Hoy tiene mucho estrés. Una pausa para respirar puede ayudar:",
    "ci.offer_call": "Quizás le ayude hablar hoy con alguien.",
    # --- triggers (multi-select) ---
    "tr.pick_group": (
        "Elija un grupo y luego toque todo lo que corresponda. Escriba para agregar otro."
    ),
    "tr.selected": "Lo que eligió: {items}",
    "tr.none_selected": "Todavía no ha elegido nada.",
    "tr.none": "Nada hoy",
    "tr.groups": "◀ Grupos",
    "tr.other_bad": (
        'Escriba el detonante con palabras, como "una pelea en casa", o toque un botón.'
    ),
    "tr.other_added": 'Agregado: "{value}".',
    "cat.feel": "Sentimientos",
    "cat.body": "Cuerpo",
    "cat.good": "Buenos momentos",
    "cat.urge": "Impulsos",
    "cat.people": "Personas",
    "cat.places": "Lugares",
    "cat.things": "Cosas",
    "cat.life": "Vida",
    "trigger.stressed": "estrés",
    "trigger.anxious": "ansiedad",
    "trigger.sad": "tristeza",
    "trigger.bored": "aburrimiento",
    "trigger.ashamed": "vergüenza o culpa",
    "trigger.angry": "enojo",
    "trigger.lonely": "soledad",
    "trigger.hungry": "hambre",
    "trigger.tired": "cansancio",
    "trigger.pain": "dolor o enfermedad",
    "trigger.withdrawal": "síntomas de abstinencia",
    "trigger.nosleep": "no puedo dormir",
    "trigger.celebrate": "una celebración",
    "trigger.holiday": "fin de semana o día festivo",
    "trigger.blue": "de la nada",
    "trigger.justone": '"solo una vez"',
    "trigger.memories": "recordar buenos momentos",
    "trigger.usedwith": "gente con quien consumía",
    "trigger.dealer": "contacto con quien me vende",
    "trigger.conflict": "pelea con familia o pareja",
    "trigger.pressured": "me ofrecieron o presionaron",
    "trigger.useplace": "donde consumía o compraba",
    "trigger.bar": "bar o fiesta",
    "trigger.homealone": "a solas en casa",
    "trigger.sawsubst": "vi alcohol o drogas",
    "trigger.payday": "dinero o día de pago",
    "trigger.media": "música, cine o redes sociales",
    "trigger.work": "trabajo o escuela",
    "trigger.money": "problemas de dinero",
    "trigger.legal": "problemas de vivienda o legales",
    "trigger.health": "salud",
    # --- craving log ---
    "cr.intensity": "¿Qué tan fuertes son las ganas de consumir en este momento?",
    "cr.triggers": "¿Qué las provocó?",
    "cr.action": "¿Qué hizo al respecto?",
    "opt.action.nothing": "Nada todavía",
    "cr.saved": "Anotado. Las ganas de consumir suben, llegan al máximo y pasan, como una ola.",
    "cr.saved_short": "Anotado.",
    "cr.halt": "Fíjese si siente hambre, enojo, soledad o cansancio. Atienda eso primero.",
    # --- trigger log ---
    "tl.triggers": "¿Qué pasó?",
    "tl.note": (
        "¿Quiere agregar una nota corta (hasta 200 caracteres)? Escríbala, o toque Saltar."
    ),
    "tl.saved": (
        "Anotado. Darse cuenta de un detonante es una habilidad, y usted la acaba de usar."
    ),
    "tl.need_one": "Por favor, elija al menos uno, o escriba el suyo.",
    # --- coping ---
    "cope.try": "Pruebe esto: {skill}",
    "cope.did_help": "¿Le ayudó?",
    "cope.helped.y": "👍 Sí",
    "cope.helped.b": "Un poco",
    "cope.helped.n": "No",
    "cope.more": "Otras ideas:",
    "cope.thanks.y": "Qué bien. Voy a recordar que le ayudó.",
    "cope.thanks.b": "Gracias. Cada poquito cuenta.",
    "cope.thanks.n": (
        "Gracias por decírmelo. No todas las ideas sirven en todo momento. Aquí tiene otra "
        "para probar ahora:"
    ),
    "cope.call_someone": "📞 Llamar a alguien",
    "cope.call_saved": "Llame a {name}: {phone}. Pedir apoyo es una muestra de fuerza.",
    "cope.call_none": (
        "Llame a alguien de confianza: su padrino o madrina, una amistad o su consejero. "
        "Puede guardar el número de alguien en /ajustes. A cualquier hora, puede llamar o "
        "enviar un mensaje de texto al {crisis}."
    ),
    "skill.surf": "Surfear las ganas",
    "skill.delay": "Esperar 15 minutos",
    "skill.leave": "Salir del lugar",
    "skill.distract": "Distraerse",
    "skill.substitute": "Cambiar por otra cosa",
    "skill.tape": "Ver la película hasta el final",
    "skill.call": "Llamar a alguien",
    "skill.ground": "Volver al presente 5-4-3-2-1",
    "skill.breathe": "Respiración cuadrada",
    "skill.halt": "Hambre, enojo, soledad, cansancio",
    "skill.reasons": "Mis razones",
    "skill.meeting": "Ir a una reunión",
    "how.surf": (
        "Las ganas suben, llegan al máximo y pasan, como una ola. Siéntese, respire y fíjese "
        "en qué parte del cuerpo siente las ganas. Mire cómo crecen y se van, sin dejarse "
        "llevar por ellas. Espere de 2 a 5 minutos."
    ),
    "how.delay": (
        "Ponga un temporizador de 15 minutos. No tiene que decidir nada ahora. Cuando suene, "
        "vuelva a revisar cómo se siente."
    ),
    "how.leave": (
        "Si puede, salga del lugar o aléjese de la persona ahora. Vaya a un lugar seguro."
    ),
    "how.distract": (
        "Haga otra cosa por 10 minutos: caminar, bañarse, escuchar música o hacer un quehacer."
    ),
    "how.substitute": "Tome agua, té o algo de comer, o mueva el cuerpo unos minutos.",
    "how.tape": (
        "Vea la película completa: imagine cómo estará en 10 minutos, en 2 horas y mañana "
        "por la mañana si consume. Luego imagine cada momento si no consume."
    ),
    "how.call": "Llame o escríbale a alguien de confianza, aunque sea por dos minutos.",
    "how.ground": (
        "Nombre 5 cosas que ve, 4 que puede tocar, 3 que oye, 2 que huele y 1 que saborea."
    ),
    "how.breathe": (
        "Respiración cuadrada: tome aire contando hasta 4, aguante 4, suelte el aire en 4, "
        "aguante 4. Hágalo por 2 minutos."
    ),
    "how.halt": (
        "¿Siente hambre, enojo, soledad o cansancio? Coma algo, saque el enojo sin hacer daño, "
        "busque a alguien, o descanse. (En inglés lo llaman HALT; quizá lo oiga en su grupo.)"
    ),
    "how.reasons": 'Sus razones, en sus propias palabras:\n"{reasons}"',
    "how.reasons_none": (
        "Piense en por qué empezó este camino: las personas, los planes, las cosas que quiere "
        "recuperar. Puede guardar sus razones en /ajustes."
    ),
    "how.meeting": "Busque una reunión hoy, en persona o en línea. No tiene que hablar.",
    # --- today, settings, privacy, stop, delete ---
    "today.title": "Hoy, {date}:",
    "today.checkin_done": "✅ Registro diario hecho",
    "today.checkin_todo": "⬜ Registro diario pendiente",
    "today.counts": "Ganas de consumir anotadas: {cravings}. Detonantes anotados: {triggers}.",
    "settings.prompt": (
        "Sus ajustes:\n• Idioma: {language}\n• Zona horaria: {timezone}\n"
        "• Registro diario: {time}\n• Pregunta sobre el medicamento: {medication}\n"
        "• Persona de apoyo: {support}\n• Mis razones: {reasons}\n\n¿Qué quiere cambiar?"
    ),
    "settings.language": "Idioma",
    "settings.timezone": "Zona horaria",
    "settings.time": "Hora del registro",
    "settings.medication": "Medicamento",
    "settings.support": "Persona de apoyo",
    "settings.reasons": "Mis razones",
    "settings.close": "Cerrar",
    "settings.saved": "Guardado.",
    "settings.on": "sí",
    "settings.off": "no",
    "settings.none": "sin guardar",
    "settings.set": "guardado",
    "settings.reasons_set": "guardadas",
    "settings.reasons_none": "sin guardar",
    "settings.reminders_on": "todos activos",
    "settings.reminders_all_off": "todos desactivados",
    "settings.reminders_off": "todos activos menos {items}",
    "settings.removed": "Borrado.",
    "set.reasons.saved": (
        'Sus razones, tal como las escribió:\n"{saved}"\n\nEscriba otras palabras para '
        "cambiarlas, o toque Borrar."
    ),
    "set.reasons.none": (
        "¿Por qué es importante para usted su recuperación? Escriba unas palabras para usted. "
        "Se las mostraré cuando las cosas se pongan difíciles."
    ),
    "set.support.saved": (
        "Su persona de apoyo: {saved}.\n\nEscriba otro nombre para cambiarla, o toque Borrar."
    ),
    "set.support.none": (
        "¿Hay alguien a quien pueda llamar cuando las cosas se pongan difíciles (un padrino "
        "o madrina, una amistad o un familiar)? Escriba solo el nombre de pila de esa persona."
    ),
    "set.remove": "🗑 Borrar",
    "yes": "Sí",
    "no": "No",
    "privacy.text": (
        "Su privacidad (versión del consentimiento {version}):\n"
        "• Guardo sus ajustes, registros diarios, ganas de consumir, detonantes, lo que le "
        "ayudó, y cuándo se detectó un mensaje de crisis (no las palabras).\n"
        "• Si me los dio, también guardo el nombre y el número de su persona de apoyo y su "
        'nota de "mis razones", para mostrárselos cuando las cosas se pongan difíciles. '
        "Puede cambiarlos o borrarlos en /ajustes.\n"
        "• El personal de su programa puede ver informes sobre su atención. Nadie más.\n"
        "• Los chats de Telegram con bots no tienen cifrado de extremo a extremo; Telegram "
        "los guarda.\n"
        "• Nunca le pido su ubicación ni sus contactos.\n"
        "• /exportar le envía una copia de todo lo que guardo. /parar detiene mis mensajes. "
        "/borrar borra lo que guardo sobre usted."
    ),
    "stop.done": (
        "Muy bien. No le enviaré mensajes por mi cuenta hasta que envíe /empezar. De todos modos "
        "puede escribirme cuando quiera, y /ayuda siempre funciona."
    ),
    "delete.confirm": (
        "Esto borra todo lo que guardo sobre usted: sus ajustes, su consentimiento, registros "
        "diarios, ganas de consumir, detonantes, lo que le ayudó y los registros de crisis. "
        "No se puede deshacer. Telegram guarda su propia copia de este chat; puede borrar "
        "el chat en Telegram.\n\n"
        "¿Borrar todo?"
    ),
    "delete.yes": "Sí, borrar todo",
    "delete.no": "No, no borrar nada",
    "delete.kept": "Muy bien, no se borró nada.",
    "delete.done": (
        "Listo. Borré: {summary}. Ya no sé quién es usted. "
        "Para usarme otra vez necesita una invitación nueva. /ayuda sigue funcionando."
    ),
    "error.generic": (
        "Perdón, tuve un problema y puede que su último mensaje no se haya guardado. "
        "Por favor, inténtelo de nuevo en un minuto. Si necesita ayuda ahora: llame o envíe "
        "un mensaje de texto al {crisis}, o llame al {emergency}."
    ),
    "deleted.checkins": "registros diarios",
    "deleted.cravings": "ganas de consumir",
    "deleted.trigger_logs": "detonantes",
    "deleted.coping_outcomes": "notas de lo que le ayudó",
    "deleted.crisis_events": "registros de crisis",
    "deleted.consents": "registros de consentimiento",
    "deleted.profile": "su perfil y sus ajustes",
    "cr.intensity.low": "nada",
    "cr.intensity.high": "extremas",
    "staff.crisis": (
        "Aviso de crisis, nivel {tier}: {meaning}.\nCliente {client}.\nA las {time}.\n"
        "Por favor, haga seguimiento según el protocolo y toque el botón para que el equipo "
        "sepa que usted se encarga."
    ),
    "staff.crisis.repeat": "Aún sin atender (recordatorio {n}):",
    "staff.crisis.escalated": "Nadie en el chat del personal lo ha atendido aún:",
    "staff.tier.1": (
        "una emergencia ahora (sobredosis, no respira, o intención con un medio o un momento)"
    ),
    "staff.tier.2": "pensamientos suicidas, autolesión, daño a otros, o abuso o amenazas",
    "staff.who.label": "etiqueta {label}",
    "staff.who.counselor": "consejero {counselor}",
    "staff.ack.button": "Me encargo",
    "staff.ack.done": "{name} se encarga ({time}).",
    "staff.ack.taken": "Ya lo atiende {name}.",
    "staff.ack.gone": "Este aviso ya no está abierto.",
    "staff.flags.title": "Señales del día, {day}",
    "staff.flags.title.part": "Señales del día, {day} (parte {n} de {total})",
    "staff.flags.lead.one": (
        "{n} cliente que revisar hoy. Toque el botón de abajo cuando alguien se encargue."
    ),
    "staff.flags.lead.other": (
        "{n} clientes que revisar hoy. Toque el botón de abajo cuando alguien se encargue."
    ),
    "staff.flags.line": "• {client}: {flags}",
    "staff.flags.rules": (
        "Las reglas del informe del programa, en los últimos 7 días de cada cliente."
    ),
    "staff.flags.status.stopped": "detuvo los mensajes del bot",
    "staff.flags.status.blocked": "bloqueó el bot",
    "staff.flag.craving": "ganas de consumir de 8 o más dos días seguidos",
    "staff.flag.medication": "no tomó el medicamento 2 de 7 días",
    "staff.flag.sleep": "durmió mal 3 veces en una semana",
    "staff.flag.missed": "sin registro los últimos 2 días",
    "privacy.code": (
        "• Su código de cliente es {code}. El personal de su programa sabe que es suyo."
    ),
    "rem.checkin": "¡Hola! Es hora de su registro de hoy. Toma más o menos un minuto.",
    "rem.day_before": "Mañana a las {time}: {kind}.\n¿Va a estar ahí?{place}",
    "rem.day_before.today": "Hoy a las {time}: {kind}.\n¿Va a estar ahí?{place}",
    "rem.hour_before": "En una hora, a las {time}: {kind}.\n¿Nos vemos ahí?{place}",
    "rem.hour_before.soon": "Dentro de poco, a las {time}: {kind}.\n¿Nos vemos ahí?{place}",
    "rem.place": "\n\nLugar: {place}",
    "rem.followup": (
        "Vuelvo a escribirle por lo de hace un rato. ¿Cómo está ahora?\n\n¿Se le pasaron "
        "las ganas de consumir?"
    ),
    "rem.checkback": "Buenos días. ¿Cómo está hoy? Aquí estoy si necesita algo.",
    "rem.reengage": "Hola, me acordé de usted. Sin presión: cuando quiera, aquí estoy.",
    "rem.weekly": (
        "Es domingo: un buen momento para repasar su semana. ¿Quiere hacer su registro?"
    ),
    "session.group": "sesión de grupo",
    "session.individual": "sesión individual",
    "session.family": "sesión familiar",
    "att.there": "Ahí estaré",
    "att.late": "Voy tarde",
    "att.cant": "No puedo ir",
    "att.thanks.there": "¡Gracias! Nos vemos ahí.",
    "att.thanks.late": "Gracias por avisar. Nos vemos pronto; venga con cuidado.",
    "att.thanks.cant": (
        "Gracias por avisarnos. Su equipo lo sabrá. Si puede, llame a su programa para "
        "cambiar la cita."
    ),
    "att.untold.late": (
        "Gracias por decírmelo. No pude pasarle este aviso a su equipo; si puede, llame a "
        "su programa para decirles que va tarde. Nos vemos pronto; venga con cuidado."
    ),
    "att.untold.cant": (
        "Gracias por decírmelo. No pude pasarle este aviso a su equipo; por favor, llame a "
        "su programa cuando pueda, para avisarles y cambiar la cita."
    ),
    "fu.passed": "Ya se me pasaron",
    "fu.strong": "Siguen fuertes",
    "fu.used": "Consumí",
    "fu.strong_intro": "Gracias por decírmelo. Probemos algo ahora mismo:",
    "fu.what_helped": "Muy bien: lo logró. ¿Qué le ayudó más?",
    "fu.helped": "Gracias. Voy a recordar que esto le ayudó: {skill}.",
    "staff.attendance": (
        'Asistencia: el cliente {client} respondió "{answer}" para la sesión de las {time}.'
    ),
    "sessions.title": "Sus sesiones en los próximos 7 días:",
    "sessions.none": "No tiene sesiones en los próximos 7 días.",
    "sessions.line": "• {day}, {time}: {kind} ({minutes} min){place}",
    "settings.reminders": "Recordatorios",
    "rem.toggle_prompt": "¿Qué mensajes quiere que le envíe? Toque para activar o desactivar.",
    "remkind.checkin": "Registro diario",
    "remkind.session": "Recordatorio de sesiones",
    "remkind.craving_followup": "Seguimiento tras las ganas",
    "remkind.checkback": "Saludo de la mañana",
    "remkind.reengage": "Un mensaje si no sé de usted",
    "remkind.weekly_summary": "Repaso del domingo",
    "day.0": "lun",
    "day.1": "mar",
    "day.2": "mié",
    "day.3": "jue",
    "day.4": "vie",
    "day.5": "sáb",
    "day.6": "dom",
    "menu.sessions": "🗓 Sesiones",
    "menu.progress": "📈 Progreso",
    "export.confirm": (
        "Puedo enviarle todo lo que guardo sobre usted en un archivo (un zip con sus "
        "registros, ganas de consumir, detonantes y ajustes). Una vez enviado, el "
        "archivo sale de aquí: cualquiera que tenga su teléfono o el archivo puede "
        "leerlo. ¿Se lo envío?"
    ),
    "export.yes": "Sí, enviar el archivo",
    "export.no": "No",
    "export.kept": "Está bien, no se envió nada.",
    "export.caption": "Sus datos, al {date}. Guarde este archivo en un lugar seguro.",
    "share.confirm": (
        "Puedo enviar el resumen de esta semana al personal de su programa, para que "
        "su consejero lo vea. Solo se envía este resumen, con su código de cliente. "
        "¿Lo envío?"
    ),
    "share.yes": "Sí, enviarlo",
    "share.no": "No",
    "share.sent": "Enviado al personal de su programa. Gracias por compartir.",
    "share.failed": (
        "Su resumen no pudo llegar al personal de su programa en este momento. Por favor, "
        "avísele a su consejero o intente /compartir más tarde."
    ),
    "share.unavailable": (
        "Su programa todavía no ha activado esta opción. Puede mostrarle su /progreso "
        "a su consejero."
    ),
    "settings.days_since_use": "Días desde el último consumo",
    "progress.window": "Ver {days} días",
    "rem.weekly.head": "Es domingo: un repaso de su semana.",
    "share.staff_header": "Resumen semanal compartido por el cliente {client} ({date}):",
    # The bot's profile (setMyDescription, setMyShortDescription): the first screen after an
    # invite link, and what a chat list shows. Neutral: no treatment words.
    "bot.description": (
        "Un acompañante privado para cada día: un registro diario rápido, una forma de anotar "
        "los momentos difíciles con una idea para probar, recordatorios de sus citas y ayuda a "
        "un toque, de día o de noche.\n\nÁbralo con el enlace que le dieron."
    ),
    "bot.short_description": (
        "Un acompañante privado: registro diario, recordatorios, ayuda siempre."
    ),
}
