-- Load accepted system costs; earlier costs stay, so that a system's rent can be read on any day.
INSERT INTO systems
SELECT system, name, accelerator, accelerator_count, cost_basis, usd_per_hour, priced_at, source, note,
       $batch_id
FROM accepted;
