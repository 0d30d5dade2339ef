-- AUDIO datasets (issue 15): a ZIP of class folders of WAV files is described by its sample rate, its largest
-- channel count and its shortest and longest clip (the checker compares them with the base's audio front end).
ALTER TABLE dataset_version ADD COLUMN audio JSONB;

-- compatibleWith=<audio dataset> in SQL: the latest version's audio front end (sample rate, clip length).
ALTER TABLE registered_model
    ADD COLUMN input_sample_rate  INTEGER,
    ADD COLUMN input_clip_samples INTEGER;

UPDATE registered_model m
SET input_sample_rate = CAST(v.input_spec -> 'preprocessing' ->> 'sampleRate' AS INTEGER),
    input_clip_samples = CAST(v.input_spec -> 'preprocessing' -> 'audio' ->> 'clipSamples' AS INTEGER)
FROM model_version v
WHERE v.model_id = m.id AND v.version = m.latest_version
  AND jsonb_typeof(v.input_spec -> 'preprocessing' -> 'audio') = 'object';
