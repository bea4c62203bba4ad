package io.coregate.plugin.api;

/** Whether a quoted amount is what the payer sends or what the payee receives. */
public enum AmountType {
    SEND,
    RECEIVE
}
