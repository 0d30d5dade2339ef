-- compatibleWith in SQL (issue 14): the latest version's input facts that decide whether a HEAD_ONLY fine-tune
-- without adapters accepts a dataset, copied onto the model row next to modality and task, so the catalog is
-- filtered by an index instead of loading and checking every version in Java (which capped the answer at 500).
ALTER TABLE registered_model
    ADD COLUMN input_shape         INTEGER[],
    ADD COLUMN input_range_low     DOUBLE PRECISION,
    ADD COLUMN input_range_high    DOUBLE PRECISION,
    ADD COLUMN input_normalization JSONB,
    ADD COLUMN head_trainable      BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE registered_model m
SET input_shape = ARRAY(SELECT CAST(s AS INTEGER) FROM jsonb_array_elements_text(v.input_spec -> 'shape') s),
    input_range_low = CASE WHEN jsonb_typeof(v.input_spec -> 'preprocessing' -> 'range') = 'array'
            AND jsonb_array_length(v.input_spec -> 'preprocessing' -> 'range') = 2
        THEN CAST(v.input_spec -> 'preprocessing' -> 'range' ->> 0 AS DOUBLE PRECISION) END,
    input_range_high = CASE WHEN jsonb_typeof(v.input_spec -> 'preprocessing' -> 'range') = 'array'
            AND jsonb_array_length(v.input_spec -> 'preprocessing' -> 'range') = 2
        THEN CAST(v.input_spec -> 'preprocessing' -> 'range' ->> 1 AS DOUBLE PRECISION) END,
    input_normalization = NULLIF(jsonb_strip_nulls(jsonb_build_object(
        'mean', v.input_spec -> 'preprocessing' -> 'mean',
        'std', v.input_spec -> 'preprocessing' -> 'std')), CAST('{}' AS JSONB)),
    head_trainable = (v.architecture ->> 'featureLayer') IS NOT NULL
FROM model_version v
WHERE v.model_id = m.id AND v.version = m.latest_version;

CREATE INDEX registered_model_by_input ON registered_model (modality, input_shape) WHERE latest_version > 0;
