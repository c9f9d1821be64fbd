-- Schema version 3: each meter's readings in input order (batch, then the importer's order), so a
-- report streams the readings one meter at a time from the index instead of sorting every reading.
CREATE INDEX reading_by_meter_input ON reading (site, meter, carrier, batch_id, ordinal);
