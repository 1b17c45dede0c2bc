import sys

# Absolute, so that PyInstaller can run this file as the bundle's entry script.
from itadesk.cli import main

sys.exit(main())
