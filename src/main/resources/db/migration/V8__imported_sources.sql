-- Versions published as Keras HDF5 or TF.js layers models: the format of the upload, the upload itself (a second
-- content-addressed blob, downloadable), and what converted it into the DL4J artifact the version serves.
ALTER TABLE model_version ADD COLUMN source_format varchar(32) NOT NULL DEFAULT 'DL4J';
ALTER TABLE model_version ADD COLUMN source_sha256 varchar(64);
ALTER TABLE model_version ADD COLUMN source_size_bytes bigint;
ALTER TABLE model_version ADD COLUMN converter varchar(64);
ALTER TABLE model_version ADD COLUMN source_keras_version varchar(32);
ALTER TABLE model_version ADD CONSTRAINT model_version_source_blob
    CHECK ((source_sha256 IS NULL) = (source_size_bytes IS NULL));
-- blob garbage checks ask whether any version still references a digest, as artifact or as source
CREATE INDEX model_version_source_sha256 ON model_version (source_sha256) WHERE source_sha256 IS NOT NULL;
