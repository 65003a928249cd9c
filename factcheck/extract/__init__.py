"""Extraction: Document -> Claims. The only package that knows quantulum3 and dateparser.

``extract`` runs, per sentence, the date finder first and the quantity finder second (so that
the numbers inside dates are never read as quantities), then links claims across the text:
conversion pairs, part/whole relations, stated changes and ages.
"""

from __future__ import annotations

from factcheck.claims import Claims
from factcheck.document import Document


def extract(document: Document) -> Claims:
    from factcheck.extract.ages import find_ages
    from factcheck.extract.changes import find_changes
    from factcheck.extract.dates import extract_dates
    from factcheck.extract.pairs import find_pairs
    from factcheck.extract.quantities import extract_quantities
    from factcheck.extract.relations import find_relations
    from factcheck.extract.sentences import split_sentences

    # The window rides along for the checks; dates resolve against the exact date only.
    claims = Claims(published=document.published, published_between=document.published_between)
    claims.sentences = split_sentences(document.text)
    for sentence in claims.sentences:
        dates = extract_dates(sentence, document.published)
        claims.dates.extend(dates)
        claims.quantities.extend(extract_quantities(sentence, exclude=[d.span for d in dates]))
    claims.pairs = find_pairs(document.text, claims.quantities)
    claims.relations = find_relations(document.text, claims.quantities, claims.sentences)
    claims.changes = find_changes(document.text, claims.quantities, claims.sentences)
    claims.ages = find_ages(document.text, claims.quantities, claims.dates, claims.sentences)
    # Last, so that the links above never see a size comparison as a written figure.
    from factcheck.extract.comparisons import add_comparisons

    add_comparisons(document.text, claims)
    return claims
