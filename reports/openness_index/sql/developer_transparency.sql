-- Each developer's latest Foundation Model Transparency Index edition published by $as_of, the most
-- transparent first.
SELECT * FROM developer_transparency WHERE as_of = $as_of ORDER BY total DESC, developer
