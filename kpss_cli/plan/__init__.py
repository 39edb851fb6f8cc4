"""The community plan: the state of each item on a day, yearly monitoring, plans imported from tables."""
