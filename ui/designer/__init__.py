"""The survey designer: questions, an editor per type, undo, a live checklist, autosave."""
