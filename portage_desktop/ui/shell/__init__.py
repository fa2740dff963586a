"""The frame around the areas: the main window, start-up questions, security and the Dashboard."""
