package cc.chitty.connect.hub.github.events;

import java.util.Collection;
import java.util.Set;

/**
 * The delivery ids the consumer has processed, read and written a poll at a time ({@link DeliveryBatches}): one
 * look-up for all of a poll's ids before any is applied, one write of those applied after, instead of two round
 * trips per record.
 */
interface ProcessedDeliveryIds {

    /** Those of {@code ids} recorded as processed. */
    Set<String> processedAmong(Collection<String> ids);

    /** Records {@code ids} as processed; an id recorded already stays as it was. */
    void recordAll(Collection<String> ids);
}
