-- Fine-tune jobs: an optional test dataset, typed results (test evaluation, training report, phase timings), and
-- enum names for phases and event types. Rows written before keep working: their values are rewritten here.
ALTER TABLE fine_tune_job ADD COLUMN test_dataset_reference  VARCHAR(200);
ALTER TABLE fine_tune_job ADD COLUMN test_dataset_version_id BIGINT REFERENCES dataset_version (id);
ALTER TABLE fine_tune_job ADD COLUMN test_dataset_sha256     VARCHAR(64);
ALTER TABLE fine_tune_job ADD COLUMN test_evaluation         JSONB;
ALTER TABLE fine_tune_job ADD COLUMN training                JSONB;
ALTER TABLE fine_tune_job ADD COLUMN timings                 JSONB;
ALTER TABLE fine_tune_job ALTER COLUMN strategy TYPE VARCHAR(32);

UPDATE fine_tune_job SET progress_phase = CASE
    WHEN progress_phase = 'prepare' THEN 'PREPARE'
    WHEN progress_phase = 'train' OR progress_phase LIKE 'trial%' THEN 'TRAIN'
    WHEN progress_phase = 'baseline' THEN 'BASELINE'
    WHEN progress_phase = 'publish' THEN 'PUBLISH'
    WHEN progress_phase = 'done' THEN 'DONE'
    ELSE NULL END;

UPDATE fine_tune_event SET type = upper(type);
UPDATE fine_tune_event SET payload = payload - 'phase' || jsonb_build_object('phase', CASE
        WHEN payload ->> 'phase' = 'prepare' THEN 'PREPARE'
        WHEN payload ->> 'phase' = 'baseline' THEN 'BASELINE'
        WHEN payload ->> 'phase' = 'publish' THEN 'PUBLISH'
        WHEN payload ->> 'phase' = 'done' THEN 'DONE'
        ELSE 'TRAIN' END)
    WHERE payload ? 'phase';
