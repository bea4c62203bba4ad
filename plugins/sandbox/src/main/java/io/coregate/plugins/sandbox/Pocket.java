package io.coregate.plugins.sandbox;

/**
 * Where money sits in the ledger: one currency of one account. Customer accounts have one pocket; the bank's
 * internal accounts get one pocket per currency they touch.
 *
 * @param accountNo the account
 * @param currency  the ISO 4217 code
 */
record Pocket(String accountNo, String currency) {
}
