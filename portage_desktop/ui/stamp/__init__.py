"""The Stamp of Approval area: the criteria, statements, awards and the wizard."""
