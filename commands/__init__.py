"""The headless sub-commands of ``main.py`` (serve, demo, surveys, export, contacts).

No Qt here: these run on a server without a display.
"""
