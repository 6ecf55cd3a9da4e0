"""Textos en español de la vista web del personal."""

TEXTS: dict[str, str] = {
    "web.title": "Acompañante de recuperación: personal",
    "web.skip": "Ir al contenido",
    "web.nav": "Páginas",
    "web.nav.caseload": "Casos",
    "web.nav.alerts": "Alertas",
    "web.nav.invites": "Invitaciones",
    "web.nav.schedules": "Horarios",
    "web.nav.report": "Informe",
    "web.signed_in_as": "Sesión de {name} ({role})",
    "web.role.counselor": "consejero",
    "web.role.admin": "administrador",
    "web.signout": "Cerrar sesión",
    "web.signout.everywhere": "Cerrar todas las sesiones",
    "web.signin.title": "Iniciar sesión",
    "web.signin.explain": (
        "Este enlace inicia sesión una sola vez y sirve 5 minutos. Haga clic en el botón "
        "para entrar."
    ),
    "web.signin.button": "Iniciar sesión",
    "web.signin.bad": "Este enlace ya se usó o ha caducado.",
    "web.signed_out.title": "Sesión cerrada",
    "web.signed_out.how": (
        "Para entrar, envíe /web al bot en un chat privado. Responde con un enlace que sirve "
        "una vez, durante 5 minutos."
    ),
    "web.error.title": "No se pudo hacer",
    "web.error.csrf": (
        "Este formulario no se envió desde la página de esta sesión, así que no se cambió "
        "nada. Recargue la página e inténtelo de nuevo."
    ),
    "web.error.forbidden": "No tiene acceso a este cliente.",
    "web.error.not_found": "Esa página no existe.",
    "web.error.server": (
        "Algo salió mal en el servidor. Inténtelo de nuevo; si vuelve a pasar, "
        "avise a quien administra el servidor."
    ),
    "web.link.message": (
        "Su enlace para entrar a la vista web del personal. Sirve una vez, durante 5 "
        "minutos; no lo comparta:\n{link}"
    ),
    "web.link.not_on_list": (
        "Todavía no está en la lista de personal de la vista web. Pida a un administrador "
        "que lo agregue en el servidor: recovery-bot staff add {id} --name NOMBRE --role "
        "counselor"
    ),
    "web.col.client": "Cliente",
    "web.col.label": "Etiqueta",
    "web.col.counselor": "Consejero",
    "web.col.track": "Programa",
    "web.col.day": "Día",
    "web.col.last_contact": "Último contacto",
    "web.col.completion": "Registros, 7 días",
    "web.col.alerts": "Alertas y señales",
    "web.col.status": "Estado",
    "web.col.when": "Cuándo",
    "web.col.tier": "Nivel",
    "web.col.taken": "Atendido por",
    "web.col.day_date": "Fecha",
    "web.col.mood": "Ánimo",
    "web.col.craving": "Ganas de consumir",
    "web.col.use": "Consumo",
    "web.col.sleep": "Sueño",
    "web.col.stress": "Estrés",
    "web.col.medication": "Medicación",
    "web.col.triggers": "Detonantes",
    "web.col.intensity": "Intensidad",
    "web.col.action": "Qué hizo",
    "web.col.outcome": "Resultado",
    "web.col.kind": "Recordatorio",
    "web.col.sent": "Enviados",
    "web.col.missed": "Perdidos",
    "web.filter.all": "Todos",
    "web.filter.apply": "Mostrar",
    "web.caseload.count": "Se muestran {shown} de {total} clientes, primero los de más riesgo.",
    "web.caseload.caption": "Clientes, primero los de más riesgo y los de contacto más antiguo",
    "web.caseload.open_alerts.one": "{n} aviso de crisis sin atender (nivel {tier})",
    "web.caseload.open_alerts.other": "{n} avisos de crisis sin atender (nivel {tier})",
    "web.caseload.none": "No hay clientes que mostrar.",
    "web.day_n": "día {day} de {total}",
    "web.status.active": "activo",
    "web.status.enrolling": "inscribiéndose",
    "web.status.stopped": "detuvo los mensajes",
    "web.status.blocked": "bloqueó el bot",
    "web.status.discharged": "dado de alta",
    "web.client.title": "Cliente {id}",
    "web.client.enrolled": "Inscrito",
    "web.client.checkins": "Registros",
    "web.client.checkins_of.one": "{done} de {n} día",
    "web.client.checkins_of.other": "{done} de {n} días",
    "web.client.streak": "Días seguidos",
    "web.client.sessions_there": "Sesiones con asistencia",
    "web.client.cravings": "Ganas de consumir anotadas",
    "web.client.cravings_of": "{logged} ({passed} pasaron)",
    "web.client.charts": "Gráficas",
    "web.client.chart.mood": (
        "Ánimo y ganas de consumir, últimos 30 días (la misma gráfica que ve el cliente)"
    ),
    "web.client.chart.triggers": (
        "Detonantes, últimos 30 días (la misma gráfica que ve el cliente)"
    ),
    "web.client.actions": "Cambiar",
    "web.client.set_track": "Programa",
    "web.client.no_track": "Sin programa",
    "web.client.set_track.button": "Asignar programa",
    "web.client.discharge.confirm": "Sí, terminar el programa de este cliente (no más mensajes)",
    "web.client.discharge.button": "Dar de alta",
    "web.client.readmit.confirm": "Sí, readmitir a este cliente (vuelven los mensajes)",
    "web.client.readmit.button": "Readmitir",
    "web.client.erase.confirm": "Para borrar todo el registro para siempre, escriba {id}",
    "web.client.erase.button": "Borrar registro",
    "web.client.erase.mismatch": "Escriba exactamente el código {id} para borrar el registro.",
    "web.client.confirm_needed": "Marque la casilla para confirmar.",
    "web.client.crises": "Eventos de crisis",
    "web.client.checkin_table": "Registros diarios",
    "web.client.craving_table": "Ganas de consumir",
    "web.client.trigger_table": "Detonantes anotados",
    "web.client.attendance": "Respuestas a sesiones",
    "web.client.reminders": "Recordatorios",
    "web.tier": "Nivel {tier}: {words}",
    "web.taken_by": "{name}, {time}",
    "web.not_taken": "Sin atender todavía",
    "web.none": "Nada todavía.",
    "web.attendance.there": "asistirá",
    "web.attendance.late": "llegará tarde",
    "web.attendance.cant": "no puede ir",
    "web.alerts.crises": "Avisos de crisis sin atender",
    "web.alerts.no_crises": "Ninguno: alguien ya atiende cada aviso de crisis.",
    "web.alerts.repeats": "enviado de nuevo {n} veces",
    "web.alerts.digests": "Señales del día sin atender",
    "web.alerts.digest": "Señales del {day}: {n} clientes. Vea en Casos quiénes y por qué.",
    "web.alerts.digest_hint": "Casos muestra las señales de los últimos 7 días de cada cliente.",
    "web.alerts.no_digests": "Ninguna.",
    "web.alerts.digest_taken": "Señales del día: {toast} (desde la vista web)",
    "web.confirm_needed": "Marque la casilla para confirmar: {what}.",
    "web.invites.new": "Invitación nueva",
    "web.invites.link": "Enlace:",
    "web.invites.client_id": (
        "Código de cliente: {id}. Quien use el "
        "enlace lo recibe: anótelo en sus registros."
    ),
    "web.invites.until": "Sirve una vez, hasta {time}.",
    "web.invites.qr": "Código QR del enlace de invitación, para imprimir para el cliente",
    "web.invites.once": (
        "Este enlace solo se muestra ahora: el código "
        "no se guarda. Imprímalo o cópielo antes de salir."
    ),
    "web.invites.create": "Crear una invitación",
    "web.invites.label": "Etiqueta (solo personal)",
    "web.invites.label.hint": (
        "Un número de expediente o iniciales; "
        "nunca un nombre, diagnóstico o teléfono."
    ),
    "web.invites.expires": "Válida durante",
    "web.invites.expires.hint": "Por ejemplo 72h, 7d o 90m; como máximo 30 días.",
    "web.invites.create.button": "Crear invitación",
    "web.invites.pending": "Invitaciones pendientes",
    "web.invites.revoke": "Revocar {ref}",
    "web.invites.none": "No hay invitaciones pendientes.",
    "web.invites.item.track": "programa {name}",
    "web.invites.item.label": "etiqueta {label}",
    "web.invites.item.counselor": "consejero/a {name}",
    "web.invites.item.expires": "vence {time}",
    "web.kind.group": "sesión de grupo",
    "web.kind.individual": "sesión individual",
    "web.kind.family": "sesión familiar",
    "web.schedules.choose": "Elija...",
    "web.schedules.tracks": "Programas",
    "web.schedules.sessions": "Sesiones",
    "web.schedules.no_sessions": "Todavía no hay sesiones.",
    "web.schedules.session_add": "Agregar una sesión",
    "web.schedules.session_edit": "Cambiar una sesión",
    "web.schedules.session_skip": "Saltar una fecha de una sesión semanal",
    "web.schedules.session_remove": "Quitar una sesión",
    "web.schedules.track_add": "Agregar un programa",
    "web.schedules.track_remove": "Quitar un programa",
    "web.schedules.track_name": "Nombre del programa",
    "web.schedules.timezone": "Zona horaria",
    "web.schedules.timezone.hint": "Por ejemplo America/Chicago; vacío para la zona del programa.",
    "web.schedules.force": "Revocar también las invitaciones pendientes de este programa",
    "web.schedules.client": "O un cliente (código de cliente)",
    "web.schedules.client.hint": (
        "Para la sesión de un cliente, p. "
        "ej. c-3f9a1b2c; deje vacío el programa."
    ),
    "web.schedules.kind": "Tipo",
    "web.schedules.weekly": "Semanal, los días",
    "web.schedules.weekly.hint": "Días, p. ej. mon,wed; o indique una fecha abajo.",
    "web.schedules.weekly_one": "Semanal, un día",
    "web.schedules.once": "Una vez, el",
    "web.schedules.start": "Hora de inicio (local)",
    "web.schedules.length": "Duración en minutos",
    "web.schedules.length.hint": "De 5 a 600.",
    "web.schedules.place": "Lugar (sala o enlace de video)",
    "web.schedules.place.clear": "Escriba - para borrarlo.",
    "web.schedules.session": "Sesión",
    "web.schedules.unchanged": "(sin cambio)",
    "web.schedules.edit.hint": "Complete solo lo que cambia.",
    "web.schedules.skip_date": "Fecha que se salta",
    "web.report.bad_date": "{value} no es una fecha; use AAAA-MM-DD",
    "web.report.since": "Desde",
    "web.report.until": "Hasta",
    "web.report.csv": "Descargar como CSV",
    "web.report.count": (
        "{n} clientes, del {since} al {until} "
        "(días de cada cliente; queda registrado)."
    ),
    "web.audit.title": "Registro de auditoría",
    "web.audit.admins": "El registro de auditoría es para administradores.",
    "web.audit.since.hint": "Vacío para todo el registro.",
    "web.audit.explain": (
        "Quién leyó, exportó, cambió o atendió qué, y cuándo "
        "(hora del programa). Leerlo también queda registrado."
    ),
    "web.caseload.show_all": "Mostrar los {n}",
    "web.nav.staff": "Personal",
    "web.staff.add": "Agregar o cambiar a alguien del personal",
    "web.staff.remove": "Quitar a alguien del personal",
    "web.staff.id": "Id de Telegram",
    "web.staff.id.hint": "Su id de usuario de Telegram, un número.",
    "web.staff.name": "Nombre",
    "web.staff.name.hint": "El nombre que las invitaciones muestran como consejero.",
    "web.staff.role": "Rol",
    "web.staff.admins": "La lista del personal es para administradores.",
}
