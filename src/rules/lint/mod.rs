//! Answer quality checks (п. 1.4, 1.5, 3.11, 3.12, 3.14). Filled in by the lint work.
