package cc.chitty.connect.hub.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import cc.chitty.connect.hub.capability.RequestParameters;
import cc.chitty.connect.hub.chittyos.CanonicalValues;
import cc.chitty.connect.hub.upstream.InvalidParameterException;
import cc.chitty.connect.hub.upstream.UpstreamCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.stereotype.Component;

/**
 * The {@code direct:chittyevidence.ingest} contract, whichever door calls it: the body is the file's content as a
 * stream, the headers {@link #CASE_ID} (required), {@link #EVIDENCE_TYPE}, {@link #METADATA} (a JSON object),
 * {@link #FILE_NAME} and {@link #FILE_CONTENT_TYPE} describe it. The upstream gets the multipart form the original
 * sent, with the file streamed into it as it is read, never held whole.
 */
@Component("evidenceUploads")
public class EvidenceUploads {

    public static final String CASE_ID = "caseId";
    public static final String EVIDENCE_TYPE = "evidenceType";
    public static final String METADATA = "metadata";
    public static final String FILE_NAME = "fileName";
    public static final String FILE_CONTENT_TYPE = "fileContentType";
    public static final List<String> HEADERS = List.of(CASE_ID, EVIDENCE_TYPE, METADATA, FILE_NAME, FILE_CONTENT_TYPE);

    private final RequestParameters parameters;
    private final CanonicalValues canonicalValues;
    private final ObjectMapper mapper;

    EvidenceUploads(RequestParameters parameters, CanonicalValues canonicalValues, ObjectMapper mapper) {
        this.parameters = parameters;
        this.canonicalValues = canonicalValues;
        this.mapper = mapper;
    }

    /** Checks the description, then replaces the body with the upstream's multipart request. */
    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        parameters.requireIdentifiers(message.getHeaders(), CASE_ID);
        String evidenceType = message.getHeader(EVIDENCE_TYPE, String.class);
        if (evidenceType != null && !evidenceType.isEmpty()) {
            canonicalValues.require(EVIDENCE_TYPE, evidenceType);
        }
        String metadata = message.getHeader(METADATA, String.class);
        if (metadata != null && !metadata.isEmpty()) {
            requireJsonObject(metadata);
        }
        InputStream file = message.getBody(InputStream.class);
        if (file == null) {
            throw new InvalidParameterException("file", "is required: the evidence file's content");
        }
        MultipartEntityBuilder form = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT)
                .addTextBody(CASE_ID, message.getHeader(CASE_ID, String.class), ContentType.TEXT_PLAIN);
        if (evidenceType != null && !evidenceType.isEmpty()) {
            form.addTextBody(EVIDENCE_TYPE, evidenceType, ContentType.TEXT_PLAIN);
        }
        if (metadata != null && !metadata.isEmpty()) {
            form.addTextBody(METADATA, metadata, ContentType.APPLICATION_JSON);
        }
        form.addBinaryBody("file", file, contentType(message.getHeader(FILE_CONTENT_TYPE, String.class)),
                fileName(message.getHeader(FILE_NAME, String.class)));
        HttpEntity entity = form.build();
        message.setBody(entity);
        message.setHeader(Exchange.CONTENT_TYPE, entity.getContentType());
        exchange.setProperty(UpstreamCall.METHOD, "POST");
        exchange.setProperty(UpstreamCall.PATH, "/api/ingest");
    }

    private void requireJsonObject(String metadata) {
        try {
            JsonNode parsed = mapper.readTree(metadata);
            if (parsed != null && parsed.isObject()) {
                return;
            }
        } catch (IOException e) {
            // answered below, as for any other value that is not an object
        }
        throw new InvalidParameterException(METADATA, "must be a JSON object");
    }

    private static ContentType contentType(String declared) {
        try {
            return declared == null || declared.isBlank() ? ContentType.APPLICATION_OCTET_STREAM
                    : ContentType.parse(declared);
        } catch (RuntimeException e) {
            return ContentType.APPLICATION_OCTET_STREAM;
        }
    }

    private static String fileName(String declared) {
        if (declared == null || declared.isBlank()) {
            return "evidence";
        }
        String name = declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1);
        return name.replaceAll("[\\r\\n\"]", "_");
    }
}
