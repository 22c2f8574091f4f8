"""The Send page: the campaign wizard, the progress view, replies, messages and the
QR poster dialog."""
