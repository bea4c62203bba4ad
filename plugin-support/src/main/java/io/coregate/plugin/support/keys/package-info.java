/**
 * Per-leg idempotency keys: {@link io.coregate.plugin.support.keys.LegKeys} derives, from the Mojaloop
 * {@code transferId} and the {@link io.coregate.plugin.support.keys.Leg}, the reference a CBS de-duplicates a posting
 * on: deterministic (a retry reuses it), distinct per leg (a refund never reuses the debit's key), bounded in length
 * and in a vendor-safe character set.
 */
package io.coregate.plugin.support.keys;
