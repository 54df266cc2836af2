"""Package data: the embedded default plan, the unit registry and translations."""
