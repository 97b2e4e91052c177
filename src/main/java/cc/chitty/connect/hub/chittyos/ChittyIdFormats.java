package cc.chitty.connect.hub.chittyos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The documented ChittyID shapes ({@code hub.chittyid.accepted-formats}, all by default), for deciding what the hub
 * may refuse without the service. The service decides formats: the hub refuses only an id that matches no accepted
 * shape, or the canonical shape with a wrong mod-97 checksum; every other id goes to the service, since a shape the
 * hub knows does not prove the id was issued. Shapes: {@code canonical}, the service's
 * {@code VV-G-LLL-SSSS-T-YM-C-X} with a 3- or 4-digit year-month and its mod-97 checksum
 * ({@code 03-1-USA-5537-P-2602-0-38}); {@code ct-letters}, the v2.2 client's letters form
 * ({@code CT-A-CHI-1234-I-24-A-0}); {@code chittychat-v2}, the form the v2.2 tests used
 * ({@code 01-A-CHI-1234-I-2409-5-0}); {@code spec-v1}, CHITTYID_SPEC.md's ({@code 01-C-ACT-4829-PEO-Q5-7-0}).
 */
@Component
@EnableConfigurationProperties(ChittyIdFormats.Properties.class)
public class ChittyIdFormats {

    @ConfigurationProperties("hub.chittyid")
    record Properties(List<String> acceptedFormats) {
        Properties {
            acceptedFormats = acceptedFormats != null ? acceptedFormats
                    : List.of("canonical", "ct-letters", "chittychat-v2", "spec-v1");
        }
    }

    private record Format(Pattern pattern, boolean checksummed) {
    }

    private static final Map<String, Format> KNOWN = Map.of(
            "canonical", new Format(Pattern.compile("\\d{2}-[A-Z0-9]-[A-Z]{3}-\\d{4}-[PLTEA]-\\d{3,4}-[0-5]-\\d{2}"),
                    true),
            "ct-letters", new Format(Pattern.compile("[A-Z]{2}-[A-Z]-[A-Z]{3}-\\d{4}-[A-Z]-\\d{2}-[A-Z]-[0-9A-Z]"),
                    false),
            "chittychat-v2", new Format(Pattern.compile("\\d{2}-[A-Z]-[A-Z]{3}-\\d{4}-[A-Z]-\\d{4}-\\d-[0-9A-Z]"),
                    false),
            "spec-v1", new Format(Pattern.compile("\\d{2}-[CE]-[A-Z]{3}-[0-9A-Z]{4}-[A-Z]{3,7}-[0-9A-Z]+-[0-9A-Z]-[0-9A-Z]"),
                    false));

    private final Map<String, Format> accepted = new LinkedHashMap<>();

    ChittyIdFormats(Properties properties) {
        for (String name : properties.acceptedFormats()) {
            Format format = KNOWN.get(name);
            if (format == null) {
                throw new IllegalStateException("unknown ChittyID format " + name + "; known: " + KNOWN.keySet());
            }
            accepted.put(name, format);
        }
    }

    /** Why the hub may refuse the id on its own ({@code format}, {@code checksum}), or empty: ask the service. */
    public Optional<String> problem(String chittyId) {
        if (chittyId == null) {
            return Optional.of("missing");
        }
        for (Format format : accepted.values()) {
            if (format.pattern().matcher(chittyId).matches()) {
                return !format.checksummed() || checksumHolds(chittyId) ? Optional.empty() : Optional.of("checksum");
            }
        }
        return Optional.of("format");
    }

    /**
     * The canonical mod-97 check: over the id without its last two characters and without hyphens, letters
     * count as 10..35 (two digits), digits as one; the last two characters must equal (98 - sum) mod 97.
     */
    static boolean checksumHolds(String chittyId) {
        String body = chittyId.substring(0, chittyId.length() - 2).replace("-", "");
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum = Character.isLetter(c) ? (sum * 100 + (c - 55)) % 97 : (sum * 10 + (c - '0')) % 97;
        }
        int expected = (98 - sum) % 97;
        return Integer.parseInt(chittyId.substring(chittyId.length() - 2)) == expected;
    }
}
