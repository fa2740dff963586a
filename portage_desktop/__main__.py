"""Lets `python -m portage_desktop` behave exactly like the installed command."""

import sys

from portage_desktop.launch import main

sys.exit(main())
