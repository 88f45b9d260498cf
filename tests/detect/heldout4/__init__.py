"""Fourth blind held-out detection corpus (issue 19); see README.md and TRAPS.md."""
