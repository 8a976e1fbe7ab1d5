"""Human review of answers: officers' verdicts on audited answers, staff feedback, and the weekly quality report."""
