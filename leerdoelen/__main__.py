import sys

from leerdoelen.cli import main

sys.exit(main())
