"""Sub-commands of the ``kg`` CLI: argument parsing and printing only."""
