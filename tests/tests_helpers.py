"""Small synthetic inputs shared by tests."""

_BASE = [
    "Customer Alice Whitfield reported that the export to CSV fails with a timeout after ten minutes.",
    "The billing page shows the wrong currency for customers in Canada since the last release.",
    "Please reset the two-factor settings for the account of Robert Kim, he lost his phone.",
    "Invoices generated on Sunday are missing the tax line; finance needs them corrected this week.",
    "The mobile app crashes when the user opens the settings screen on older Android versions.",
    "Search results are slow for large workspaces; the team asks whether an index can be added.",
    "The onboarding e-mail links to an old help page; marketing will update the template.",
    "Exports scheduled for midnight run twice when the server changes to daylight saving time.",
    "A customer asks whether archived projects count toward the storage quota of the plan.",
    "The audit page should show who changed the retention setting and when it was changed.",
]
# Thirty distinct tickets: enough text for a training split and an eval block.
TICKETS_EN = [f"Ticket {100 + i}: {text}" for i, text in enumerate(_BASE * 3)]
