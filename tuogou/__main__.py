"""`python -m tuogou`: the same as the `tuogou` command."""

import sys

from tuogou.cli import main

sys.exit(main())
