"""Documents made from the archive: sandboxed Jinja templates, the contexts of the minutes,
agenda and new-minutes documents, calendars, and the text views of `show` and `task`."""
