"""Files people read outside Koe: a survey's responses as CSV (with its codebook) and
Excel, the PDF report, the printable QR posters, and the fonts they embed.

Every spreadsheet cell goes through ``surveys.untrusted_text.spreadsheet_row`` (a
respondent's ``=HYPERLINK(…)`` arrives as text) and every time through
``surveys.times``, so CSV, Excel and PDF agree. The numbers come from
``storage`` (``storage.export_summary``, ``storage.responses``); this package holds
no SQL. Imports ``storage``, ``surveys`` and ``channels.qr`` (a poster's code).
"""
