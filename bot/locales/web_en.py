"""English texts of the staff web view (staff read them, not clients: plain and short)."""

TEXTS: dict[str, str] = {
    "web.title": "Recovery companion: staff",
    "web.skip": "Skip to the page",
    "web.nav": "Pages",
    "web.nav.caseload": "Caseload",
    "web.nav.alerts": "Alerts",
    "web.nav.invites": "Invites",
    "web.nav.schedules": "Schedules",
    "web.nav.report": "Report",
    "web.signed_in_as": "Signed in as {name} ({role})",
    "web.role.counselor": "counselor",
    "web.role.admin": "admin",
    "web.signout": "Sign out",
    "web.signout.everywhere": "Sign out everywhere",
    "web.signin.title": "Sign in",
    "web.signin.explain": (
        "This link signs you in once and works for 5 minutes. Press the button to sign in."
    ),
    "web.signin.button": "Sign in",
    "web.signin.bad": "This sign-in link was used already or has expired.",
    "web.signed_out.title": "Signed out",
    "web.signed_out.how": (
        "To sign in, send /web to the bot in a private chat. It answers with a link that "
        "works once, for 5 minutes."
    ),
    "web.error.title": "Not done",
    "web.error.csrf": (
        "This form was not sent from this session's page, so nothing was changed. Reload the "
        "page and try again."
    ),
    "web.error.forbidden": "You do not have access to this client.",
    "web.error.not_found": "There is no such page.",
    "web.link.message": (
        "Your sign-in link for the staff web view. It works once, for 5 minutes; do not "
        "share it:\n{link}"
    ),
    "web.link.not_on_list": (
        "You are not on the web view's staff list yet. Ask an admin to add you on the "
        "server: recovery-bot staff add {id} --name NAME --role counselor"
    ),
}
