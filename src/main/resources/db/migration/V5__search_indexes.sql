-- Search that scales (issue 14, first part).
-- Ranking read to_tsvector() of every matching row; a stored vector is computed once per write.
ALTER TABLE registered_model
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX registered_model_search_vector ON registered_model USING GIN (search_vector);
DROP INDEX registered_model_search;

-- Every sort order of the catalog has an index over the listed rows (latest_version > 0), so a deep page walks
-- the index instead of sorting the table; (namespace, name) is covered by the unique constraint.
CREATE INDEX registered_model_by_downloads ON registered_model (downloads DESC, namespace, name)
    WHERE latest_version > 0;
CREATE INDEX registered_model_by_recent ON registered_model (updated_at DESC, id DESC) WHERE latest_version > 0;
