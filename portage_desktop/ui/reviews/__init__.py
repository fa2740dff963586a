"""Reviews with parents: recording one, the child's reviews and the Dashboard's summary."""
