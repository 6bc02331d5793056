"""The audit trail: the hash-chained log, its signed checkpoints, the outbox that feeds it, the
audit context every record is written with, and OpenLineage events telling the same story."""
