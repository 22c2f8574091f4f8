"""The Settings page and its panels: messages (channels), follow-ups, the respondent
page, backups, the local network and the sync with a public host."""
