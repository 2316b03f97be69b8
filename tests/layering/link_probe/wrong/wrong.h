// A header for the layering link probe.
