"""The headless sub-commands of ``main.py`` (serve, demo, surveys, export, contacts,
sync, backups, alert-email): thin — parse, call the core, print one line on failure.

No Qt here: these run on a server without a display. They may import every
package but ``ui``.
"""
