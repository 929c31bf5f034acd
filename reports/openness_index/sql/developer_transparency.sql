-- Each developer's latest Foundation Model Transparency Index edition published by $as_of: the latest
-- edition first, the most transparent first within an edition. Totals compare only within one edition,
-- since editions need not assess the same indicators (the 2025 edition shares 11 of its 100 with 2024's).
SELECT * FROM developer_transparency WHERE as_of = $as_of ORDER BY edition DESC, total DESC, developer
