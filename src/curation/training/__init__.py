"""Fine-tuning on approved dataset versions: the hand-off that verifies a version (handoff.py),
the trainer (trainer.py) and the base models it starts from (base_models.py)."""
