"""Place rules: containment ("Vilseck, Germany"), destinations and house spellings ("Kyiv")."""
