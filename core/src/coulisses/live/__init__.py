"""Live updates: the org's domain events as a Server-Sent Events stream."""
