"""The survey domain: questionnaires, question types, templates, scoring, intervals,
the best-practice checker, text tagging and the words of messages.

Pure Python: no Qt, no SQL, no I/O. Imports none of Koe's other packages; every
other package builds on it.
"""
