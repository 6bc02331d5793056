"""Word shapes shared by the English name and address recognizers: capitalised words, non-names, company units."""

from __future__ import annotations

WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"

# Capitalised words that start sentences and headings, not names.
NOT_NAMES = frozenset("""The This That These Those Our Your Their His Her Its We You They I It A An All Any Each Every Some
No Not And Or But If When While Please Thanks Thank Team Customer Customers Support Sales Finance
Accounts Payroll Order Orders Invoice Meeting Contract Server Incident Reminder New Hi Hello Dear
Regards Best Subject From To Cc Re Fwd Ship Tax Fraud Refund Wire Login Payment Visitor Applicant
Escalated Call""".split())  # noqa: SIM905

# First halves of capitalised hyphenated words that are not names.
HYPHEN_WORDS = frozenset("""Follow Check Self Non Co Pre Post Re Multi Cross Wi Part Full Long Short High Low Real Open Anti
Well Sign Log Set Add Plug Roll Start Drop Pick Walk Stand Write Built Front Back Top End Mid Year
Month Day Week Time Face Hands Cost Risk Data User Client Customer""".split())  # noqa: SIM905

# Head nouns of a company's departments and of job titles, as a regex alternation: a capitalised
# phrase that ends in one ("The Sales Department", "Human Resources", "Logistics Coordinator")
# names a unit of the company or a role, not a place or a person.
ORG_UNIT_HEAD = (r"(?:Department|Dept\.?|Division|Team|Desk|Office|Services|Resources|Relations|Operations|Affairs"
                 r"|Director|Manager|Coordinator|Officer|Assistant|Engineer|Specialist|Lead|Head|Partner|Counsel)(?![\w-])")
