"""The clinic web app: a Django project whose apps are small vertical slices."""
