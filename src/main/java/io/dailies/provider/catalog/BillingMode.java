package io.dailies.provider.catalog;

/** How a generation is paid for: a synchronous request, or the cheaper asynchronous Batch API. */
public enum BillingMode {
    SYNC,
    BATCH
}
