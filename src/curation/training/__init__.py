"""Fine-tuning on approved dataset versions: the hand-off that verifies a version and records the
run (handoff.py), the trainer (trainer.py) with its data, device, checkpoints, hashes and model
card, and the base models it starts from (base_models.py)."""

import os

# Set before transformers/huggingface_hub are first imported (they read these at import time):
# nothing in this package may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
