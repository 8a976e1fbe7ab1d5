"""HTTP controllers only: they parse, call a service, and shape the answer. No domain logic lives here."""
