"""How messages leave: email through Django's email framework, SMS through a provider."""
