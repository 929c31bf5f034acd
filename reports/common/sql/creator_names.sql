-- The creators of $creators the warehouse holds, with the name reports print (its id where the house
-- has not named it): what a subscriber's constraint on substitutes names.
SELECT creator, coalesce(name, creator) AS name
FROM creators
WHERE list_contains($creators, creator)
ORDER BY creator
