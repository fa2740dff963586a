"""Entry script for the frozen bundle: the same command line as the installed command."""

import sys

from portage_desktop.launch import main

if __name__ == "__main__":
    sys.exit(main())
