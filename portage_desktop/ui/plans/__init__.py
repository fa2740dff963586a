"""Goals and activity plans: the editor, the small steps, the week grid and the chart."""
