-- The last day the warehouse holds data for (the view data_through).
SELECT data_through FROM data_through
