package org.personaworkbench.app.common;

import org.junit.jupiter.api.Test;
import org.personaworkbench.ui.UiResources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every i18n key used in the app's Java ({@code tr("…")}, {@code key("…")}) and in the FXML views
 * ({@code "%…"}) exists in the bundle, and every bundle entry is a valid MessageFormat pattern.
 */
class I18nKeysTest {

    private static final Pattern JAVA_KEY = Pattern.compile("\\b(?:tr|key)\\(\\s*\"([^\"]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("=\"%([A-Za-z0-9_.\\-]+)\"");

    private final ResourceBundle bundle = UiResources.messages(Locale.ROOT);

    @Test
    void everyKeyUsedInJavaExists() throws IOException {
        List<String> used = keysIn(Path.of("src/main/java"), ".java", JAVA_KEY);
        assertTrue(used.size() > 50, "expected many keys, found " + used.size());
        assertEquals(List.of(), missing(used), "keys used in Java but missing from messages.properties");
    }

    @Test
    void everyKeyUsedInFxmlExists() throws IOException {
        List<String> used = keysIn(Path.of("../ui-resources/src/main/resources"), ".fxml", FXML_KEY);
        assertFalse(used.isEmpty(), "no FXML keys found: is the path right?");
        assertEquals(List.of(), missing(used), "keys used in FXML but missing from messages.properties");
    }

    @Test
    void everyMessageIsAValidPattern() {
        List<String> broken = new ArrayList<>();
        for (String key : bundle.keySet()) {
            String value = bundle.getString(key);
            if (value.contains("{")) {
                try {
                    new MessageFormat(value).format(new Object[] {1, 2, 3});
                } catch (IllegalArgumentException e) {
                    broken.add(key + ": " + e.getMessage());
                }
                if (value.contains("'")) {
                    broken.add(key + ": a plain ' is eaten by MessageFormat; use ’");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void missingKeysShowThemselvesInsteadOfThrowing() {
        assertEquals("<no.such.key>", I18n.tr(I18n.key("no.such.key")));
    }

    private List<String> missing(List<String> used) {
        return new ArrayList<>(new TreeSet<>(used.stream().filter(k -> !bundle.containsKey(k))
                .filter(k -> !k.equals("no.such.key")).toList()));
    }

    private static List<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
