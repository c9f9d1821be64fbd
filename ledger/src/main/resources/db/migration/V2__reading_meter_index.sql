-- Schema version 2: one meter's readings across batches, in time order, without a scan of every
-- reading (a meter's history, and the checks over consecutive readings: registers, gaps, overlaps).
CREATE INDEX reading_by_meter ON reading (site, meter, time_to);
