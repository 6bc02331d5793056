"""The audit trail: the hash-chained log and everything that writes, signs or mirrors it.

The log (log.py) and its signed checkpoints (signing.py, trust.py), the outbox that feeds it
(outbox.py), the audit context every record is written with (context.py), and OpenLineage events
telling the same story (lineage.py).
"""
