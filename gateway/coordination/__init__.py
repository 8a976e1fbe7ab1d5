"""State shared by several gateway processes: per-principal request slots, rate buckets and the model queue's
admission, in Redis when ``coordination.redis_url`` is set, else in this process."""
