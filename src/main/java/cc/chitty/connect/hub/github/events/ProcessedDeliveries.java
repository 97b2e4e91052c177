package cc.chitty.connect.hub.github.events;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The delivery ids the consumer has processed: Camel's JDBC repository on {@code camel_messageprocessed} (shared by
 * every instance), each operation one statement in auto-commit instead of a transaction around a look-up and a
 * write: a record costs two round trips to PostgreSQL instead of five. Recording an id is still atomic: the primary
 * key decides, so of two instances recording one id, one gets true. The consumer reads and records a poll's ids
 * at once ({@link ProcessedDeliveryIds}), each as one statement over a PostgreSQL array.
 */
class ProcessedDeliveries extends JdbcMessageIdRepository implements ProcessedDeliveryIds {

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

    @Override
    public Set<String> processedAmong(Collection<String> ids) {
        Set<String> processed = new HashSet<>();
        if (ids.isEmpty()) {
            return processed;
        }
        getJdbcTemplate().query("SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?"
                + " AND messageId = ANY(?)", statement -> {
                    statement.setString(1, getProcessorName());
                    statement.setArray(2, statement.getConnection().createArrayOf("varchar", ids.toArray()));
                }, row -> {
                    processed.add(row.getString(1));
                });
        return processed;
    }

    @Override
    public void recordAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        getJdbcTemplate().update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)"
                + " SELECT ?, id, ? FROM unnest(?) AS id ON CONFLICT DO NOTHING", statement -> {
                    statement.setString(1, getProcessorName());
                    statement.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                    statement.setArray(3, statement.getConnection().createArrayOf("varchar", ids.toArray()));
                });
    }
}
