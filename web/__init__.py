"""The respondent site: a small Starlette app on uvicorn that shows surveys and takes answers."""
