"""The set-up assistant (first run on an empty workspace, or Settings ▸ Set-up assistant…)."""
