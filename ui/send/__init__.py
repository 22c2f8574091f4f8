"""The Send page's parts: the campaign wizard and the progress view."""
