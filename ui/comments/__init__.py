"""The Comments page: open comments with their tags, the keyword dialog, and the
detractor alerts shown above every page."""
