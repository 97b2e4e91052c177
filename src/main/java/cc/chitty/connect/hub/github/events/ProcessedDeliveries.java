package cc.chitty.connect.hub.github.events;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The delivery ids the consumer has processed: Camel's JDBC repository on {@code camel_messageprocessed} (shared by
 * every instance), each operation one statement in auto-commit instead of a transaction around a look-up and a
 * write: a record costs two round trips to PostgreSQL instead of five. Recording an id is still atomic: the primary
 * key decides, so of two instances recording one id, one gets true.
 */
class ProcessedDeliveries extends JdbcMessageIdRepository {

    ProcessedDeliveries(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
        setCreateTableIfNotExists(false);
        setInsertString("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING");
    }

    @Override
    public boolean add(String key) {
        return insert(key) == 1;
    }

    @Override
    public boolean contains(String key) {
        return queryForInt(key) > 0;
    }

    @Override
    public boolean remove(String key) {
        return delete(key) > 0;
    }
}
