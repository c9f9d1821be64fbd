-- Schema version 5: what the readings tables say about a meter (measurement point, zone), the PUE
-- contracts of the contracts table and the structural changes of the changes table, so that a
-- report of the ledger sees what a report of the files sees. Version 6 makes these tables
-- immutable like the others.

-- point: a MeasurementPoint by name (UPS_OUTPUT, PDU_OUTPUT, IT_INPUT), or null.
CREATE TABLE meter_tag (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    site VARCHAR(200) NOT NULL,
    meter VARCHAR(200) NOT NULL,
    point VARCHAR(30),
    zone VARCHAR(1000),
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

-- period_to null: open-ended.
CREATE TABLE contract (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    site VARCHAR(200) NOT NULL,
    counterparty VARCHAR(1000),
    target_pue NUMERIC(60, 20) NOT NULL,
    target_pue_scale INTEGER NOT NULL,
    amount_per_step NUMERIC(60, 20) NOT NULL,
    amount_per_step_scale INTEGER NOT NULL,
    currency VARCHAR(100) NOT NULL,
    cap NUMERIC(60, 20),
    cap_scale INTEGER,
    basis VARCHAR(30) NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE,
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);

-- sites: the site ids, separated by a line feed (ids hold none); emissions in t CO2e as written.
CREATE TABLE structural_change (
    batch_id BIGINT NOT NULL,
    ordinal INTEGER NOT NULL,
    change_type VARCHAR(30) NOT NULL,
    change_date DATE NOT NULL,
    sites VARCHAR(4000) NOT NULL,
    emissions NUMERIC(60, 20) NOT NULL,
    emissions_scale INTEGER NOT NULL,
    note VARCHAR(4000) NOT NULL,
    src_file VARCHAR(1000),
    src_sheet VARCHAR(1000),
    src_row INTEGER,
    src_column VARCHAR(10),
    PRIMARY KEY (batch_id, ordinal)
);
