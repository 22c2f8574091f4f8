"""What several pages share: the database worker, notice bars and empty states, icons,
the translator, confirmations, the passphrase dialog and common wordings."""
