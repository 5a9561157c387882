package org.prospect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prospect.app.prefs.Prefs;
import org.prospect.app.prefs.PrefsStore;
import org.prospect.app.prefs.Theme;

class PrefsStoreTest {
    @Test
    void preferencesRoundTrip(@TempDir Path dir) throws Exception {
        PrefsStore store = new PrefsStore(dir.resolve("sub/settings.json"));
        Prefs saved = new Prefs(40, 60, 1280, 800, true, Theme.DARK, true, dir.resolve("x.json"));
        store.save(saved);
        PrefsStore.Loaded loaded = store.load();
        assertNull(loaded.warning());
        assertEquals(saved.withLastFile(dir.resolve("x.json").toAbsolutePath()), loaded.prefs());
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aCorruptFileFallsBackToTheDefaultsWithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\": \"dark\", \"width\": 12");
        PrefsStore.Loaded loaded = new PrefsStore(file).load();
        assertEquals(Prefs.defaults(), loaded.prefs());
        assertNotNull(loaded.warning());
        assertTrue(loaded.warning().contains("settings.json") && loaded.warning().contains("defaults"), loaded.warning());
    }

    @Test
    void noFileMeansTheDefaultsWithoutAWarning(@TempDir Path dir) {
        PrefsStore.Loaded loaded = new PrefsStore(dir.resolve("none.json")).load();
        assertEquals(Prefs.defaults(), loaded.prefs());
        assertNull(loaded.warning());
    }
}
