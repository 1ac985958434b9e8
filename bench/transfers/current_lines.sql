-- The lines the transfers API answers from, as one table for SQLite and DuckDB: the current
-- version of each annual report, each line with its table's visibility and its basis (its own,
-- else its report's default), as the read model holds them.
CREATE TABLE current_lines AS
SELECT l.version_id, r.reporting_state AS reporter, r.year, l.direction, l.category, l.partner_state AS partner,
       l.items, CAST(NULLIF(l.value, '') AS REAL) AS value, l.currency,
       COALESCE(NULLIF(l.basis, ''), json_extract(v.header_json, '$.default_basis'), '') AS basis,
       l.description, l.comments,
       CASE WHEN COALESCE(CASE WHEN l.direction = 'import' THEN v.imports_visibility ELSE v.exports_visibility END,
                          v.visibility) = 'public' THEN 0 ELSE 1 END AS restricted,
       l.line_no
FROM report_lines l JOIN report_versions v ON v.id = l.version_id JOIN reports r ON r.id = v.report_id
WHERE r.type = 'annual' AND v.status = 'submitted'
  AND v.version_no = (SELECT MAX(v2.version_no) FROM report_versions v2
                      WHERE v2.report_id = v.report_id AND v2.status = 'submitted');
-- Sensible indexes for the query mix: each starts with the public/restricted flag every query
-- filters on.
CREATE INDEX cl_direction_basis_year ON current_lines(restricted, direction, basis, year);
CREATE INDEX cl_basis_category_year ON current_lines(restricted, basis, category, year);
CREATE INDEX cl_basis_reporter ON current_lines(restricted, basis, reporter, year, category);
CREATE INDEX cl_year_reporter ON current_lines(restricted, year, reporter);
ANALYZE;
