package org.prospect.app.record;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit for offscreen rendering on a machine with or without a display: the Monocle
 * headless platform with the software pipeline. The properties must be set before the toolkit starts.
 */
public final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {}

    public static synchronized void start() throws InterruptedException {
        if (started) return;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        if (!up.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the JavaFX toolkit did not start");
        Platform.setImplicitExit(false);
        started = true;
    }
}
