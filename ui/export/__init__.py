"""Exports from the desktop: the PDF report's charts drawn by Qt, and the Export dialog."""
