"""Qt item models over Koe's storage queries."""
