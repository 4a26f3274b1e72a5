"""`python -m alliance ...` runs the command line, as the `alliance` script does."""

from alliance.cli import main

main(prog_name="alliance")
