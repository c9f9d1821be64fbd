-- The wattledger ledger, schema version 1: immutable import batches.
-- Written once for H2 and PostgreSQL; ${binary} is the one type that differs (BLOB on H2, BYTEA on
-- PostgreSQL). Exact decimals are NUMERIC(60, 20); the scale the user wrote is kept beside a
-- value (*_scale) so that a stored reading comes back as the very same BigDecimal.
-- No statement of wattledger ever updates or deletes a row of these tables.

-- One row; an import locks it (SELECT ... FOR UPDATE) so that batches are numbered and checked
-- for duplicates one at a time.
CREATE TABLE ledger_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO ledger_lock (id) VALUES (1);

-- Inserted last in its transaction, so "at" is the moment the batch became visible.
-- supersedes: the batch this one replaces from its "at" on (each batch at most once).
CREATE TABLE batch (
    id BIGINT PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name VARCHAR(200) NOT NULL,
    note VARCHAR(4000),
    supersedes BIGINT UNIQUE REFERENCES batch (id),
    rows_read BIGINT NOT NULL,
    rows_accepted BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    factor_release VARCHAR(1000) NOT NULL,
    engine_version VARCHAR(100) NOT NULL,
    CHECK (rows_read = rows_accepted + rows_rejected)
);

CREATE TABLE batch_file (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    name VARCHAR(1000) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 CHAR(64) NOT NULL,
    content ${binary} NOT NULL,
    PRIMARY KEY (batch_id, ordinal)
);
CREATE INDEX batch_file_sha256 ON batch_file (sha256);

-- Every accepted reading exactly as the importer handed it over (before registers are differenced
-- or gaps filled: that happens at report time, over all active batches together).
CREATE TABLE reading (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    site VARCHAR(200) NOT NULL,
    meter VARCHAR(200) NOT NULL,
    carrier VARCHAR(30) NOT NULL,
    gas VARCHAR(100),
    fuel_use VARCHAR(30),
    role VARCHAR(30) NOT NULL,
    time_from TIMESTAMP,
    time_to TIMESTAMP NOT NULL,
    quantity NUMERIC(60, 20) NOT NULL,
    quantity_scale INTEGER NOT NULL,
    unit VARCHAR(100) NOT NULL,
    reading_type VARCHAR(30) NOT NULL,
    multiplier NUMERIC(60, 20) NOT NULL,
    multiplier_scale INTEGER NOT NULL,
    register_digits INTEGER,
    register_event VARCHAR(30) NOT NULL,
    quality VARCHAR(30) NOT NULL,
    note VARCHAR(4000),
    src_file VARCHAR(1000) NOT NULL,
    src_sheet VARCHAR(1000),
    src_row INTEGER NOT NULL,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

CREATE TABLE site (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    id VARCHAR(200) NOT NULL,
    name VARCHAR(1000),
    region VARCHAR(100) NOT NULL,
    kind VARCHAR(30) NOT NULL,
    kind_declared BOOLEAN NOT NULL,
    floor_area NUMERIC(60, 20),
    floor_area_scale INTEGER,
    it_capacity_kw NUMERIC(60, 20),
    it_capacity_kw_scale INTEGER,
    in_service_from DATE,
    in_service_to DATE,
    time_zone VARCHAR(100),
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

CREATE TABLE instrument (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    id VARCHAR(200),
    instrument_type VARCHAR(30),
    site VARCHAR(200),
    market VARCHAR(100),
    vintage_from DATE,
    vintage_to DATE,
    quantity NUMERIC(60, 20) NOT NULL,
    quantity_unit VARCHAR(100) NOT NULL,
    factor NUMERIC(60, 20) NOT NULL,
    factor_unit VARCHAR(100) NOT NULL,
    retired BOOLEAN NOT NULL,
    claimant VARCHAR(1000),
    note VARCHAR(4000),
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

-- boundary: the site ids, separated by a line feed (ids hold none).
CREATE TABLE target (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    id VARCHAR(200),
    metric VARCHAR(200),
    boundary VARCHAR(4000) NOT NULL,
    base_year INTEGER NOT NULL,
    base_value NUMERIC(60, 20),
    base_unit VARCHAR(100),
    target_year INTEGER NOT NULL,
    target_value NUMERIC(60, 20),
    target_unit VARCHAR(100),
    reduction_pct NUMERIC(60, 20),
    reduction_pct_scale INTEGER,
    path VARCHAR(30),
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

CREATE TABLE denominator (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    boundary VARCHAR(200),
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    name VARCHAR(200),
    amount NUMERIC(60, 20) NOT NULL,
    amount_unit VARCHAR(100) NOT NULL,
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

CREATE TABLE batch_issue (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    severity VARCHAR(30) NOT NULL,
    file VARCHAR(1000),
    sheet VARCHAR(1000),
    row_number INTEGER,
    col VARCHAR(10),
    message VARCHAR(10000) NOT NULL,
    PRIMARY KEY (batch_id, ordinal)
);

-- Where each readings table keeps a reading's quantity, start and end (column letters).
CREATE TABLE reading_columns (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    file VARCHAR(1000) NOT NULL,
    sheet VARCHAR(1000),
    quantity_col VARCHAR(10),
    from_col VARCHAR(10),
    to_col VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

-- Site ids whose row in the sites table had an error, with that row.
CREATE TABLE rejected_site (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    site_id VARCHAR(200) NOT NULL,
    src_file VARCHAR(1000) NOT NULL,
    src_sheet VARCHAR(1000),
    src_row INTEGER NOT NULL,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);
