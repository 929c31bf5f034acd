-- What the tenant's catalog holds, by kind, for the methodology appendix.
SELECT * FROM private_data ORDER BY kind
