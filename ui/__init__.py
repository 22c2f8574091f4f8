"""The Qt desktop app. Only this package and main.py import PySide6."""
