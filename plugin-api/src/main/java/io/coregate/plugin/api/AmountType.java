package io.coregate.plugin.api;

/** Whether a quoted amount is what the payer sends or what the payee receives. Immutable and thread-safe. */
public enum AmountType {
    SEND,
    RECEIVE
}
