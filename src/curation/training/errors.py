"""The one exception of the training package: a run that cannot start or finish, said in plain words."""

class TrainingError(RuntimeError):
    """A training run that cannot start or finish; the message says why in plain words."""
