package cc.chitty.connect.hub.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import cc.chitty.connect.hub.upstream.InvalidParameterException;
import cc.chitty.connect.hub.web.HttpLimitsProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.stereotype.Component;

/**
 * Reads the REST door's evidence upload, a {@code multipart/form-data} body with the parts {@code file},
 * {@code caseId}, {@code evidenceType} and {@code metadata}, into the {@link EvidenceUploads} contract. The body
 * arrives spooled by Camel's stream cache (memory, then a temporary file), so the parts may come in any order: a
 * first pass takes the fields, a second leaves the body positioned on the file's content, which the capability
 * streams to the upstream without copying it again.
 */
@Component("evidenceForm")
class EvidenceForm {

    private static final String FILE = "file";
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final HttpLimitsProperties limits;

    EvidenceForm(HttpLimitsProperties limits) {
        this.limits = limits;
    }

    public void read(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        StreamCache form = message.getBody(StreamCache.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        // a client's request headers and query parameters must not pass for form fields
        EvidenceUploads.HEADERS.forEach(message::removeHeader);
        if (form == null) {
            throw new InvalidParameterException(FILE, "is required: a multipart part named file");
        }
        long limit = limits.limitFor(message.getHeader(Exchange.HTTP_URI, String.class));
        boolean hasFile = false;
        for (FileItemInputIterator items = parse(form, contentType, limit); items.hasNext(); ) {
            FileItemInput item = items.next();
            String name = item.getFieldName();
            if (FILE.equals(name)) {
                hasFile = true;
            } else if (EvidenceUploads.HEADERS.contains(name) && item.isFormField()) {
                message.setHeader(name, text(item));
            }
        }
        if (!hasFile) {
            throw new InvalidParameterException(FILE, "is required: a multipart part named file");
        }
        form.reset();
        for (FileItemInputIterator items = parse(form, contentType, limit); items.hasNext(); ) {
            FileItemInput item = items.next();
            if (FILE.equals(item.getFieldName())) {
                message.setHeader(EvidenceUploads.FILE_NAME, item.getName());
                message.setHeader(EvidenceUploads.FILE_CONTENT_TYPE, item.getContentType());
                message.setBody(item.getInputStream());
                return;
            }
        }
    }

    private static FileItemInputIterator parse(StreamCache form, String contentType, long limit) throws IOException {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setMaxSize(limit);
        upload.setMaxFileCount(16);
        // every StreamCache Camel spools a request into is itself the stream to read
        return upload.getItemIterator(new SpooledForm((InputStream) form, contentType));
    }

    private static String text(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
                throw new InvalidParameterException(item.getFieldName(), "is longer than " + MAX_FIELD_BYTES + " bytes");
            }
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private record SpooledForm(InputStream body, String contentType) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
