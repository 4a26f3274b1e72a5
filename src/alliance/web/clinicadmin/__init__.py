"""The clinic admin's pages: an overview of the clinic and its settings as forms."""
