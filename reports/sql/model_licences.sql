-- The licence of each model's weights, as the outside frameworks record it.
SELECT model, licence FROM model_licences
