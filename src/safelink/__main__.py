"""``python -m safelink``: the command line, as the ``safelink`` script runs it."""

from safelink.cli.app import main

if __name__ == "__main__":
    main()
