"""Example third-party plugin: greets new members, using the whole SDK surface."""
