"""The staff web view's door: HTTP requests -> service calls, answers as HTML pages.

Starlette routes and Jinja2 templates, HTMX vendored in `static/` (no CDN, no build step).
Like the other doors it never touches the store: it signs staff in and reads and changes the
program through the service layer (`bot.service.web_auth`, `bot.service.caseload`,
`StaffDesk`)."""
