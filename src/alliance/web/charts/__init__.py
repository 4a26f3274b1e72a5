"""Charts as inline SVG built on the server: no JavaScript, readable by screen readers."""
