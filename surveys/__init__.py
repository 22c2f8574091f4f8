"""The survey domain: questionnaires, question types, templates and scoring.

Pure Python: no Qt, no SQL, no I/O. Everything else in Koe builds on it.
"""
