"""curation: on-premises governance and data curation for fine-tuning open LLMs."""

__version__ = "0.1.0"
