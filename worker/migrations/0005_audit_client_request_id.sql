-- The caller's own X-Request-Id, kept beside the server-made request_id (never instead of it): a caller
-- chooses its id freely, so it can neither be trusted as unique nor stand alone in an audit trail.
ALTER TABLE audit_events ADD COLUMN client_request_id TEXT;
