-- The Mojaloop transaction id of a transfer (payee side: from its quote), handed to the CBS adapter with every money
-- call of the transfer (plugin API 2.0.0 TransferContext). NULL for transfers stored before it and where unknown.

ALTER TABLE transfers ADD COLUMN transaction_id text;
