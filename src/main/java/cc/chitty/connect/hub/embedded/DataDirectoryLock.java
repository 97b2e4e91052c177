package cc.chitty.connect.hub.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on the data directory, released by the kernel even when the hub is killed: holding it proves no
 * other live hub uses the embedded servers' data, so leftovers of a killed one may be cleaned up.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    DataDirectoryLock(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path lockFile = dataDir.resolve(".hub.lock");
        this.channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another hub is running on the data directory " + dataDir.toAbsolutePath()
                    + "; stop it or set HUB_DATA_DIR to another directory");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
