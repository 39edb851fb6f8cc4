"""What a coordinator asks of a loaded archive: tasks and their filters, attendance, the
schedule, the next meeting, approving minutes."""
