"""A synthetic demo clinic seeded from alliance.simulate, for trying the app."""
