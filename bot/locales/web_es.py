"""Textos en español de la vista web del personal."""

TEXTS: dict[str, str] = {
    "web.title": "Acompañante de recuperación: personal",
    "web.skip": "Ir a la página",
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
        "Este enlace inicia sesión una sola vez y sirve 5 minutos. Pulse el botón para entrar."
    ),
    "web.signin.button": "Iniciar sesión",
    "web.signin.bad": "Este enlace ya se usó o ha caducado.",
    "web.signed_out.title": "Sesión cerrada",
    "web.signed_out.how": (
        "Para entrar, envíe /web al bot en un chat privado. Responde con un enlace que sirve "
        "una vez, durante 5 minutos."
    ),
    "web.error.title": "No se hizo",
    "web.error.csrf": (
        "Este formulario no se envió desde la página de esta sesión, así que no se cambió "
        "nada. Recargue la página e inténtelo de nuevo."
    ),
    "web.error.forbidden": "No tiene acceso a este cliente.",
    "web.error.not_found": "Esa página no existe.",
    "web.link.message": (
        "Su enlace para entrar a la vista web del personal. Sirve una vez, durante 5 "
        "minutos; no lo comparta:\n{link}"
    ),
    "web.link.not_on_list": (
        "Todavía no está en la lista de personal de la vista web. Pida a un administrador "
        "que lo agregue en el servidor: recovery-bot staff add {id} --name NOMBRE --role "
        "counselor"
    ),
}
