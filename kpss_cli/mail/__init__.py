"""E-mail: reminders of tasks to their owners and invitations to meetings, composed from the
archive, sent once through an SMTP server, with a sent-log kept in the archive."""
