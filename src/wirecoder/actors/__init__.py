"""What the actors stage finds actors with: named armed groups (groups), identity militias and communal groups
(communal), and ACLED's names of actors by role (names)."""
