package cc.chitty.connect.hub.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** The size cap on a file whose length the host does not declare (chunked): it fails the read, never truncates. */
class EvidenceFetcherTest {

    private static InputStream capped(int size, long cap) {
        return new EvidenceFetcher.CappedStream(new ByteArrayInputStream(new byte[size]), cap);
    }

    @Test
    void aFileUpToTheCapIsReadWhole() throws IOException {
        try (InputStream file = capped(1024, 1024)) {
            assertThat(file.readAllBytes()).hasSize(1024);
        }
    }

    @Test
    void aFileOneByteOverTheCapFailsTheRead() {
        assertThatThrownBy(() -> capped(1025, 1024).readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than the configured limit of 1024 bytes");
        assertThatThrownBy(() -> {
            InputStream file = capped(1025, 1024);
            while (file.read() >= 0) {
                // byte by byte, the other read path
            }
        }).isInstanceOf(IOException.class);
    }
}
