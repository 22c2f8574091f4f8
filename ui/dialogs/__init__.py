"""Dialogs of the Surveys page."""
