"""The Results page's parts beyond the dashboard (ui/dashboard/): the Responses tab."""
