"""The Results page: the dashboard (charts, score summary, filters), the Responses tab
and the big-screen view."""
