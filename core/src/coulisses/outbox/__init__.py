"""What must leave PostgreSQL after a commit: queued jobs and live events (transactional outbox)."""
