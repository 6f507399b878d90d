"""The built-in Python rules, one module a rule, grouped by namespace (`checker.registry` lists them)."""
