"""Fine-tuning on approved dataset versions, and evaluating what it produced.

The hand-off that verifies a version and records the run (handoff.py), the trainer (trainer.py)
with its data, device, checkpoints, hashes and model card, the base models it starts from
(base_models.py), and the evaluation of a finished run (evaluation.py).
"""

import os

# Set before transformers/huggingface_hub are first imported (they read these at import time):
# nothing in this package may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
