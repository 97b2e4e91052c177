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
 * The ChittyID formats the hub accepts before it asks the service ({@code hub.chittyid.accepted-formats}). The
 * default is the canonical service format {@code VV-G-LLL-SSSS-T-YM-C-X} (a 3- or 4-digit year-month, as live
 * mints emit) with its mod-97 checksum; the other sources' variants can be switched on by name.
 */
@Component
@EnableConfigurationProperties(ChittyIdFormats.Properties.class)
public class ChittyIdFormats {

    @ConfigurationProperties("hub.chittyid")
    record Properties(List<String> acceptedFormats) {
        Properties {
            acceptedFormats = acceptedFormats != null ? acceptedFormats : List.of("canonical");
        }
    }

    private record Format(Pattern pattern, boolean checksummed) {
    }

    private static final Map<String, Format> KNOWN = Map.of(
            "canonical", new Format(Pattern.compile("\\d{2}-[A-Z0-9]-[A-Z]{3}-\\d{4}-[PLTEA]-\\d{3,4}-[0-5]-\\d{2}"),
                    true),
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

    /** Why the id is not acceptable, or empty when it is. */
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
